"""The contest page's content: both counts per pair, every report, and the tiered recapitulation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sejuk.elections import tally
from sejuk.elections.models import CandidatePair, Contest, Result
from sejuk.elections.services import report_of, standing_of


@dataclass(frozen=True)
class PairLine:
    pair: CandidatePair
    quick_count: float | None
    official: float | None
    official_votes: int | None


@dataclass(frozen=True)
class ReportGroup:
    """One report (a source at one time, for the contest or one area) with each pair's figure."""

    result: Result  # the first of the group: kind, source, time and area
    figures: list[tuple[int, int | None, float | None]]  # (ballot number, votes, percent)

    @property
    def reported_at(self) -> dt.datetime:
        return self.result.reported_at


@dataclass(frozen=True)
class ContestSheet:
    contest: Contest
    standing: tally.Standing  # the one the margin comes from
    quick_count: tally.Standing
    official: tally.Standing
    lines: list[PairLine]
    history: list[Result]  # whole-contest results, newest first
    recap: list[Result]  # results per area, by area and ballot number
    reports: list[ReportGroup]  # `history` grouped per report
    recap_areas: list[ReportGroup]  # the latest report of each area


def contest_sheet(contest: Contest) -> ContestSheet:
    """Everything the contest page and API show: pairs with both counts, history, recapitulation."""
    results = list(contest.results.select_related("pair", "region").order_by("-reported_at", "pair__number"))
    whole = [r for r in results if r.region_id is None]
    by_area = sorted((r for r in results if r.region_id), key=lambda r: (r.region_id, r.pair.number))
    by_kind = {kind: standing_of([r for r in whole if r.kind == kind]) for kind in tally.PREFERENCE}
    lines = [
        PairLine(
            pair=pair,
            quick_count=by_kind[tally.QUICK_COUNT].share_of(pair.pk),
            official=by_kind[tally.OFFICIAL].share_of(pair.pk),
            official_votes=by_kind[tally.OFFICIAL].votes.get(pair.pk),
        )
        for pair in contest.pairs.all()
    ]
    return ContestSheet(
        contest=contest,
        standing=standing_of(whole),
        quick_count=by_kind[tally.QUICK_COUNT],
        official=by_kind[tally.OFFICIAL],
        lines=lines,
        history=whole,
        recap=by_area,
        reports=_groups(whole),
        recap_areas=_latest_per_area(by_area),
    )


def _group(results: list[Result]) -> ReportGroup:
    shares = tally.shares_of(report_of(r) for r in results)
    ordered = sorted(results, key=lambda r: r.pair.number)
    return ReportGroup(results[0], [(r.pair.number, r.votes, shares.get(r.pair_id)) for r in ordered])


def _groups(results: list[Result]) -> list[ReportGroup]:
    grouped: dict[tuple, list[Result]] = {}
    for result in results:
        grouped.setdefault((result.kind, result.source, result.reported_at), []).append(result)
    return [_group(members) for members in grouped.values()]


def _latest_per_area(results: list[Result]) -> list[ReportGroup]:
    by_area: dict[str, list[Result]] = {}
    for result in results:
        by_area.setdefault(result.region_id, []).append(result)
    groups = []
    for area in sorted(by_area):
        reports = {report_of(r): r for r in by_area[area]}
        groups.append(_group([reports[report] for report in tally.snapshot(reports)]))
    return groups
