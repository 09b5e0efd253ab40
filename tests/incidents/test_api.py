import pytest

from sejuk.incidents import services
from sejuk.incidents.models import Incident
from tests.conftest import client_for
from tests.incidents.helpers import report, visit

pytestmark = pytest.mark.django_db

CLASH = {
    "incident_type": "supporter_clash",
    "severity": "ambang_gangguan",
    "region_code": "32.15.05",
    "occurred_at": "2024-11-28T20:00:00",
    "description": "Saling ejek antarpendukung di lapangan desa.",
    "injured": 1,
}


def post(client, path, body=None, key=None):
    headers = {"Idempotency-Key": key} if key else {}
    return client.post(
        f"/api/v1/incidents{path}", body or {}, content_type="application/json", headers=headers
    )


def test_a_report_through_the_api_is_stored_once_whatever_the_retries(cast):
    client = client_for(cast["officer_a"])
    first, retry = post(client, "", CLASH, key="phone-1"), post(client, "", CLASH, key="phone-1")
    assert (first.status_code, retry.status_code) == (201, 200)
    body = first.json()
    assert body["id"] == retry.json()["id"] and body["status"] == "reported"
    assert body["occurred_at"].startswith("2024-11-28T13:00:00") and body["reference"].startswith("INS-")
    assert body["tipster_contact"] is None
    assert Incident.objects.filter(idempotency_key="phone-1").count() == 1


def test_invalid_input_gets_422_per_field_in_indonesian(cast):
    response = post(client_for(cast["officer_a"]), "", {**CLASH, "region_code": "32.15.13", "severity": "x"})
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert "di luar wilayah hukum" in errors["region_code"][0] and "severity" in errors


@pytest.mark.parametrize(("username", "status"), [(None, 401), ("analyst", 403), ("auditor", 403)])
def test_only_reporting_roles_post_reports(cast, username, status):
    assert post(client_for(cast.get(username)), "", CLASH).status_code == status


@pytest.mark.parametrize(
    ("username", "sees"),
    [
        ("officer_a", True),
        ("kapolsek_a", True),
        ("kapolres", True),
        ("analyst", True),
        ("humas", True),
        ("auditor", True),
        ("admin", True),
        ("officer_b", False),
        ("officer_purwakarta", False),
    ],
)
def test_lists_and_details_follow_the_jurisdiction(cast, username, sees):
    incident = report(cast["officer_a"])
    client = client_for(cast[username])
    listed = {i["id"] for i in client.get("/api/v1/incidents").json()["items"]}
    assert (incident.pk in listed) is sees
    assert client.get(f"/api/v1/incidents/{incident.pk}").status_code == (200 if sees else 404)
    assert client.get(f"/api/v1/incidents/{incident.pk}/duplicates").status_code == (200 if sees else 404)


def test_anonymous_visitors_get_no_list_or_detail(cast):
    incident = report(cast["officer_a"])
    client = client_for(None)
    assert client.get("/api/v1/incidents").status_code == 401
    assert client.get(f"/api/v1/incidents/{incident.pk}").status_code == 401
    assert post(client, f"/{incident.pk}/verify").status_code == 401


def test_the_list_filters_and_its_query_count_is_pinned(cast, django_assert_max_num_queries):
    for number in range(6):
        incident = report(cast["officer_a"], severity="gangguan_nyata" if number % 2 else "potensi_gangguan")
        services.verify_incident(cast["kapolsek_a"], incident)
        services.assign_response(cast["kapolsek_a"], incident, officer=cast["officer_a"].officer)
        services.link_response_activity(cast["kapolsek_a"], incident, visit(cast["officer_a"]))
    client = client_for(cast["kapolres"])
    with django_assert_max_num_queries(7):  # session, user, unit areas, count, page, responses
        body = client.get("/api/v1/incidents?severity=gangguan_nyata&region=32.15.05").json()
    assert body["count"] == 3 and {i["severity"] for i in body["items"]} == {"gangguan_nyata"}


def test_the_workflow_through_the_api(cast):
    officer, commander = client_for(cast["officer_a"]), client_for(cast["kapolsek_a"])
    incident_id = post(officer, "", CLASH).json()["id"]
    assert post(officer, f"/{incident_id}/verify").status_code == 403
    verified = post(commander, f"/{incident_id}/verify", {"severity": "gangguan_nyata"}).json()
    assert (verified["status"], verified["severity"]) == ("verified", "gangguan_nyata")
    assert post(commander, f"/{incident_id}/verify").status_code == 422
    body = post(commander, f"/{incident_id}/assign", {"officer_id": cast["officer_a"].officer_id}).json()
    assert body["status"] == "responding" and body["assigned_unit_code"] == "polsek-klari"
    activity = visit(cast["officer_a"])
    linked = post(officer, f"/{incident_id}/link-activity", {"activity_id": activity.pk}).json()
    assert linked["response_activity_ids"] == [activity.pk]
    escalated = post(commander, f"/{incident_id}/escalate", {"note": "Massa bertambah."}).json()
    assert escalated["escalated_to_code"] == "polres-karawang"
    resolved = post(client_for(cast["kapolres"]), f"/{incident_id}/resolve", {"note": "Damai."}).json()
    assert resolved["status"] == "resolved" and resolved["resolved_at"]
    assert post(commander, f"/{incident_id}/resolve", {"note": "Lagi."}).status_code == 422


def test_rejecting_through_the_api_needs_a_reason(cast):
    incident = report(cast["officer_a"])
    commander = client_for(cast["kapolsek_a"])
    assert post(commander, f"/{incident.pk}/reject", {"reason": " "}).status_code == 422
    body = post(commander, f"/{incident.pk}/reject", {"reason": "Tidak terbukti."}).json()
    assert (body["status"], body["rejection_reason"]) == ("rejected", "Tidak terbukti.")


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"unit_code": "polsek-cikampek"}, 422),
        ({"officer_id": 999999}, 422),
        ({}, 422),
        ({"unit_code": "polsek-klari"}, 200),
    ],
)
def test_assigning_through_the_api_stays_inside_the_jurisdiction(cast, body, status):
    incident = report(cast["officer_a"])
    commander = client_for(cast["kapolsek_a"])
    post(commander, f"/{incident.pk}/verify")
    assert post(commander, f"/{incident.pk}/assign", body).status_code == status


def test_steps_on_incidents_of_another_area_are_not_found(cast):
    incident = report(cast["officer_a"])
    other = client_for(cast["officer_purwakarta"])
    for step in ("verify", "reject", "assign", "escalate", "resolve", "link-activity", "merge"):
        assert post(other, f"/{incident.pk}/{step}", {}).status_code in (404, 422)
    assert post(other, f"/{incident.pk}/verify").status_code == 404


def test_duplicates_are_suggested_and_merged_through_the_api(cast):
    keep, duplicate = report(cast["officer_a"]), report(cast["officer_a"], region_code="32.15.05.2001")
    commander = client_for(cast["kapolsek_a"])
    suggested = commander.get(f"/api/v1/incidents/{keep.pk}/duplicates").json()
    assert [i["id"] for i in suggested] == [duplicate.pk]
    assert (
        post(client_for(cast["officer_a"]), f"/{keep.pk}/merge", {"duplicate_id": duplicate.pk}).status_code
        == 403
    )
    assert post(commander, f"/{keep.pk}/merge", {"duplicate_id": duplicate.pk}).status_code == 200
    listed = {i["id"] for i in commander.get("/api/v1/incidents").json()["items"]}
    assert keep.pk in listed and duplicate.pk not in listed
    assert commander.get(f"/api/v1/incidents/{duplicate.pk}").json()["merged_into_id"] == keep.pk


def test_the_openapi_schema_lists_the_incident_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/incidents" in paths and "/api/v1/incidents/tips" in paths
    assert "/api/v1/incidents/{incident_id}/escalate" in paths
