"""Counts of an area over spans of days, read from the pre-aggregated daily rows where they can answer (#6).

A span is the `days` local days ending with `day`, each kecamatan in its own zone (WIB, WITA, WIT).
The measures are those of `DailyAreaStats` (dailystats.py): `activities` that engage held in the
area; distinct current `figures` living in the area engaged by such an activity anywhere;
`incidents` confirmed that occurred there.

A kecamatan counted whole is one row of `DailyAreaStats` per day asked, whatever the number of
records. A kecamatan that the area or one of the rows it is split into divides (a unit or a page
whose area is a set of desa) is counted from the base tables, per desa, in a few grouped queries
for all such kecamatan of one zone: the rows above hold kecamatan, not desa. The keys of the result
are therefore kecamatan codes, and desa codes (or the kecamatan's own code, for records placed at
the kecamatan) inside divided kecamatan; callers fold them onto their rows by prefix.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Count, Q
from django.db.models.functions import Substr

from sejuk.activities.coverage import ENGAGED_STATUSES, narrow
from sejuk.activities.models import Activity
from sejuk.core.jurisdiction import jurisdiction_of, region_q
from sejuk.dashboard.dailystats import KECAMATAN_CODE_LENGTH, WINDOWS
from sejuk.dashboard.models import DailyAreaStats, code_q
from sejuk.incidents.choices import CONFIRMED
from sejuk.incidents.models import Incident
from sejuk.regions.choices import IANA_ZONE
from sejuk.regions.models import Region

MEASURES = ("activities", "figures", "incidents")
DESA_CODE_LENGTH = 13


@dataclass(frozen=True)
class Span:
    day: dt.date  # the last day, included
    days: int

    @property
    def column(self) -> str:
        return "" if self.days == 1 else f"_{self.days}"

    def bounds(self, zone: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
        end = dt.datetime.combine(self.day + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
        return end - dt.timedelta(days=self.days), end


# {key: {(measure, span): count}}
Counts = dict[str, dict[tuple[str, Span], int]]


def within(user, field: str, prefixes: tuple[str, ...] | None) -> Q:
    """Rows of the derived tables (kecamatan or desa codes in `field`) under `prefixes`, for a
    queryset that `restrict(user)` already limits to the user's jurisdiction: nothing more when the
    area is the jurisdiction (the user's own unit), because PostgreSQL takes the same condition
    written twice as two and underestimates the rows tenfold."""
    jurisdiction = jurisdiction_of(user).region_prefixes
    if prefixes == jurisdiction or (prefixes and jurisdiction and sorted(prefixes) == sorted(jurisdiction)):
        return Q()
    return code_q(field, prefixes)


def divided(prefixes: Iterable[str]) -> set[str]:
    """The kecamatan that a desa-level prefix divides."""
    return {p[:KECAMATAN_CODE_LENGTH] for p in prefixes if len(p) > KECAMATAN_CODE_LENGTH}


def _from_rows(user, scope, cut: set[str], spans, measures, found: Counts) -> None:
    columns = sorted({f"{m}{s.column}" for m in measures for s in spans})
    stats = DailyAreaStats.objects.restrict(user).filter(
        within(user, "region__code", scope), day__in=sorted({s.day for s in spans})
    )
    if cut:
        stats = stats.exclude(region_id__in=sorted(cut))
    # For each day read: which column holds which (measure, span); then one pass over the rows.
    plan: dict[dt.date, list[tuple[tuple[str, Span], int]]] = defaultdict(list)
    for span in spans:
        for measure in measures:
            plan[span.day].append(((measure, span), columns.index(f"{measure}{span.column}")))
    for code, day, *numbers in stats.values_list("region_id", "day", *columns):
        row = found[code]
        for key, index in plan[day]:
            row[key] = numbers[index]


def _span_counts(spans, zone: ZoneInfo, moment: str, counted: str = "pk", distinct: bool = False) -> dict:
    return {
        f"n{i}": Count(
            counted,
            distinct=distinct,
            filter=Q(**{f"{moment}__gte": span.bounds(zone)[0], f"{moment}__lt": span.bounds(zone)[1]}),
        )
        for i, span in enumerate(spans)
    }


def _grouped(rows, spans, measure: str, found: Counts) -> None:
    for row in rows:
        values = found[row["key"]]
        for i, span in enumerate(spans):
            values[(measure, span)] = values.get((measure, span), 0) + row[f"n{i}"]


def _from_records(user, prefixes, spans, measures, zone: ZoneInfo, found: Counts) -> None:
    """The measures of the kecamatan under `prefixes` (one zone), per desa, from the base tables."""
    starts, ends = zip(*(s.bounds(zone) for s in spans), strict=True)
    window = {"gte": min(starts), "lt": max(ends)}
    if "activities" in measures:
        rows = (
            Activity.objects.restrict(user)
            .filter(region_q("region__code", prefixes), status__in=ENGAGED_STATUSES)
            .filter(occurred_at__gte=window["gte"], occurred_at__lt=window["lt"])
            .annotate(key=Substr("region_id", 1, DESA_CODE_LENGTH))
            .values("key")
            .annotate(**_span_counts(spans, zone, "occurred_at"))
            .order_by()
        )
        _grouped(rows, spans, "activities", found)
    if "figures" in measures:
        # Figures through the one door's rule (their home in the area); the activity anywhere.
        rows = (
            Activity.figures.through.objects.filter(
                region_q("figure__home_region__code", prefixes),
                figure__merged_into__isnull=True,
                activity__status__in=ENGAGED_STATUSES,
                activity__occurred_at__gte=window["gte"],
                activity__occurred_at__lt=window["lt"],
            )
            .annotate(key=Substr("figure__home_region_id", 1, DESA_CODE_LENGTH))
            .values("key")
            .annotate(**_span_counts(spans, zone, "activity__occurred_at", "figure_id", distinct=True))
            .order_by()
        )
        _grouped(rows, spans, "figures", found)
    if "incidents" in measures:
        rows = (
            Incident.objects.restrict(user)
            .filter(region_q("region__code", prefixes), status__in=CONFIRMED, merged_into__isnull=True)
            .filter(occurred_at__gte=window["gte"], occurred_at__lt=window["lt"])
            .annotate(key=Substr("region_id", 1, DESA_CODE_LENGTH))
            .values("key")
            .annotate(**_span_counts(spans, zone, "occurred_at"))
            .order_by()
        )
        _grouped(rows, spans, "incidents", found)


def window_counts(
    user,
    prefixes: tuple[str, ...] | None,
    spans: Iterable[Span],
    measures: Iterable[str] = MEASURES,
    split: Iterable[str] = (),
) -> Counts:
    """The measures over each span for the area under `prefixes` (None: the nation) inside the
    user's jurisdiction; `split`: the prefixes of the rows the caller folds the result onto."""
    spans, measures = tuple(spans), tuple(measures)
    if any(s.days not in (1, *WINDOWS) for s in spans) or set(measures) - set(MEASURES):
        raise ValueError(f"spans of 1 or {WINDOWS} days and measures among {MEASURES}")
    scope = narrow(jurisdiction_of(user).region_prefixes, prefixes)
    cut = divided((*(scope or ()), *split))
    found: Counts = defaultdict(dict)
    _from_rows(user, scope, cut, spans, measures, found)
    if cut:
        zones: dict[str, list[str]] = defaultdict(list)
        for code, zone in Region.objects.filter(code__in=sorted(cut)).values_list("code", "timezone"):
            zones[zone].append(code)
        for zone, codes in sorted(zones.items()):
            inside = narrow(scope, tuple(codes))
            _from_records(user, inside, spans, measures, ZoneInfo(IANA_ZONE[zone]), found)
    return found
