"""Figures: named civilians with a category and a role; officials and unnamed groups never."""

import pytest

from sejuk.press.extraction import extract


def figures_of(text: str) -> list[tuple[str, str]]:
    return [(f["name"], f["category"]) for f in extract(text)["figures"]]


def roles_of(text: str) -> dict[str, str | None]:
    return {f["name"]: f["role"] for f in extract(text)["figures"]}


LEAD = "Polsek Klari Polres Karawang menggelar sambang pasca Pilkada 2024. "


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Bhabinkamtibmas menyambangi KH. Endang Hidayatullah, pengasuh Pondok Pesantren Nurul Falah.",
            [("Endang Hidayatullah", "tokoh agama")],
        ),
        ("Hadir tokoh masyarakat setempat H. Bambang Irawan.", [("Bambang Irawan", "tokoh masyarakat")]),
        (
            "Adapun yang disambangi yakni Arif Kuspriyadi sebagai tokoh masyarakat Kecamatan Klari.",
            [("Arif Kuspriyadi", "tokoh masyarakat")],
        ),
        (
            "Petugas menyambangi H. Encep Suparman, tokoh masyarakat Desa Kamojing.",
            [("Encep Suparman", "tokoh masyarakat")],
        ),
        (
            "Petugas berdialog dengan pemilik warung, Suparmi (52), dan pengemudi ojek.",
            [("Suparmi", "other")],
        ),
        (
            "Hadir Ketua Dewan Adat Dayak Kecamatan Sungai Raya Yohanes Ayub.",
            [("Yohanes Ayub", "tokoh adat")],
        ),
        ("Hadir tokoh masyarakat Melayu Syarif Usman dan warga.", [("Syarif Usman", "tokoh masyarakat")]),
        (
            "Petugas menyambangi penyimbang adat setempat, Ismail Hasan yang bergelar Raja Muda.",
            [("Ismail Hasan", "tokoh adat")],
        ),
        ("Hadir Bundo Kanduang Nagari Pariangan Hj. Rosmaniar.", [("Rosmaniar", "tokoh perempuan")]),
        (
            "Naskah dibacakan Ketua Karang Taruna Kelurahan Kampung Melayu, Rizky Ramadhan.",
            [("Rizky Ramadhan", "tokoh pemuda")],
        ),
        (
            "Hadir tokoh masyarakat Syamsul Bahri, Jefri Hutagalung dan Ahmad Yani.",
            [
                ("Syamsul Bahri", "tokoh masyarakat"),
                ("Jefri Hutagalung", "tokoh masyarakat"),
                ("Ahmad Yani", "tokoh masyarakat"),
            ],
        ),
        ("Hadir tokoh masyarakat Bambang Irawan Saputra.", [("Bambang Irawan Saputra", "tokoh masyarakat")]),
    ],
)
def test_a_figure_is_read_from_its_descriptor_or_title(sentence, expected):
    assert figures_of(LEAD + sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Kepala Desa Tugu Selatan, Asep Sunandar, ikut mendampingi.",
        "Turut hadir Camat Jatinegara Wahyu Hidayat dan Lurah Kampung Melayu Suryani.",
        "Keuchik Gampong Peunayong, Ridwan Hasan, turut hadir.",
        "Hadir Wali Nagari Pariangan Afrizal dan Peratin Gisting Atas, Suherman.",
        "Hadir Kepala Kampung Wasur, Markus Balagaize, dan Babinsa Serda Rahmat Hidayat.",
        "Sekretaris Negeri Tulehu, Umar Tawainella, berterima kasih.",
        "Hadir Ketua KPU Kabupaten Manokwari Samuel Rumbekwan dan Ketua Bawaslu setempat Fransina Mandowen.",
        "Hadir calon wakil bupati nomor urut 2, Lukas Saroy.",
        "Anggota PPK Landasan Ulin, Noor Aida, menjelaskan tahapan.",
        "Danramil setempat Kapten Inf Sugiarto hadir.",
    ],
)
def test_officials_election_bodies_candidates_and_tni_are_never_figures(sentence):
    assert figures_of(LEAD + sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Petugas berdialog dengan para tokoh agama, pemuda setempat dan perwakilan FKUB.",
        "Sistem ini melibatkan tokoh masyarakat, tokoh agama, dan aparat keamanan.",
        "Petugas menyapa imam masjid dan ketua RT setempat.",
    ],
)
def test_unnamed_groups_are_never_figures(sentence):
    assert figures_of(LEAD + sentence) == []


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        (
            "Hadir Ketua KAN Pariangan, Zulkifli Dt. Rajo Intan, dan warga.",
            "Zulkifli",
            "Dt. Rajo Intan, Ketua KAN Pariangan",
        ),
        ("Hadir ulama setempat Buya H. Amran Syukri.", "Amran Syukri", "Buya, H., ulama setempat"),
        ("Doa dipimpin Romo Antonius Sitanggang, OFMCap, dan warga.", "Antonius Sitanggang", "Romo, OFMCap"),
        ("Hadir pemangku pura Jro Mangku Ketut Sudarsana.", "Ketut Sudarsana", "Jro Mangku, pemangku pura"),
        (
            "Petugas menyambangi Pdt. Yakobus Ndun, S.Th., ketua majelis jemaat.",
            "Yakobus Ndun",
            "Pdt., ketua majelis jemaat",
        ),
    ],
)
def test_titles_taken_off_the_name_come_first_in_the_role(sentence, name, role):
    assert roles_of(LEAD + sentence)[name] == role


def test_a_village_the_article_names_with_a_level_word_is_a_qualifier_before_a_name():
    text = LEAD + "Kegiatan di Kelurahan Perawang dihadiri tokoh masyarakat Perawang Syamsul Bahri."
    assert figures_of(text) == [("Syamsul Bahri", "tokoh masyarakat")]


def test_a_figure_named_again_later_is_listed_once_under_the_longest_name():
    text = LEAD + "Hadir Pendeta Yosua Hadi Santoso, S.Th. dan warga. Pendeta Yosua menyatakan siap membantu."
    assert figures_of(text) == [("Yosua Hadi Santoso", "tokoh agama")]


def test_an_officer_is_never_also_a_figure():
    text = (
        LEAD
        + "Kapolsek Klari Kopol H Andryan Nugraha menyambangi H. Arif Kuspriyadi, tokoh masyarakat setempat."
    )
    assert figures_of(text) == [("Arif Kuspriyadi", "tokoh masyarakat")]


def test_a_plain_bapak_before_a_title_is_dropped_and_the_title_kept():
    assert roles_of(LEAD + "Petugas menyambangi tokoh agama Bapak KH. Ahmad Fauzi di rumahnya.") == {
        "Ahmad Fauzi": "KH., tokoh agama"
    }


# Figures as real releases introduce them (tests/press/realistic/).


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Hadir tokoh masyarakat Temindung Hj. Siti Rahmah serta warga.",
            [("Siti Rahmah", "tokoh masyarakat")],
        ),
        (
            "Ketua Majelis Jemaat GMIT Betlehem Noelbaki, Pdt. Yohanis Ndun, S.Th, menyambut petugas.",
            [("Yohanis Ndun", "tokoh agama")],
        ),
        (
            "Petugas menyambangi Pendeta Resort GKPS Pamatang Raya Pdt. Jannes Saragih, M.Th dan warga.",
            [("Jannes Saragih", "tokoh agama")],
        ),
        (
            "Petugas menyambangi tokoh adat Simalungun J. Damanik di rumahnya.",
            [("J. Damanik", "tokoh adat")],
        ),
        ("Hadir tokoh adat Dayak, tokoh masyarakat Melayu dan pemuda.", []),
        ("Tatap muka bersama Ondoafi, tokoh perempuan dan pemuda di balai kampung.", []),
        ("Petugas menemui AGH. Abdul Latif Amin di kediamannya.", [("Abdul Latif Amin", "tokoh agama")]),
        ("Petugas berbincang dengan Ketua BPMJ Pnt. Hendrik Rumambi.", [("Hendrik Rumambi", "tokoh agama")]),
        ("Dari unsur ulama hadir Tuanku Syafei, pimpinan surau.", [("Syafei", "tokoh agama")]),
        ("Petugas menyambangi Abu Muhammad Nasir di dayah.", [("Muhammad Nasir", "tokoh agama")]),
        ("Petugas berbincang dengan pedagang sayur Siti Hajar.", [("Siti Hajar", "other")]),
        ("Petugas berbincang dengan pedagang di Pasar Paruga.", []),
        (
            "Petugas menemui Kepala Suku Besar Lembah Baliem, Obed Huby, di honai.",
            [("Obed Huby", "tokoh adat")],
        ),
        (
            "Petugas menyambangi Damang Kepala Adat Kecamatan Baamang Sabran Ahmad.",
            [("Sabran Ahmad", "tokoh adat")],
        ),
        (
            "Hadir ninik mamak Persukuan Domo, Ahmad Syukri Datuk Rajo Godang, dan warga.",
            [("Ahmad Syukri", "tokoh adat")],
        ),
        ("Dari ninik mamak hadir Asrul Dt. Majo Basa.", [("Asrul", "tokoh adat")]),
        (
            "Rombongan diterima To Parengnge' Tiromanda, Yohanis Rante Allo, di tongkonan.",
            [("Yohanis Rante Allo", "tokoh adat")],
        ),
        ("Hadir tokoh nelayan Kalibaru Haji Muhidin.", [("Muhidin", "tokoh masyarakat")]),
        (
            '"Jaga kampung," kata Markus.\n\nMama Yuliana Wally selaku tokoh perempuan mengatakan siap.',
            [("Yuliana Wally", "tokoh perempuan")],
        ),
    ],
)
def test_figures_as_real_releases_introduce_them(sentence, expected):
    assert figures_of(LEAD + sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Silaturahmi turut dihadiri Klebun Patarongan Moh. Holil.",
        "Kepala Lembang Tiromanda, Daniel Tangdilintin, ikut mendampingi.",
        "Dihadiri Camat Indralaya Hendra Saputra, Danramil Kapten Inf Suwarno, dan warga.",
    ],
)
def test_village_heads_by_their_regional_titles_are_officials(sentence):
    assert figures_of(LEAD + sentence) == []


def test_a_given_name_starting_with_abu_keeps_it():
    assert figures_of(LEAD + "Hadir tokoh masyarakat Abu Bakar Siregar.") == [
        ("Abu Bakar Siregar", "tokoh masyarakat")
    ]


def test_a_figure_descriptor_after_a_list_refines_the_category():
    text = LEAD + "Hadir Ketua LAM Bangko H. Ismail Tahir dan Ustadzah Nur Aini, tokoh perempuan Pasar Atas."
    assert ("Nur Aini", "tokoh perempuan") in figures_of(text)
