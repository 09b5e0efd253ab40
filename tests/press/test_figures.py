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
