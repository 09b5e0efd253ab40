"""Kecamatan temperatures rolled up to kabupaten, province, nation and units."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sejuk.heat import AreaHeat, HeatConfig, rollup, rollup_units, unit_index, units_containing
from sejuk.heat.rollup import KABUPATEN, NATION, PROVINCE, normalize_prefixes

DAY = dt.date(2024, 11, 28)
CONFIG = HeatConfig()


def heat(code, value):
    return AreaHeat(code, DAY, value, CONFIG.band_for(value), ())


HEATS = [
    heat("32.15.05", 53.3),  # Klari
    heat("32.15.13", 20.0),  # Cikampek
    heat("32.15.01", 64.0),  # Karawang Barat
    heat("32.14.02", 10.0),  # Campaka, Purwakarta
    heat("33.01.01", 40.0),  # a kecamatan in Jawa Tengah
]


def test_a_kabupaten_shows_its_hottest_kecamatan_its_mean_and_how_many_are_in_each_band():
    karawang = rollup(HEATS, KABUPATEN)["32.15"]
    # max 64.0 (panas); mean (53.3 + 20 + 64) / 3 = 45.77 -> 45.8
    assert karawang.max_value == 64.0
    assert karawang.band == "panas"
    assert karawang.hottest_code == "32.15.01"
    assert karawang.mean_value == 45.8
    assert (karawang.area_count, karawang.band_counts) == (3, (1, 1, 1))


@pytest.mark.parametrize(
    ("level", "keys"), [(NATION, [""]), (PROVINCE, ["32", "33"]), (KABUPATEN, ["32.14", "32.15", "33.01"])]
)
def test_rollup_keys_by_the_parent_code_of_each_level(level, keys):
    assert sorted(rollup(HEATS, level)) == keys


def test_weights_turn_the_mean_into_a_weighted_mean_without_touching_the_max():
    karawang = rollup(HEATS, KABUPATEN, weights={"32.15.05": 2.0, "32.15.01": 0.0})["32.15"]
    # (2 x 53.3 + 1 x 20 + 0 x 64) / 3 = 42.2
    assert (karawang.mean_value, karawang.max_value) == (42.2, 64.0)


def test_unit_areas_are_sets_of_prefixes_and_no_kecamatan_counts_twice():
    units = {
        "polres-karawang": ["32.15"],
        "polsek-klari": ["32.15.05"],
        # covers Karawang and, redundantly, Klari inside it; Klari must count once
        "polda-metro-ish": ["32.15", "32.15.05", "33.01.01.2001"],
        "nowhere": ["94.01"],
    }
    summaries = rollup_units(HEATS, units)
    assert summaries["polsek-klari"].max_value == 53.3
    assert summaries["polres-karawang"].area_count == 3
    assert summaries["polda-metro-ish"].area_count == 4
    assert summaries["polda-metro-ish"].hottest_code == "32.15.01"
    assert "nowhere" not in summaries


@pytest.mark.parametrize(
    ("prefixes", "expected"),
    [
        (["32.15", "32.15.05"], ["32.15"]),
        (["32.15.05.2001", "32.15.05.2002"], ["32.15.05"]),
        (["", "32"], [""]),
        (["32.14", "32.15"], ["32.14", "32.15"]),
    ],
)
def test_prefixes_are_cut_to_kecamatan_depth_and_nested_ones_dropped(prefixes, expected):
    assert normalize_prefixes(prefixes) == expected


def test_a_changed_kecamatan_names_the_units_whose_rollups_are_stale():
    index = unit_index(
        {
            "polda-jabar": ["32"],
            "polres-karawang": ["32.15"],
            "polsek-klari": ["32.15.05"],
            "polsek-campaka": ["32.14.02"],
        }
    )
    assert units_containing("32.15.05", index) == ["polda-jabar", "polres-karawang", "polsek-klari"]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["32.15.05", "32.15.13", "32.14.02", "33.01.01", "33.01.02"]),
            st.floats(0, 100, allow_nan=False),
        ),
        min_size=1,
        unique_by=lambda t: t[0],
    )
)
def test_a_parents_max_is_at_least_every_childs_value_and_its_mean_lies_between(pairs):
    heats = [heat(code, round(value, 1)) for code, value in pairs]
    for level in (NATION, PROVINCE, KABUPATEN):
        for parent, summary in rollup(heats, level).items():
            children = [h.value for h in heats if h.code.startswith(parent)]
            assert all(summary.max_value >= v for v in children)
            assert min(children) - 0.05 <= summary.mean_value <= max(children) + 0.05
            assert sum(summary.band_counts) == summary.area_count == len(children)
