"""Place names that contain words the scanners otherwise stop at: "Teluk Dalam" ("dalam" =
inside), "Pangkajene dan Kepulauan" ("dan" = and), "Tanjung Pura" ("pura" = temple), in places
and in the names of units."""

import pytest

from sejuk.press.extraction import extract

LEAD = "Kapolsek AKP Budi Hartono melaksanakan sambang tokoh masyarakat di {place}, Kamis (28/11/2024)."


def places(place: str) -> dict[str, list[str]]:
    return extract(LEAD.format(place=place) + " Ia mengimbau warga menjaga keamanan pasca Pilkada 2024.")[
        "places"
    ]


@pytest.mark.parametrize(
    ("place", "level", "names"),
    [
        ("Kabupaten Pangkajene dan Kepulauan", "kabupaten_kota", ["Pangkajene dan Kepulauan"]),
        ("Kecamatan Teluk Dalam, Kabupaten Nias Selatan", "kabupaten_kota", ["Nias Selatan"]),
        ("Desa Teluk Dalam, Kecamatan Teluk Dalam", "kecamatan", ["Teluk Dalam"]),
        ("Kecamatan Tanjung Pura, Kabupaten Langkat", "kecamatan", ["Tanjung Pura"]),
    ],
)
def test_a_stop_word_inside_a_known_name_stays_in_the_name(place, level, names):
    assert places(place)[level] == names


@pytest.mark.parametrize(("name", "parent"), [("Tanjung Pura", "Langkat"), ("Teluk Dalam", "Nias Selatan")])
def test_a_unit_named_after_such_a_place_keeps_its_whole_name_and_gives_no_place(name, parent):
    text = f"Polsek {name} Polres {parent} menggelar sambang di Kecamatan {name}, Kamis (28/11/2024)."
    record = extract(text + " Ia mengimbau warga menjaga keamanan pasca Pilkada 2024.")
    assert record["units"] == [{"level": "polsek", "name": name}, {"level": "polres", "name": parent}]
    assert record["places"]["kecamatan"] == [name]  # from "Kecamatan ...", not from the unit


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ("Desa Sukamaju dan Desa Sukamulya", {"desa": ["Sukamaju", "Sukamulya"]}),
        ("Kecamatan Klari dan Cikampek", {"kecamatan": ["Klari"]}),
    ],
)
def test_and_between_two_places_still_separates_them(place, expected):
    found = places(place)
    assert {key: found[key] for key in expected} == expected


def test_inside_written_in_lower_case_is_still_not_part_of_a_name():
    # "di dalam Kota X": "dalam" is the preposition, and the kota stays unlabelled as before.
    assert places("di dalam Kota Medan")["kabupaten_kota"] == []
