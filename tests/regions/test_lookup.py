import pytest

from sejuk.regions.services import lookup_regions


def codes(name, **kwargs):
    return [r.code for r in lookup_regions(name, **kwargs)]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Karawang", "32.15"),
        ("Kab. Karawang", "32.15"),
        ("KABUPATEN KARAWANG", "32.15"),
        ("kec. klari", "32.15.05"),
        ("Kecamatan Klari", "32.15.05"),
        ("Desa Duren", None),  # many villages are called Duren; checked below
        ("Kota Bekasi", "32.75"),
        ("Kab Bekasi", "32.16"),
    ],
)
def test_names_are_found_whatever_the_case_and_level_word(text, expected):
    found = codes(text)
    if expected:
        # Without a level word every region of that name is a candidate, highest level first.
        assert found[0] == expected
    else:
        assert len(found) > 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("short", "code"),
    [
        ("Jabar", "32"),
        ("Jateng", "33"),
        ("Jatim", "35"),
        ("Sumut", "12"),
        ("Sulsel", "73"),
        ("NTB", "52"),
        ("NTT", "53"),
        ("DKI", "31"),
        ("DIY", "34"),
        ("Kalbar", "61"),
        ("Kaltim", "64"),
        ("Sumbar", "13"),
        ("Kepri", "21"),
        ("Papua Barat", "92"),
        ("jawa barat", "32"),
    ],
)
def test_common_short_forms_of_provinces_are_understood(short, code):
    assert code in codes(short)


@pytest.mark.django_db
def test_a_name_shared_by_many_desa_returns_every_candidate_narrowed_by_a_parent():
    everywhere = codes("Sukamaju", level=4)
    assert len(everywhere) > 30
    in_west_java = codes("Desa Sukamaju", parent="32")
    assert 1 < len(in_west_java) < len(everywhere)
    assert all(code.startswith("32.") for code in in_west_java)
    assert codes("Duren", parent="32.15.05") == ["32.15.05.2001"]


@pytest.mark.django_db
def test_a_level_word_keeps_only_regions_of_that_level():
    assert codes("Kab. Karawang") == ["32.15"]
    assert codes("Kec. Klari") == ["32.15.05"]
    assert "32.15.05.2007" in codes("Desa Klari")


@pytest.mark.django_db
def test_a_name_that_does_not_exist_returns_nothing():
    assert codes("Atlantis") == []
    assert codes("   ") == []
