"""What the rest of Sejuk asks of the election data: margins, the heat engine's inputs, calendars."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.utils import timezone

from sejuk.core.jurisdiction import jurisdiction_of, region_q
from sejuk.elections import tally
from sejuk.elections.choices import TENSE_PHASES, PhaseKind
from sejuk.elections.models import Contest, Election, ElectionPhase, IkpRating, Result
from sejuk.heat.config import HeatConfig
from sejuk.heat.inputs import KECAMATAN_CODE_LENGTH, AreaContext, PhaseWindow
from sejuk.regions.models import Region

CONTEST_RESULTS = "contest_results"  # prefetched whole-contest results (no recap area)


def with_contest_results(contests):
    """Contests with their whole-contest results prefetched: margins without a query each."""
    results = Result.objects.filter(region__isnull=True).order_by("reported_at")
    return contests.prefetch_related(Prefetch("results", queryset=results, to_attr=CONTEST_RESULTS))


def end_of_day(day: dt.date) -> dt.datetime:
    """Midnight after `day` in the project's zone: results reported before it were known that day."""
    return timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))


def standing(contest: Contest, until: dt.datetime | None = None) -> tally.Standing:
    """Shares and margin from the results reported before `until` (all results when None)."""
    results = getattr(contest, CONTEST_RESULTS, None)
    if results is None:
        results = contest.results.filter(region__isnull=True)
    return standing_of(r for r in results if until is None or r.reported_at < until)


def margin(contest: Contest, until: dt.datetime | None = None) -> float | None:
    """Percentage points between the top two pairs; official count over quick count (see tally)."""
    return standing(contest, until).margin


@dataclass(frozen=True, slots=True)
class ElectionContext:
    """The election facts of one kecamatan on one day, as the heat engine's AreaContext wants them."""

    code: str
    ikp_band: str | None = None
    race_margin: float | None = None
    disputed: bool = False
    revote: bool = False
    closest_contest_id: int | None = None

    def as_area_context(self, figures_by_influence: tuple[int, int, int, int, int] = (0, 0, 0, 0, 0)):
        return AreaContext(
            code=self.code,
            ikp_band=self.ikp_band,
            race_margin=self.race_margin,
            disputed=self.disputed,
            revote=self.revote,
            figures_by_influence=figures_by_influence,
        )


def area_context_inputs(kecamatan_codes: Iterable[str], day: dt.date) -> dict[str, ElectionContext]:
    """Per kecamatan: its kabupaten's IKP band, the closest live race covering it (the regent's or
    mayor's of its kabupaten/kota, the governor's of its province), and whether an MK case is
    pending or a re-vote ordered for a race covering it. Four queries for any number of areas.
    """
    codes = sorted(set(kecamatan_codes))
    bad = [code for code in codes if len(code) != KECAMATAN_CODE_LENGTH]
    if bad:
        raise ValueError(f"not kecamatan codes: {', '.join(bad[:5])}")
    kabupaten = {code[:5] for code in codes}
    bands = _ikp_bands(kabupaten, day.year)
    contests = _live_contests(kabupaten | {code[:2] for code in codes}, day)
    until = end_of_day(day)
    margins = {c.pk: margin(c, until) for c in contests}
    psu_areas = _psu_areas(contests)
    by_region: dict[str, list[Contest]] = {}
    for contest in contests:
        by_region.setdefault(contest.region_id, []).append(contest)
    result = {}
    for code in codes:
        covering = by_region.get(code[:5], []) + by_region.get(code[:2], [])
        known = [(margins[c.pk], c.pk) for c in covering if margins[c.pk] is not None]
        closest = min(known) if known else (None, None)
        result[code] = ElectionContext(
            code=code,
            ikp_band=bands.get(code[:5]),
            race_margin=closest[0],
            disputed=any(c.disputed_on(day) for c in covering),
            revote=any(c.revote_pending_on(day) and _revote_covers(psu_areas[c.pk], code) for c in covering),
            closest_contest_id=closest[1],
        )
    return result


def _ikp_bands(kabupaten: set[str], year: int) -> dict[str, str]:
    """The latest rating of each kabupaten/kota published in or before `year`."""
    ratings = IkpRating.objects.filter(region_id__in=kabupaten, year__lte=year).order_by("year")
    return {rating.region_id: rating.band for rating in ratings}


def _live_contests(region_codes: set[str], day: dt.date) -> list[Contest]:
    """Per region and office, the race of the latest election held by `day` that still counts."""
    candidates = with_contest_results(
        Contest.objects.filter(region_id__in=region_codes, election__vote_date__lte=day).select_related(
            "election"
        )
    )
    latest: dict[tuple[str, str], Contest] = {}
    for contest in candidates:
        if not contest.live_on(day):
            continue
        key = (contest.region_id, contest.office)
        if key not in latest or latest[key].election.vote_date < contest.election.vote_date:
            latest[key] = contest
    return list(latest.values())


def _psu_areas(contests: list[Contest]) -> dict[int, list[PhaseWindow]]:
    """For each contest, the PSU phases of its election inside its region (where the re-vote is)."""
    phases = list(
        ElectionPhase.objects.filter(election_id__in={c.election_id for c in contests}, kind=PhaseKind.PSU)
    )
    areas = {}
    for contest in contests:
        region = contest.region_id
        areas[contest.pk] = [
            phase.window()
            for phase in phases
            if phase.election_id == contest.election_id
            and (phase.region_prefix == region or phase.region_prefix.startswith(region + "."))
        ]
    return areas


def _revote_covers(windows: list[PhaseWindow], code: str) -> bool:
    # A re-vote without a PSU phase in the calendar covers the whole contest; with phases, only
    # the kecamatan they name (a PSU at a few TPS heats its kecamatan, not the whole kabupaten).
    return not windows or any(window.covers(code) for window in windows)


def phase_windows(day: dt.date, config: HeatConfig | None = None) -> list[PhaseWindow]:
    """The tense phases whose rise or fade reaches `day`, as the heat engine's PhaseWindow."""
    config = config or HeatConfig()
    phases = ElectionPhase.objects.filter(
        kind__in=TENSE_PHASES,
        start__lte=day + dt.timedelta(days=config.phase_lead_days),
        end__gte=day - dt.timedelta(days=config.phase_tail_days),
    ).order_by("start", "kind", "region_prefix")
    return [phase.window() for phase in phases]


def elections_with_phases(user):
    """The calendar for the pages and API: elections with their phases (each with `area_label`)."""
    elections = list(Election.objects.restrict(user).prefetch_related("phases"))
    prefixes = {p.region_prefix for e in elections for p in e.phases.all() if p.region_prefix}
    labels = {r.code: r.label for r in Region.objects.filter(code__in=prefixes)}
    for election in elections:
        for phase in election.phases.all():
            phase.area_label = labels.get(phase.region_prefix, "")
    return elections


def contests_overview(user, everywhere: bool = False, election_id: int | None = None):
    """(contest, standing) pairs; by default only races touching the user's own area."""
    contests = Contest.objects.restrict(user).select_related("region", "election")
    if election_id is not None:
        contests = contests.filter(election_id=election_id)
    jurisdiction = jurisdiction_of(user)
    if not everywhere and not jurisdiction.national:
        prefixes = jurisdiction.region_prefixes or ()
        ancestors = {code for p in prefixes for code in Region(code=p).ancestor_codes()}
        contests = contests.filter(region_q("region__code", prefixes) | Q(region__code__in=ancestors))
    contests = with_contest_results(contests.order_by("-election__vote_date", "region__code", "office"))
    return [(contest, standing(contest)) for contest in contests]


def report_of(r: Result) -> tally.Report:
    percentage = float(r.percentage) if r.percentage is not None else None
    return tally.Report(r.pair_id, r.kind, r.source, r.reported_at, r.votes, percentage)


def standing_of(results: Iterable[Result]) -> tally.Standing:
    return tally.standing(report_of(r) for r in results)
