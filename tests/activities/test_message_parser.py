"""The chat-message parser: what officers type, and what Sejuk understands from it.

Pure Python: run with `pytest tests/activities -p no:django`. Dates are fixed to the day of the
seed press release (Kamis 28/11/2024, the day after the Pilkada vote).
"""

from __future__ import annotations

from datetime import date, time

import pytest

from sejuk.activities.intake import make_gazetteer_resolver
from sejuk.activities.vocabulary import ACTIVITY_TYPE_CODES, THEME_CODES
from tests.activities.message_helpers import DUREN_KLARI, SEED_STYLE, codes, parse


@pytest.fixture(scope="module")
def klari():
    """The resolver of an officer of Polsek Klari (kecamatan 32.15.05)."""
    return make_gazetteer_resolver(["32.15.05"])


# --- the seed-style message ------------------------------------------------------------------


def test_seed_style_message_parses_fully_without_problems(klari):
    parsed = parse(SEED_STYLE, klari)

    assert parsed.ok and parsed.errors == () and parsed.warnings == ()
    assert parsed.activity_type == "sambang"
    assert parsed.activity_date == date(2024, 11, 28)
    assert (parsed.place.desa, parsed.place.kecamatan) == ("Duren", "Klari")
    assert parsed.place.resolution.code == DUREN_KLARI
    assert [(f.honorifics, f.name, f.kind) for f in parsed.figures] == [
        (("H.",), "Arif", "tokoh_masyarakat"),
        (("Ust.",), "Rahmat", "tokoh_agama"),
    ]
    assert parsed.themes == ("jaga_kamtibmas", "tolak_hoaks", "netralitas_polri")
    assert parsed.situation == "aman"


def test_seed_style_message_keeps_each_figures_raw_text_for_the_registry_match():
    figures = parse(SEED_STYLE).figures

    assert [f.raw for f in figures] == ["H. Arif (tomas)", "Ust. Rahmat (toga)"]
    assert [f.kind_inferred for f in figures] == [False, False]


def test_without_a_resolver_the_place_is_kept_as_text_and_not_an_error():
    parsed = parse(SEED_STYLE)

    assert parsed.ok
    assert parsed.place.resolution is None
    assert parsed.place.raw == "Desa Duren Kec. Klari"


# --- tolerant of how people type -----------------------------------------------------------

SAME_REPORT = [
    pytest.param(SEED_STYLE.lower(), id="lower case"),
    pytest.param(SEED_STYLE.upper(), id="upper case"),
    pytest.param(SEED_STYLE.replace(" / ", " | "), id="pipes"),
    pytest.param(SEED_STYLE.replace(" / ", "; "), id="semicolons"),
    pytest.param(SEED_STYLE.replace(" / ", "\n"), id="new lines"),
    pytest.param(SEED_STYLE.replace(" / ", " - "), id="dashes"),
    pytest.param(SEED_STYLE.replace(" / ", "/"), id="slashes without spaces"),
    pytest.param(
        "sambang / Situasi: aman / Imbauan: kamtibmas, hoaks, netral / "
        "Tokoh: H. Arif (tomas), Ust. Rahmat (toga) / Desa Duren Kec. Klari / 28/11/2024",
        id="segments in another order",
    ),
    pytest.param(
        "Kegiatan: sambang\nTanggal: 28/11/2024\nLokasi: Desa Duren, Kec. Klari\n"
        "Tokoh: H. Arif (tomas), Ust. Rahmat (toga)\nImbauan: kamtibmas, hoaks, netral\nSituasi: aman",
        id="key-value lines",
    ),
    pytest.param(
        "*LAPORAN GIAT SAMBANG*\nHari/Tgl: Kamis, 28/11/2024\nDesa: Duren\nKec: Klari\n"
        "Tokoh:\n1. H. Arif (tomas)\n2. Ust. Rahmat (toga)\nHimbauan:\n- kamtibmas\n- hoax\n"
        "- netralitas\nSit: aman",
        id="whatsapp form with lists under labels",
    ),
    pytest.param(
        "Situasi: aman\nKegiatan: Sambang\nImbauan: kamtibmas, hoaks, netral\n"
        "Tokoh: H. Arif (tomas), Ust. Rahmat (toga)\nTempat: Desa Duren Kec. Klari\nTgl: 28-11-2024",
        id="key-value lines in any order",
    ),
    pytest.param(
        "sambang 28/11/2024 desa duren kec klari tokoh h arif tomas, ustad rahmat toga "
        "imbauan kamtibmas, hoaks, netral situasi aman",
        id="no separators at all",
    ),
    pytest.param(
        "📌 SAMBANG\n🗓 Kamis 28/11/24\n📍 Duren - Klari\n👤 Tokoh: H. Arif (tomas), Ust. Rahmat (toga)\n"
        "📢 Imbauan: jaga kamtibmas, tolak hoaks, polri netral\n✅ Situasi: aman",
        id="emoji bullets and a place without level words",
    ),
    pytest.param(
        "SAMBANG / 28/11/2024 / Ds. Durren Kec. Klar1 / Tokoh: H. Arif (tomass), Ustadz Rahmat (toga) / "
        "Imbauan: kamtibmaz, hoks, netral / Situasi: amn",
        id="typos",
    ),
]


@pytest.mark.parametrize("text", SAME_REPORT)
def test_the_same_report_is_understood_however_it_is_typed(text, klari):
    parsed = parse(text, klari)

    assert parsed.errors == ()
    assert parsed.activity_type == "sambang"
    assert parsed.activity_date == date(2024, 11, 28)
    assert parsed.place.resolution.code == DUREN_KLARI
    assert [(f.name, f.kind) for f in parsed.figures] == [
        ("Arif", "tokoh_masyarakat"),
        ("Rahmat", "tokoh_agama"),
    ]
    assert set(parsed.themes) == {"jaga_kamtibmas", "tolak_hoaks", "netralitas_polri"}


def test_typos_in_places_are_corrected_with_a_warning_the_officer_sees(klari):
    parsed = parse("sambang / 28/11/2024 / Ds. Durren Kec. Klar1 / Tokoh: H. Arif", klari)

    assert parsed.ok
    assert codes(parsed.warnings) == ["place.corrected", "place.corrected"]
    assert "'Durren' dibaca sebagai 'Duren'" in parsed.warnings[1].message_id
    assert "'Klar1' read as 'Klari'" in parsed.warnings[0].message_en


def test_a_full_key_value_report_fills_every_field(klari):
    parsed = parse(
        "Kegiatan: silaturahmi\n"
        "Tanggal: Kamis (28/11/2024) pukul 19.30 WIB\n"
        "Lokasi: Masjid Al-Ikhlas, Kp. Pasir RT 02/03, Desa Duren, Kec. Klari, Kab. Karawang\n"
        "Tokoh: KH. Drs. Ahmad Syafii, M.Ag (toga); Hj. Aminah sbg tokoh perempuan\n"
        "Imbauan: jangan terprovokasi, bijak medsos, hormati hasil KPU, jaga persatuan, lapor 110\n"
        "Situasi: aman terkendali\n"
        "Hadir: +/- 40 orang\n"
        "Mitra: Babinsa, Kades, PPK/PPS, Karang Taruna\n"
        "Ket: warga menerima imbauan; suasana kondusif / tidak ada gangguan",
        klari,
    )

    assert parsed.errors == () and parsed.warnings == ()
    assert parsed.activity_type == "silaturahmi"
    assert (parsed.activity_date, parsed.activity_time) == (date(2024, 11, 28), time(19, 30))
    assert parsed.place.details == ("Masjid Al-Ikhlas", "Kp. Pasir RT 02/03")
    assert parsed.place.kabupaten == "Karawang"
    assert parsed.place.resolution.code == DUREN_KLARI
    ahmad, aminah = parsed.figures
    assert (ahmad.honorifics, ahmad.name, ahmad.degrees, ahmad.kind) == (
        ("KH", "Drs."),
        "Ahmad Syafii",
        ("M.Ag",),
        "tokoh_agama",
    )
    assert (aminah.honorifics, aminah.name, aminah.kind) == (("Hj.",), "Aminah", "tokoh_perempuan")
    assert parsed.themes == (
        "hindari_provokasi",
        "bijak_medsos",
        "hormati_hasil",
        "persatuan",
        "lapor_polisi",
    )
    assert parsed.situation == "aman"
    assert parsed.attendance == 40
    assert parsed.partner_codes == ("tni", "kepala_desa", "kpu_bawaslu", "karang_taruna")
    assert parsed.notes == "warga menerima imbauan; suasana kondusif / tidak ada gangguan"


# --- activity types --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("SAMBANG", "sambang"),
        ("sambangi", "sambang"),
        ("Dialog", "dialog"),
        ("diskusi", "dialog"),
        ("coffee morning", "dialog"),
        ("silaturahmi", "silaturahmi"),
        ("silaturahim", "silaturahmi"),
        ("patroli dialogis", "patroli_dialogis"),
        ("imbauan", "imbauan"),
        ("himbauan", "imbauan"),
        ("doa bersama", "doa_bersama"),
        ("deklarasi", "deklarasi_damai"),
        ("deklarasi damai", "deklarasi_damai"),
        ("rakor", "rapat_koordinasi"),
        ("rapat koordinasi", "rapat_koordinasi"),
        ("baksos", "bakti_sosial"),
        ("bakti sosial", "bakti_sosial"),
        ("penyuluhan", "penyuluhan"),
        ("sosialisasi", "penyuluhan"),
        ("binluh", "penyuluhan"),
        ("jumat curhat", "jumat_curhat"),
        ("Jum'at Curhat", "jumat_curhat"),
        ("sambng", "sambang"),
        ("silaturhmi", "silaturahmi"),
    ],
)
def test_every_activity_keyword_gives_its_type_code(word, code):
    parsed = parse(f"{word} / 28/11/2024 / Desa Duren / Tokoh: H. Arif")

    assert parsed.activity_type == code
    assert code in ACTIVITY_TYPE_CODES


@pytest.mark.parametrize(
    "text",
    [
        "Kegiatan: sambang / 28/11/2024 / Desa Duren",
        "28/11/2024 / Desa Duren / Kegiatan: sambang",
        "Laporan giat sambang / 28/11/2024 / Desa Duren",
        "Sambang tokoh masyarakat / 28/11/2024 / Desa Duren",
        "Jenis kegiatan: sambang / 28/11/2024 / Desa Duren",
    ],
)
def test_the_activity_type_may_come_first_or_be_labelled(text):
    assert parse(text).activity_type == "sambang"


def test_imbauan_first_is_the_type_but_imbauan_with_a_colon_lists_the_themes():
    parsed = parse("IMBAUAN / 28/11/2024 / Desa Duren / Imbauan: hoaks")

    assert parsed.activity_type == "imbauan"
    assert parsed.themes == ("tolak_hoaks",)


# --- themes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "theme"),
    [
        ("kamtibmas", "jaga_kamtibmas"),
        ("kondusif", "jaga_kamtibmas"),
        ("tertib", "jaga_kamtibmas"),
        ("hukum", "patuhi_hukum"),
        ("provokasi", "hindari_provokasi"),
        ("jangan terprovokasi", "hindari_provokasi"),
        ("hoax", "tolak_hoaks"),
        ("hoaks", "tolak_hoaks"),
        ("hoks", "tolak_hoaks"),
        ("medsos", "bijak_medsos"),
        ("sosmed", "bijak_medsos"),
        ("hasil", "hormati_hasil"),
        ("hormati hasil", "hormati_hasil"),
        ("KPU", "hormati_hasil"),
        ("netral", "netralitas_polri"),
        ("netralitas", "netralitas_polri"),
        ("persatuan", "persatuan"),
        ("rukun", "persatuan"),
        ("kerukunan", "persatuan"),
        ("lapor", "lapor_polisi"),
        ("110", "lapor_polisi"),
    ],
)
def test_every_theme_keyword_gives_its_theme_code(words, theme):
    parsed = parse(f"imbauan / 28/11/2024 / Desa Duren / Imbauan: {words}")

    assert parsed.themes == (theme,)
    assert theme in THEME_CODES


def test_an_unknown_appeal_word_is_a_warning_and_is_kept_not_lost():
    parsed = parse("sambang / 28/11/2024 / Desa Duren / Tokoh: H. Arif / Imbauan: kamtibmas, jangan golput")

    assert parsed.ok
    assert parsed.themes == ("jaga_kamtibmas",)
    assert parsed.theme_extra == ("jangan golput",)
    assert codes(parsed.warnings) == ["themes.unknown"]
    assert (
        parsed.warnings[0].message_id == "Imbauan tidak dikenali: 'jangan golput' (disimpan sebagai catatan)."
    )


# --- figures ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("tomas", "tokoh_masyarakat"),
        ("tokoh masyarakat", "tokoh_masyarakat"),
        ("toga", "tokoh_agama"),
        ("tokoh agama", "tokoh_agama"),
        ("toda", "tokoh_adat"),
        ("tokad", "tokoh_adat"),
        ("tokoh adat", "tokoh_adat"),
        ("topem", "tokoh_pemuda"),
        ("tokoh pemuda", "tokoh_pemuda"),
        ("toper", "tokoh_perempuan"),
        ("tokper", "tokoh_perempuan"),
        ("tokoh perempuan", "tokoh_perempuan"),
    ],
)
@pytest.mark.parametrize(
    "pattern",
    ["Tokoh: Bpk. Dedi ({})", "Tokoh: Bpk. Dedi - {}", "Tokoh: Bpk. Dedi sbg {}", "{}: Bpk. Dedi"],
)
def test_every_figure_kind_abbreviation_is_understood_wherever_it_is_written(written, kind, pattern):
    parsed = parse("sambang / 28/11/2024 / Desa Duren / " + pattern.format(written))

    assert [(f.honorifics, f.name, f.kind) for f in parsed.figures] == [(("Bpk.",), "Dedi", kind)]


@pytest.mark.parametrize(
    ("written", "honorifics", "name", "kind"),
    [
        ("H. Arif", ("H.",), "Arif", None),
        ("H Arif", ("H.",), "Arif", None),
        ("Hj. Aminah", ("Hj.",), "Aminah", None),
        ("KH Maman", ("KH",), "Maman", "tokoh_agama"),
        ("K.H. Maman", ("KH",), "Maman", "tokoh_agama"),
        ("Ust. Rahmat", ("Ust.",), "Rahmat", "tokoh_agama"),
        ("Ustadz Rahmat", ("Ust.",), "Rahmat", "tokoh_agama"),
        ("ustad rahmat", ("Ust.",), "Rahmat", "tokoh_agama"),
        ("Ustadzah Siti", ("Ustzh.",), "Siti", "tokoh_agama"),
        ("Pdt. Yohanes", ("Pdt.",), "Yohanes", "tokoh_agama"),
        ("Romo Agus", ("Romo",), "Agus", "tokoh_agama"),
        ("Ida Pedanda Gede", ("Ida Pedanda",), "Gede", "tokoh_agama"),
        ("Datuk Rajo", ("Datuk",), "Rajo", "tokoh_adat"),
        ("KH. Drs. H. Ahmad", ("KH", "Drs.", "H."), "Ahmad", "tokoh_agama"),
        ("ARIF KUSPRIYADI", (), "Arif Kuspriyadi", None),
        ("Hasan", (), "Hasan", None),
    ],
)
def test_honorifics_are_held_apart_and_religious_ones_imply_a_religious_figure(
    written, honorifics, name, kind
):
    (figure,) = parse(f"sambang / 28/11/2024 / Desa Duren / Tokoh: {written}").figures

    assert (figure.honorifics, figure.name, figure.kind) == (honorifics, name, kind)
    assert figure.kind_inferred == (kind is not None)


def test_a_stated_kind_wins_over_the_kind_an_honorific_implies():
    (figure,) = parse("sambang / 28/11/2024 / Desa Duren / Tokoh: Ust. Rahmat (tomas)").figures

    assert (figure.kind, figure.kind_inferred) == ("tokoh_masyarakat", False)


def test_words_in_brackets_that_are_not_a_kind_are_kept_as_the_role():
    (figure,) = parse("sambang / 28/11/2024 / Desa Duren / Tokoh: H. Arif (tomas, ketua RW 05)").figures

    assert (figure.name, figure.kind, figure.role) == ("Arif", "tokoh_masyarakat", "ketua RW 05")


def test_academic_degrees_after_a_comma_stay_with_their_name():
    figures = parse("sambang / 28/11/2024 / Desa Duren / Tokoh: H. Arif, S.Ag. (toga), Bpk. Dedi, SH").figures

    assert [(f.name, f.degrees) for f in figures] == [("Arif", ("S.Ag.",)), ("Dedi", ("SH",))]
    assert figures[0].display_name == "H. Arif, S.Ag."


@pytest.mark.parametrize(
    "text",
    [
        "Tokoh: H. Arif (tomas), Ust. Rahmat (toga), Bpk. Dedi",
        "Tokoh: H. Arif (tomas); Ust. Rahmat (toga); Bpk. Dedi",
        "Tokoh: H. Arif (tomas) dan Ust. Rahmat (toga) dan Bpk. Dedi",
        "Tokoh: H. Arif (tomas) Ust. Rahmat (toga), Bpk. Dedi",
        "Tokoh: H. Arif (tomas) / Ust. Rahmat (toga) / Bpk. Dedi",
        "Tokoh: 1. H. Arif (tomas) 2. Ust. Rahmat (toga) 3. Bpk. Dedi",
        "Tokoh:\nH. Arif (tomas)\nUst. Rahmat (toga)\nBpk. Dedi",
        "Tomas: H. Arif / Toga: Ust. Rahmat / Tokoh: Bpk. Dedi",
    ],
)
def test_a_list_of_figures_may_be_separated_in_many_ways(text):
    figures = parse("sambang / 28/11/2024 / Desa Duren / " + text).figures

    assert [f.name for f in figures] == ["Arif", "Rahmat", "Dedi"]
    assert [f.kind for f in figures][:2] == ["tokoh_masyarakat", "tokoh_agama"]


def test_a_visit_without_a_figure_is_a_warning_not_an_error():
    parsed = parse("sambang / 28/11/2024 / Desa Duren")

    assert parsed.ok
    assert codes(parsed.warnings) == ["figures.missing"]


def test_a_patrol_without_a_figure_needs_no_warning():
    assert parse("patroli dialogis / 28/11/2024 / Desa Duren").warnings == ()


# --- situation, attendance, partners, notes --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "situation"),
    [
        ("Situasi: aman", "aman"),
        ("situasi aman terkendali", "aman"),
        ("Sit: kondusif", "aman"),
        ("aman", "aman"),
        ("Kondisi: waspada", "waspada"),
        ("Situasi: kurang kondusif", "waspada"),
        ("Situasi: RAWAN", "rawan"),
        ("Situasi: tidak kondusif", "rawan"),
        ("Situasi: aman tapi perlu waspada", "waspada"),
        ("Situasi: rwan", "rawan"),
    ],
)
def test_the_situation_is_read_and_the_most_severe_word_wins(text, situation):
    assert parse(f"patroli / 28/11/2024 / Desa Duren / {text}").situation == situation


def test_an_unknown_situation_word_is_a_warning():
    parsed = parse("patroli / 28/11/2024 / Desa Duren / Situasi: biasa saja")

    assert parsed.situation is None
    assert codes(parsed.warnings) == ["situation.unknown"]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Hadir: 25", 25),
        ("hadir 25 org", 25),
        ("peserta 40 org", 40),
        ("Jumlah peserta: ±30 orang", 30),
        ("Hadir: +/- 30 orang", 30),
        ("40 orang", 40),
        ("sekitar 50 warga", 50),
    ],
)
def test_attendance_is_read_from_a_count(text, count):
    assert parse(f"dialog / 28/11/2024 / Desa Duren / {text}").attendance == count


def test_attendance_without_a_number_is_a_warning():
    parsed = parse("dialog / 28/11/2024 / Desa Duren / Hadir: banyak")

    assert parsed.attendance is None
    assert codes(parsed.warnings) == ["attendance.unreadable"]


@pytest.mark.parametrize(
    ("text", "partners"),
    [
        ("Mitra: Babinsa", ("tni",)),
        ("Bersama Babinsa dan Kades", ("tni", "kepala_desa")),
        ("Mitra: TNI, camat, lurah", ("tni", "camat", "kepala_desa")),
        ("Mitra: KPU/Bawaslu", ("kpu_bawaslu",)),
        ("Mitra: PPK, PPS", ("kpu_bawaslu",)),
        ("Mitra: FKUB, MUI", ("fkub_mui",)),
        ("Mitra: ormas, karang taruna", ("ormas", "karang_taruna")),
        ("Hadir: Babinsa, Kades", ("tni", "kepala_desa")),
        ("Babinsa, Kades", ("tni", "kepala_desa")),
        ("Mitra: Linmas", ("other",)),
    ],
)
def test_partners_are_read_into_partner_codes(text, partners):
    assert parse(f"dialog / 28/11/2024 / Desa Duren / {text}").partner_codes == partners


def test_notes_take_everything_after_ket_with_the_officers_own_punctuation():
    parsed = parse("dialog / 28/11/2024 / Desa Duren / Ket: warga aman; tidak ada gangguan / lancar")

    assert parsed.notes == "warga aman; tidak ada gangguan / lancar"
    assert parsed.situation is None


def test_notes_end_at_the_next_label_with_a_colon():
    parsed = parse("dialog\n28/11/2024\nCatatan: lancar\nberjalan baik\nSituasi: aman\nDesa Duren")

    assert parsed.notes == "lancar\nberjalan baik"
    assert parsed.situation == "aman"


def test_a_part_that_means_nothing_is_kept_as_a_note_with_a_warning():
    parsed = parse("dialog / 28/11/2024 / Desa Duren / blablabla 123")

    assert parsed.ok
    assert parsed.notes == "blablabla 123"
    assert codes(parsed.warnings) == ["segment.unrecognized"]
