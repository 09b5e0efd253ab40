"""Public tips: no login, rate limit, honeypot, minimum fill time, place by names, private contact."""

import html
import time

import pytest
from auditlog.models import LogEntry

from sejuk.incidents import tips
from sejuk.incidents.models import Incident
from sejuk.incidents.ratelimit import RateLimit, client_ip
from tests.conftest import client_for
from tests.incidents.helpers import tip

pytestmark = pytest.mark.django_db
CONTACT = "0812-3456-0000"


def tip_form(**overrides):
    data = {
        "client_id": "tip-1",
        "form_token": tips.issue_form_token(time.time() - 30),
        "website": "",
        "incident_type": "money_politics",
        "occurred_date": "2024-11-26",
        "occurred_time": "22:00",
        "kecamatan": "Klari",
        "kabupaten": "Kab. Karawang",
        "place_detail": "Desa Duren",
        "description": "Ada pembagian amplop dari rumah ke rumah.",
        "contact": CONTACT,
    }
    data.update(overrides)
    return data


def post_tip(client, ip="10.0.0.1", **overrides):
    return client.post("/insiden/lapor/", tip_form(**overrides), REMOTE_ADDR=ip)


def test_the_tip_page_opens_without_login_and_works_without_javascript(client):
    page = client.get("/insiden/lapor/").content.decode()
    assert 'name="viewport"' in page and 'type="date"' in page and "<script" not in page.split("<main>")[1]
    assert 'name="form_token"' in page and 'class="hp" aria-hidden="true"' in page
    assert "Laporkan" in page and "110" in page


def test_a_tip_lands_as_a_reported_public_tip_with_a_reference_and_no_address_in_the_audit(client):
    response = post_tip(client)
    assert response.status_code == 200
    incident = Incident.objects.get(idempotency_key="tip:tip-1")
    assert incident.reference in response.content.decode()
    assert (incident.status, incident.source, incident.severity) == (
        "reported",
        "public_tip",
        "potensi_gangguan",
    )
    assert incident.region_id == "32.15.05" and incident.reported_by is None
    assert incident.occurred_at.isoformat() == "2024-11-26T15:00:00+00:00"
    assert incident.tipster_contact == CONTACT
    entry = LogEntry.objects.get_for_object(incident).get()
    assert entry.remote_addr is None and entry.actor is None
    assert entry.changes_dict["tipster_contact"][1] == "***"  # auditors read the log: no part of it


def test_a_double_tap_stores_one_tip(client):
    first, second = post_tip(client), post_tip(client)
    assert first.status_code == second.status_code == 200
    assert Incident.objects.filter(idempotency_key="tip:tip-1").count() == 1


def test_a_filled_honeypot_is_refused_and_nothing_is_stored(client):
    response = post_tip(client, website="http://spam.example")
    assert response.status_code == 400
    assert not Incident.objects.exists()


@pytest.mark.parametrize(
    "token",
    [
        lambda: tips.issue_form_token(),  # sent at once: a bot
        lambda: tips.issue_form_token(time.time() - 7 * 3600),  # a form left open overnight
        lambda: "12345:forged",
        lambda: "",
    ],
)
def test_a_form_sent_too_fast_expired_or_forged_is_refused_and_offered_again(client, token):
    response = post_tip(client, form_token=token())
    assert response.status_code == 422
    page = response.content.decode()
    assert "terlalu cepat atau sudah kedaluwarsa" in page
    assert "Klari" in page  # what the visitor typed is kept
    assert not Incident.objects.exists()


def test_five_tips_an_hour_per_address_then_429(client):
    for number in range(5):
        assert post_tip(client, client_id=f"t-{number}").status_code == 200
    refused = post_tip(client, client_id="t-6")
    assert refused.status_code == 429 and "Terlalu banyak" in refused.content.decode()
    assert post_tip(client, ip="10.0.0.2", client_id="t-7").status_code == 200
    assert Incident.objects.count() == 6


def test_attempts_of_any_kind_are_limited_too(client, monkeypatch):
    monkeypatch.setattr(tips, "ATTEMPT_LIMIT", RateLimit("tip-attempt-test", limit=2, window_seconds=3600))
    for _ in range(2):
        assert post_tip(client, kecamatan="Atlantis").status_code == 422
    assert post_tip(client).status_code == 429


@pytest.mark.parametrize(
    ("kecamatan", "kabupaten", "field_words"),
    [
        ("Klari", "Gotham", "Tidak ada kabupaten atau kota bernama 'Gotham'"),
        ("Tambun Selatan", "Bekasi", "Kabupaten Bekasi"),
        ("Cikarang", "Karawang", "Tidak ada kecamatan bernama 'Cikarang' di Kabupaten Karawang"),
        ("", "Karawang", "tidak boleh kosong"),
    ],
)
def test_an_unknown_or_ambiguous_place_gets_a_clear_indonesian_error(
    client, kecamatan, kabupaten, field_words
):
    response = post_tip(client, kecamatan=kecamatan, kabupaten=kabupaten)
    assert response.status_code == 422
    assert field_words in html.unescape(response.content.decode())
    assert not Incident.objects.exists()


def test_the_api_names_a_missing_place_too(client):
    response = api_tip(client, kecamatan="", kabupaten="Karawang")
    assert response.status_code == 422 and "Tulis kecamatan" in response.json()["detail"]


def test_kota_or_kabupaten_settles_an_ambiguous_name(client):
    assert post_tip(client, kecamatan="Bekasi Timur", kabupaten="Kota Bekasi").status_code == 200
    assert Incident.objects.get().region.name == "Bekasi Timur"


def test_behind_our_proxy_the_address_is_the_last_forwarded_one(rf):
    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    assert client_ip(request, trust_proxy=True) == "203.0.113.9"
    assert client_ip(request, trust_proxy=False) == "127.0.0.1"


def api_tip(client, ip="10.0.0.1", key=None, **overrides):
    body = {
        "incident_type": "intimidation",
        "description": "Warga didatangi orang tak dikenal agar memilih calon tertentu.",
        "occurred_at": "2024-11-25T19:00:00",
        "kecamatan": "Cikampek",
        "kabupaten": "Karawang",
        "form_token": tips.issue_form_token(time.time() - 10),
        **overrides,
    }
    headers = {"Idempotency-Key": key} if key else {}
    return client.post(
        "/api/v1/incidents/tips", body, content_type="application/json", headers=headers, REMOTE_ADDR=ip
    )


def test_the_tip_api_needs_no_login_and_returns_a_reference(client):
    token = client.get("/api/v1/incidents/tips/form-token").json()
    assert token["min_seconds"] == 3 and token["token"]
    first, retry = api_tip(client, key="app-1"), api_tip(client, key="app-1")
    assert (first.status_code, retry.status_code) == (201, 200)
    assert first.json()["reference"] == retry.json()["reference"] and first.json()["status"] == "reported"
    incident = Incident.objects.get(reference=first.json()["reference"])
    assert incident.region_id == "32.15.13" and incident.source == "public_tip"


def test_the_tip_api_accepts_a_region_code_instead_of_names(client):
    assert api_tip(client, kecamatan="", kabupaten="", region_code="32.15.05.2001").status_code == 201


@pytest.mark.parametrize(
    ("overrides", "status"),
    [
        (lambda: {"website": "x"}, 400),
        (lambda: {"form_token": tips.issue_form_token()}, 422),  # sent at once
        (lambda: {"kabupaten": "Gotham"}, 422),
        (lambda: {"region_code": "32.15"}, 422),
        (lambda: {"contact": "x" * 201}, 422),
    ],
)
def test_the_tip_api_has_the_same_protections(client, overrides, status):
    assert api_tip(client, **overrides()).status_code == status
    assert not Incident.objects.exists()


def test_the_tip_api_is_rate_limited_per_address(client):
    for _ in range(5):
        assert api_tip(client).status_code == 201
    assert api_tip(client).status_code == 429
    assert post_tip(client).status_code == 429  # page and API share the allowance


@pytest.mark.parametrize(
    ("username", "sees"),
    [("kapolsek_a", True), ("kapolres", True), ("officer_a", False), ("analyst", False), ("auditor", False)],
)
def test_only_verifiers_see_the_tipsters_contact_and_each_read_is_audited(cast, username, sees):
    incident = tip(contact=CONTACT)
    client = client_for(cast[username])
    page = client.get(f"/insiden/{incident.pk}/").content.decode()
    api = client.get(f"/api/v1/incidents/{incident.pk}").json()
    assert (CONTACT in page) is sees
    assert api["tipster_contact"] == (CONTACT if sees else None)
    accesses = LogEntry.objects.get_for_object(incident).filter(action=LogEntry.Action.ACCESS)
    assert accesses.count() == (2 if sees else 0)
    if sees:
        assert {e.actor for e in accesses} == {cast[username]}
    listing = client.get("/api/v1/incidents").json()["items"]
    assert all(item["tipster_contact"] is None for item in listing)


def test_a_verifier_outside_the_area_gets_no_contact_even_when_asking_the_service_directly(cast):
    from sejuk.incidents import services

    assert services.tipster_contact(cast["kapolres"], tip(contact=CONTACT)) == CONTACT
    outside = tip(contact=CONTACT, region_code="32.14.02", key="p-1")
    assert services.tipster_contact(cast["kapolsek_a"], outside) is None
    assert not LogEntry.objects.get_for_object(outside).filter(action=LogEntry.Action.ACCESS).exists()
