"""Cleaning messy input, and never crashing on bad input (empty, foreign, HTML, huge, binary)."""

import pytest

from sejuk.press.extraction import empty_record, extract
from sejuk.press.extraction.text import build_document, looks_indonesian, split_sentences, strip_html

RELEASE = (
    "KARAWANG – Polsek Klari Polres Karawang menyambangi tokoh masyarakat di Kecamatan Klari, "
    "Kamis (28/11/2024). Kapolsek Klari Kompol Andi Nugraha mengimbau warga menjaga kamtibmas "
    "pasca Pilkada 2024."
)


def test_scripts_styles_and_tags_are_removed_before_anything_is_read():
    html = (
        "<html><head><style>p{}</style><script>var k = 'Kapolsek Kompol Palsu';</script></head>"
        "<body><p>Satu &amp; dua</p><script>track('Desa Palsu')</script><p>tiga</p></body></html>"
    )
    text = strip_html(html)
    assert "Palsu" not in text and "Satu & dua" in text and "tiga" in text


def test_an_unclosed_script_is_dropped_to_the_end():
    assert "rahasia" not in strip_html("<p>berita</p><script>var rahasia = 1;")


def test_site_headers_are_kept_apart_from_the_body():
    doc = build_document("BINMAS\n\nJudul Tanpa Titik\n\nNov 28, 2024 - 11:58\n\n" + RELEASE)
    assert doc.header == ["BINMAS", "Judul Tanpa Titik", "Nov 28, 2024 - 11:58"]
    assert doc.paragraphs[0].startswith("KARAWANG")


def test_duplicated_paragraphs_and_read_also_lines_are_dropped():
    doc = build_document(f"{RELEASE}\n\nBaca juga: Polsek Lain Gelar Patroli\n\n{RELEASE}")
    assert doc.paragraphs == [RELEASE]


def test_hard_wrapped_lines_are_joined():
    doc = build_document("Kapolsek Klari menyambangi tokoh\nmasyarakat di Desa Duren.")
    assert doc.paragraphs == ["Kapolsek Klari menyambangi tokoh masyarakat di Desa Duren."]


def test_curly_quotes_and_odd_spaces_are_normalised():
    doc = build_document("\u201cKami netral,\u201d\u00a0kata Andi.")
    assert doc.paragraphs == ['"Kami netral," kata Andi.']


@pytest.mark.parametrize(
    ("paragraph", "count"),
    [
        ("KH. Endang hadir. Kapolsek Kopol Dedi, S.H. menjelaskan.", 2),
        ("Iptu Muh. Yunus hadir. Bripda Rizal Fahmi. Di setiap titik ramai.", 3),
        ("Dimulai pukul 10.00 WIB. Warga hadir.", 2),
    ],
)
def test_abbreviations_do_not_end_a_sentence(paragraph, count):
    assert len(split_sentences(paragraph)) == count


@pytest.mark.parametrize("text", ["", "   \n\n  ", None, "\x00\x01\xff" * 100, "<script>alert(1)</script>"])
def test_empty_or_garbage_input_gives_an_empty_record(text):
    assert extract(text, "x") == empty_record("x")


def test_english_text_gives_an_empty_record_and_is_flagged_as_not_indonesian():
    text = "The police chief visited religious leaders on Thursday and urged residents to reject hoaxes."
    assert extract(text, "en") == empty_record("en")
    assert not looks_indonesian(text)
    assert looks_indonesian(RELEASE)


def test_html_with_scripts_extracts_like_the_plain_text():
    html = f"<html><script>var x='Polres Palsu';</script><body><p>{RELEASE}</p></body></html>"
    assert extract(html, "a") == extract(RELEASE, "a")


def test_a_ten_megabyte_input_is_truncated_not_fatal():
    big = (RELEASE + "\n\n" + "Kegiatan berjalan aman dan kondusif. " * 40 + "\n\n") * 20_000
    assert len(big) > 10_000_000
    doc = build_document(big)
    assert doc.truncated
    assert extract(big)["units"] == [
        {"level": "polsek", "name": "Klari"},
        {"level": "polres", "name": "Karawang"},
    ]


def test_an_opinion_piece_reports_no_activity():
    text = (
        "Oleh: Dr. Contoh Penulis, dosen\n\nPolres Karawang rutin menyambangi ulama. "
        "Kapolres AKBP Contoh Nama menyebutnya cooling system."
    )
    assert extract(text, "op") == empty_record("op")


def test_hard_wrapped_paragraphs_read_like_the_unwrapped_text():
    import textwrap

    wrapped = "\n".join(textwrap.wrap(RELEASE, 60))
    assert extract(wrapped, "w") == extract(RELEASE, "w")


def test_numbered_list_items_stay_separate_lines():
    doc = build_document(
        "Pesan yang disampaikan antara lain:\n1. Agar warga tenang;\n2. Menunggu hasil resmi KPU."
    )
    assert len(doc.paragraphs) == 3


# Boilerplate of real pages (tests/press/realistic/pages/ holds two whole pages).


def test_a_dateline_glued_to_the_first_word_is_spaced():
    doc = build_document("SANGGAU-Kapolsek Kapuas Polres Sanggau AKP Hendra menggelar ngopi bareng.")
    assert doc.paragraphs == ["SANGGAU - Kapolsek Kapuas Polres Sanggau AKP Hendra menggelar ngopi bareng."]
    assert extract(doc.paragraphs[0])["units"][0] == {"level": "polsek", "name": "Kapuas"}


def test_a_read_also_link_inside_a_paragraph_is_cut_out_up_to_where_the_sentence_resumes():
    doc = build_document(
        '"Jangan terpancing," kata Sugeng. Baca Juga: Dua Pemuda Diamankan Polres Lumajang Usai Ribut '
        "di TPS Hasil rekapitulasi di tingkat kecamatan masih berlangsung."
    )
    assert doc.paragraphs == [
        '"Jangan terpancing," kata Sugeng. Hasil rekapitulasi di tingkat kecamatan masih berlangsung.'
    ]


def test_the_headlines_after_a_link_list_heading_are_dropped():
    doc = build_document(
        f"{RELEASE}\n\nBaca juga:\nPolres Purworejo Kerahkan 600 Personel Amankan TPS\n\n"
        "Berita Terkait\nPolsek Plered Sambangi Tokoh Agama di Desa Linggarsari\n\n"
        "Tags\nJumat Curhat\nPolsek Palaran\n\nKegiatan berjalan aman dan kondusif."
    )
    assert doc.paragraphs == [RELEASE, "Kegiatan berjalan aman dan kondusif."]


def test_page_furniture_is_dropped_and_inline_tags_leave_no_gap():
    html = (
        "<html><body><nav><a>Polsek Palsu</a></nav><div class='menu'><ul>"
        + "".join(f"<li><a>Menu {i}</a></li>" for i in range(15))
        + "</ul></div><figure><img><figcaption>Kapolsek di Desa Palsu</figcaption></figure>"
        "<p><strong>KARAWANG</strong> &ndash; Polsek Klari Polres Karawang menyambangi tokoh masyarakat di "
        "Kecamatan Klari, Kamis (28/11/2024). Kapolsek Klari Kompol <b>Andi Nugraha</b>, mengimbau warga.</p>"
        "<aside><h3>Terpopuler</h3><a>Polsek Cikampek Sambangi Ulama</a></aside>"
        "<form><button>Kirim</button></form>"
        "<footer>Jl. Veteran, Kecamatan Palsu</footer></body></html>"
    )
    doc = build_document(html)
    assert len(doc.paragraphs) == 1 and "Palsu" not in doc.body and "Andi Nugraha," in doc.body
    assert doc.paragraphs[0].startswith("KARAWANG")


@pytest.mark.parametrize(
    ("byline", "opinion"),
    [
        ("Oleh Redaksi \u2022 29 November 2024 15:02 WITA", False),
        ("Oleh: Dr. Maria Ulfa, dosen ilmu politik", True),
    ],
)
def test_a_news_byline_is_not_an_opinion_but_an_author_described_by_profession_is(byline, opinion):
    record = extract(f"{byline}\n\n{RELEASE}", "b")
    assert (record == empty_record("b")) is opinion
