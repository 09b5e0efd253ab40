"""The national run's fast paths give what a straightforward reading gives (#4).

The adapter's engagement query (one grouped query, local dates computed in SQL, PostgreSQL settings
for large reads) is compared with a plain Python reading of every figure's activities, on a seeded
random world with figures in the three time zones and activities close to each zone's midnight.
The bulk writer's COPY path (PostgreSQL) is compared with Django's bulk_create path.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import pytest
from django.db import connection

from sejuk.activities.coverage import ENGAGED_STATUSES
from sejuk.activities.models import Activity
from sejuk.figures.models import Figure
from sejuk.heat import adapter
from sejuk.heat.bulk import upsert
from sejuk.heat.config import HeatConfig
from sejuk.heat.inputs import EngagementFact
from sejuk.heat.models import HeatConfigVersion, HeatRollup, HeatSnapshot
from sejuk.heat.services import recompute_day
from sejuk.regions.models import Region
from sejuk.units.models import Unit
from tests.heat.test_adapter import CODES, DAY, build_world

pytestmark = pytest.mark.django_db
STATUSES = ("draft", "submitted", "verified", "returned")
postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's")


def desa_in(zone: str, count: int) -> list[str]:
    """Desa of the first kecamatan of a zone (so the figures' home regions carry that zone)."""
    kecamatan = Region.objects.filter(level=3, timezone=zone, retired=False).order_by("code").first()
    return list(
        Region.objects.filter(code__startswith=kecamatan.code + ".")
        .order_by("code")
        .values_list("code", flat=True)
    )[:count]


def random_world(seed: int, day: dt.date = DAY) -> list[Figure]:
    """Figures in WIB, WITA and WIT with activities around the window's edges, in every status."""
    rng = random.Random(seed)
    unit = Unit.objects.get(code="polsek-klari")
    homes = desa_in("WIB", 3) + desa_in("WITA", 3) + desa_in("WIT", 3)
    figures = [
        Figure.objects.create(
            kind="tokoh_masyarakat",
            name=f"Tokoh {n}",
            home_region_id=rng.choice(homes),
            influence=rng.randint(1, 5),
        )
        for n in range(40)
    ]
    for duplicate in rng.sample(figures, 4):
        duplicate.merged_into = rng.choice([f for f in figures if f.pk != duplicate.pk])
        duplicate.save()
    midnight = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
    for _ in range(160):
        # Whole days back from the day's end in UTC, shifted by a zone offset and a few minutes, so
        # that many activities fall just inside or just outside some zone's local day.
        back = dt.timedelta(
            days=rng.randint(-2, 32), hours=rng.choice((7, 8, 9, 12)), minutes=rng.randint(-3, 3)
        )
        activity = Activity.objects.create(
            activity_type="sambang",
            occurred_at=midnight - back,
            region_id=homes[0],
            unit=unit,
            status=rng.choice(STATUSES),
        )
        activity.figures.add(*rng.sample(figures, rng.randint(1, 3)))
    return figures


def reference_engagement(day: dt.date, config: HeatConfig) -> list[EngagementFact]:
    """Each current influential figure's latest engaging activity in the window, read one by one."""
    first = day - dt.timedelta(days=config.engagement_window_days - 1)
    facts = []
    figures = Figure.objects.filter(merged_into__isnull=True, influence__gte=config.influential_from)
    for figure in figures.select_related("home_region"):
        zone = figure.home_region.tzinfo
        days = [
            activity.occurred_at.astimezone(zone).date()
            for activity in figure.activities.all()
            if activity.status in ENGAGED_STATUSES
        ]
        inside = [d for d in days if first <= d <= day]
        if inside:
            facts.append(EngagementFact(figure.kecamatan_code, max(inside), figure.pk, figure.influence))
    return sorted(facts, key=lambda fact: fact.figure_id)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("config", [HeatConfig(), HeatConfig(engagement_window_days=7, influential_from=4)])
def test_the_national_engagement_query_finds_what_reading_each_figure_finds(seed, config):
    figures = random_world(seed)
    zones = adapter.kecamatan_zones()
    for day in (DAY - dt.timedelta(days=1), DAY, DAY + dt.timedelta(days=1)):
        expected = reference_engagement(day, config)
        national = sorted(adapter.engagement_facts(day, config, zones), key=lambda fact: fact.figure_id)
        assert national == expected
        touched = sorted({figure.kecamatan_code for figure in figures})
        few = adapter.engagement_facts(day, config, {code: zones[code] for code in touched}, touched)
        assert sorted(few, key=lambda fact: fact.figure_id) == expected
    assert expected, "the world must engage somebody for the comparison to mean anything"


def test_figures_per_kecamatan_and_influence_match_a_plain_count():
    random_world(seed=4)
    counted = Counter(
        (figure.kecamatan_code, figure.influence)
        for figure in Figure.objects.filter(merged_into__isnull=True)
    )
    found = adapter.figures_by_influence()
    assert {(code, n + 1): c for code, counts in found.items() for n, c in enumerate(counts) if c} == dict(
        counted
    )


def test_a_national_run_stores_the_same_values_as_a_run_over_the_same_kecamatan():
    build_world()
    by_codes = {h.code: h for h in recompute_day(DAY, codes=CODES, notify=False).heats.values()}
    national = recompute_day(DAY, notify=False)
    assert len(national.heats) > 7000
    assert {code: national.heats[code] for code in CODES} == by_codes
    stored = {s.region_id: (s.value, s.band, s.parts) for s in HeatSnapshot.objects.filter(day=DAY)}
    assert len(stored) == len(national.heats)
    for code in CODES:
        heat = national.heats[code]
        assert stored[code] == (heat.value, heat.band, [part.to_dict() for part in heat.parts])
    nation = HeatRollup.objects.get(kind="nation", code="", day=DAY)
    assert nation.area_count == len(national.heats)
    assert nation.max_value == max(h.value for h in national.heats.values())


def snapshot_rows(values: dict[str, float], digest: str) -> list[dict]:
    return [
        {
            "region_id": code,
            "day": DAY,
            "value": value,
            "band": "hangat",
            "parts": [{"code": "ikp", "points": value, "detail": {"band": None, "note": 'kutip "ganda"'}}],
            "config_id": digest,
        }
        for code, value in values.items()
    ]


def stored_snapshots() -> dict[str, tuple]:
    return {s.region_id: (s.value, s.band, s.parts) for s in HeatSnapshot.objects.filter(day=DAY)}


@postgresql_only
def test_copying_rows_in_stores_and_updates_them_as_bulk_create_does():
    digest = HeatConfigVersion.digest_of(HeatConfig())
    HeatConfigVersion.objects.create(digest=digest, values=HeatConfig().as_dict())
    options = {"unique": ("region_id", "day"), "json_columns": ("parts",), "stamp": "computed_at"}
    results = []
    for copy_from in (1, 10_000):  # the COPY path, then bulk_create (more rows than given)
        HeatSnapshot.objects.all().delete()
        upsert(HeatSnapshot, snapshot_rows({c: 40.0 for c in CODES}, digest), copy_from=copy_from, **options)
        first = stored_snapshots()
        upsert(HeatSnapshot, snapshot_rows({CODES[0]: 61.5}, digest), copy_from=copy_from, **options)
        results.append((first, stored_snapshots()))
    assert results[0] == results[1]
    first, then = results[0]
    assert then[CODES[0]][0] == 61.5 and then[CODES[1]] == first[CODES[1]]
    assert then[CODES[0]][2][0]["detail"] == {"band": None, "note": 'kutip "ganda"'}
    assert HeatSnapshot.objects.filter(computed_at__isnull=True).count() == 0


def test_a_run_pauses_the_garbage_collector_only_while_it_runs():
    import gc

    from sejuk.heat.services import collector_paused

    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("a failing run")
    assert gc.isenabled()
    recompute_day(DAY, codes=CODES, notify=False)
    assert gc.isenabled()
