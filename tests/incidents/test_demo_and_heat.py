import datetime as dt

import pytest
from django.core.management import call_command

from sejuk.heat.inputs import IncidentFact
from sejuk.incidents import services
from sejuk.incidents.demo import load_demo_incidents
from sejuk.incidents.heat import incident_facts, incidents_for_heat
from sejuk.incidents.models import Incident
from tests.incidents.helpers import report

pytestmark = pytest.mark.django_db


def test_the_demo_incidents_load_once_and_tell_the_story():
    assert load_demo_incidents() == 0  # without the demo users nothing is created
    call_command("load_demo")  # which loads the demo incidents after the activities
    assert Incident.objects.count() == 5
    assert load_demo_incidents() == 0
    clash = Incident.objects.get(idempotency_key="demo-incident-clash")
    assert (clash.status, clash.severity, clash.escalated_to.code) == (
        "resolved",
        "gangguan_nyata",
        "polres-karawang",
    )
    hoax = Incident.objects.get(idempotency_key="demo-incident-hoax")
    assert hoax.status == "resolved" and hoax.response_activities.exists()
    assert [i.pk for i in services.suggest_duplicates(hoax)] == [
        Incident.objects.get(idempotency_key="tip:demo-hoax-tip").pk
    ]
    gathering = Incident.objects.get(idempotency_key="demo-incident-kpu")
    assert gathering.assigned_unit.code == "polsek-karawang-barat" and gathering.status == "responding"
    assert Incident.objects.filter(source="public_tip", status="reported").count() == 2


def test_incidents_feed_the_temperature_engine_with_local_dates(cast):
    late = report(cast["officer_a"], occurred_at=dt.datetime(2024, 11, 28, 23, 30))  # 16:30 UTC, 28th WIB
    services.verify_incident(cast["kapolsek_a"], late)
    services.assign_response(cast["kapolsek_a"], late, unit=cast["kapolsek_a"].unit)
    services.resolve_incident(cast["kapolsek_a"], late, "Selesai.")
    unverified = report(cast["officer_a"], region_code="32.15.05.2001", incident_type="hoax")
    rejected = report(cast["officer_a"], incident_type="provocation")
    services.reject_incident(cast["kapolsek_a"], rejected, "Tidak terbukti.")
    merged = report(cast["officer_a"])
    services.merge_incidents(cast["kapolsek_a"], late, merged)
    facts = {f.ref: f for f in incident_facts(Incident.objects.select_related("region"))}
    assert set(facts) == {late.pk, unverified.pk}
    assert facts[late.pk].occurred_on == dt.date(2024, 11, 28) and facts[late.pk].verified
    assert facts[late.pk].resolved and facts[late.pk].resolved_on is not None
    assert facts[unverified.pk] == IncidentFact(
        area_code="32.15.05.2001",
        occurred_on=dt.date(2024, 11, 28),
        severity="ambang_gangguan",
        verified=False,
        ref=unverified.pk,
    )


def test_the_heat_query_keeps_old_open_incidents_and_drops_old_closed_ones(cast):
    old_open = report(cast["officer_a"], occurred_at=dt.datetime(2024, 1, 10, 10, 0))
    old_closed = report(cast["officer_a"], occurred_at=dt.datetime(2024, 1, 11, 10, 0))
    services.verify_incident(cast["kapolsek_a"], old_closed)
    services.resolve_incident(cast["kapolsek_a"], old_closed, "Selesai.")
    recent = report(cast["officer_a"])
    ids = set(incidents_for_heat(dt.date(2024, 11, 30)).values_list("pk", flat=True))
    assert ids == {old_open.pk, recent.pk}
