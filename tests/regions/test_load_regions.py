from dataclasses import replace

import pytest

from sejuk.regions import gazetteer
from sejuk.regions.models import Region, RegionDataset
from sejuk.regions.services import load_regions
from sejuk.units.models import Unit


@pytest.mark.django_db
def test_every_region_of_the_2025_data_is_loaded_with_its_official_code():
    counts = {level: Region.objects.filter(level=level, retired=False).count() for level in (1, 2, 3, 4)}
    assert counts == {1: 38, 2: 514, 3: 7285, 4: 83762}
    klari = Region.objects.get(code="32.15.05")
    assert (klari.name, klari.parent_id, klari.parent.parent_id) == ("Klari", "32.15", "32")
    assert Region.objects.filter(parent_id="32.15.05").count() == 13


@pytest.mark.django_db
def test_a_second_load_changes_nothing():
    before = RegionDataset.objects.count()
    result = load_regions()
    assert (result.created, result.updated, result.retired) == (0, 0, 0)
    assert result.unchanged == 91599
    assert RegionDataset.objects.count() == before


@pytest.mark.django_db
def test_a_newer_package_renames_adds_and_retires_without_breaking_references():
    records = list(gazetteer.all_regions())
    renamed = [replace(r, name="Klari Baru") if r.code == "32.15.05" else r for r in records]
    dropped_code = "32.15.05.2020"
    newer = [r for r in renamed if r.code != dropped_code]
    newer.append(gazetteer.RegionRecord("32.15.05.2099", "Desa Contoh", 4, "desa", "WIB", "41371"))
    unit = Unit.objects.get(code="polsek-klari")

    result = load_regions(newer)

    assert (result.created, result.updated, result.retired) == (1, 1, 1)
    assert Region.objects.get(code="32.15.05").name == "Klari Baru"
    assert Region.objects.get(code=dropped_code).retired is True
    assert Region.objects.get(code="32.15.05.2099").parent_id == "32.15.05"
    assert unit.area_codes() == ("32.15.05",)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "level", "kind", "timezone"),
    [
        ("32", 1, "provinsi", "WIB"),
        ("32.15", 2, "kabupaten", "WIB"),
        ("32.75", 2, "kota", "WIB"),
        ("32.15.05", 3, "kecamatan", "WIB"),
        ("32.15.05.2001", 4, "desa", "WIB"),
        ("51.71", 2, "kota", "WITA"),
        ("73.71", 2, "kota", "WITA"),
        ("91.71", 2, "kota", "WIT"),
        ("91.71.01", 3, "distrik", "WIT"),
        ("81.71", 2, "kota", "WIT"),
        ("64.72", 2, "kota", "WITA"),
    ],
)
def test_each_region_knows_its_level_kind_and_time_zone(code, level, kind, timezone):
    region = Region.objects.get(code=code)
    assert (region.level, region.kind, region.timezone) == (level, kind, timezone)


@pytest.mark.django_db
def test_kelurahan_are_told_apart_from_desa():
    kinds = set(Region.objects.filter(parent_id="32.75.01").values_list("kind", flat=True))
    assert kinds == {"kelurahan"}
