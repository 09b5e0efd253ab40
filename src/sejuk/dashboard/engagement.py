"""The per-figure engagement store (#6): when each current figure was first and last engaged.

`FigureEngagement` holds one row per figure that was not merged away: its home region and the
moments of its first and last engagement (an activity that engages, not a draft, naming it, wherever
held), or none. The dashboard reads "the figures not engaged for longest", "never engaged" and the
number of figures of an area from it instead of every activity-figure link of the area.

Upkeep (dailystats_signals.py; after commit, in the same batch as `DailyAreaStats`, except new rows):

- a new figure gets a row without engagements at once, in its own transaction (`Changes.created`);
- new engagements (an activity submitted, figures added to an engaging activity) move the first and
  last moments outwards in one upsert (`Changes.engaged`); it commutes with every other change, so
  concurrent requests need no lock;
- anything that can move a moment inwards (an engagement removed, an activity deleted or moved in
  time, a figure moved or merged) recomputes those figures from the base tables, their rows locked
  (`Changes.recheck`).

`rebuild` recomputes an area's rows from the base tables (`sejuk aggregate`). Writes that bypass
signals (bulk loads) need it, like `DailyAreaStats`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Count, F, Max, Min, OuterRef, Q, Subquery

from sejuk.activities.coverage import ENGAGED_STATUSES
from sejuk.activities.models import Activity
from sejuk.core.jurisdiction import region_q
from sejuk.dashboard.areacounts import within
from sejuk.dashboard.models import FigureEngagement
from sejuk.figures.models import Figure

COLUMNS = ("figure_id", "region_code", "first_engaged_at", "last_engaged_at")


def _engaged(via: str = "activities__") -> Q:
    return Q(**{f"{via}status__in": ENGAGED_STATUSES})


def _truth(figures):
    """(figure id, home region, first, last engagement) of current figures, from the base tables."""
    return (
        figures.filter(merged_into__isnull=True)
        .values_list("pk", "home_region_id")
        .annotate(
            first=Min("activities__occurred_at", filter=_engaged()),
            last=Max("activities__occurred_at", filter=_engaged()),
        )
        .order_by()
    )


def rebuild(prefixes: tuple[str, ...] | None = None) -> int:
    """Recompute the rows of the figures living under the region-code prefixes (all when None)."""
    table = connection.ops.quote_name(FigureEngagement._meta.db_table)
    select, params = _truth(
        Figure.objects.filter(region_q("home_region__code", prefixes))
    ).query.sql_with_params()
    with transaction.atomic():
        FigureEngagement.objects.filter(region_q("region_code", prefixes)).delete()
        with connection.cursor() as cursor:
            # One INSERT ... SELECT: the national store is 800,000 rows, too many to pass through Python.
            cursor.execute(f"INSERT INTO {table} ({', '.join(COLUMNS)}) {select}", params)
            return cursor.rowcount


@dataclass
class Changes:
    """What one transaction did to engagements, gathered by the signals and applied after commit."""

    created: dict[int, str] = field(default_factory=dict)  # new figure -> home region code
    # figure -> (home region code, earliest and latest moment of its new engagements)
    engaged: dict[int, tuple[str, dt.datetime, dt.datetime]] = field(default_factory=dict)
    recheck: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.created or self.engaged or self.recheck)

    def engage(self, figure_id: int, region_code: str, moment: dt.datetime) -> None:
        _code, first, last = self.engaged.get(figure_id, (region_code, moment, moment))
        self.engaged[figure_id] = (region_code, min(first, moment), max(last, moment))


def _prepared(value: dt.datetime):
    return FigureEngagement._meta.get_field("last_engaged_at").get_db_prep_value(value, connection)


def _widen(engaged: dict[int, tuple[str, dt.datetime, dt.datetime]]) -> None:
    """One upsert: each figure's first moment is the earlier, its last the later, of stored and new."""
    table = connection.ops.quote_name(FigureEngagement._meta.db_table)
    earlier, later = ("LEAST", "GREATEST") if connection.vendor == "postgresql" else ("MIN", "MAX")
    rows = sorted(engaged.items())  # one order for every writer: no deadlock between two requests
    params = [p for pk, (code, first, last) in rows for p in (pk, code, _prepared(first), _prepared(last))]
    first, last = COLUMNS[2], COLUMNS[3]
    sql = (
        f"INSERT INTO {table} ({', '.join(COLUMNS)}) VALUES {', '.join(['(%s, %s, %s, %s)'] * len(rows))} "
        f"ON CONFLICT (figure_id) DO UPDATE SET "
        f"{first} = {earlier}(COALESCE({table}.{first}, excluded.{first}), excluded.{first}), "
        f"{last} = {later}(COALESCE({table}.{last}, excluded.{last}), excluded.{last})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _recheck(ids: list[int]) -> None:
    """Recompute these figures from the base tables, their rows locked against a concurrent recheck."""
    with transaction.atomic():
        homes = dict(
            Figure.objects.filter(pk__in=ids, merged_into__isnull=True).values_list("pk", "home_region_id")
        )
        # A row is made first where missing, so that it can be locked like the others.
        FigureEngagement.objects.bulk_create(
            [FigureEngagement(figure_id=pk, region_code=code) for pk, code in sorted(homes.items())],
            ignore_conflicts=True,
        )
        list(
            FigureEngagement.objects.select_for_update().filter(figure_id__in=ids).order_by("pk").values("pk")
        )
        FigureEngagement.objects.filter(figure_id__in=ids).exclude(figure_id__in=list(homes)).delete()
        truth = [
            FigureEngagement(figure_id=pk, region_code=code, first_engaged_at=first, last_engaged_at=last)
            for pk, code, first, last in _truth(Figure.objects.filter(pk__in=list(homes)))
        ]
        FigureEngagement.objects.bulk_update(truth, ["region_code", "first_engaged_at", "last_engaged_at"])


def apply(changes: Changes) -> None:
    """Bring the rows of the figures a transaction touched up to date (after its commit)."""
    recheck = sorted(changes.recheck)
    created = {pk: code for pk, code in changes.created.items() if pk not in changes.engaged}
    engaged = {pk: v for pk, v in changes.engaged.items() if pk not in changes.recheck}
    if created:
        rows = [FigureEngagement(figure_id=pk, region_code=code) for pk, code in sorted(created.items())]
        FigureEngagement.objects.bulk_create(rows, ignore_conflicts=True)
    if engaged:
        _widen(engaged)
    if recheck:
        _recheck(recheck)


# Reading -----------------------------------------------------------------------------------------


def totals(user, prefixes: tuple[str, ...] | None, end: dt.datetime, key=None) -> list[dict]:
    """Per key (an expression over `region_code`; None: one row for the area): current figures, and
    those engaged before `end`. Both columns are in one index: PostgreSQL reads no table rows."""
    rows = FigureEngagement.objects.restrict(user).filter(within(user, "region_code", prefixes))
    counts = {
        "figures": Count("*"),
        "engaged_ever": Count("first_engaged_at", filter=Q(first_engaged_at__lt=end)),
    }
    if key is None:
        return [rows.aggregate(**counts)]
    return list(rows.annotate(key=key).values("key").annotate(**counts).order_by())


def _figure(row: FigureEngagement, moment: dt.datetime | None) -> Figure:
    figure = row.figure
    figure.last_engaged = moment
    return figure


def least_recent(user, prefixes: tuple[str, ...] | None, end: dt.datetime, limit: int) -> list[Figure]:
    """The current figures of the area not engaged for longest before `end`: never engaged first,
    then by their last engagement; among equals the most influential, then by name. Three queries.

    The stored last engagement answers for every figure not engaged since `end`; the others (a page
    about a past day) are read from the links, only those that could still rank: engaged before
    `end` no later than the fifth figure found. So a page costs more the further back it looks.
    """
    rows = FigureEngagement.objects.restrict(user).filter(within(user, "region_code", prefixes))
    order = ("-figure__influence", "figure__name", "figure_id")
    never_before_end = Q(last_engaged_at__isnull=True) | Q(first_engaged_at__gte=end)
    never = rows.filter(never_before_end).order_by(*order).values_list("figure_id", flat=True)
    known = rows.filter(last_engaged_at__lt=end).order_by("last_engaged_at", *order)
    top = [(pk, None) for pk in never[:limit]]
    top = (top + list(known.values_list("figure_id", "last_engaged_at")[:limit]))[:limit]
    # Figures engaged since `end` whose last engagement before it is not stored: only those that rank.
    unknown = Q(first_engaged_at__lt=end, last_engaged_at__gte=end)
    if len(top) == limit:
        bound = top[-1][1]
        unknown = unknown & Q(first_engaged_at__lte=bound) if bound else Q(pk__in=[])
    ids = [pk for pk, _moment in top]
    links = Activity.figures.through.objects.filter(
        _engaged("activity__"), figure_id=OuterRef("figure_id"), activity__occurred_at__lt=end
    )
    moment = links.values("figure_id").annotate(moment=Max("activity__occurred_at")).values("moment")
    ranked = (
        rows.filter(Q(figure_id__in=ids) | unknown)
        .select_related("figure__home_region")
        .annotate(before_end=Subquery(moment))
        .order_by(F("before_end").asc(nulls_first=True), *order)[:limit]
    )
    return [_figure(row, row.before_end) for row in ranked]
