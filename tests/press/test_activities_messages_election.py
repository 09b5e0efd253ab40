"""Activity types, appeal themes (police only) and the election kind, year and phase."""

import pytest

from sejuk.press.extraction import empty_record, extract
from sejuk.press.extraction.election import detect_election

LEAD = "Kapolsek Klari Kompol Andi Nugraha bersama Bhabinkamtibmas Aipda Dodi Kurniawan "


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("menyambangi tokoh masyarakat.", ["sambang"]),
        ("mendatangi rumah tokoh agama.", ["sambang"]),
        ("menggelar Jumat Curhat bersama warga.", ["dialog"]),
        ("menggelar coffee morning bersama suporter.", ["dialog"]),
        ("menggelar cangkrukan bersama tokoh lintas agama.", ["dialog"]),
        ("menggelar patroli dialogis di permukiman.", ["dialog", "patroli"]),
        ("bersilaturahmi dengan para ulama.", ["silaturahmi"]),
        ("menggelar sosialisasi bijak bermedia sosial.", ["penyuluhan"]),
        ("memimpin rapat koordinasi pengamanan TPS.", ["rapat_koordinasi"]),
        ("menggelar doa bersama lintas agama.", ["doa_bersama"]),
        ("menggelar deklarasi Pilkada damai.", ["deklarasi_damai"]),
        ("membagikan paket sembako kepada warga.", ["bakti_sosial"]),
        ("menggelar pertandingan sepak bola persahabatan.", ["other"]),
    ],
)
def test_activity_words_give_their_type(sentence, expected):
    assert sorted(extract(LEAD + sentence)["activity_types"]) == sorted(expected)


def test_an_appeal_by_the_police_adds_imbauan():
    text = LEAD + 'menyambangi tokoh agama. "Kami mengimbau warga tetap tenang," kata Andi.'
    assert extract(text)["activity_types"] == ["sambang", "imbauan"]


def test_hopes_in_a_police_speech_are_not_an_appeal():
    text = LEAD + 'menggelar doa bersama. "Kami berharap Pemilu berlangsung aman dan tertib," ujar Andi.'
    record = extract(text)
    assert record["activity_types"] == ["doa_bersama"]
    assert record["messages"] == ["jaga_kamtibmas"]


def test_a_visit_mentioned_only_by_a_figure_is_not_an_activity():
    text = (
        LEAD
        + "menggelar Jumat Curhat. Imam meunasah, Tgk. Muhammad Yusuf, mengapresiasi polisi "
        + "yang mendatangi warga."
    )
    assert "sambang" not in extract(text)["activity_types"]


@pytest.mark.parametrize(
    ("quote", "theme"),
    [
        ("tetap jaga keamanan lingkungan", "jaga_kamtibmas"),
        ("jangan main hakim sendiri", "jaga_kamtibmas"),
        ("jangan mudah terpancing ajakan yang memanaskan suasana", "hindari_provokasi"),
        ("jangan percaya kabar bohong yang tidak jelas sumbernya", "tolak_hoaks"),
        ("saring dulu sebelum membagikan", "bijak_medsos"),
        ("Polri tetap netral dan tidak berpihak", "netralitas_polri"),
        ("bersabar menunggu hasil resmi dari KPU", "hormati_hasil"),
        ("mari kembali bersatu, kita semua bersaudara", "persatuan"),
        ("segera laporkan ke Bhabinkamtibmas atau layanan 110", "lapor_polisi"),
        ("tolak politik uang dan gunakan hak pilih", "other"),
    ],
)
def test_a_theme_in_a_police_quote_is_labelled(quote, theme):
    text = LEAD + f'menyambangi tokoh masyarakat. "Kami minta warga {quote}," kata Andi.'
    assert theme in extract(text)["messages"]


def test_a_theme_said_only_by_a_figure_is_not_labelled():
    text = (
        LEAD + "menyambangi KH. Endang Hidayatullah, pengasuh pesantren. "
        '"Beda pilihan itu biasa, kita tetap saudara dan harus bersatu," tutur kiai itu. '
        "Ia juga mengingatkan jamaah agar tidak menelan kabar bohong."
    )
    assert extract(text)["messages"] == []


def test_he_after_a_police_quote_is_still_the_police():
    text = LEAD + 'menyambangi warga. "Jaga keamanan," kata Andi. Ia juga menegaskan Polri tetap netral.'
    assert extract(text)["messages"] == ["jaga_kamtibmas", "netralitas_polri"]


def test_the_stated_aim_of_the_activity_counts_as_a_police_theme():
    text = "Sambang tokoh ini dilakukan guna memastikan situasi tetap kondusif. Polsek Klari hadir."
    assert extract(text)["messages"] == ["jaga_kamtibmas"]


@pytest.mark.parametrize(
    ("body", "activity", "expected"),
    [
        ("Sambang digelar pasca Pilkada Serentak 2024.", "2024-11-28", ("pilkada", 2024, "pasca")),
        ("Sambang digelar menjelang Pemilu 14 Februari 2024.", "2024-01-19", ("pemilu", 2024, "pra")),
        ("Menjelang pemungutan suara ulang (PSU) Pilwalkot Banjarbaru.", "2025-04-14", ("psu", 2025, "pra")),
        ("Dua hari setelah pemungutan suara ulang Pilgub Papua.", "2025-08-08", ("psu", 2025, "pasca")),
        ("Sambang digelar pasca pesta demokrasi.", "2024-12-11", (None, None, "pasca")),
        ("Coffee morning menjelang laga Persib kontra Persija.", "2025-05-08", (None, None, None)),
        (
            "Deklarasi Pilkada damai digelar, hasil pemungutan suara nanti diterima.",
            "2024-11-19",
            ("pilkada", 2024, "pra"),
        ),
        ("Sosialisasi menjelang Pilkada Serentak 2024 bagi pemuda.", None, ("pilkada", 2024, "pra")),
        ("Kegiatan usai Pilkada Bali 2024 selesai.", None, ("pilkada", 2024, "pasca")),
    ],
)
def test_election_kind_year_and_phase(body, activity, expected):
    election = detect_election(body, "", activity)
    assert (election["kind"], election["year"], election["phase"]) == expected


def test_the_generic_words_penyelenggara_pemilu_do_not_make_a_pemilu():
    body = "Deklarasi Pilkada damai bersama penyelenggara pemilu dan pengawas pemilu."
    assert detect_election(body, "", "2024-11-19")["kind"] == "pilkada"


# Patterns of real releases (tests/press/realistic/), each a rule of the genre.


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("melakukan silaturahmi kamtibmas ke kediaman ulama setempat.", ["silaturahmi", "sambang"]),
        ("melakukan silaturahmi ke tokoh agama di desa itu.", ["silaturahmi", "sambang"]),
        ("mendatangi warga dari rumah ke rumah.", ["sambang"]),
        ("menggelar bakar batu bersama kepala suku.", ["other"]),
    ],
)
def test_a_visit_to_a_home_is_a_sambang_and_bakar_batu_is_other(sentence, expected):
    assert sorted(extract(LEAD + sentence)["activity_types"]) == sorted(expected)


@pytest.mark.parametrize(
    ("quote", "theme"),
    [
        ("menyampaikan kepada Bhabinkamtibmas apabila ada permasalahan di lingkungan", "lapor_polisi"),
        ("jangan main hakim sendiri. Laporkan ke kami", "lapor_polisi"),
        ("segera informasikan kepada anggota kami di lapangan", "lapor_polisi"),
        ("tunggu keputusan resmi dari KPU", "hormati_hasil"),
        ("percayakan hasilnya kepada KPU", "hormati_hasil"),
        ("jangan sebarkan kabar yang belum tentu benar", "tolak_hoaks"),
        ("jangan karena pilkada kita jadi bermusuhan dengan tetangga", "persatuan"),
        ("tetap menjaga silaturahmi antarwarga", "persatuan"),
        ("jangan ada lagi palang jalan", "other"),
        ("tidak melakukan aksi anarkis", "jaga_kamtibmas"),
        ("tidak ikut aksi yang mengganggu ketertiban umum", "jaga_kamtibmas"),
    ],
)
def test_themes_as_real_releases_word_them(quote, theme):
    text = LEAD + f'menyambangi tokoh masyarakat. "Kami minta warga {quote}," kata Andi.'
    assert theme in extract(text)["messages"]


def test_provocative_content_is_about_social_media_not_about_being_provoked():
    text = LEAD + 'menyambangi pemuda. "Jangan menyebarkan konten provokatif di media sosial," kata Andi.'
    assert extract(text)["messages"] == ["bijak_medsos"]


def test_an_appeal_in_the_passive_with_no_agent_carries_its_themes():
    text = LEAD + "menyambangi warga. Warga juga diimbau tidak mudah percaya hoaks yang beredar."
    record = extract(text)
    assert "tolak_hoaks" in record["messages"] and "imbauan" in record["activity_types"]


def test_our_message_is_an_appeal():
    text = (
        LEAD
        + 'menyambangi warga. "Pesan kami sederhana, beda pilihan tidak apa-apa, tetap rukun," ujar Andi.'
    )
    assert extract(text)["activity_types"] == ["sambang", "imbauan"]


def test_pilwali_is_a_pilkada():
    body = "Pengamanan rekapitulasi suara Pilwali Kendari 2024 di tingkat kota diperketat."
    assert detect_election(body, "", "2024-12-06") == {"kind": "pilkada", "year": 2024, "phase": "pasca"}


def test_an_announced_programme_without_a_past_activity_gives_an_empty_record():
    text = (
        "KOMPAS.com - Polda Jateng menyiapkan ribuan Bhabinkamtibmas untuk cooling system jelang Pilkada. "
        "Kabid Humas Polda Jateng Kombes Pol Haryo Seno mengatakan, program tersebut akan menyasar "
        "tokoh agama.\n\n"
        '"Nanti Bhabinkamtibmas akan door to door mendatangi tokoh-tokoh di desanya," kata Haryo saat '
        "dihubungi, Senin (2/9/2024)."
    )
    assert extract(text, "x") == empty_record("x")
