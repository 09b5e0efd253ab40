"""Activity dates: every written form, years from context, confirmation dates and contradictions."""

import pytest

from sejuk.press.extraction import extract
from sejuk.press.extraction.dates import activity_date, find_mentions

LEAD = "Bhabinkamtibmas Desa Kamojing Aipda Dodi Kurniawan menyambangi tokoh masyarakat"


def date_of(body: str, election_years: tuple[int, ...] = ()) -> str | None:
    return activity_date(body, 0, list(election_years))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (f"{LEAD}, Kamis (28/11/2024).", "2024-11-28"),
        (f"{LEAD} di Kelurahan Sekaran, Rabu, 4/12/2024. Patroli menyasar warung.", "2024-12-04"),
        (f"{LEAD}, Sabtu (07/09/24).", "2024-09-07"),
        (f"{LEAD} pada hari Sabtu tanggal 10 Februari 2024 malam.", "2024-02-10"),
        (f"{LEAD}, Kamis, 21 November 2024.", "2024-11-21"),
        (f"{LEAD}, Senin (14/4/2025) pukul 09.30 WITA.", "2025-04-14"),
    ],
)
def test_each_written_form_of_a_full_date_is_read(body, expected):
    assert date_of(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (f"{LEAD} selepas salat Jumat (19/1). Menjelang Pemilu 14 Februari 2024.", "2024-01-19"),
        (f"{LEAD}, Senin (12/8). Menjelang Pilkada Serentak 27 November 2024.", "2024-08-12"),
        (f"Dua pekan setelah Pilkada Serentak 27 November 2024, {LEAD} pada 9 Desember.", "2024-12-09"),
        (f"{LEAD}, Selasa (15/10) dalam rangka Pilkada 2024.", "2024-10-15"),
    ],
)
def test_a_missing_year_comes_from_the_other_dates_and_the_election(body, expected):
    assert date_of(body, (2024,)) == expected


def test_the_year_before_is_chosen_when_only_it_matches_the_weekday():
    assert date_of(f"{LEAD}, Senin (18/12) menjelang Pemilu 2024.", (2024,)) == "2023-12-18"


def test_a_confirmation_date_is_not_the_activity_date():
    body = (
        f'{LEAD}, Senin (2/12/2024). "Kami berpesan agar warga rukun," '
        "kata Sri saat dikonfirmasi, Selasa (3/12/2024)."
    )
    assert date_of(body) == "2024-12-02"


def test_a_written_statement_date_alone_gives_no_activity_date():
    body = (
        "Unit Binmas dalam beberapa hari terakhir menggelar sosialisasi. "
        "Kapolresta dalam keterangan tertulisnya, Rabu (13/11/2024), mengatakan."
    )
    assert date_of(body) is None


def test_the_date_of_a_quote_at_the_activity_counts_when_it_is_the_only_date():
    body = '"Kami minta warga tenang," ujar Rachmat di sela kegiatan, Jumat (29/11/2024).'
    assert date_of(body) == "2024-11-29"


def test_a_weekday_that_contradicts_the_date_gives_null():
    assert date_of(f"{LEAD}, Senin (8/12/2024).") is None


def test_a_dateline_date_contradicted_by_the_weekday_in_the_body_gives_null():
    text = (
        "MATARAM, 10 Oktober 2024 – Polsek Ampenan menggelar sosialisasi. "
        "Kegiatan dimulai Sabtu pagi pukul 08.30."
    )
    assert extract(text)["activity_date"] is None


def test_no_date_at_all_gives_null():
    assert date_of(f"{LEAD} pasca pemungutan suara Pemilu 2024.") is None


def test_the_date_of_the_vote_itself_is_only_context():
    [mention] = find_mentions("Menjelang Pilkada Serentak 27 November 2024, warga berkumpul.")
    assert mention.role == "election"


def test_a_publication_stamp_in_the_header_is_never_the_activity_date():
    text = (
        "BINMAS\n\nJudul Berita Sambang\n\nNov 28, 2024 - 11:58\n\n"
        "Polres Karawang - Bhabinkamtibmas Aipda Dodi Kurniawan menyambangi tokoh masyarakat "
        "pasca Pilkada 2024."
    )
    assert extract(text)["activity_date"] is None


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (f"{LEAD} di pasar malam, Selasa malam 03-12-2024.", "2024-12-03"),
        (f"{LEAD}, Rabu, (16/4/2025).", "2025-04-16"),
        (f"{LEAD} pada hari Selasa tanggal 22 April 2025.", "2025-04-22"),
    ],
)
def test_dates_with_a_time_of_day_or_odd_punctuation(body, expected):
    assert date_of(body) == expected
