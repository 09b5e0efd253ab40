"""Builders for the dashboard's page tests: activities, incidents, figures and stored temperatures."""

from __future__ import annotations

import datetime as dt

from django.test import TestCase
from django.utils import timezone

from sejuk.activities import services as activity_services
from sejuk.activities.models import Activity
from sejuk.heat.config import HeatConfig
from sejuk.heat.models import HeatRollup, HeatSnapshot
from sejuk.heat.services import config_version
from sejuk.incidents import services as incident_services
from tests.activities.helpers import make_figure, seed_visit
from tests.incidents.helpers import clash

DAY = dt.date(2024, 11, 28)  # the day after the 27 Nov 2024 Pilkada vote
KLARI, DUREN, CIKAMPEK = "32.15.05", "32.15.05.2001", "32.15.13"


def at(day: dt.date = DAY, hour: int = 10) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, 0)


def committed():
    """Run the work saves leave for after the commit (daily counts, engagement store), as a real
    commit would: a test runs inside one transaction that never commits."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def visit(user, *, region=DUREN, day=DAY, submit=True, figures=(), gps=None, narrative=None, verify_by=None):
    values = {"region_code": region, "occurred_at": at(day), "figure_ids": [f.pk for f in figures]}
    if gps:
        values["latitude"], values["longitude"] = gps
    if narrative is not None:
        values["narrative"] = narrative
    with committed():
        activity, _ = activity_services.record_activity(user, seed_visit(**values))
        if submit:
            activity_services.submit_activity(user, activity)
        if verify_by is not None:
            activity_services.verify_activity(verify_by, activity)
    return activity


def incident(user, *, region=DUREN, day=DAY, gps=None, **extra):
    values = {"region_code": region, "occurred_at": at(day, 20), **extra}
    if gps:
        values["latitude"], values["longitude"] = gps
    with committed():
        item, _ = incident_services.report_incident(user, clash(**values))
    return item


def heat(code: str, value: float, band: str, day: dt.date = DAY) -> HeatSnapshot:
    digest = config_version(HeatConfig())
    return HeatSnapshot.objects.create(
        region_id=code,
        day=day,
        value=value,
        band=band,
        parts=[],
        config_id=digest,
        computed_at=timezone.now(),
    )


def rollup(kind: str, code: str, value: float, band: str, counts=(0, 0, 0), day: dt.date = DAY) -> HeatRollup:
    return HeatRollup.objects.create(
        kind=kind,
        code=code,
        day=day,
        max_value=value,
        mean_value=value,
        band=band,
        hottest_code=KLARI,
        area_count=sum(counts),
        band_counts=dict(zip(("sejuk", "hangat", "panas"), counts, strict=True)),
        computed_at=timezone.now(),
    )


def karawang_heat() -> None:
    """Klari is hot, Cikampek cool; the roll-ups say so for the units and the kabupaten."""
    heat(KLARI, 72.0, "panas")
    heat(CIKAMPEK, 20.0, "sejuk")
    rollup("unit", "polres-karawang", 72.0, "panas", (1, 0, 1))
    rollup("unit", "polsek-klari", 72.0, "panas", (0, 0, 1))
    rollup("unit", "polsek-cikampek", 20.0, "sejuk", (1, 0, 0))
    rollup("kabupaten", "32.15", 72.0, "panas", (1, 0, 1))


def some_records(cast, size: int) -> None:
    """`size` figures, engaging activities (with GPS) and incidents in Klari, and a few in Cikampek."""
    officer_a, officer_b = cast["officer_a"], cast["officer_b"]
    for n in range(size):
        figure = make_figure(name=f"Tokoh Klari {n}", region=DUREN)
        visit(
            officer_a, figures=[figure], day=DAY - dt.timedelta(days=n % 10), gps=(-6.36 - n / 1000, 107.35)
        )
        incident(officer_a, gps=(-6.37, 107.36 + n / 1000), day=DAY - dt.timedelta(days=n % 5))
    for n in range(max(1, size // 2)):
        figure = make_figure(name=f"Tokoh Cikampek {n}", region="32.15.13.2001")
        visit(officer_b, region="32.15.13.2001", figures=[figure])


def orm_activity(when: dt.datetime, figures=(), region: str = DUREN, status: str = "submitted") -> Activity:
    """An activity written through the ORM (as imports and the admin do), its figures linked after."""
    from sejuk.units.models import Unit

    with committed():
        activity = Activity.objects.create(
            activity_type="sambang",
            occurred_at=when,
            region_id=region,
            unit=Unit.objects.get(code="polsek-klari"),
            status=status,
        )
        activity.figures.add(*figures)
    return activity
