"""Property tests: whatever arrives from the gateway, parsing and replying never raise."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sejuk.activities.intake import format_reply, make_gazetteer_resolver, parse_message
from sejuk.activities.intake.dates import read_date

RESOLVER = make_gazetteer_resolver(["32.15"])
FRAGMENTS = [
    "sambang", "DIALOG", "kegiatan:", "28/11/2024", "31/02/2024", "28/11", "29/02", "00/00/0000",
    "kamis", "Jumat", "(28/11/2024)", "besok", "kemarin lusa", "jam", "25:99", "19.30", "pukul",
    "desa", "Desa Duren", "kec", "Kec. Klar1", "kota", "kab.", "kp", "RT 02/03", "kampung",
    "tokoh:", "H.", "Ust.", "KH", "(tomas)", "toga", "S.Ag", "(", ")", "[", "imbauan:", "hoaks",
    "netral", "situasi:", "rawan", "hadir", "0", "99999999", "±", "+/-", "mitra:", "babinsa",
    "ket:", "catatan", "/", "|", ";", ",", "\n", " - ", "–", ":", "=", "dan", "*", "_",
    "İ", "ß", "ﬁ", "\u200b", "١٢", "😀", "'", "’",
]  # fmt: skip
TODAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)) | st.sampled_from(
    [date.min, date.max, date(2024, 11, 28)]
)
structured = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), max_size=30).map(" ".join)
joined_without_spaces = st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(text: str, today: date, resolver) -> None:
    parsed = parse_message(text, today=today, resolve_place=resolver)
    assert isinstance(format_reply(parsed), str)
    assert isinstance(format_reply(parsed, language="en"), str)
    assert parsed.ok == (parsed.errors == ())


@SETTINGS
@given(text=st.text(), today=TODAYS)
def test_parse_message_never_raises_on_arbitrary_text(text, today):
    _check(text, today, None)


@SETTINGS
@given(text=st.text(), today=TODAYS)
def test_parse_message_with_a_resolver_never_raises_on_arbitrary_text(text, today):
    _check(text, today, RESOLVER)


@SETTINGS
@given(text=structured | joined_without_spaces, today=TODAYS)
def test_parse_message_never_raises_on_message_like_text(text, today):
    _check(text, today, RESOLVER)


@SETTINGS
@given(day=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)), back=st.integers(0, 30))
@pytest.mark.parametrize("form", ["%d/%m/%Y", "%d-%m-%Y", "%d/%m/%y", "%d.%m.%Y"])
def test_any_recent_date_written_in_a_numeric_form_reads_back_unchanged(form, day, back):
    written = day - timedelta(days=back)

    reading = read_date(written.strftime(form), day)

    assert reading.day == written
    assert reading.problems == ()


@SETTINGS
@given(text=structured, today=TODAYS)
def test_problems_are_always_bilingual_and_classified(text, today):
    parsed = parse_message(text, today=today, resolve_place=RESOLVER)

    for problem in (*parsed.errors, *parsed.warnings):
        assert problem.message_id and problem.message_en and problem.code and problem.field
    assert not {p.code for p in parsed.errors} & {p.code for p in parsed.warnings}
