"""Incidents as the temperature engine reads them (sejuk.heat.inputs.IncidentFact).

Rejected reports and reports merged into another one never reach the engine (the kept record
stands for the event). Dates are the local dates of the place, as the engine scores local days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Q

from sejuk.heat.inputs import IncidentFact
from sejuk.incidents.choices import CONFIRMED, Status
from sejuk.incidents.models import Incident


def incident_fact(incident: Incident) -> IncidentFact:
    zone = incident.region.tzinfo
    resolved = incident.status == Status.RESOLVED
    return IncidentFact(
        area_code=incident.region_id,
        occurred_on=incident.occurred_at.astimezone(zone).date(),
        severity=incident.severity,
        verified=incident.status in CONFIRMED,
        resolved=resolved,
        resolved_on=incident.resolved_at.astimezone(zone).date()
        if resolved and incident.resolved_at
        else None,
        ref=incident.pk,
    )


def incident_facts(incidents: Iterable[Incident]) -> list[IncidentFact]:
    return [incident_fact(i) for i in incidents if i.status != Status.REJECTED and not i.merged_into_id]


def incidents_for_heat(day: dt.date, horizon_days: int = 90):
    """What docs/temperature.md asks of the adapter: the last `horizon_days` plus every open one."""
    since = dt.datetime.combine(day - dt.timedelta(days=horizon_days + 1), dt.time(), tzinfo=dt.UTC)
    still_open = Q(status__in=[Status.REPORTED, Status.VERIFIED, Status.RESPONDING])
    return (
        Incident.objects.current()
        .exclude(status=Status.REJECTED)
        .filter(Q(occurred_at__gte=since) | still_open)
        .select_related("region")
    )
