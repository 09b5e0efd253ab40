import pytest

from sejuk.activities.models import Activity
from tests.activities.helpers import make_figure
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

SEED = {
    "activity_type": "sambang",
    "region_code": "32.15.05",
    "occurred_at": "2024-11-28T10:00:00",
    "theme_codes": ["jaga_kamtibmas", "patuhi_hukum", "hindari_provokasi", "netralitas_polri"],
    "situation": "aman",
}


def post(client, body, key=None):
    headers = {"Idempotency-Key": key} if key else {}
    return client.post("/api/v1/activities", body, content_type="application/json", headers=headers)


def test_the_seed_visit_through_the_api_is_stored_once_whatever_the_retries(cast):
    figure = make_figure()
    client = client_for(cast["officer_a"])
    first = post(client, {**SEED, "figure_ids": [figure.pk]}, key="phone-123")
    retry = post(client, {**SEED, "figure_ids": [figure.pk]}, key="phone-123")
    assert (first.status_code, retry.status_code) == (201, 200)
    assert first.json()["id"] == retry.json()["id"]
    body = first.json()
    assert body["status"] == "draft" and body["unit_code"] == "polsek-klari"
    assert body["occurred_at"].startswith("2024-11-28T03:00:00")
    assert [f["name"] for f in body["figures"]] == ["Arif Kuspriyadi"]
    assert Activity.objects.filter(idempotency_key="phone-123").count() == 1


def test_invalid_input_gets_422_naming_each_field_in_indonesian_and_stores_nothing(cast):
    before = Activity.objects.count()
    response = post(client_for(cast["officer_a"]), {**SEED, "region_code": "32.15.13", "theme_codes": ["x"]})
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert "di luar wilayah hukum" in errors["region_code"][0]
    assert "Tema imbauan tidak dikenal: x" in errors["theme_codes"][0]
    assert Activity.objects.count() == before


def test_an_impossible_date_is_refused(cast):
    response = post(client_for(cast["officer_a"]), {**SEED, "occurred_at": "2024-02-31T10:00:00"})
    assert response.status_code == 422


def test_lists_and_details_are_limited_to_the_callers_area(cast):
    mine = post(client_for(cast["officer_a"]), SEED).json()["id"]
    theirs = post(client_for(cast["officer_b"]), {**SEED, "region_code": "32.15.13"}).json()["id"]
    listed = {a["id"] for a in client_for(cast["officer_a"]).get("/api/v1/activities").json()["items"]}
    assert mine in listed and theirs not in listed
    assert client_for(cast["officer_a"]).get(f"/api/v1/activities/{theirs}").status_code == 404
    kapolres_ids = {a["id"] for a in client_for(cast["kapolres"]).get("/api/v1/activities").json()["items"]}
    assert {mine, theirs} <= kapolres_ids
    assert client_for(cast["officer_purwakarta"]).get("/api/v1/activities").json()["count"] == 0


def test_the_lifecycle_through_the_api(cast):
    officer, commander = client_for(cast["officer_a"]), client_for(cast["kapolsek_a"])
    activity_id = post(officer, SEED).json()["id"]
    assert officer.post(f"/api/v1/activities/{activity_id}/submit").json()["status"] == "submitted"
    assert officer.post(f"/api/v1/activities/{activity_id}/verify").status_code == 403
    assert commander.post(f"/api/v1/activities/{activity_id}/verify").json()["status"] == "verified"
    assert commander.post(f"/api/v1/activities/{activity_id}/verify").status_code == 422


def test_the_openapi_schema_and_docs_are_served(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/activities" in schema["paths"] and "/api/v1/auth/token" in schema["paths"]
    assert client.get("/api/v1/docs").status_code == 200


def test_figures_api_hides_personal_data_from_roles_that_do_not_need_it(cast):
    figure = make_figure(phone="+6281234500000", address="Jl. Contoh 1")
    own = client_for(cast["kapolsek_a"]).get(f"/api/v1/figures/{figure.pk}").json()
    assert own["personal"] == {"phone": "+6281234500000", "address": "Jl. Contoh 1"}
    analyst = client_for(cast["analyst"]).get(f"/api/v1/figures/{figure.pk}").json()
    assert analyst["personal"] is None
    assert client_for(cast["officer_b"]).get(f"/api/v1/figures/{figure.pk}").status_code == 404


def test_registering_a_figure_twice_in_a_kecamatan_asks_for_confirmation(cast):
    client = client_for(cast["officer_a"])
    body = {"name": "H. Arif Kuspriyadi", "kind": "tokoh_masyarakat", "home_region_code": "32.15.05.2001"}
    first = client.post("/api/v1/figures", body, content_type="application/json")
    assert first.status_code == 201 and first.json()["name"] == "Arif Kuspriyadi"
    again = client.post(
        "/api/v1/figures", {**body, "home_region_code": "32.15.05.2003"}, content_type="application/json"
    )
    assert again.status_code == 409 and again.json()["candidates"][0]["id"] == first.json()["id"]
    confirmed = client.post("/api/v1/figures", {**body, "confirm_new": True}, content_type="application/json")
    assert confirmed.status_code == 201
