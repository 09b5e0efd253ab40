"""Officers: ranks normalised, titles and degrees stripped, positions generic, TNI excluded."""

import pytest

from sejuk.press.extraction.names import parse_name, same_person
from sejuk.press.extraction.officers import find_officers, merge_officers


def officers_in(text: str) -> list[dict]:
    return [officer.as_dict() for officer in merge_officers(find_officers(text))]


@pytest.mark.parametrize(
    ("text", "name", "rank"),
    [
        ("Kapolsek Klari Kopol H Andryan Nugraha,SH menjelaskan", "Andryan Nugraha", "Kompol"),
        ("Kapolres Bogor AKBP Hendra Wiratama, S.I.K., M.H. melalui", "Hendra Wiratama", "AKBP"),
        ("dipimpin IPDA Wahyu Hermawan bersama", "Wahyu Hermawan", "Ipda"),
        ("Bhabinkamtibmas BRIGADIR Agus Setiawan, didampingi", "Agus Setiawan", "Brigpol"),
        ("melalui Kasi Humas Iptu. Sarwani, S.H. mengatakan", "Sarwani", "Iptu"),
        (
            "Kapolres Kombes Pol Yudha Prasetya Nugraha, S.I.K., M.Si. yang",
            "Yudha Prasetya Nugraha",
            "Kombes",
        ),
        ("Kapolrestabes Kombespol Andika Pratama Wirawan menyebut", "Andika Pratama Wirawan", "Kombes"),
        ("Kanit Binmas Iptu Muh. Yunus dan Lurah", "Muh. Yunus", "Iptu"),
        ("Kapolsek KOMPOL HENDRA GUNAWAN mengatakan", "Hendra Gunawan", "Kompol"),
        ("Bhabinkamtibmas AIPDA I Made Suarjana. Hadir", "I Made Suarjana", "Aipda"),
        ("Kapolresta Kombes Pol Teuku Fadhlan Mahmud, S.I.K. melalui", "Teuku Fadhlan Mahmud", "Kombes"),
        ("Kapolsek AKP Lalu Wirajaya, S.H. menjelaskan", "Lalu Wirajaya", "AKP"),
        ("Kapolsek Kompol Andi Syahrir Mappatunru mengatakan", "Andi Syahrir Mappatunru", "Kompol"),
        ("didampingi Bripda Rizal Fahmi. Di setiap titik", "Rizal Fahmi", "Bripda"),
    ],
)
def test_rank_is_normalised_and_titles_and_degrees_are_stripped_from_the_name(text, name, rank):
    [officer] = officers_in(text)
    assert (officer["name"], officer["rank"]) == (name, rank)


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("Kanit Binmas Polsek Tambaksari Aiptu Sri Wahyuni serta", "Kanit Binmas"),
        ("Bhabinkamtibmas Kelurahan Ubud AIPDA I Made Suarjana hadir", "Bhabinkamtibmas"),
        (
            "Bhabinkamtibmas Desa Tugu Selatan Polsek Cisarua, Aipda Ujang Sopandi, menyambangi",
            "Bhabinkamtibmas",
        ),
        (
            "Personil Polsek Klari Polres Karawang Kanit Propam Aiptu Asep Saeful Zaelani melaksanakan",
            "Kanit Propam",
        ),
        ("Kapolres Karawang, AKBP Edwar Zulkarnain melalui", "Kapolres"),
        ("Kapolresta Pulau Ambon dan Pulau-Pulau Lease Kombes Pol Daniel Latuheru melalui", "Kapolresta"),
        ("Ipda. Wahyudi Saragih selaku Kanit Binmas Polsek Tualang juga", "Kanit Binmas"),
        ("Aipda Dodi Kurniawan, Bhabinkamtibmas Desa Kamojing, mengimbau", "Bhabinkamtibmas"),
        ("Asep didampingi Bripka Irfan Maulana. Peserta", None),
    ],
)
def test_position_is_the_generic_title_without_the_unit_name(text, position):
    assert officers_in(text)[-1]["position"] == position


def test_the_commander_speaking_through_a_subordinate_and_the_subordinate_are_both_officers():
    text = "Kapolres Bogor AKBP Hendra Saputra melalui Kapolsek Cisarua Kopol Dedi Permana, S.H. mengatakan"
    assert officers_in(text) == [
        {"name": "Hendra Saputra", "rank": "AKBP", "position": "Kapolres"},
        {"name": "Dedi Permana", "rank": "Kompol", "position": "Kapolsek"},
    ]


def test_a_later_short_mention_merges_into_the_first_full_mention():
    text = "Kapolsek Klari Kopol H Andryan Nugraha,SH menjelaskan. Kopol Andryan Nugraha juga mengungkapkan"
    assert officers_in(text) == [{"name": "Andryan Nugraha", "rank": "Kompol", "position": "Kapolsek"}]


@pytest.mark.parametrize(
    "text",
    [
        "Babinsa Serda Rahmat Hidayat turut hadir.",
        "Danramil setempat Kapten Inf Sugiarto hadir.",
        "Danrem Brigjen TNI Ahmad Yani memimpin apel.",
        "di Jalan Jenderal Sudirman nomor 5.",
    ],
)
def test_tni_members_and_street_names_are_not_officers(text):
    assert officers_in(text) == []


@pytest.mark.parametrize(
    ("text", "name", "suffixes"),
    [
        ("Zulkifli Dt. Rajo Intan menyampaikan", "Zulkifli", ["Dt. Rajo Intan"]),
        ("Antonius Sitanggang, OFMCap, Pandita", "Antonius Sitanggang", ["OFMCap"]),
        ("Yosua Hadi Santoso, S.Th. dan", "Yosua Hadi Santoso", []),
    ],
)
def test_gelar_and_order_suffixes_are_kept_apart_from_the_name(text, name, suffixes):
    parsed = parse_name(text, 0)
    assert (parsed.name, parsed.suffixes) == (name, suffixes)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Yosua", "Yosua Hadi Santoso", True),
        ("Moh. Rofiki", "Moh Rofiki", True),
        ("Agus Setiawan", "Agus Mulyana", False),
    ],
)
def test_same_person_compares_names_by_their_words(a, b, same):
    assert same_person(a, b) is same


# Officers as news agencies and regional sites write them (tests/press/realistic/).


def test_a_rank_written_out_with_its_abbreviation_in_brackets():
    text = (
        "Kepala Kepolisian Sektor (Kapolsek) Menes, Ajun Komisaris Polisi (AKP) Dedy Supriatna bersama "
        "Bhabinkamtibmas Desa Alaswangi, Brigadir Polisi Kepala (Bripka) Iwan Setiawan menyambangi"
    )
    assert officers_in(text) == [
        {"name": "Dedy Supriatna", "rank": "AKP", "position": "Kapolsek"},
        {"name": "Iwan Setiawan", "rank": "Bripka", "position": "Bhabinkamtibmas"},
    ]


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("Kepala Seksi Humas Polres Lombok Timur Iptu Nikolas Oesman di Selong", "Kasi Humas"),
        ("Kepala Satuan Pembinaan Masyarakat Polres Bima Kota AKP Rudi Hartono mengatakan", "Kasat Binmas"),
        ("Panit Binmas Ipda Sugianto, tokoh masyarakat", "Panit Binmas"),
    ],
)
def test_long_form_positions_give_the_generic_title(text, position):
    assert officers_in(text)[0]["position"] == position


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Habib Ali bin Umar Alattas, pimpinan majelis", "Ali bin Umar Alattas"),
        ("Temindung Hj. Siti Rahmah serta", "Temindung"),
        ("Resort GKPS Pamatang Raya Pdt. Jannes Saragih", "Resort GKPS Pamatang Raya"),
    ],
)
def test_a_patronymic_stays_in_the_name_and_a_title_inside_a_run_ends_it(text, name):
    start = text.index(name.split()[0])
    assert parse_name(text, start).name == name


def test_a_shouted_run_between_a_title_and_a_rank_is_read_at_once():
    """Before each word was matched whole, four shouted words and a lower-case word between
    "Kapolsek" and the rank made the unit-chain check try every split of every word (minutes)."""
    text = "Kapolsek SAMARINDA SAMARINDA SAMARINDA SAMARINDA yang hadir, Bripka Joko Susilo menyapa warga."
    assert officers_in(text) == [{"name": "Joko Susilo", "rank": "Bripka", "position": None}]
