"""The engine's inputs for one day, read from the database in a fixed number of queries (#4).

Everything is aggregated in SQL, so the number of queries does not grow with figures, activities or
incidents, and the rows that reach Python are per kecamatan (contexts), per engaged influential
figure (engagement) or per incident:

1. the kecamatan and their time zones;
2. registered figures per kecamatan and influence (`GROUP BY kecamatan_code, influence`);
3. per influential figure engaged in the window, the local date of its latest engagement
   (`MAX(occurred_at)` over the activity-figure links of non-draft activities, the same rule as
   activities/coverage.py, turned into a date in SQL);
4. incidents of the horizon plus every open one (incidents/heat.py);
5. election facts (elections.services.area_context_inputs: four queries) and phase windows (one).

Local days: the engine scores local calendar days. Indonesia's three zones have fixed offsets
(WIB UTC+7, WITA UTC+8, WIT UTC+9, no daylight saving), and each figure's engagements are compared
with the day's bounds *in the zone of the figure's own region* (a CASE inside the MAX), then the
latest engagement is turned into that zone's date. So a visit at 00:30 WIT on the
29th counts on the 29th in Papua even though it is still the 28th in Jakarta: no approximation.
Incidents take the local date of their place, as incidents/heat.py does.

Speed (bench/bench_heat_day.py): the national engagement query joins some 1.3 million activities of
the window with their 1.6 million figure links. It reads the activities from the index
`activity_heat_window_idx` alone, and runs with a larger `work_mem` and without JIT compilation
(`national_read`): with PostgreSQL's defaults its sort spills to disk and JIT compiling costs more
than it saves. Rows reach Python as plain values (ids, codes, dates), never as model instances.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.db.models import Case, CharField, Count, DateField, DateTimeField, F, Max, Q, When
from django.db.models.functions import Cast, TruncDate

from sejuk.activities.coverage import ENGAGED_STATUSES
from sejuk.activities.models import Activity
from sejuk.elections.services import area_context_inputs, phase_windows
from sejuk.figures.models import Figure
from sejuk.heat.config import HeatConfig
from sejuk.heat.inputs import AreaContext, EngagementFact, IncidentFact, PhaseWindow
from sejuk.incidents.choices import CONFIRMED
from sejuk.incidents.choices import Status as IncidentStatus
from sejuk.incidents.heat import incidents_for_heat
from sejuk.regions.choices import IANA_ZONE, Level
from sejuk.regions.models import Region

_REFERENCE_MOMENT = dt.datetime(2024, 1, 1)
# Memory for the national engagement query's hash joins and grouping (per worker process): with
# PostgreSQL's default 4 MB they spill to temporary files. Measured: 2.8 s instead of 3.9 s.
NATIONAL_READ_WORK_MEM = "64MB"


@contextmanager
def national_read() -> Iterator[None]:
    """Session settings for the few large reads of a national run, on PostgreSQL, for the queries
    inside the block only (SET LOCAL in a transaction or savepoint of its own).

    JIT is off because compiling the engagement query took 2.2 s of its 5 s (its cost estimate passes
    PostgreSQL's thresholds, but the work is memory-bound joins that compiled code does not speed up).
    Gathering rows from parallel workers is priced lower than PostgreSQL's default (0.1 a row): the
    planner expects about a million figure groups where some 400,000 come, so it thought gathering
    the workers' partial results dearer than they are and, on some days, planned the query without
    workers (measured for 25 Feb 2025: 5.1 s alone against 3.0 s with two workers).
    """
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('work_mem', %s, true), set_config('jit', 'off', true), "
                "set_config('parallel_tuple_cost', '0.01', true)",
                [NATIONAL_READ_WORK_MEM],
            )
        yield


def fixed_zone(name: str) -> dt.timezone:
    """The zone's fixed offset (Indonesia keeps no daylight saving): faster than ZoneInfo per row."""
    offset = ZoneInfo(IANA_ZONE[name]).utcoffset(_REFERENCE_MOMENT)
    return dt.timezone(offset, name)


def day_bounds(day: dt.date, zone: dt.tzinfo, days: int = 1) -> tuple[dt.datetime, dt.datetime]:
    """[first moment, end) of the `days` local days ending with `day`, as aware datetimes."""
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    return end - dt.timedelta(days=days), end


@dataclass(frozen=True)
class DayInputs:
    day: dt.date
    config: HeatConfig
    contexts: list[AreaContext]
    incidents: list[IncidentFact]
    engagement: list[EngagementFact]
    phases: list[PhaseWindow]
    zones: dict[str, str]  # kecamatan code -> WIB / WITA / WIT


def kecamatan_zones(codes: Iterable[str] | None = None) -> dict[str, str]:
    """Current kecamatan (all of them, or those among `codes`) and their zone names."""
    regions = Region.objects.filter(level=Level.KECAMATAN, retired=False)
    if codes is not None:
        regions = regions.filter(code__in=sorted(set(codes)))
    return dict(regions.order_by("code").values_list("code", "timezone"))


def figures_by_influence(codes: Iterable[str] | None = None) -> dict[str, tuple[int, int, int, int, int]]:
    """Current (not merged) figures per kecamatan, counted at influence 1..5."""
    figures = Figure.objects.current()
    if codes is not None:
        figures = figures.filter(kecamatan_code__in=sorted(set(codes)))
    counts: dict[str, list[int]] = {}
    rows = figures.values("kecamatan_code", "influence").annotate(n=Count("pk")).order_by()
    for code, influence, n in rows.values_list("kecamatan_code", "influence", "n"):
        if 1 <= influence <= 5:
            counts.setdefault(code, [0, 0, 0, 0, 0])[influence - 1] += n
    return {code: (c[0], c[1], c[2], c[3], c[4]) for code, c in counts.items()}


def _latest_in_own_zone(day: dt.date, days: int, zone_names: list[str]):
    """The local date of MAX(occurred_at) over the window's bounds in the zone of the figure's home
    region, and the widest bounds (for the index on activities.occurred_at).

    The MAX takes, per link, the moment only if it lies inside the window of the figure's own zone (a
    CASE); the outer CASE turns the group's latest moment into a date in that same zone. The date is
    computed in SQL: loading it is cheap, while Django's loader for aware timestamps is pure Python
    (about 4 µs a value, seconds for a national day's 370,000 figures).
    """
    whens, starts, ends = [], [], []
    for name in zone_names:
        start, end = day_bounds(day, fixed_zone(name), days)
        starts.append(start)
        ends.append(end)
        inside = Q(
            figure__home_region__timezone=name,
            activity__occurred_at__gte=start,
            activity__occurred_at__lt=end,
        )
        whens.append(When(inside, then=F("activity__occurred_at")))
    latest = Max(Case(*whens, output_field=DateTimeField()))
    local_date = Case(
        *[
            When(figure__home_region__timezone=name, then=TruncDate(latest, tzinfo=ZoneInfo(IANA_ZONE[name])))
            for name in zone_names
        ],
        output_field=DateField(),
    )
    return local_date, min(starts), max(ends)


def _moment(text: str) -> dt.datetime:
    """PostgreSQL writes '2024-11-28 03:00:00+00'; SQLite keeps Django's naive UTC '2024-11-28 03:00:00'."""
    moment = dt.datetime.fromisoformat(text)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def engagement_facts(
    day: dt.date, config: HeatConfig, zones: dict[str, str], codes: Iterable[str] | None = None
) -> list[EngagementFact]:
    """Per influential figure engaged in the window: its kecamatan, influence and latest local date.

    One grouped query over the activity-figure links of non-draft activities in the widest window;
    each link counts only inside the window's bounds in its figure's own zone (a CASE in the MAX).
    The rows are fetched in one go rather than through a server-side cursor, because PostgreSQL
    never runs a cursor's query in parallel (nationally some 370,000 short rows, briefly in memory).
    """
    names = sorted({str(zone) for zone in zones.values()})
    if not names:
        return []
    last, earliest, end = _latest_in_own_zone(day, config.engagement_window_days, names)
    links = Activity.figures.through.objects.filter(
        activity__occurred_at__gte=earliest,
        activity__occurred_at__lt=end,
        activity__status__in=ENGAGED_STATUSES,
        figure__merged_into__isnull=True,
        figure__influence__gte=config.influential_from,
    )
    if codes is not None:
        links = links.filter(figure__kecamatan_code__in=sorted(set(codes)))
    rows = (
        links.values(
            "figure_id", "figure__kecamatan_code", "figure__influence", "figure__home_region__timezone"
        )
        .annotate(last=last)
        .filter(last__isnull=False)
        .order_by()
        .values_list("figure_id", "figure__kecamatan_code", "figure__influence", "last")
    )
    with national_read() if codes is None else nullcontext():
        found = list(rows)
    return [EngagementFact(code, last, figure_id, influence) for figure_id, code, influence, last in found]


def incident_inputs(
    day: dt.date, config: HeatConfig, codes: Iterable[str] | None = None
) -> list[IncidentFact]:
    """Incidents of the horizon and every open one (incidents/heat.incidents_for_heat chooses them),
    up to the end of `day` in WIB, the zone whose day ends last (later ones cannot count).

    Read as plain rows and turned into facts by the same rules as incidents/heat.incident_fact
    (a test holds the two equal): model instances and Django's timestamp loader would cost about
    30 µs an incident, two seconds for a national day's 60,000.
    """
    _, latest = day_bounds(day, fixed_zone("WIB"))
    incidents = incidents_for_heat(day, config.incident_horizon_days).filter(occurred_at__lt=latest)
    if codes is not None:
        incidents = incidents.filter(kecamatan_code__in=sorted(set(codes)))
    rows = incidents.order_by().values_list(
        "pk",
        "region_id",
        "region__timezone",
        Cast("occurred_at", output_field=CharField()),
        "severity",
        "status",
        Cast("resolved_at", output_field=CharField()),
    )
    local = {str(name): fixed_zone(name) for name in IANA_ZONE}
    facts = []
    for pk, code, zone, occurred, severity, status, resolved_at in rows:
        resolved = status == IncidentStatus.RESOLVED
        resolved_on = (
            _moment(resolved_at).astimezone(local[zone]).date() if resolved and resolved_at else None
        )
        occurred_on = _moment(occurred).astimezone(local[zone]).date()
        facts.append(
            IncidentFact(code, occurred_on, severity, status in CONFIRMED, resolved, resolved_on, pk)
        )
    return facts


def contexts_for(
    zones: dict[str, str], day: dt.date, codes: Iterable[str] | None = None
) -> list[AreaContext]:
    figures = figures_by_influence(codes)
    elections = area_context_inputs(zones, day)
    return [elections[code].as_area_context(figures.get(code, (0, 0, 0, 0, 0))) for code in zones]


def day_inputs(day: dt.date, config: HeatConfig, codes: Iterable[str] | None = None) -> DayInputs:
    """Everything score_day needs for `day`, for all kecamatan or those among `codes`."""
    codes = sorted(set(codes)) if codes is not None else None
    zones = kecamatan_zones(codes)
    return DayInputs(
        day=day,
        config=config,
        contexts=contexts_for(zones, day, codes),
        incidents=incident_inputs(day, config, codes),
        engagement=engagement_facts(day, config, zones, codes),
        phases=phase_windows(day, config),
        zones=zones,
    )
