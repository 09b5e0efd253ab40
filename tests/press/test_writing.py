"""The pure writer: the seed visit as a release, its parts, variants, English, the downloads."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date, datetime

import pytest

from sejuk.activities.vocabulary import APPEAL_THEMES
from sejuk.press.writing import (
    ElectionFacts,
    FigureFacts,
    OfficerFacts,
    PlaceName,
    ReleaseFacts,
    ThemeFacts,
    UnitFacts,
    election_from_text,
    render,
    voice_of,
    write_daily_release,
    write_release,
)
from sejuk.press.writing import indonesian as ind

KLARI = UnitFacts("polsek", "Klari")
KARAWANG = UnitFacts("polres", "Karawang")
JABAR = UnitFacts("polda", "Jawa Barat", "Jabar")
ASEP = OfficerFacts("Aiptu", "Asep Saeful Zaelani", position="Kanit Propam", unit=KLARI)
KAPOLSEK = OfficerFacts("Kompol", "Andryan Nugraha", "H.", "S.H.", "Kapolsek", True, KLARI)
KAPOLRES = OfficerFacts("AKBP", "Edwar Zulkarnain", position="Kapolres", is_commander=True, unit=KARAWANG)
SEED_THEMES = ("jaga_kamtibmas", "patuhi_hukum", "hindari_provokasi", "netralitas_polri")
THEMES = tuple(ThemeFacts(t.code, t.wording_id, t.wording_en) for t in APPEAL_THEMES if t.code in SEED_THEMES)
PLACES = (
    PlaceName("desa", "Desa", "Duren"),
    PlaceName("kecamatan", "Kecamatan", "Klari"),
    PlaceName("kabupaten_kota", "Kabupaten", "Karawang"),
    PlaceName("provinsi", "Provinsi", "Jawa Barat"),
)
ARIF = FigureFacts("Arif Kuspriyadi", "tokoh_masyarakat", "tokoh masyarakat", "community figure")


def seed_facts(**changes) -> ReleaseFacts:
    """The seed release's visit: a Kanit Propam of Polsek Klari visits a tokoh masyarakat."""
    facts = ReleaseFacts(
        units=(KLARI, KARAWANG, JABAR),
        officers=(ASEP,),
        commander=KAPOLSEK,
        when=datetime(2024, 11, 28, 10, 0),
        places=PLACES,
        activity_types=("sambang",),
        figures=(ARIF,),
        themes=THEMES,
        situation="aman",
        election=ElectionFacts("pilkada", 2024, "pasca"),
        writer_initials="Lex",
        key=58,
    )
    return replace(facts, **changes)


@pytest.mark.parametrize("seed", range(8))
def test_the_seed_visit_reads_as_the_genre_writes_it(seed):
    text = write_release(seed_facts(), variant_seed=seed).text
    assert "Polsek Klari Polres Karawang, Polda Jabar" in text
    assert "Kamis (28/11/2024)" in text
    assert "Kanit Propam Polsek Klari Aiptu Asep Saeful Zaelani" in text
    assert "Desa Duren, Kecamatan Klari, Kabupaten Karawang" in text
    assert "Arif Kuspriyadi selaku tokoh masyarakat" in text
    for theme in THEMES:
        assert theme.wording_id in text
    assert "pasca Pilkada 2024" in text
    assert text.endswith("(Lex)")


def test_the_dateline_is_the_kabupaten_in_capitals_before_the_first_paragraph():
    release = write_release(seed_facts())
    assert release.dateline == "KARAWANG"
    assert release.body.startswith("KARAWANG \u2013 ")


def test_the_commander_speaks_through_the_officer_who_acted():
    text = write_release(seed_facts(), variant_seed=1).text
    commander = "Kapolsek Klari Kompol H. Andryan Nugraha, S.H."
    assert f"{commander} melalui Kanit Propam Polsek Klari Aiptu Asep Saeful Zaelani" in text


def test_a_commander_who_acted_speaks_directly():
    text = write_release(seed_facts(officers=(KAPOLSEK, ASEP)), variant_seed=1).text
    assert "melalui" not in text
    assert "Kapolsek Klari Kompol H. Andryan Nugraha, S.H." in text


@pytest.mark.parametrize(
    ("officers", "commander", "speaker", "through"),
    [
        ((ASEP,), KAPOLSEK, ASEP, KAPOLSEK),
        ((ASEP, KAPOLSEK), KAPOLSEK, KAPOLSEK, None),
        ((ASEP,), None, ASEP, None),
        ((ASEP, KAPOLRES), KAPOLSEK, KAPOLRES, None),  # an acting Kapolres outranks the Kapolsek
        ((), KAPOLSEK, KAPOLSEK, None),
    ],
)
def test_the_melalui_rule(officers, commander, speaker, through):
    voice = voice_of(officers, commander)
    assert (voice.speaker, voice.commander) == (speaker, through)


def test_without_officers_or_commander_nobody_is_quoted():
    assert voice_of((), None) is None
    text = write_release(seed_facts(officers=(), commander=None)).text
    assert "ujar" not in text and "kata" not in text.split()


def test_the_same_record_always_gives_the_same_text():
    assert write_release(seed_facts()).text == write_release(seed_facts()).text


def test_consecutive_seeds_differ_in_title_and_lead():
    releases = [write_release(seed_facts(), variant_seed=seed) for seed in range(4)]
    assert len({r.title for r in releases}) == 4
    assert len({r.paragraphs[0] for r in releases}) == 4


def test_the_activity_id_is_the_default_seed():
    assert write_release(seed_facts(key=7)).text == write_release(seed_facts(), variant_seed=7).text


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2024, 11, 28), "Kamis (28/11/2024)"),
        (date(2024, 12, 2), "Senin (02/12/2024)"),
        (date(2024, 2, 14), "Rabu (14/02/2024)"),
        (date(2025, 4, 13), "Minggu (13/04/2025)"),
        (date(2024, 9, 7), "Sabtu (07/09/2024)"),
        (date(2024, 1, 19), "Jumat (19/01/2024)"),
        (date(2024, 10, 15), "Selasa (15/10/2024)"),
    ],
)
def test_dates_are_written_with_the_indonesian_weekday(day, expected):
    assert ind.genre_date(day) == expected


@pytest.mark.parametrize(
    ("units", "expected"),
    [
        ((KLARI, KARAWANG, JABAR), "Polsek Klari Polres Karawang, Polda Jabar"),
        ((KARAWANG, JABAR), "Polres Karawang, Polda Jabar"),
        (
            (UnitFacts("polres_metro", "Jakarta Timur"), UnitFacts("polda", "Metro Jaya")),
            "Polres Metro Jakarta Timur, Polda Metro Jaya",
        ),
        ((UnitFacts("polda", "Sumatera Utara", "Sumut"),), "Polda Sumut"),
    ],
)
def test_the_unit_chain(units, expected):
    assert ind.unit_chain(units) == expected


@pytest.mark.parametrize(
    ("officer", "expected"),
    [
        (ASEP, "Kanit Propam Polsek Klari Aiptu Asep Saeful Zaelani"),
        (KAPOLSEK, "Kapolsek Klari Kompol H. Andryan Nugraha, S.H."),
        (KAPOLRES, "Kapolres Karawang AKBP Edwar Zulkarnain"),
        (OfficerFacts("Bripda", "Rizal Fahmi", unit=KLARI), "Bripda Rizal Fahmi"),
        (
            OfficerFacts("Iptu", "Sarwani", position="Kasi Humas Polsek", unit=KLARI),
            "Kasi Humas Polsek Klari Iptu Sarwani",
        ),
        (OfficerFacts("Briptu", "Ujang", position="Anggota", unit=KLARI), "Briptu Ujang"),
    ],
)
def test_officers_are_written_position_rank_name(officer, expected):
    assert ind.officer_full(officer) == expected


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        ("pasca Pilkada 2024", None, ElectionFacts("pilkada", 2024, "pasca")),
        ("Menjelang Pemilu 2024", None, ElectionFacts("pemilu", 2024, "pra")),
        (
            "menjelang dan pasca Pilkada Serentak 2024",
            date(2024, 11, 28),
            ElectionFacts("pilkada", 2024, "pasca"),
        ),
        (
            "menjelang dan pasca Pilkada Serentak 2024",
            date(2024, 11, 20),
            ElectionFacts("pilkada", 2024, "pra"),
        ),
        ("Pilkada 2024", date(2024, 11, 27), ElectionFacts("pilkada", 2024, None)),
        ("pasca pemungutan suara ulang 2025", None, ElectionFacts("psu", 2025, "pasca")),
        ("sambang rutin", None, ElectionFacts(None, None, None)),
    ],
)
def test_the_election_comes_only_from_the_record(text, day, expected):
    assert election_from_text(text, day) == expected


def test_no_election_no_election_words():
    text = write_release(seed_facts(election=ElectionFacts())).text
    assert "Pilkada" not in text and "Pemilu" not in text
    assert "cooling system" in text


def test_figures_who_did_not_consent_appear_only_by_kind():
    facts = seed_facts(figures=(), unnamed_figure_kinds=("tokoh agama",))
    text = write_release(facts).text
    assert "tokoh agama setempat" in text


def test_a_tense_situation_is_not_published():
    for situation in ("waspada", "rawan"):
        text = write_release(seed_facts(situation=situation)).text
        words = set(re.findall(r"\w+", text.lower()))
        assert not words & {"waspada", "rawan"} and "terpantau aman" not in text


def test_partners_and_attendance_are_stated_as_recorded():
    text = write_release(seed_facts(partners=("tni", "kepala_desa", "other"), attendance=45)).text
    assert "unsur TNI dan unsur pemerintah desa/kelurahan" in text
    assert "45 orang" in text


def test_without_themes_there_is_no_appeal():
    text = write_release(seed_facts(themes=())).text.lower()
    assert "mengimbau" not in text and "mengajak" not in text and "kondusif" not in text


def test_the_english_version_states_the_same_facts():
    release = write_release(seed_facts(), language="en", variant_seed=1)
    text = release.text
    assert release.language == "en"
    assert "Thursday, 28 November 2024" in text
    assert "Polsek Klari Polres Karawang, Polda Jabar" in text
    assert "Aiptu Asep Saeful Zaelani (Kanit Propam Polsek Klari)" in text
    assert "speaking through" in text
    assert "Arif Kuspriyadi, a community figure" in text
    assert "Duren Village, Klari District, Karawang Regency" in text
    for theme in THEMES:
        assert theme.wording_en in text
    assert "after the 2024 regional elections (Pilkada)" in text


def test_a_daily_release_covers_every_activity_of_the_day_in_time_order():
    morning = seed_facts(key=1, when=datetime(2024, 11, 28, 8, 0))
    evening = seed_facts(
        key=2,
        when=datetime(2024, 11, 28, 19, 30),
        activity_types=("patroli_dialogis",),
        officers=(OfficerFacts("Bripka", "Dodi Kurniawan", position="Bhabinkamtibmas", unit=KLARI),),
        themes=(ThemeFacts("tolak_hoaks", "menolak hoaks", "reject hoaxes"),),
        figures=(),
    )
    release = write_daily_release([evening, morning])
    text = release.text
    assert "Kamis (28/11/2024)" in text
    assert text.index("pukul 08.00 WIB") < text.index("pukul 19.30 WIB")
    assert "Pertama," in text and "Kedua," in text
    assert "Bripka Dodi Kurniawan" in text and "Aiptu Asep Saeful Zaelani" in text
    assert "menolak hoaks" in text and THEMES[0].wording_id in text
    assert text.count(THEMES[0].wording_id) == 1
    english = write_daily_release([evening, morning], language="en").text
    assert "First," in english and "Second," in english


def test_a_daily_release_needs_an_activity():
    with pytest.raises(ValueError):
        write_daily_release([])


def test_consecutive_days_read_differently():
    day1 = seed_facts(when=datetime(2024, 11, 28, 9, 0))
    day2 = seed_facts(when=datetime(2024, 11, 29, 9, 0))
    first, second = write_daily_release([day1]), write_daily_release([day2])
    assert first.title != second.title and first.paragraphs[0] != second.paragraphs[0].replace("29", "28")


def test_html_is_escaped():
    html = render.to_html('Judul <script>alert("x")</script>', "Paragraf satu & <b>dua</b>.\n\nParagraf dua.")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<p>Paragraf satu &amp; &lt;b&gt;dua&lt;/b&gt;.</p>" in html
    assert "<p>Paragraf dua.</p>" in html


def test_text_keeps_the_paragraphs():
    release = write_release(seed_facts())
    text = render.to_text(release.title, release.body)
    assert text.startswith(release.title + "\n\n")
    assert text.count("\n\n") == len(release.paragraphs)


def test_docx_opens_with_python_docx():
    docx = pytest.importorskip("docx")
    release = write_release(seed_facts())
    document = docx.Document(io.BytesIO(render.to_docx(release.title, release.body)))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == release.title
    assert texts[1].startswith("KARAWANG \u2013 ")
    assert texts[-1].endswith("(Lex)")
