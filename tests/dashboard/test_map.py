import io
import json

import pytest
from django.test import override_settings

from sejuk.dashboard.geometry import load_geometry
from sejuk.dashboard.models import RegionGeometry
from tests.conftest import client_for
from tests.dashboard.helpers import karawang_heat, some_records, visit

pytestmark = pytest.mark.django_db
ON = "date=2024-11-28"

KLARI_POLYGON = {
    "type": "Feature",
    "properties": {"code": "32.15.05"},
    "geometry": {
        "type": "Polygon",
        "coordinates": [
            [[107.30, -6.40], [107.40, -6.40], [107.40, -6.33], [107.30, -6.33], [107.30, -6.40]]
        ],
    },
}
CIKAMPEK_POINT = {
    "type": "Feature",
    "properties": {"kode": "321513"},
    "geometry": {"type": "Point", "coordinates": [107.455, -6.41]},
}


def collection(*features):
    return json.dumps({"type": "FeatureCollection", "features": list(features)})


def layers(user, query="unit=polres-karawang"):
    response = client_for(user).get(f"/dasbor/peta/lapisan.json?{query}&{ON}")
    assert response.status_code == 200
    return response.json()


def areas(data):
    return {f["properties"]["code"]: f for f in data["areas"]["features"]}


def test_areas_are_polygons_where_uploaded_markers_otherwise_coloured_by_band(cast):
    karawang_heat()
    assert load_geometry(collection(KLARI_POLYGON, CIKAMPEK_POINT)).ok
    found = areas(layers(cast["kapolres"]))
    assert found["32.15.05"]["geometry"]["type"] == "Polygon"
    assert found["32.15.05"]["properties"]["band"] == "panas"
    assert found["32.15.13"]["geometry"] == {"type": "Point", "coordinates": [107.455, -6.41]}
    assert found["32.15.13"]["properties"]["band"] == "sejuk"
    assert "32.14.02" not in found  # Purwakarta: not his


def test_without_an_upload_an_area_is_placed_at_the_mean_of_its_gps_points(cast):
    visit(cast["officer_a"], gps=(-6.36, 107.34))
    visit(cast["officer_a"], gps=(-6.38, 107.36))
    found = areas(layers(cast["kapolres"]))
    klari = found["32.15.05"]
    assert klari["properties"]["approximate"] is True
    assert klari["geometry"]["coordinates"] == [107.35, -6.37]
    assert "32.15.13" not in found  # no geometry, no GPS: only in the table


def test_incidents_and_activities_follow_the_jurisdiction_and_carry_no_personal_data(cast):
    some_records(cast, 2)
    mine = layers(cast["kapolres"])
    assert len(mine["incidents"]["features"]) == 2 and len(mine["activities"]["features"]) == 2
    props = mine["incidents"]["features"][0]["properties"]
    assert set(props) == {"layer", "name", "severity", "detail", "day", "url"}
    text = json.dumps(mine)
    assert "Saling ejek" not in text and "pemuda dua kampung" not in text  # description, actors
    other = layers(cast["officer_purwakarta"], "unit=polsek-campaka")
    assert not other["incidents"]["features"] and not other["activities"]["features"]


def test_another_polsek_cannot_ask_for_a_map_of_an_area_not_its_own(cast):
    client = client_for(cast["officer_b"])
    assert client.get(f"/dasbor/peta/lapisan.json?area=32.15.05&{ON}").status_code == 404
    assert client.get(f"/dasbor/peta/?unit=polsek-klari&{ON}").status_code == 404


def test_the_map_page_lists_every_area_beside_the_map_and_needs_no_tiles(cast):
    karawang_heat()
    page = client_for(cast["kapolres"]).get(f"/dasbor/peta/?{ON}").content.decode()
    assert 'id="map-table"' in page and "Klari" in page and "Cikampek" in page
    assert 'id="map-layers"' in page and 'data-tiles=""' in page
    assert "leaflet/leaflet.js" in page and "dashboard/map.js" in page
    assert "unpkg" not in page and "cdn" not in page.lower()


def test_a_configured_tile_url_reaches_the_map(cast):
    with override_settings(MAP_TILE_URL="https://tiles.example/{z}/{x}/{y}.png"):
        page = client_for(cast["kapolres"]).get(f"/dasbor/peta/?{ON}").content.decode()
    assert 'data-tiles="https://tiles.example/{z}/{x}/{y}.png"' in page


@pytest.mark.parametrize("size", [1, 6])
def test_the_map_takes_a_fixed_number_of_queries(cast, size, django_assert_num_queries):
    karawang_heat()
    some_records(cast, size)
    load_geometry(collection(KLARI_POLYGON))
    client = client_for(cast["kapolres"])
    # session, user, unit, area, units below, their areas, crumbs, heat day, regions with geometry,
    # bands, GPS means, incidents, activities
    with django_assert_num_queries(13):
        client.get(f"/dasbor/peta/lapisan.json?{ON}")
    with django_assert_num_queries(13):
        client.get(f"/dasbor/peta/?{ON}")


def upload(client, text, name="batas.geojson", source=""):
    file = io.BytesIO(text.encode())
    file.name = name
    return client.post("/dasbor/peta/unggah/", {"file": file, "source": source})


def test_an_administrator_uploads_boundaries_keyed_by_kemendagri_code(cast):
    client = client_for(cast["admin"])
    assert client.get("/dasbor/peta/unggah/").status_code == 200
    response = upload(client, collection(KLARI_POLYGON, CIKAMPEK_POINT), source="BIG 2024")
    assert response.status_code == 302
    stored = RegionGeometry.objects.get(region_id="32.15.05")
    assert (stored.kind, stored.source) == ("Polygon", "BIG 2024")
    assert RegionGeometry.objects.get(region_id="32.15.13").kind == "Point"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("not json", "GeoJSON"),
        (collection({**CIKAMPEK_POINT, "properties": {"code": "99.99.99"}}), "99.99.99"),
        (
            collection({**CIKAMPEK_POINT, "properties": {"code": "32.14.02"}}),
            "32.14.02",
        ),  # Purwakarta? inside Jabar
    ],
)
def test_a_bad_upload_saves_nothing_and_says_why(cast, text, words):
    client = client_for(cast["kapolres"].__class__.objects.get(username="admin"))
    response = upload(client, text)
    if words == "32.14.02":  # Polda Jabar's administrator may map Purwakarta
        assert response.status_code == 302
        return
    assert response.status_code == 422 and words in response.content.decode()
    assert not RegionGeometry.objects.exists()


def test_an_administrator_cannot_upload_outside_the_jurisdiction(cast):
    outside = {
        **CIKAMPEK_POINT,
        "properties": {"code": "31.71"},
        "geometry": {"type": "Point", "coordinates": [106.8, -6.2]},
    }
    response = upload(client_for(cast["admin"]), collection(outside))
    assert response.status_code == 422 and "31.71" in response.content.decode()
    assert not RegionGeometry.objects.exists()


@pytest.mark.parametrize("username", ["officer_a", "kapolres", "analyst", "humas", "auditor"])
def test_only_administrators_may_upload(cast, username):
    assert client_for(cast[username]).get("/dasbor/peta/unggah/").status_code == 403
