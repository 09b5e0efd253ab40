"""A small, hand-computable election world around Klari (32.15.05), built with the ORM."""

import datetime as dt
from zoneinfo import ZoneInfo

from sejuk.elections.models import CandidatePair, Contest, Election, ElectionPhase, IkpRating, Result

WIB = ZoneInfo("Asia/Jakarta")


def wib(year, month, day, hour=12, minute=0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=WIB)


def pilkada() -> Election:
    election, _ = Election.objects.get_or_create(
        code="pilkada-2024",
        defaults={
            "kind": "pilkada",
            "year": 2024,
            "name": "Pilkada Serentak 2024",
            "vote_date": dt.date(2024, 11, 27),
        },
    )
    return election


def contest_with(region: str, office: str, shares: dict[int, float], **fields) -> Contest:
    """A contest whose pairs 1..n got `shares` in a quick count on the evening of voting day."""
    contest = Contest.objects.create(election=pilkada(), region_id=region, office=office, **fields)
    for number, share in shares.items():
        pair = CandidatePair.objects.create(contest=contest, number=number, candidate=f"Calon {number}")
        Result.objects.create(
            contest=contest,
            pair=pair,
            kind="quick_count",
            source="Cakra",
            reported_at=wib(2024, 11, 27, 18, 30),
            percentage=share,
        )
    return contest


def add_official(contest: Contest, votes: dict[int, int], reported_at: dt.datetime, region=None) -> None:
    for number, count in votes.items():
        Result.objects.create(
            contest=contest,
            pair=contest.pairs.get(number=number),
            kind="official",
            source="KPU",
            reported_at=reported_at,
            votes=count,
            region_id=region,
        )


def build_races():
    """Karawang's regent race (close, disputed from 9 Dec), West Java's governor race, IKP bands."""
    karawang = contest_with(
        "32.15", "regent", {1: 40.95, 2: 39.25, 3: 19.80}, dispute_filed_on=dt.date(2024, 12, 9)
    )
    add_official(karawang, {1: 512_340, 2: 487_905, 3: 245_110}, wib(2024, 12, 5, 15))
    # Kecamatan recapitulation never changes the contest's margin.
    add_official(karawang, {1: 100, 2: 9_000, 3: 10}, wib(2024, 12, 2, 14), region="32.15.05")
    jabar = contest_with("32", "governor", {1: 58.4, 2: 16.2, 3: 15.1, 4: 10.3})
    IkpRating.objects.create(region_id="32.15", year=2023, band="sedang")
    IkpRating.objects.create(region_id="32.15", year=2024, band="tinggi")
    return karawang, jabar


def add_phase(kind, start, end=None, region_prefix="", label=""):
    return ElectionPhase.objects.create(
        election=pilkada(), kind=kind, start=start, end=end or start, region_prefix=region_prefix, label=label
    )
