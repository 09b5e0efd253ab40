"""The reply sent back to the officer after parsing a chat report."""

from __future__ import annotations

from datetime import date

import pytest

from sejuk.activities.intake import format_reply, make_gazetteer_resolver, parse_message

TODAY = date(2024, 11, 28)
SEED_STYLE = (
    "SAMBANG / 28/11/2024 / Desa Durren Kec. Klari / Tokoh: H. Arif (tomas), Ust. Rahmat (toga) / "
    "Imbauan: kamtibmas, hoaks, netral / Situasi: aman / Hadir: 25 / Mitra: Babinsa / Ket: lancar"
)


@pytest.fixture(scope="module")
def klari():
    return make_gazetteer_resolver(["32.15.05"])


def test_a_good_report_is_confirmed_one_line_per_field_in_indonesian(klari):
    reply = format_reply(parse_message(SEED_STYLE, today=TODAY, resolve_place=klari))

    assert reply == (
        "Laporan terbaca (draf):\n"
        "Kegiatan: Sambang\n"
        "Tanggal: Kamis 28/11/2024\n"
        "Tempat: Desa Duren, Kec. Klari, Kab. Karawang\n"
        "Tokoh: H. Arif (tomas); Ust. Rahmat (toga)\n"
        "Imbauan: Jaga kamtibmas, Tolak hoaks, Polri netral\n"
        "Situasi: Aman\n"
        "Hadir: 25 org\n"
        "Mitra: TNI\n"
        "Ket: lancar\n"
        "Periksa:\n"
        "1. Desa 'Durren' dibaca sebagai 'Duren'."
    )


def test_the_confirmation_is_in_english_when_asked(klari):
    reply = format_reply(parse_message(SEED_STYLE, today=TODAY, resolve_place=klari), language="en")

    assert reply.splitlines()[:4] == [
        "Report understood (draft):",
        "Activity: Visit",
        "Date: Thursday 28/11/2024",
        "Place: Desa Duren, Kec. Klari, Kab. Karawang",
    ]
    assert "Figures: H. Arif (community); Ust. Rahmat (religious)" in reply
    assert reply.endswith("1. Village 'Durren' read as 'Duren'.")


def test_the_time_is_shown_when_given():
    reply = format_reply(parse_message("dialog / 28/11/2024 jam 19.30 / Desa Duren", today=TODAY))

    assert "Tanggal: Kamis 28/11/2024, 19.30" in reply


def test_an_unresolved_place_is_shown_as_written():
    reply = format_reply(parse_message("dialog / 28/11/2024 / Desa Duren Kec. Klari", today=TODAY))

    assert "Tempat: Desa Duren, Kec. Klari" in reply


def test_problems_are_a_numbered_list_errors_first_then_warnings():
    parsed = parse_message("sambang / 31/02/2024 / Desa Duren / Hadir: banyak", today=TODAY)

    assert format_reply(parsed) == (
        "Laporan BELUM dicatat. Mohon perbaiki:\n"
        "1. Tanggal tidak dikenali: '31/02/2024' (Februari 2024 hanya 29 hari).\n"
        "Periksa juga:\n"
        "2. Tokoh yang ditemui belum ditulis untuk sambang. Tulis mis. 'Tokoh: H. Arif (tomas)'.\n"
        "3. Jumlah hadir tidak dikenali: 'banyak'. Tulis mis. 'Hadir: 25'.\n"
        "Kirim ulang pesan lengkap yang sudah diperbaiki."
    )


def test_a_missing_required_field_brings_an_example_of_the_format():
    reply = format_reply(parse_message("halo", today=TODAY), language="en")

    assert reply.splitlines()[0] == "Report NOT recorded yet. Please fix:"
    assert reply.splitlines()[-1].startswith("SAMBANG / 28/11/2024 / Desa Duren Kec. Klari")


@pytest.mark.parametrize("language", ["id", "en", "fr", ""])
def test_every_language_code_gives_a_reply(language):
    assert format_reply(parse_message(SEED_STYLE, today=TODAY), language=language)


def test_a_long_note_is_shortened_in_the_reply():
    parsed = parse_message("dialog / 28/11/2024 / Desa Duren / Ket: " + "kata " * 40, today=TODAY)

    line = next(line for line in format_reply(parsed).splitlines() if line.startswith("Ket:"))
    assert len(line) <= 70 and line.endswith("…")
