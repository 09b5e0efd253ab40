"""Pre-aggregated counts per kecamatan and local day (#6): what `DailyAreaStats` holds and how it is built.

A row (kecamatan K, day D) counts, in K's own time zone (WIB, WITA or WIT):

- `activities`: activities that engage (not drafts, the coverage rule) held in K (the place is K or
  one of its desa) on D;
- `figures`: distinct current figures whose home is in K engaged on D by such an activity, wherever
  it was held (the coverage and temperature rule: a figure counts where it lives);
- `incidents`: confirmed incidents (verified, being responded to or resolved; not merged) that
  occurred in K on D;

and each again over the 7, 28 and 30 days ending with D (`activities_7`, `figures_28`, ...).

Distinct figures over a window cannot be summed from daily counts (a figure visited on Monday and
Thursday is one figure, not two), and cannot be derived from a figure's last engagement alone (that
answers only for today, not for a report on a past day). So the window counts are stored per day,
computed from each figure's engagement days: a figure counts on day X for a window of W days iff
one of its engagement days e satisfies X - W < e <= X, i.e. X lies in the union of the intervals
[e, e + W - 1]. The union per figure is added to a difference array per kecamatan, so a rebuild is
linear in the engagement days. A day's window row then answers the roll-up with one row per
kecamatan, and a period comparison with two.

Rows whose numbers are all zero are not stored. `rebuild` recomputes a range of days for some
kecamatan from the base tables (three grouped queries per zone and chunk); `refresh` is what the
signals call after a commit: the touched kecamatan for every day whose windows contain the change.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import Count, F, Q
from django.db.models.functions import Substr, TruncDate

from sejuk.activities.coverage import ENGAGED_STATUSES
from sejuk.activities.models import Activity
from sejuk.core.jurisdiction import region_q
from sejuk.dashboard.models import DailyAreaStats
from sejuk.incidents.choices import CONFIRMED
from sejuk.incidents.models import Incident
from sejuk.regions.choices import IANA_ZONE, Level
from sejuk.regions.models import Region

# 7 and 28: the roll-up and the period comparison (#6); 30: the coverage and home page windows.
WINDOWS = (7, 28, 30)
SPAN = max(WINDOWS)
MEASURES = ("activities", "figures", "incidents")
BATCH = 1000
KECAMATAN_CODE_LENGTH = 8

# progress(done, total) after each chunk; the command draws it as a bar.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Chunk:
    """Kecamatan of one zone, and the region-code prefixes that select their rows."""

    zone: str
    prefixes: tuple[str, ...]
    codes: frozenset[str]


def chunks(codes: Iterable[str] | None = None, zones: dict[str, str] | None = None) -> list[Chunk]:
    """All kecamatan (one chunk per province and zone), or the given kecamatan (one chunk per zone);
    `zones` (kecamatan code -> WIB, WITA or WIT) when the caller has already read them."""
    if zones is None:
        regions = Region.objects.filter(level=Level.KECAMATAN, retired=False)
        if codes is not None:
            regions = regions.filter(code__in=sorted(set(codes)))
        pairs = list(regions.values_list("code", "timezone"))
    else:
        pairs = [(code, zones[code]) for code in sorted(set(codes)) if code in zones]
    groups: dict[tuple[str, str], set[str]] = defaultdict(set)
    for code, zone in pairs:
        groups[(code[:2] if codes is None else "", zone)].add(code)
    result = []
    for (province, zone), members in sorted(groups.items()):
        # A province in one zone is selected by its prefix; otherwise by its kecamatan codes.
        whole = province and not any(z != zone for (p, z) in groups if p == province)
        prefixes = (province,) if whole else tuple(sorted(members))
        result.append(Chunk(zone, prefixes, frozenset(members)))
    return result


def _bounds(first: dt.date, last: dt.date, zone: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(first, dt.time.min, tzinfo=zone)
    return start, dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min, tzinfo=zone)


def _daily_activities(chunk: Chunk, first: dt.date, last: dt.date) -> dict[tuple[str, dt.date], int]:
    zone = ZoneInfo(IANA_ZONE[chunk.zone])
    start, end = _bounds(first, last, zone)
    rows = (
        Activity.objects.filter(region_q("region__code", chunk.prefixes))
        .filter(status__in=ENGAGED_STATUSES, occurred_at__gte=start, occurred_at__lt=end)
        .annotate(
            code=Substr("region_id", 1, KECAMATAN_CODE_LENGTH), day=TruncDate("occurred_at", tzinfo=zone)
        )
        .values("code", "day")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {(r["code"], r["day"]): r["n"] for r in rows if r["code"] in chunk.codes}


def _daily_incidents(chunk: Chunk, first: dt.date, last: dt.date) -> dict[tuple[str, dt.date], int]:
    zone = ZoneInfo(IANA_ZONE[chunk.zone])
    start, end = _bounds(first, last, zone)
    rows = (
        Incident.objects.filter(region_q("region__code", chunk.prefixes))
        .filter(status__in=CONFIRMED, merged_into__isnull=True, occurred_at__gte=start, occurred_at__lt=end)
        .annotate(code=F("kecamatan_code"), day=TruncDate("occurred_at", tzinfo=zone))
        .values("code", "day")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {(r["code"], r["day"]): r["n"] for r in rows if r["code"] in chunk.codes}


def _engagement_days(
    chunk: Chunk, first: dt.date, last: dt.date, stream: bool = True
) -> dict[str, dict[int, set[dt.date]]]:
    """Per kecamatan, per current figure living there: the local days it was engaged."""
    zone = ZoneInfo(IANA_ZONE[chunk.zone])
    start, end = _bounds(first, last, zone)
    links = (
        Activity.figures.through.objects.filter(region_q("figure__kecamatan_code", chunk.prefixes))
        .filter(
            figure__merged_into__isnull=True,
            activity__status__in=ENGAGED_STATUSES,
            activity__occurred_at__gte=start,
            activity__occurred_at__lt=end,
        )
        .annotate(day=TruncDate("activity__occurred_at", tzinfo=zone))
        .values_list("figure__kecamatan_code", "figure_id", "day")
        .distinct()
        .order_by()
    )
    days: dict[str, dict[int, set[dt.date]]] = defaultdict(lambda: defaultdict(set))
    # A province's links are streamed (a server-side cursor); a refresh's few hundred are not.
    for code, figure_id, day in links.iterator(chunk_size=20000) if stream else links:
        if code in chunk.codes:
            days[code][figure_id].add(day)
    return days


def _running(daily: list[int], window: int) -> list[int]:
    """The sum over the `window` days ending with each day."""
    out, total = [], 0
    for i, value in enumerate(daily):
        total += value - (daily[i - window] if i >= window else 0)
        out.append(total)
    return out


def _distinct_running(figure_days: Iterable[list[int]], length: int, window: int) -> list[int]:
    """Distinct figures engaged in the `window` days ending with each day (offsets 0..length-1)."""
    diff = [0] * (length + 1)
    for offsets in figure_days:
        start = end = None
        for e in offsets:  # sorted: merge the intervals [e, e + window - 1]
            if end is not None and e <= end + 1:
                end = e + window - 1
                continue
            if start is not None:
                diff[start] += 1
                diff[min(end, length - 1) + 1] -= 1
            start, end = e, e + window - 1
        if start is not None:
            diff[start] += 1
            diff[min(end, length - 1) + 1] -= 1
    out, total = [], 0
    for value in diff[:length]:
        total += value
        out.append(total)
    return out


def _arrays(daily: dict[tuple[str, dt.date], int], origin: dt.date, length: int) -> dict[str, list[int]]:
    """Per kecamatan, the day-by-day counts from `origin` (missing days are zeros)."""
    arrays: dict[str, list[int]] = {}
    for (code, day), n in daily.items():
        arrays.setdefault(code, [0] * length)[(day - origin).days] += n
    return arrays


def _rows_for(code: str, origin: dt.date, length: int, data: dict) -> list[DailyAreaStats]:
    values: dict[str, list[int]] = {}
    for measure in ("activities", "incidents"):
        daily = data[measure].get(code) or [0] * length
        values[measure] = daily
        for window in WINDOWS:
            values[f"{measure}_{window}"] = _running(daily, window)
    offsets = [sorted((day - origin).days for day in days) for days in data["figures"].get(code, {}).values()]
    values["figures"] = _distinct_running(offsets, length, 1)
    for window in WINDOWS:
        values[f"figures_{window}"] = _distinct_running(offsets, length, window)
    rows = []
    names = list(values)
    for i, numbers in enumerate(zip(*values.values(), strict=True)):
        if i >= SPAN - 1 and any(numbers):  # the first SPAN - 1 days only feed the windows
            fields = dict(zip(names, numbers, strict=True))
            rows.append(DailyAreaStats(region_id=code, day=origin + dt.timedelta(days=i), **fields))
    return rows


def _rebuild_chunk(chunk: Chunk, first: dt.date, last: dt.date, stream: bool = True) -> int:
    origin = first - dt.timedelta(days=SPAN - 1)
    length = (last - origin).days + 1
    with transaction.atomic():
        # Serialise refreshes of the same kecamatan (two requests committing at once): the second
        # waits here and then reads what the first committed. NO KEY UPDATE does not block inserts
        # of records pointing at these regions (their foreign-key checks take KEY SHARE).
        regions = Region.objects.select_for_update(no_key=True).filter(code__in=sorted(chunk.codes))
        list(regions.values_list("code"))
        data = {
            "activities": _arrays(_daily_activities(chunk, origin, last), origin, length),
            "incidents": _arrays(_daily_incidents(chunk, origin, last), origin, length),
            "figures": _engagement_days(chunk, origin, last, stream),
        }
        busy = set(data["activities"]) | set(data["incidents"]) | set(data["figures"])
        rows = [row for code in sorted(busy) for row in _rows_for(code, origin, length, data)]
        stored = DailyAreaStats.objects.filter(region_q("region__code", chunk.prefixes))
        stored.filter(day__gte=first, day__lte=last).delete()
        DailyAreaStats.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def rebuild(
    first: dt.date,
    last: dt.date,
    codes: Iterable[str] | None = None,
    progress: Progress | None = None,
    zones: dict[str, str] | None = None,
) -> int:
    """Recompute the rows of days first..last (inclusive) for all kecamatan or the given ones."""
    if last < first:
        raise ValueError("last day before first day")
    parts = chunks(codes, zones)
    written = 0
    for done, chunk in enumerate(parts, start=1):
        written += _rebuild_chunk(chunk, first, last, stream=codes is None)
        if progress:
            progress(done, len(parts))
    return written


def _zones_of(codes: Iterable[str]) -> dict[str, str]:
    regions = Region.objects.filter(code__in=sorted(set(codes)), level=Level.KECAMATAN, retired=False)
    return dict(regions.values_list("code", "timezone"))


def refresh(touched: Iterable[tuple[str, dt.datetime]]) -> int:
    """Recompute what (kecamatan code, moment) pairs touched: each kecamatan from the earliest local
    day touched to SPAN - 1 days after the latest (every window containing a change). For one
    submission: the kecamatan's zone, a lock, three reads, a delete and an insert (bench/README.md)."""
    touched = [(code, moment) for code, moment in touched if code and len(code) == KECAMATAN_CODE_LENGTH]
    if not touched:
        return 0
    zones = _zones_of(code for code, _moment in touched)
    spans: dict[str, tuple[dt.date, dt.date]] = {}
    for code, moment in touched:
        if code not in zones or moment is None:
            continue
        day = moment.astimezone(ZoneInfo(IANA_ZONE[zones[code]])).date()
        low, high = spans.get(code, (day, day))
        spans[code] = (min(low, day), max(high, day))
    by_span: dict[tuple[dt.date, dt.date], list[str]] = defaultdict(list)
    for code, (low, high) in spans.items():
        by_span[(low, high + dt.timedelta(days=SPAN - 1))].append(code)
    return sum(rebuild(first, last, codes, zones=zones) for (first, last), codes in sorted(by_span.items()))


def engagement_links(activity_ids: Iterable[int] = (), figure_ids: Iterable[int] = ()) -> list:
    """(figure, the figure's kecamatan, activity time) of the links of these activities or figures."""
    q = Q()
    if activity_ids:
        q |= Q(activity_id__in=list(activity_ids))
    if figure_ids:
        q |= Q(figure_id__in=list(figure_ids))
    if not q:
        return []
    links = Activity.figures.through.objects.filter(q)
    return list(links.values_list("figure_id", "figure__kecamatan_code", "activity__occurred_at"))
