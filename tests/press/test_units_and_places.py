"""Units (as written, without the level word) and places (level words, chains, datelines)."""

import pytest

from sejuk.press.extraction import extract
from sejuk.press.extraction.units import distinct_units, find_units


@pytest.mark.parametrize(
    ("text", "units"),
    [
        (
            "Polsek Klari Polres Karawang, Polda Jabar menggelar",
            [("polsek", "Klari"), ("polres", "Karawang"), ("polda", "Jabar")],
        ),
        (
            "Polres Metro Jakarta Timur, Polda Metro Jaya, menggelar",
            [("polres", "Metro Jakarta Timur"), ("polda", "Metro Jaya")],
        ),
        (
            "Polresta Pulau Ambon dan Pulau-Pulau Lease menggelar",
            [("polresta", "Pulau Ambon dan Pulau-Pulau Lease")],
        ),
        ("Kapolresta Kupang Kota Kombes Pol Yanuarius Seran", [("polresta", "Kupang Kota")]),
        ("Kapolres Kubu Raya AKBP Wahyu Putra melalui", [("polres", "Kubu Raya")]),
        (
            "Jajaran Polsek Gunungpati Polrestabes Semarang menggelar",
            [("polsek", "Gunungpati"), ("polrestabes", "Semarang")],
        ),
        (
            "Unit Binmas Polsek Gondokusuman Polresta Yogyakarta dalam",
            [("polsek", "Gondokusuman"), ("polresta", "Yogyakarta")],
        ),
        ("POLSEK KLARI POLRES KARAWANG melaksanakan", [("polsek", "Klari"), ("polres", "Karawang")]),
        ("Kapolsek Klari Andryan Nugraha menjelaskan", [("polsek", "Klari")]),
        ("Sat Binmas dan Koramil serta KPU Kabupaten Bogor hadir", []),
    ],
)
def test_units_are_read_with_their_level_and_name_as_written(text, units):
    assert [(u["level"], u["name"]) for u in distinct_units(find_units(text))] == units


def places_of(text: str) -> dict:
    return extract(text)["places"]


def test_level_words_and_their_chain_give_each_level():
    text = (
        "Polsek Cisarua menyambangi warga di Desa Tugu Selatan, Kecamatan Cisarua, "
        "Kabupaten Bogor, Kamis (28/11/2024)."
    )
    assert places_of(text) == {
        "desa": ["Tugu Selatan"],
        "kecamatan": ["Cisarua"],
        "kabupaten_kota": ["Bogor"],
        "provinsi": [],
    }


def test_a_unit_name_is_not_a_place():
    text = (
        "SURABAYA – Polsek Tambaksari Polrestabes Surabaya menggelar cangkrukan bersama warga, "
        "Jumat (16/2/2024)."
    )
    assert places_of(text) == {"desa": [], "kecamatan": [], "kabupaten_kota": ["Surabaya"], "provinsi": []}


def test_a_chain_continues_with_bare_higher_regions_that_contain_the_previous_one():
    text = (
        "Polsek Ampenan menggelar sosialisasi di Kelurahan Ampenan Tengah, "
        "Kecamatan Ampenan, Kota Mataram, NTB."
    )
    assert places_of(text)["provinsi"] == ["NTB"]
    text = "Polsek Jatinegara menggelar deklarasi di Kecamatan Jatinegara, Jakarta Timur, Rabu (20/11/2024)."
    assert places_of(text)["kabupaten_kota"] == ["Jakarta Timur"]


def test_a_kelurahan_whose_name_starts_with_kampung_keeps_it():
    text = "Polsek Jatinegara menggelar deklarasi se-Kelurahan Kampung Melayu, Kecamatan Jatinegara."
    assert places_of(text)["desa"] == ["Kampung Melayu"]


@pytest.mark.parametrize(
    ("text", "desa"),
    [
        ("Polres Merauke menyambangi tokoh adat di Kampung Wasur, Distrik Merauke.", ["Wasur"]),
        (
            "Polsek Cisoka menyambangi warga di Kampung Cibugel, Desa Caringin, Kecamatan Cisoka.",
            ["Caringin"],
        ),
        ("Polsek Salahutu menggelar dialog di Negeri Tulehu, Kecamatan Salahutu.", ["Tulehu"]),
        ("Polres Semarang hadir di Universitas Negeri Semarang.", []),
    ],
)
def test_kampung_and_negeri_are_village_levels_only_where_they_denote_villages(text, desa):
    assert places_of(text)["desa"] == desa


def test_the_home_city_of_a_national_outlet_is_not_a_place():
    text = (
        "PONTIANAK – Polsek Abepura menemui tokoh adat di Kampung Enggros, "
        "Distrik Abepura, Kota Jayapura, Papua."
    )
    assert places_of(text)["kabupaten_kota"] == ["Jayapura"]


def test_a_town_dateline_without_administrative_status_is_not_a_place():
    text = "BATUSANGKAR – Kapolres Tanah Datar AKBP Irwan Syahputra berdialog dengan ninik mamak."
    assert places_of(text)["kabupaten_kota"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Polsek Cisarua akan melanjutkan sambang di kawasan Puncak.",
        "Polsek Gedebage menggelar coffee morning jelang laga Persib Bandung kontra Persija Jakarta.",
        "Polsek Kota menggelar dialog bersama Wali Kota Banjarbaru.",
    ],
)
def test_informal_areas_clubs_and_offices_are_not_places(text):
    assert places_of(text) == {"desa": [], "kecamatan": [], "kabupaten_kota": [], "provinsi": []}


def test_an_unknown_village_after_a_reliable_level_word_is_still_kept():
    text = "Polsek Klari menyambangi warga di Desa Sukamakmurjaya Kecamatan Klari Kabupaten Karawang."
    assert places_of(text)["desa"] == ["Sukamakmurjaya"]


def test_mabes_polri_as_the_source_of_an_instruction_is_not_a_unit():
    text = "Sesuai instruksi Mabes Polri, Polsek Klari menyambangi warga. Tim Mabes Polri turut hadir."
    assert distinct_units(find_units(text)) == [
        {"level": "polsek", "name": "Klari"},
        {"level": "mabes", "name": "Polri"},
    ]


def test_a_weekday_inside_a_village_name_does_not_cut_it():
    assert places_of("Polsek Pasar Minggu menyambangi warga Kelurahan Pasar Minggu.")["desa"] == [
        "Pasar Minggu"
    ]


@pytest.mark.parametrize(
    ("dateline", "kabupaten_kota", "provinsi"),
    [("KUPANG, NTT –", ["Kupang"], ["NTT"]), ("PRAYA, LOMBOK TENGAH –", ["Lombok Tengah"], [])],
)
def test_a_region_written_after_the_dateline_city_counts_when_it_contains_the_city(
    dateline, kabupaten_kota, provinsi
):
    places = places_of(f"{dateline} Bhabinkamtibmas Polsek Alak Bripka Yohanes Lado menyambangi warga.")
    assert (places["kabupaten_kota"], places["provinsi"]) == (kabupaten_kota, provinsi)


# Units and places as real releases write them (tests/press/realistic/).


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("Kepolisian Resor Lombok Timur, Nusa Tenggara Barat, menyambangi", [("polres", "Lombok Timur")]),
        (
            "Kepala Kepolisian Sektor (Kapolsek) Menes, Ajun Komisaris Polisi (AKP) Dedy",
            [("polsek", "Menes")],
        ),
        ("Kepolisian Resor (Polres) Kupang, Polda NTT menggelar", [("polres", "Kupang"), ("polda", "NTT")]),
        ("Kepolisian Daerah Jawa Tengah menyiapkan", [("polda", "Jawa Tengah")]),
        ("Bhabinkamtibmas Polsek Kota Ruteng, Brigpol Fransiskus", [("polsek", "Kota Ruteng")]),
    ],
)
def test_long_forms_and_bracketed_short_forms_of_units_are_read(text, units):
    assert [(u["level"], u["name"]) for u in distinct_units(find_units(text))] == units


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("personil Polsek Klarii melaksanakan sambang. Kapolsek Klari Kopol Andri", [("polsek", "Klari")]),
        (
            "Polres Kotawaringin Timur menggelar sambang. Kapolres Kotim AKBP Sarpani",
            [("polres", "Kotawaringin Timur")],
        ),
        (
            "Polres Halmahera Utara menggelar silaturahmi. Program Polres Halut",
            [("polres", "Halmahera Utara")],
        ),
        # two real kecamatan one letter apart are two units
        (
            "Polsek Babakan dan Polsek Babadan menggelar patroli",
            [("polsek", "Babakan"), ("polsek", "Babadan")],
        ),
    ],
)
def test_a_misspelt_or_shortened_second_mention_is_the_same_unit(text, units):
    assert [(u["level"], u["name"]) for u in distinct_units(find_units(text))] == units


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Polsek Sewon menggelar baksos di Balai Kalurahan Panggungharjo, Kapanewon Sewon, "
            "Sabtu (20/1/2024).",
            {"desa": ["Panggungharjo"], "kecamatan": ["Sewon"]},
        ),
        (
            "Polsek Bangkinang Kota bersilaturahmi di Kelurahan Langgini, Kecamatan Bangkinang Kota.",
            {"desa": ["Langgini"], "kecamatan": ["Bangkinang Kota"]},
        ),
        (
            "Polsek Makale menyambangi tokoh adat di Lembang Tiromanda, Kecamatan Makale Selatan.",
            {"desa": ["Tiromanda"], "kecamatan": ["Makale Selatan"]},
        ),
    ],
)
def test_regional_level_words_and_level_words_inside_a_name(text, expected):
    places = places_of(text)
    assert {key: places[key] for key in expected} == expected


def test_kecamatan_lembang_is_not_read_as_a_toraja_village():
    places = places_of("Polsek Lembang menyambangi warga di Kecamatan Lembang, Kabupaten Bandung Barat.")
    assert places["desa"] == [] and places["kecamatan"] == ["Lembang"]


def test_a_province_written_right_after_a_unit_is_a_place():
    text = (
        "Kepolisian Resor Lombok Timur, Nusa Tenggara Barat, menyambangi tuan guru di Kelurahan Pancor, "
        "Rabu (4/12/2024)."
    )
    assert places_of(text)["provinsi"] == ["Nusa Tenggara Barat"]
