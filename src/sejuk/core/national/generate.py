"""Orchestration: regions -> plan -> units and people -> figures -> activities -> incidents.

The generation is one transaction: a failed run leaves nothing behind. `--replace` first removes
the previous data set in a transaction of its own and vacuums the tables (PostgreSQL), so that
the indexes rebuilt afterwards do not scan millions of dead rows. Progress is reported per table through a
`Progress`-like object (`start(label, total)`, `advance(label, n)`), so the command can draw a
rich bar and tests can pass nothing.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password

from sejuk.accounts.models import User
from sejuk.activities.models import Activity
from sejuk.core.national import cleanup
from sejuk.core.national.activities import ACTIVITY_FIELDS, ActivityMaker
from sejuk.core.national.figures import FIGURE_FIELDS, FigureMaker, figure_index
from sejuk.core.national.incidents import INCIDENT_FIELDS, IncidentMaker
from sejuk.core.national.people import OFFICER_FIELDS, UNIT_FIELDS, USER_FIELDS, PeopleBuilder
from sejuk.core.national.plan import Plan, RegionRow, build_plan
from sejuk.core.national.timeline import Clock
from sejuk.core.national.writers import Writer, open_writer
from sejuk.figures.models import Figure
from sejuk.incidents.models import Incident
from sejuk.regions.choices import Level
from sejuk.regions.models import Region
from sejuk.units.models import Officer, Unit, UnitArea

DEFAULT_START = dt.date(2024, 11, 28)
DAYS = 90
NO_REGIONS = "Wilayah belum dimuat: jalankan 'sejuk load_regions' dulu (data nasional butuh semua wilayah)."
ALREADY_THERE = (
    "Data nasional sintetis sudah ada (unit berawalan 'gen-'). Jalankan lagi dengan --replace untuk "
    "menghapus dan membuatnya ulang."
)


class GenerationError(Exception):
    """A reason not to generate, worded for the operator (Indonesian)."""


@dataclass
class Options:
    scale: float = 1.0
    seed: int = 2024
    start: dt.date = DEFAULT_START
    days: int = DAYS
    replace: bool = False
    password: str | None = None


@dataclass
class Context:
    password: str
    joined: str
    taken_nrps: set[str]


class _NoProgress:
    def start(self, label: str, total: int | None) -> None:
        pass

    def advance(self, label: str, n: int) -> None:
        pass


def region_rows() -> list[RegionRow]:
    rows = [
        RegionRow(*values)
        for values in Region.objects.filter(retired=False).values_list(
            "code", "name", "level", "kind", "timezone"
        )
    ]
    if not any(r.level == Level.KECAMATAN for r in rows) or not any(r.level == Level.PROVINSI for r in rows):
        raise GenerationError(NO_REGIONS)
    return rows


def _mabes() -> tuple[int, str]:
    """The existing Mabes unit, or a new one (kept by --replace: other data may hang off it)."""
    mabes = Unit.objects.filter(level="mabes").order_by("pk").first()
    if mabes is None:
        mabes = Unit(code="mabes", kind="mabes", name="Mabes Polri")
        mabes.save()
    return mabes.pk, mabes.path


def generate_national(options: Options, progress=None) -> dict:
    """Generate the data set; returns {"plan": counts, "tables": {label: (rows, seconds)}, ...}."""
    progress = progress or _NoProgress()
    began = time.perf_counter()
    plan = build_plan(region_rows(), options.scale, options.seed)
    exists = cleanup.has_generated_data()
    if exists and not options.replace:
        raise GenerationError(ALREADY_THERE)
    removed = _remove(progress) if exists else None
    with open_writer() as writer:
        if removed:
            writer.add_time("remove_previous", *removed)
        clock = Clock(options.start, options.days, writer.timestamp_suffix)
        staff = _write_people(writer, plan, clock, options, progress)
        polres = [r for d in staff for r in d.children]
        polsek = [s for r in polres for s in r.children]
        links = [(link, plan.activities) for link in _links()]
        with writer.indexes_deferred([(Figure, plan.figures), (Activity, plan.activities), *links]):
            index = _write_figures(writer, plan, polsek, clock, progress)
            _write_activities(writer, plan, staff, index, clock, options, progress)
        _write_incidents(writer, plan, polres, clock, options, progress)
        began_analyze = time.perf_counter()
        writer.analyze([Unit, Officer, Figure, Activity, Incident, *_links()])
        writer.add_time("analyze", 0, time.perf_counter() - began_analyze)
    return {
        "plan": plan.counts(),
        "tables": {label: (int(rows), seconds) for label, (rows, seconds) in writer.stats.items()},
        "seconds": time.perf_counter() - began,
    }


def _remove(progress) -> tuple[int, float]:
    """Its own transaction, then VACUUM: new indexes are not built over millions of dead rows."""
    progress.start("remove_previous", None)
    began = time.perf_counter()
    removed = cleanup.remove_generated()
    cleanup.vacuum()
    return sum(removed.values()), time.perf_counter() - began


def _links():
    return (Activity.officers.through, Activity.figures.through, Activity.themes.through)


def _write_people(writer: Writer, plan: Plan, clock: Clock, options: Options, progress):
    counts = plan.counts()
    units = 1 + counts["polda"] + counts["polres"] + counts["polsek"]
    officers = 3 * counts["polda"] + 4 * counts["polres"] + 2 * counts["polsek"] + counts["bhabinkamtibmas"]
    mabes = _mabes()  # before reserving ids: it may insert a unit
    ids = {
        "unit": writer.reserve_ids(Unit, units),
        "officer": writer.reserve_ids(Officer, officers),
        "user": writer.reserve_ids(User, units),
    }
    context = Context(
        password=make_password(options.password),
        joined=clock.at(-30 * 1440),
        taken_nrps=set(Officer.objects.values_list("nrp", flat=True)),
    )
    rows = PeopleBuilder(plan, ids, mabes, context).build()
    for model, fields, data, label in (
        (Unit, UNIT_FIELDS, rows.units, "units"),
        (UnitArea, ("unit_id", "region_id"), rows.areas, "unit_areas"),
        (Officer, OFFICER_FIELDS, rows.officers, "officers"),
        (Officer.assigned_desa.through, ("officer_id", "region_id"), rows.officer_desa, "officer_desa"),
        (User, USER_FIELDS, rows.users, "users"),
    ):
        progress.start(label, len(data))
        writer.insert(model, fields, data, lambda n, label=label: progress.advance(label, n), label)
    return rows.polda


def _write_figures(writer: Writer, plan: Plan, polsek, clock: Clock, progress) -> dict:
    first = writer.reserve_ids(Figure, plan.figures)
    index = figure_index(polsek, plan.figures, first, plan.seed)
    rows = FigureMaker(plan.seed, clock).rows(polsek, index)
    progress.start("figures", plan.figures)
    writer.insert(Figure, FIGURE_FIELDS, rows, lambda n: progress.advance("figures", n), "figures")
    return index


def _write_activities(writer: Writer, plan: Plan, staff, index, clock: Clock, options: Options, progress):
    first = writer.reserve_ids(Activity, plan.activities)
    maker = ActivityMaker(options.start, options.days, clock, index, plan.seed)
    # Expected links per activity (officers ~1.7, figures ~1.2, themes 2.4) only size the bars.
    expected = {"activities": 1.0, "activity_officers": 1.7, "activity_figures": 1.2, "activity_themes": 2.4}
    for label, per in expected.items():
        progress.start(label, round(plan.activities * per))
    tables = (
        ("activities", Activity, ACTIVITY_FIELDS),
        ("activity_officers", Activity.officers.through, ("activity_id", "officer_id")),
        ("activity_figures", Activity.figures.through, ("activity_id", "figure_id")),
        ("activity_themes", Activity.themes.through, ("activity_id", "appealtheme_id")),
    )
    chunks = maker.chunks(staff, plan.activities, first)
    while True:
        began = time.perf_counter()
        chunk = next(chunks, None)
        writer.add_time("activities", 0, time.perf_counter() - began)
        if chunk is None:
            break
        for (label, model, fields), rows in zip(
            tables, (chunk.activities, chunk.officers, chunk.figures, chunk.themes), strict=True
        ):
            writer.insert(model, fields, rows, lambda n, label=label: progress.advance(label, n), label)


def _write_incidents(writer: Writer, plan: Plan, polres, clock: Clock, options: Options, progress):
    first = writer.reserve_ids(Incident, plan.incidents)
    taken = set(Incident.objects.values_list("reference", flat=True))
    rows = IncidentMaker(options.start, options.days, clock, plan.seed, taken).rows(
        polres, plan.incidents, first
    )
    progress.start("incidents", plan.incidents)
    writer.insert(Incident, INCIDENT_FIELDS, rows, lambda n: progress.advance("incidents", n), "incidents")
