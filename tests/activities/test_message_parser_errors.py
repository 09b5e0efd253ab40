"""The chat-message parser's errors: each problem named precisely, nothing silently dropped.

Pure Python, like test_message_parser.py; dates are fixed to Kamis 28/11/2024.
"""

from __future__ import annotations

from datetime import time

import pytest

from sejuk.activities.intake import make_gazetteer_resolver
from tests.activities.message_helpers import DUREN_KLARI, SEED_STYLE, TODAY, codes, parse


@pytest.fixture(scope="module")
def klari():
    """The resolver of an officer of Polsek Klari (kecamatan 32.15.05)."""
    return make_gazetteer_resolver(["32.15.05"])


# --- errors, each with a precise message ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "message_id"),
    [
        ("28/11/2024 / Desa Duren", "type.missing", "Jenis kegiatan tidak ada."),
        (
            "ngopi santai / 28/11/2024 / Desa Duren",
            "type.unknown",
            "Jenis kegiatan tidak dikenali: 'ngopi santai'.",
        ),
        ("sambang / Desa Duren", "date.missing", "Tanggal tidak ada."),
        ("sambang / 31/02/2024 / Desa Duren", "date.impossible", "Tanggal tidak dikenali: '31/02/2024'"),
        ("sambang / 29/11/2024 / Desa Duren", "date.future", "Tanggal belum terjadi: 29/11/2024"),
        ("sambang / besok / Desa Duren", "date.future", "Tanggal belum terjadi: 29/11/2024"),
        ("sambang / Jumat (28/11/2024) / Desa Duren", "date.weekday_mismatch", "Hari tidak cocok"),
        (
            "sambang / Tanggal: kapan-kapan / Desa Duren",
            "date.unreadable",
            "Tanggal tidak dikenali: 'kapan-kapan'",
        ),
        ("sambang / 28/11/2024 jam 25.00 / Desa Duren", "time.invalid", "Jam tidak dikenali: '25.00'"),
        ("sambang / 28/11/2024", "place.missing", "Tempat tidak ada."),
        ("sambang / 28/11/2024 / di rumah warga", "place.no_region", "Tempat tanpa desa/kecamatan"),
        ("sambang / dialog / 28/11/2024 / Desa Duren", "type.conflict", "Jenis kegiatan disebut dua kali"),
        ("sambang / 27/11/2024 / 28/11/2024 / Desa Duren", "date.conflict", "Tanggal disebut dua kali"),
    ],
)
def test_each_error_has_a_precise_message(text, code, message_id):
    parsed = parse(text)

    assert not parsed.ok
    problem = next(p for p in parsed.errors if p.code == code)
    assert problem.message_id.startswith(message_id) or message_id in problem.message_id
    assert problem.message_en  # always bilingual


def test_an_impossible_date_says_why():
    (problem,) = parse("sambang / 31/02/2024 / Desa Duren / Tokoh: H. Arif").errors

    assert problem.message_id == "Tanggal tidak dikenali: '31/02/2024' (Februari 2024 hanya 29 hari)."
    assert problem.message_en == "Date not recognised: '31/02/2024' (February 2024 has only 29 days)."


def test_an_unknown_place_is_an_error_naming_the_text(klari):
    parsed = parse("sambang / 28/11/2024 / Desa Zyxwvut Kec. Klari / Tokoh: H. Arif", klari)

    (problem,) = parsed.errors
    assert problem.code == "place.unknown"
    assert (
        problem.message_id
        == "Desa tidak ditemukan di Kec. Klari, Kab. Karawang: 'Zyxwvut'. Periksa ejaannya."
    )


def test_an_ambiguous_place_is_an_error_listing_where_it_exists(klari):
    parsed = parse("sambang / 28/11/2024 / Desa Sukamaju / Tokoh: H. Arif", klari)

    (problem,) = parsed.errors
    assert problem.code == "place.ambiguous"
    assert problem.message_id.startswith("Desa 'Sukamaju' ada di ")
    assert "Tambahkan kecamatan/kabupaten." in problem.message_id
    assert len(parsed.place.resolution.candidates) > 1


def test_an_empty_message_is_one_error():
    assert codes(parse("   \n ").errors) == ["message.empty"]


def test_a_message_with_nothing_recognisable_lists_all_that_is_missing():
    parsed = parse("selamat pagi komandan")

    assert codes(parsed.errors) == ["type.unknown", "date.missing", "place.missing"]


def test_every_problem_names_its_field():
    parsed = parse("ngopi / 31/02/2024 / Hadir: banyak")

    assert {p.field for p in (*parsed.errors, *parsed.warnings)} == {
        "activity_type",
        "activity_date",
        "place",
        "attendance",
    }


def test_a_time_without_a_date_still_reports_the_missing_date():
    parsed = parse("sambang / Waktu: 19.30 / Desa Duren / Tokoh: H. Arif")

    assert parsed.activity_time == time(19, 30)
    assert codes(parsed.errors) == ["date.missing"]


def test_an_unreadable_date_is_reported_once_and_not_also_kept_as_a_note():
    parsed = parse("sambang / Tanggal: kapan-kapan / Desa Duren / Tokoh: H. Arif")

    assert codes(parsed.errors) == ["date.unreadable"]
    assert parsed.warnings == () and parsed.notes is None


def test_words_after_a_labelled_date_feed_their_own_fields(klari):
    parsed = parse("sambang / Tanggal: 28/11/2024 di Desa Duren / Tokoh: H. Arif", klari)

    assert parsed.ok and parsed.activity_date == TODAY
    assert parsed.place.resolution.code == DUREN_KLARI


def test_a_lone_kind_word_after_a_name_belongs_to_that_figure():
    figures = parse("sambang / kemarin / Desa Duren / H. Arif - tomas / Ust Rahmat - toga").figures

    assert [(f.name, f.kind, f.kind_inferred) for f in figures] == [
        ("Arif", "tokoh_masyarakat", False),
        ("Rahmat", "tokoh_agama", False),
    ]


def test_a_place_given_without_any_level_word_or_label_is_taken_from_position(klari):
    parsed = parse("SAMBANG / 28/11/2024 / Duren / Klari / Tokoh: H. Arif", klari)

    assert (parsed.place.desa, parsed.place.kecamatan) == ("Duren", "Klari")
    assert parsed.place.resolution.code == DUREN_KLARI


def test_the_parsed_message_is_frozen():
    parsed = parse(SEED_STYLE)

    with pytest.raises(AttributeError):
        parsed.activity_type = "dialog"  # type: ignore[misc]
