from datetime import UTC, datetime

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from sejuk.incidents import services
from sejuk.incidents.models import Incident
from sejuk.units.models import Officer, Unit
from tests.incidents.helpers import clash, report, visit

pytestmark = pytest.mark.django_db


def test_an_officer_reports_a_clash_stored_in_utc_with_its_kecamatan(cast):
    incident = report(cast["officer_a"], region_code="32.15.05.2001")
    incident.refresh_from_db()
    assert incident.occurred_at == datetime(2024, 11, 28, 13, 0, tzinfo=UTC)  # 20:00 WIB
    assert (incident.status, incident.source, incident.kecamatan_code) == ("reported", "officer", "32.15.05")
    assert incident.reference.startswith("INS-") and len(incident.reference) == 10
    assert incident.reported_by == cast["officer_a"]


def test_the_same_idempotency_key_returns_the_stored_report(cast):
    first, created = services.report_incident(cast["officer_a"], clash(), idempotency_key="k-1")
    again, created_again = services.report_incident(cast["officer_a"], clash(), idempotency_key="k-1")
    assert created and not created_again and first.pk == again.pk
    assert Incident.objects.filter(idempotency_key="k-1").count() == 1


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"region_code": "32.15.13"}, "region_code", "outside"),
        ({"region_code": "99.99.99"}, "region_code", "Unknown region"),
        ({"region_code": "32.15"}, "region_code", "kecamatan"),
        ({"incident_type": "riot"}, "incident_type", "Unknown incident type"),
        ({"severity": "gawat"}, "severity", "Unknown severity"),
        ({"source": "rumour"}, "source", "Unknown source"),
        ({"injured": -1}, "injured", "between"),
        ({"dead": 100001}, "dead", "between"),
        ({"source_url": "javascript:alert(1)"}, "source_url", "http"),
        ({"latitude": -6.3}, "latitude", "both"),
        ({"latitude": 40.0, "longitude": 107.3}, "latitude", "outside Indonesia"),
        ({"description": "  "}, "description", "Describe"),
        ({"occurred_at": datetime(2099, 1, 1)}, "occurred_at", "future"),
        ({"occurred_at": None}, "occurred_at", "required"),
    ],
)
def test_invalid_reports_are_refused_per_field_and_nothing_is_stored(cast, settings, overrides, field, words):
    settings.LANGUAGE_CODE = "en"
    before = Incident.objects.count()
    with pytest.raises(ValidationError) as error:
        report(cast["officer_a"], **overrides)
    assert words in " ".join(error.value.message_dict[field])
    assert Incident.objects.count() == before


def test_errors_speak_indonesian_by_default(cast):
    with pytest.raises(ValidationError) as error:
        report(cast["officer_a"], region_code="32.15.13")
    assert "di luar wilayah hukum Anda" in " ".join(error.value.message_dict["region_code"])


def test_officers_cannot_pass_a_report_off_as_a_public_tip(cast):
    with pytest.raises(ValidationError):
        report(cast["officer_a"], source="public_tip")


@pytest.mark.parametrize("username", ["analyst", "humas", "auditor"])
def test_roles_without_the_right_cannot_report(cast, username):
    with pytest.raises(PermissionDenied):
        report(cast[username], region_code="32.15.05")


def test_the_full_workflow_reported_verified_assigned_escalated_resolved_is_audited(cast):
    officer, kapolsek, kapolres = cast["officer_a"], cast["kapolsek_a"], cast["kapolres"]
    incident = report(officer)
    services.verify_incident(kapolsek, incident, severity="gangguan_nyata")
    assert (incident.status, incident.severity, incident.verified_by) == (
        "verified",
        "gangguan_nyata",
        kapolsek,
    )
    services.assign_response(kapolsek, incident, officer=officer.officer)
    assert incident.status == "responding" and incident.assigned_unit.code == "polsek-klari"
    services.escalate_incident(kapolsek, incident, "Massa bertambah.")
    assert incident.escalated_to.code == "polres-karawang" and incident.assigned_officer is None
    assert incident.escalated_by == kapolsek and services.responsible_unit(incident).code == "polres-karawang"
    services.resolve_incident(kapolres, incident, "Mediasi berhasil.")
    incident.refresh_from_db()
    assert incident.status == "resolved" and incident.resolved_by == kapolres and incident.resolved_at
    statuses = [
        e.changes_dict.get("status") for e in LogEntry.objects.get_for_object(incident).order_by("pk")
    ]
    assert ["reported", "verified"] in statuses and ["verified", "responding"] in statuses
    assert ["responding", "resolved"] in statuses


def test_rejecting_needs_a_reason_and_records_it(cast):
    incident = report(cast["officer_a"])
    with pytest.raises(ValidationError):
        services.reject_incident(cast["kapolsek_a"], incident, "  ")
    incident.refresh_from_db()
    assert incident.status == "reported"
    services.reject_incident(cast["kapolsek_a"], incident, "Kejadian tidak ditemukan di lapangan.")
    incident.refresh_from_db()
    assert (incident.status, incident.rejection_reason) == (
        "rejected",
        "Kejadian tidak ditemukan di lapangan.",
    )


ALL_STEPS = ("verify", "reject", "assign", "escalate", "resolve", "link")


def _actions(cast, incident, activity):
    kapolsek, officer = cast["kapolsek_a"], cast["officer_a"]
    return {
        "verify": lambda: services.verify_incident(kapolsek, incident),
        "reject": lambda: services.reject_incident(kapolsek, incident, "Tidak terbukti."),
        "assign": lambda: services.assign_response(kapolsek, incident, officer=officer.officer),
        "escalate": lambda: services.escalate_incident(kapolsek, incident, "Butuh bantuan."),
        "resolve": lambda: services.resolve_incident(kapolsek, incident, "Selesai."),
        "link": lambda: services.link_response_activity(kapolsek, incident, activity),
    }


@pytest.mark.parametrize(
    ("steps", "forbidden"),
    [
        *[([], step) for step in ("assign", "escalate", "resolve", "link")],
        *[(["verify"], step) for step in ("verify", "reject")],
        *[(["reject"], step) for step in ALL_STEPS],
        *[(["verify", "assign"], step) for step in ("verify", "reject")],
        *[(["verify", "resolve"], step) for step in ("verify", "reject", "assign", "escalate", "resolve")],
    ],
)
def test_forbidden_transitions_are_refused_and_change_nothing(cast, steps, forbidden):
    incident = report(cast["officer_a"])
    activity = visit(cast["officer_a"])
    actions = _actions(cast, incident, activity)
    for step in steps:
        actions[step]()
    incident.refresh_from_db()
    status = incident.status
    with pytest.raises(ValidationError):
        actions[forbidden]()
    incident.refresh_from_db()
    assert incident.status == status


ALLOWED = {
    (): ("verify", "reject"),
    ("verify",): ("assign", "escalate", "resolve", "link"),
    ("verify", "assign"): ("assign", "escalate", "resolve", "link"),
    ("verify", "resolve"): ("link",),
}


@pytest.mark.parametrize(
    ("steps", "allowed"), [(list(k), step) for k, steps in ALLOWED.items() for step in steps]
)
def test_allowed_transitions_from_each_state_succeed(cast, steps, allowed):
    incident = report(cast["officer_a"])
    actions = _actions(cast, incident, visit(cast["officer_a"]))
    for step in [*steps, allowed]:
        actions[step]()
    incident.refresh_from_db()
    assert incident.status in ("verified", "rejected", "responding", "resolved")


@pytest.mark.parametrize("step", ["verify", "reject", "assign", "escalate"])
def test_a_field_officer_cannot_take_commander_steps(cast, step):
    incident = report(cast["officer_a"])
    if step in ("assign", "escalate"):
        services.verify_incident(cast["kapolsek_a"], incident)
    officer = cast["officer_a"]
    calls = {
        "verify": lambda: services.verify_incident(officer, incident),
        "reject": lambda: services.reject_incident(officer, incident, "x"),
        "assign": lambda: services.assign_response(officer, incident, officer=officer.officer),
        "escalate": lambda: services.escalate_incident(officer, incident, "x"),
    }
    with pytest.raises(PermissionDenied):
        calls[step]()


@pytest.mark.parametrize("username", ["officer_b", "officer_purwakarta", "analyst", "auditor", "admin"])
def test_nobody_verifies_outside_their_area_or_role(cast, username):
    incident = report(cast["officer_a"])
    with pytest.raises(PermissionDenied):
        services.verify_incident(cast[username], incident)


def test_the_kapolres_verifies_in_any_kecamatan_of_the_kabupaten(cast):
    incident = report(cast["officer_b"], region_code="32.15.13")
    services.verify_incident(cast["kapolres"], incident)
    assert incident.status == "verified"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({}, "unit"),
        ({"unit": "polsek-cikampek"}, "unit"),
        ({"officer": "70000004"}, "officer"),
        ({"unit": "polsek-klari", "officer": "70000001"}, "officer"),
    ],
)
def test_the_response_goes_only_to_units_and_officers_in_the_commanders_jurisdiction(cast, kwargs, field):
    incident = report(cast["officer_a"])
    services.verify_incident(cast["kapolsek_a"], incident)
    resolved = {
        "unit": Unit.objects.get(code=kwargs["unit"]) if "unit" in kwargs else None,
        "officer": Officer.objects.get(nrp=kwargs["officer"]) if "officer" in kwargs else None,
    }
    with pytest.raises(ValidationError) as error:
        services.assign_response(cast["kapolsek_a"], incident, **resolved)
    assert field in error.value.message_dict
    incident.refresh_from_db()
    assert incident.status == "verified"


def test_escalation_without_assignment_starts_from_the_local_polsek(cast):
    incident = report(cast["officer_a"], region_code="32.15.05.2001")
    services.verify_incident(cast["kapolsek_a"], incident)
    assert services.responsible_unit(incident).code == "polsek-klari"
    services.escalate_incident(cast["kapolsek_a"], incident, "Perlu Sat Samapta.")
    assert (incident.status, incident.assigned_unit.code) == ("responding", "polres-karawang")
    assert incident.escalation_note == "Perlu Sat Samapta." and incident.escalated_at


def test_escalation_goes_one_unit_up_at_a_time_and_only_from_the_responsible_unit_or_above(cast):
    incident = report(cast["officer_a"])
    services.verify_incident(cast["kapolsek_a"], incident)
    services.escalate_incident(cast["kapolsek_a"], incident, "Naik ke Polres.")
    with pytest.raises(PermissionDenied):
        services.escalate_incident(cast["kapolsek_a"], incident, "Lagi.")  # Polres is above the Kapolsek
    services.escalate_incident(cast["kapolres"], incident, "Naik ke Polda.")
    incident.refresh_from_db()
    assert incident.escalated_to.code == "polda-jabar" and incident.escalated_by == cast["kapolres"]
    assert Incident.objects.restrict(cast["auditor"]).filter(pk=incident.pk).exists()


def test_escalation_needs_a_reason(cast):
    incident = report(cast["officer_a"])
    services.verify_incident(cast["kapolsek_a"], incident)
    with pytest.raises(ValidationError):
        services.escalate_incident(cast["kapolsek_a"], incident, "")


def test_the_assigned_officer_may_resolve_but_another_field_officer_may_not(cast):
    incident = report(cast["officer_a"])
    services.verify_incident(cast["kapolsek_a"], incident)
    with pytest.raises(PermissionDenied):
        services.resolve_incident(cast["officer_a"], incident, "Selesai.")  # not assigned yet
    services.assign_response(cast["kapolsek_a"], incident, officer=cast["officer_a"].officer)
    with pytest.raises(ValidationError):
        services.resolve_incident(cast["officer_a"], incident, " ")
    services.resolve_incident(cast["officer_a"], incident, "Warga sudah didamaikan.")
    assert incident.status == "resolved" and incident.resolution_note == "Warga sudah didamaikan."


def test_a_cooling_activity_is_recorded_as_the_response_once(cast):
    incident = report(cast["officer_a"])
    services.verify_incident(cast["kapolsek_a"], incident)
    activity = visit(cast["officer_a"])
    services.link_response_activity(cast["officer_a"], incident, activity)
    services.link_response_activity(cast["officer_a"], incident, activity)
    assert list(incident.response_activities.all()) == [activity]
    assert list(activity.incident_responses.all()) == [incident]


def test_a_response_must_be_in_the_users_area_and_not_before_the_incident(cast):
    incident = report(cast["officer_a"])
    services.verify_incident(cast["kapolsek_a"], incident)
    elsewhere = visit(cast["officer_b"], region_code="32.15.13")
    with pytest.raises(PermissionDenied):
        services.link_response_activity(cast["kapolsek_a"], incident, elsewhere)
    services.link_response_activity(cast["kapolres"], incident, elsewhere)  # the Kapolres covers both
    earlier = visit(cast["officer_a"], occurred_at=datetime(2024, 11, 20, 10, 0))
    with pytest.raises(ValidationError):
        services.link_response_activity(cast["kapolsek_a"], incident, earlier)
