"""The adapter reads the engine's inputs from the database: a hand-built world with known answers.

The world builders here are shared by the other Django-side heat tests (services, pages, alerts).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sejuk.activities.models import Activity
from sejuk.elections.models import Election, ElectionPhase, IkpRating
from sejuk.figures.models import Figure
from sejuk.heat import adapter
from sejuk.heat.config import HeatConfig
from sejuk.heat.inputs import AreaContext, EngagementFact, IncidentFact, PhaseWindow
from sejuk.incidents.heat import incident_facts, incidents_for_heat
from sejuk.incidents.models import Incident
from sejuk.regions.models import Region
from sejuk.units.models import Unit

pytestmark = pytest.mark.django_db

KLARI, CIKAMPEK, CAMPAKA = "32.15.05", "32.15.13", "32.14.02"
CODES = [CAMPAKA, KLARI, CIKAMPEK]
DAY = dt.date(2024, 11, 28)
WIB = ZoneInfo("Asia/Jakarta")


def at(day: dt.date, hour: int = 10, minute: int = 0, zone=WIB) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=zone)


def figure(home: str, influence: int, name: str = "Tokoh", merged_into: Figure | None = None) -> Figure:
    return Figure.objects.create(
        kind="tokoh_masyarakat", name=name, home_region_id=home, influence=influence, merged_into=merged_into
    )


def activity(when: dt.datetime, *figures: Figure, status: str = "submitted", unit: str = "polsek-klari"):
    engaged = Activity.objects.create(
        activity_type="sambang",
        occurred_at=when,
        region_id=figures[0].home_region_id if figures else KLARI,
        unit=Unit.objects.get(code=unit),
        status=status,
    )
    engaged.figures.add(*figures)
    return engaged


def incident(code: str, severity: str, when: dt.datetime, status: str = "verified", **fields) -> Incident:
    values = dict(
        incident_type="supporter_clash",
        severity=severity,
        source="officer",
        region_id=code,
        occurred_at=when,
        description="Saling ejek antarpendukung.",
        status=status,
    )
    if status == "rejected":
        values["rejection_reason"] = "Tidak terbukti."
    return Incident.objects.create(**{**values, **fields})


@dataclass
class World:
    day: dt.date
    figures: dict[str, Figure] = field(default_factory=dict)
    incidents: dict[str, Incident] = field(default_factory=dict)


def _engagement(world: World, day: dt.date, extra: int) -> None:
    f = world.figures
    f["f5"] = figure("32.15.05.2001", 5, "Kyai")
    f["f4"] = figure("32.15.05.2002", 4, "Sesepuh")
    f["f3"] = figure("32.15.05.2003", 3, "Ustadz")
    f["f2"] = figure("32.15.05.2003", 2, "Ketua RT")
    f["merged"] = figure("32.15.05.2002", 4, "Sesepuh (ganda)", merged_into=f["f4"])
    f["c4"] = figure("32.15.13.2001", 4, "Tokoh Cikampek")

    def before(days: int) -> dt.date:
        return day - dt.timedelta(days=days)

    activity(at(before(days=1)), f["f5"], f["f3"])
    activity(at(before(days=8)), f["f5"], status="verified")
    activity(at(day, 9), f["f4"], status="draft")  # a draft engages nobody
    activity(at(day, 23, 30), f["f4"], status="returned")  # late on the day, local time
    activity(at(day + dt.timedelta(days=1), 0, 30), f["f3"])  # just after the day: not yet
    activity(at(before(days=30)), f["f4"])  # outside the 28-day window
    activity(at(before(days=2)), f["f2"])  # influence 2 does not count
    activity(at(before(days=3)), f["merged"])  # merged figures count through the kept one only
    activity(at(before(days=2)), f["c4"], unit="polsek-cikampek")
    for n in range(extra):  # more of the same, for the query-count tests
        more = figure("32.15.05.2004", 3, f"Tokoh {n}")
        activity(at(before(days=n % 20)), more)
        activity(at(before(days=n % 20 + 1)), more, f["f2"])


def _incidents(world: World, day: dt.date) -> None:
    def before(days: int) -> dt.date:
        return day - dt.timedelta(days=days)

    i = world.incidents
    i["ambang"] = incident("32.15.05.2001", "ambang_gangguan", at(before(days=1), 20))
    i["resolved"] = incident(
        KLARI, "potensi_gangguan", at(before(days=8)), "resolved", resolved_at=at(before(days=7))
    )
    i["report"] = incident(KLARI, "gangguan_nyata", at(day, 8), "reported")
    i["cikampek"] = incident(CIKAMPEK, "potensi_gangguan", at(before(days=2)))
    i["rejected"] = incident(KLARI, "gangguan_nyata", at(day, 9), "rejected")
    i["later"] = incident(KLARI, "gangguan_nyata", at(day + dt.timedelta(days=1), 9))


def build_world(day: dt.date = DAY, extra: int = 0) -> World:
    """Klari and Cikampek (Karawang, IKP tinggi) and Campaka (Purwakarta, no IKP) around `day`."""
    world = World(day)
    IkpRating.objects.create(region_id="32.15", year=day.year, band="tinggi")
    election = Election.objects.create(code="uji", kind="pilkada", year=day.year, name="Uji", vote_date=day)
    ElectionPhase.objects.create(
        election=election, kind="pemungutan", start=day - dt.timedelta(days=1), end=day - dt.timedelta(days=1)
    )
    ElectionPhase.objects.create(
        election=election,
        kind="rekapitulasi",
        start=day,
        end=day + dt.timedelta(days=5),
        region_prefix="32.15",
    )
    _engagement(world, day, extra)
    _incidents(world, day)
    return world


def expected_inputs(world: World, extra: int = 0):
    """The engine's inputs for the world, written out by hand."""
    day = world.day

    def before(days: int) -> dt.date:
        return day - dt.timedelta(days=days)

    contexts = [
        AreaContext(CAMPAKA),
        AreaContext(KLARI, ikp_band="tinggi", figures_by_influence=(0, 1 + extra, 1 + extra, 1, 1)),
        AreaContext(CIKAMPEK, ikp_band="tinggi", figures_by_influence=(0, 0, 0, 1, 0)),
    ]
    f, i = world.figures, world.incidents
    engagement = [
        EngagementFact(KLARI, before(days=1), f["f5"].pk, 5),
        EngagementFact(KLARI, before(days=1), f["f3"].pk, 3),
        EngagementFact(KLARI, day, f["f4"].pk, 4),
        EngagementFact(CIKAMPEK, before(days=2), f["c4"].pk, 4),
    ]
    incidents = [
        IncidentFact("32.15.05.2001", before(days=1), "ambang_gangguan", True, ref=i["ambang"].pk),
        IncidentFact(KLARI, before(days=8), "potensi_gangguan", True, True, before(days=7), i["resolved"].pk),
        IncidentFact(KLARI, day, "gangguan_nyata", False, ref=i["report"].pk),
        IncidentFact(CIKAMPEK, before(days=2), "potensi_gangguan", True, ref=i["cikampek"].pk),
    ]
    phases = [
        PhaseWindow("pemungutan", before(days=1), before(days=1)),
        PhaseWindow("rekapitulasi", day, day + dt.timedelta(days=5), "32.15"),
    ]
    return contexts, incidents, engagement, phases


def _by_figure(facts):
    return sorted(facts, key=lambda fact: fact.figure_id)


def test_the_adapter_reads_exactly_the_inputs_written_out_by_hand():
    world = build_world()
    inputs = adapter.day_inputs(DAY, HeatConfig(), CODES)
    contexts, incidents, engagement, phases = expected_inputs(world)
    assert inputs.contexts == contexts
    assert sorted(inputs.incidents, key=lambda f: f.ref) == sorted(incidents, key=lambda f: f.ref)
    assert _by_figure(inputs.engagement) == _by_figure(engagement)
    assert inputs.phases == phases
    assert inputs.zones == {CAMPAKA: "WIB", KLARI: "WIB", CIKAMPEK: "WIB"}


def test_figures_are_counted_per_kecamatan_and_influence_without_merged_ones():
    world = build_world()
    counts = adapter.figures_by_influence([KLARI, CIKAMPEK])
    assert counts == {KLARI: (0, 1, 1, 1, 1), CIKAMPEK: (0, 0, 0, 1, 0)}
    assert world.figures["merged"].kecamatan_code == KLARI  # there, but not counted


def test_a_raised_influence_threshold_leaves_less_influential_figures_out_in_sql():
    build_world()
    facts = adapter.engagement_facts(DAY, HeatConfig(influential_from=4), {KLARI: "WIB"}, [KLARI])
    assert {f.influence for f in facts} == {4, 5}


def test_engagement_days_are_the_local_days_of_each_figures_own_zone():
    papua = Region.objects.filter(level=3, timezone="WIT", retired=False).order_by("code").first()
    jakarta, jayapura = figure("32.15.05.2001", 4, "Di Klari"), figure(papua.code, 4, "Di Papua")
    late_utc = dt.datetime.combine(DAY, dt.time(16, 30), tzinfo=dt.UTC)  # 23:30 WIB, 01:30 WIT next day
    activity(late_utc, jakarta)
    activity(late_utc, jayapura)
    activity(dt.datetime.combine(DAY - dt.timedelta(days=1), dt.time(12), tzinfo=dt.UTC), jayapura)
    zones = {KLARI: "WIB", papua.code: "WIT"}
    facts = {f.figure_id: f for f in adapter.engagement_facts(DAY, HeatConfig(), zones, zones)}
    assert facts[jakarta.pk].engaged_on == DAY
    # In Papua the late visit is already the next day: the day's latest engagement is the earlier one.
    assert facts[jayapura.pk].engaged_on == DAY - dt.timedelta(days=1)


def test_incident_rows_become_the_same_facts_as_incidents_heat_makes_of_model_instances():
    world = build_world()
    papua = Region.objects.filter(level=3, timezone="WIT", retired=False).order_by("code").first()
    late = dt.datetime.combine(DAY, dt.time(16, 30), tzinfo=dt.UTC)  # 01:30 WIT the next day
    incident(papua.code, "ambang_gangguan", late - dt.timedelta(days=1), "resolved", resolved_at=late)
    incident(papua.code, "potensi_gangguan", late - dt.timedelta(days=2), "responding")
    assert len(world.incidents) == 6
    fast = adapter.incident_inputs(DAY, HeatConfig())
    slow = incident_facts(incidents_for_heat(DAY).filter(occurred_at__lt=at(DAY + dt.timedelta(days=1), 0)))
    assert sorted(fast, key=lambda f: f.ref) == sorted(slow, key=lambda f: f.ref)
    assert len(fast) == 6


@pytest.mark.parametrize("extra", [0, 30])
def test_reading_a_day_costs_the_same_queries_however_many_figures_and_activities(extra):
    build_world(extra=extra)
    with CaptureQueriesContext(connection) as queries:
        inputs = adapter.day_inputs(DAY, HeatConfig(), CODES)
    assert len(inputs.engagement) == 4 + extra
    assert len(queries) == 7, [q["sql"][:120] for q in queries]
