import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sejuk.dashboard.geometry import centroid, load_geometry
from sejuk.dashboard.models import RegionGeometry

pytestmark = pytest.mark.django_db

SQUARE = {
    "type": "Polygon",
    "coordinates": [[[107.3, -6.4], [107.4, -6.4], [107.4, -6.3], [107.3, -6.3], [107.3, -6.4]]],
}


def collection(*features):
    return json.dumps({"type": "FeatureCollection", "features": list(features)})


def feature(code, geometry=SQUARE, key="code"):
    return {"type": "Feature", "properties": {key: code}, "geometry": geometry}


def test_boundaries_and_points_load_by_dotted_or_plain_code():
    report = load_geometry(
        collection(
            feature("32.15.05"),
            feature("321513", {"type": "Point", "coordinates": [107.45, -6.41]}, key="kode_wilayah"),
        )
    )
    assert report.ok and report.created == 2
    klari = RegionGeometry.objects.get(region_id="32.15.05")
    assert klari.kind == "Polygon" and round(klari.centroid_lat, 2) == -6.35
    assert RegionGeometry.objects.get(region_id="32.15.13").kind == "Point"
    again = load_geometry(collection(feature("32.15.05")))
    assert (again.created, again.updated) == (0, 1)


@pytest.mark.parametrize(
    ("payload", "words"),
    [
        (collection(feature("99.99")), "tidak dikenal"),
        (
            collection(feature("32.15.05", {"type": "LineString", "coordinates": [[1, 2], [3, 4]]})),
            "jenis geometri",
        ),
        (
            collection(feature("32.15.05", {"type": "Point", "coordinates": [-6.36, 107.35]})),
            "di luar Indonesia",
        ),
        (collection({"type": "Feature", "properties": {}, "geometry": SQUARE}), "tidak ada kode"),
        ("not json", "bukan GeoJSON"),
    ],
)
def test_bad_geojson_is_refused_whole_with_a_reason(payload, words):
    report = load_geometry(payload)
    assert not report.ok and words in report.summary()
    assert not RegionGeometry.objects.exists()


def test_one_bad_feature_stores_nothing():
    report = load_geometry(collection(feature("32.15.05"), feature("99.99")))
    assert not report.ok and RegionGeometry.objects.count() == 0


def test_the_command_loads_the_demo_points(tmp_path):
    from importlib import resources

    path = resources.files("sejuk.core.demo").joinpath("geometry.geojson")
    call_command("load_geometry", str(path))
    assert RegionGeometry.objects.filter(kind="Point").count() == 8
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("load_geometry", str(tmp_path / "none.geojson"))


def test_centroid_of_a_multipolygon_uses_the_outer_rings():
    multi = {"type": "MultiPolygon", "coordinates": [SQUARE["coordinates"], SQUARE["coordinates"]]}
    assert [round(v, 2) for v in centroid(multi)] == [-6.35, 107.35]
