"""Read-only REST endpoints of the election calendar, contests and IKP ratings (every signed-in user)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from sejuk.core.api_auth import AUTH
from sejuk.elections import services
from sejuk.elections.choices import TENSE_PHASES
from sejuk.elections.models import Contest, ElectionPhase, IkpRating
from sejuk.elections.sheets import contest_sheet
from sejuk.regions.models import Region

router = Router(tags=["elections"], auth=AUTH)


class PhaseOut(Schema):
    id: int
    election_code: str
    kind: str
    label: str
    start: dt.date
    end: dt.date
    region_prefix: str
    tense: bool


class ElectionOut(Schema):
    id: int
    code: str
    kind: str
    year: int
    name: str
    vote_date: dt.date
    phases: list[PhaseOut]


class ContestOut(Schema):
    id: int
    election_code: str
    region_code: str
    region_name: str
    office: str
    status: str
    margin: float | None
    margin_kind: str | None
    margin_source: str
    dispute_filed_on: dt.date | None
    dispute_decided_on: dt.date | None
    revote_ordered_on: dt.date | None
    revote_held_on: dt.date | None


class PairOut(Schema):
    number: int
    candidate: str
    running_mate: str
    coalition: str
    quick_count: float | None
    official: float | None
    official_votes: int | None


class ResultOut(Schema):
    pair_number: int
    kind: str
    source: str
    reported_at: dt.datetime
    votes: int | None
    percentage: float | None
    region_code: str | None


class ContestDetailOut(ContestOut):
    dispute_notes: str
    pairs: list[PairOut]
    results: list[ResultOut]


class IkpOut(Schema):
    region_code: str
    year: int
    band: str
    score: float | None
    source: str


def phase_out(phase: ElectionPhase, election_code: str) -> dict:
    return {
        "id": phase.pk,
        "election_code": election_code,
        "kind": phase.kind,
        "label": phase.label,
        "start": phase.start,
        "end": phase.end,
        "region_prefix": phase.region_prefix,
        "tense": phase.is_tense,
    }


def contest_out(contest: Contest, standing) -> dict:
    return {
        "id": contest.pk,
        "election_code": contest.election.code,
        "region_code": contest.region_id,
        "region_name": contest.region.label,
        "office": contest.office,
        "status": contest.status,
        "margin": standing.margin,
        "margin_kind": standing.kind,
        "margin_source": standing.source,
        **{
            name: getattr(contest, name)
            for name in ("dispute_filed_on", "dispute_decided_on", "revote_ordered_on", "revote_held_on")
        },
    }


def touching(field: str, code: str) -> Q:
    """Rows whose region code in `field` is national, contains `code`, or lies inside it."""
    ancestors = [*Region(code=code).ancestor_codes(), code, ""]
    return Q(**{f"{field}__in": ancestors}) | Q(**{f"{field}__startswith": code + "."})


@router.get("", response=list[ElectionOut], summary="Kalender pemilihan / election calendar")
def list_elections(request):
    return [
        {
            "id": e.pk,
            "code": e.code,
            "kind": e.kind,
            "year": e.year,
            "name": e.name,
            "vote_date": e.vote_date,
            "phases": [phase_out(p, e.code) for p in e.phases.all()],
        }
        for e in services.elections_with_phases(request.user)
    ]


@router.get("/phases", response=list[PhaseOut], summary="Tahapan / phases, by day and region")
def list_phases(request, day: dt.date | None = None, region: str = "", tense_only: bool = False):
    phases = ElectionPhase.objects.restrict(request.user).select_related("election")
    if day:
        phases = phases.filter(start__lte=day, end__gte=day)
    if region:
        phases = phases.filter(touching("region_prefix", region))
    if tense_only:
        phases = phases.filter(kind__in=TENSE_PHASES)
    return [phase_out(p, p.election.code) for p in phases.order_by("start", "kind")]


@router.get("/contests", response=list[ContestOut], summary="Kontes dan selisih suara / contests, margins")
def list_contests(request, election: str = "", region: str = ""):
    contests = Contest.objects.restrict(request.user).select_related("region", "election")
    if election:
        contests = contests.filter(election__code=election)
    if region:
        contests = contests.filter(touching("region__code", region))
    contests = services.with_contest_results(contests.order_by("-election__vote_date", "region__code"))
    return [contest_out(c, services.standing(c)) for c in contests]


@router.get("/contests/{contest_id}", response=ContestDetailOut, summary="Satu kontes / one contest")
def get_contest(request, contest_id: int):
    contest = get_object_or_404(
        Contest.objects.restrict(request.user).select_related("region", "election"), pk=contest_id
    )
    sheet = contest_sheet(contest)
    pairs = [
        {
            "number": line.pair.number,
            "candidate": line.pair.candidate,
            "running_mate": line.pair.running_mate,
            "coalition": line.pair.coalition,
            "quick_count": line.quick_count,
            "official": line.official,
            "official_votes": line.official_votes,
        }
        for line in sheet.lines
    ]
    results = [
        {
            "pair_number": r.pair.number,
            "kind": r.kind,
            "source": r.source,
            "reported_at": r.reported_at,
            "votes": r.votes,
            "percentage": float(r.percentage) if r.percentage is not None else None,
            "region_code": r.region_id,
        }
        for r in [*sheet.history, *sheet.recap]
    ]
    return {
        **contest_out(contest, sheet.standing),
        "dispute_notes": contest.dispute_notes,
        "pairs": pairs,
        "results": results,
    }


@router.get("/ikp", response=list[IkpOut], summary="IKP Bawaslu per kabupaten/kota")
def list_ikp(request, region: str = "", year: int | None = None):
    ratings = IkpRating.objects.restrict(request.user)
    if region:
        ratings = ratings.filter(touching("region__code", region))
    if year:
        ratings = ratings.filter(year=year)
    return [
        {
            "region_code": r.region_id,
            "year": r.year,
            "band": r.band,
            "score": float(r.score) if r.score is not None else None,
            "source": r.source,
        }
        for r in ratings
    ]
