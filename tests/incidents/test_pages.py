"""Incident pages against the fixed cast: who sees which page, and the workflow from the detail page."""

import io

import pytest
from PIL import Image

from sejuk.incidents import services
from sejuk.incidents.models import Incident
from tests.conftest import client_for
from tests.incidents.helpers import report, visit

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "client_id": "f-1",
        "incident_type": "hoax",
        "severity": "potensi_gangguan",
        "source": "social_media",
        "occurred_date": "2024-11-26",
        "occurred_time": "19:30",
        "region": "32.15.05.2001",
        "description": "Pesan berantai tentang surat suara yang sudah dicoblos.",
        "source_url": "https://example.org/post/1",
        "dead": "0",
        "injured": "0",
        "buildings_damaged": "0",
    }
    data.update(overrides)
    return data


def photo(fmt="JPEG"):
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), "blue").save(buffer, fmt)
    buffer.seek(0)
    buffer.name = f"bukti.{fmt.lower()}"
    return buffer


def test_the_form_offers_only_places_of_the_officers_area(cast):
    page = client_for(cast["officer_a"]).get("/insiden/baru/").content.decode()
    assert "Duren" in page and "Dawuan Timur" not in page
    assert 'name="viewport"' in page and 'type="date"' in page and "Potensi gangguan" in page


def test_a_report_with_a_photo_is_stored_once_whatever_the_double_taps(cast):
    client = client_for(cast["officer_a"])
    first = client.post("/insiden/baru/", form_data(photos=[photo()]))
    second = client.post("/insiden/baru/", form_data())
    assert first.status_code == 302 and second["Location"] == first["Location"]
    incident = Incident.objects.get(idempotency_key="form:f-1")
    assert incident.source == "social_media" and incident.evidence.count() == 1
    evidence = incident.evidence.get()
    assert client.get(f"/insiden/{incident.pk}/bukti/{evidence.pk}/thumb/").status_code == 200
    assert (
        client_for(cast["officer_b"]).get(f"/insiden/{incident.pk}/bukti/{evidence.pk}/full/").status_code
        == 404
    )


def test_errors_show_beside_the_field_and_nothing_is_stored(cast):
    client = client_for(cast["officer_a"])
    response = client.post(
        "/insiden/baru/", form_data(photos=[io.BytesIO(b"%PDF-1.4")], source_url="ftp://x")
    )
    assert response.status_code == 422
    assert "bukan foto" in response.content.decode()
    response = client.post("/insiden/baru/", form_data(source_url="ftp://x"))
    assert response.status_code == 422 and "http" in response.content.decode()
    assert not Incident.objects.exists()


@pytest.mark.parametrize(
    ("username", "list_status", "detail_status"),
    [
        (None, 302, 302),
        ("officer_a", 200, 200),
        ("kapolsek_a", 200, 200),
        ("kapolres", 200, 200),
        ("officer_b", 200, 404),
        ("officer_purwakarta", 200, 404),
        ("analyst", 200, 200),
        ("humas", 200, 200),
        ("auditor", 200, 200),
        ("admin", 200, 200),
    ],
)
def test_incident_pages_follow_the_jurisdiction(cast, username, list_status, detail_status):
    incident = report(cast["officer_a"])
    client = client_for(cast.get(username))
    listing = client.get("/insiden/")
    assert listing.status_code == list_status
    assert client.get(f"/insiden/{incident.pk}/").status_code == detail_status
    if list_status == 200:
        assert (f"/insiden/{incident.pk}/" in listing.content.decode()) is (detail_status == 200)


@pytest.mark.parametrize(
    ("username", "status"),
    [
        (None, 302),
        ("officer_a", 200),
        ("kapolsek_a", 200),
        ("analyst", 403),
        ("humas", 403),
        ("auditor", 403),
    ],
)
def test_only_roles_that_report_open_the_form(cast, username, status):
    assert client_for(cast.get(username)).get("/insiden/baru/").status_code == status


def test_the_list_filters_by_status_and_severity_and_hides_merged_reports(cast):
    kept = report(cast["officer_a"], severity="gangguan_nyata")
    merged = report(cast["officer_a"], severity="gangguan_nyata")
    other = report(cast["officer_a"], incident_type="hoax")
    services.merge_incidents(cast["kapolsek_a"], kept, merged)
    client = client_for(cast["officer_a"])
    page = client.get("/insiden/?severity=gangguan_nyata").content.decode()
    assert f"/insiden/{kept.pk}/" in page and f"/insiden/{merged.pk}/" not in page
    assert f"/insiden/{other.pk}/" not in page
    assert f"/insiden/{other.pk}/" in client.get("/insiden/?status=reported").content.decode()


def test_the_list_page_query_count_does_not_grow_with_rows(cast, django_assert_max_num_queries):
    for _ in range(8):
        incident = report(cast["officer_a"])
        services.verify_incident(cast["kapolsek_a"], incident)
        services.assign_response(cast["kapolsek_a"], incident, officer=cast["officer_a"].officer)
    client = client_for(cast["kapolres"])
    with django_assert_max_num_queries(6):
        assert client.get("/insiden/").status_code == 200


def test_a_commander_runs_the_workflow_from_the_detail_page(cast):
    incident = report(cast["officer_a"])
    commander = client_for(cast["kapolsek_a"])
    page = commander.get(f"/insiden/{incident.pk}/").content.decode()
    assert "Verifikasi" in page and "Tolak" in page
    commander.post(f"/insiden/{incident.pk}/verify/", {"severity": "gangguan_nyata"})
    commander.post(f"/insiden/{incident.pk}/assign/", {"officer": cast["officer_a"].officer_id})
    activity = visit(cast["officer_a"])
    commander.post(f"/insiden/{incident.pk}/link/", {"activity": activity.pk})
    commander.post(f"/insiden/{incident.pk}/escalate/", {"note": "Massa bertambah."})
    client_for(cast["kapolres"]).post(f"/insiden/{incident.pk}/resolve/", {"note": "Damai."})
    incident.refresh_from_db()
    assert (incident.status, incident.severity, incident.escalated_to.code) == (
        "resolved",
        "gangguan_nyata",
        "polres-karawang",
    )
    assert list(incident.response_activities.all()) == [activity]


def test_a_refused_step_shows_the_reason_and_a_field_officer_gets_403(cast):
    incident = report(cast["officer_a"])
    commander = client_for(cast["kapolsek_a"])
    response = commander.post(f"/insiden/{incident.pk}/reject/", {"reason": ""}, follow=True)
    assert "Sebutkan alasan" in response.content.decode()
    officer = client_for(cast["officer_a"])
    assert "Verifikasi" not in officer.get(f"/insiden/{incident.pk}/").content.decode()
    assert officer.post(f"/insiden/{incident.pk}/verify/").status_code == 403
    assert client_for(cast["officer_b"]).post(f"/insiden/{incident.pk}/verify/").status_code == 404
    assert client_for(None).post(f"/insiden/{incident.pk}/verify/").status_code == 302
    assert commander.post(f"/insiden/{incident.pk}/explode/").status_code == 403
    incident.refresh_from_db()
    assert incident.status == "reported"


def test_the_detail_page_suggests_duplicates_and_merges_them(cast):
    keep = report(cast["officer_a"])
    duplicate = report(cast["officer_a"], region_code="32.15.05.2001")
    commander = client_for(cast["kapolsek_a"])
    page = commander.get(f"/insiden/{keep.pk}/").content.decode()
    assert duplicate.reference in page and "Gabungkan" in page
    commander.post(f"/insiden/{keep.pk}/merge/", {"duplicate": duplicate.pk})
    duplicate.refresh_from_db()
    assert duplicate.merged_into == keep
    assert duplicate.reference in commander.get(f"/insiden/{keep.pk}/").content.decode()
    assert keep.reference in commander.get(f"/insiden/{duplicate.pk}/").content.decode()


def test_a_tip_offers_to_merge_itself_into_the_verified_report_of_the_same_event(cast):
    verified = report(cast["officer_a"])
    services.verify_incident(cast["kapolsek_a"], verified)
    tip_report = report(cast["officer_a"], region_code="32.15.05.2001")
    commander = client_for(cast["kapolsek_a"])
    page = commander.get(f"/insiden/{tip_report.pk}/").content.decode()
    assert f"/insiden/{verified.pk}/merge/" in page and "Gabungkan laporan ini ke sana" in page
    response = commander.post(f"/insiden/{verified.pk}/merge/", {"duplicate": tip_report.pk}, follow=True)
    assert "Laporan digabung." in response.content.decode()
    tip_report.refresh_from_db()
    assert tip_report.merged_into == verified
