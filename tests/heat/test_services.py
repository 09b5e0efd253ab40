"""Computing and storing temperatures: the daily run, roll-ups, incremental updates, the command."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sejuk.activities import services as activity_services
from sejuk.core.stats import collect_stats
from sejuk.heat.config import HeatConfig
from sejuk.heat.day import group_by_area, index_phases, phases_for
from sejuk.heat.inputs import AreaHeat
from sejuk.heat.models import HeatConfigVersion, HeatRollup, HeatSettings, HeatSnapshot, Notification
from sejuk.heat.rollup import KABUPATEN, NATION, PROVINCE, rollup, rollup_units
from sejuk.heat.scoring import score_area
from sejuk.heat.services import local_today, recompute_day, rescore_kecamatan
from sejuk.incidents import services as incident_services
from tests.heat.test_adapter import (
    CAMPAKA,
    CIKAMPEK,
    CODES,
    DAY,
    KLARI,
    activity,
    at,
    build_world,
    expected_inputs,
    figure,
)

pytestmark = pytest.mark.django_db
QUIET = io.StringIO  # the progress bar goes to stderr


def engine_heats(world, config: HeatConfig | None = None) -> dict[str, AreaHeat]:
    config = config or HeatConfig()
    contexts, incidents, engagement, phases = expected_inputs(world)
    by_area, engaged, index = group_by_area(incidents), group_by_area(engagement), index_phases(phases)
    return {
        c.code: score_area(
            c, by_area.get(c.code, ()), engaged.get(c.code, ()), phases_for(c.code, index), world.day, config
        )
        for c in contexts
    }


def stored(code: str, day: dt.date = DAY) -> HeatSnapshot:
    return HeatSnapshot.objects.get(region_id=code, day=day)


def test_a_day_is_stored_exactly_as_the_engine_scores_the_same_inputs():
    world = build_world()
    result = recompute_day(DAY, codes=CODES, notify=False)
    expected = engine_heats(world)
    assert result.heats == expected
    for code, heat in expected.items():
        snapshot = stored(code)
        assert (snapshot.value, snapshot.band) == (heat.value, heat.band)
        assert snapshot.parts == [p.to_dict() for p in heat.parts]
        assert snapshot.as_area_heat() == heat
        assert snapshot.config.values == HeatConfig().as_dict()
    assert round(sum(p["points"] for p in stored(KLARI).parts), 1) == stored(KLARI).value
    assert stored(KLARI).value > stored(CAMPAKA).value


def test_roll_ups_are_the_engines_for_kabupaten_province_nation_and_every_unit_area():
    world = build_world()
    recompute_day(DAY, codes=CODES, notify=False)
    heats = list(engine_heats(world).values())
    rows = {(r.kind, r.code): r for r in HeatRollup.objects.filter(day=DAY)}
    expected = {
        **{("kabupaten", c): s for c, s in rollup(heats, KABUPATEN).items()},
        **{("province", c): s for c, s in rollup(heats, PROVINCE).items()},
        **{("nation", c): s for c, s in rollup(heats, NATION).items()},
    }
    areas = {
        "polda-jabar": ["32"],
        "polres-karawang": ["32.15"],
        "polsek-klari": ["32.15.05"],
        "polsek-cikampek": ["32.15.13"],
        "polres-purwakarta": ["32.14"],
        "polsek-campaka": ["32.14.02"],
    }
    expected |= {("unit", c): s for c, s in rollup_units(heats, areas).items()}
    assert set(rows) == set(expected)
    for key, summary in expected.items():
        row = rows[key]
        assert (row.max_value, row.mean_value, row.band, row.hottest_code, row.area_count) == (
            summary.max_value,
            summary.mean_value,
            summary.band,
            summary.hottest_code,
            summary.area_count,
        )
        assert [row.band_counts[band] for band in ("sejuk", "hangat", "panas")] == list(summary.band_counts)
    assert rows[("kabupaten", "32.15")].hottest_code == KLARI


def test_running_a_day_again_updates_in_place_with_the_settings_of_the_run():
    build_world()
    recompute_day(DAY, codes=CODES, notify=False)
    before = stored(KLARI)
    HeatSettings(values={"hangat_from": 20.0, "panas_from": 25.0}).save()
    recompute_day(DAY, codes=CODES, notify=False)
    after = stored(KLARI)
    assert HeatSnapshot.objects.filter(day=DAY).count() == 3
    assert after.value == before.value and (before.band, after.band) == ("hangat", "panas")
    assert after.config_id != before.config_id
    assert HeatConfigVersion.objects.count() == 2


def test_settings_override_the_engine_defaults_and_refuse_what_would_break_its_promises():
    assert HeatSettings.current_config() == HeatConfig()
    HeatSettings(values={"panas_from": 55}).save()
    assert HeatSettings.current_config().panas_from == 55
    with pytest.raises(ValidationError):
        HeatSettings(values={"hangat_from": 70, "panas_from": 60}).full_clean()
    with pytest.raises(ValidationError):
        HeatSettings(values={"no_such_weight": 1}).full_clean()


@pytest.mark.parametrize("extra", [0, 30])
def test_a_days_queries_are_pinned_and_do_not_grow_with_figures_or_activities(extra):
    build_world(extra=extra)
    with CaptureQueriesContext(connection) as queries:
        recompute_day(DAY, codes=CODES, notify=False)
    assert len(queries) == 16, "\n".join(q["sql"][:100] for q in queries)


def test_an_incident_verified_today_rescores_only_its_kecamatan_and_the_rollups_above(
    cast, django_capture_on_commit_callbacks
):
    today = local_today()
    world = build_world(today)
    recompute_day(today, codes=CODES, notify=False)
    before = {code: stored(code, today) for code in CODES}
    purwakarta = HeatRollup.objects.get(kind="kabupaten", code="32.14", day=today).computed_at
    with django_capture_on_commit_callbacks(execute=True):
        incident_services.verify_incident(cast["kapolsek_a"], world.incidents["report"])
    klari = stored(KLARI, today)
    assert klari.value >= before[KLARI].value + 25 and klari.band == "panas"
    assert any(
        p["code"] == "incidents" and p["detail"]["by_severity"].get("gangguan_nyata") for p in klari.parts
    )
    for code in (CIKAMPEK, CAMPAKA):
        assert stored(code, today).computed_at == before[code].computed_at
    kabupaten = HeatRollup.objects.get(kind="kabupaten", code="32.15", day=today)
    unit = HeatRollup.objects.get(kind="unit", code="polsek-klari", day=today)
    assert kabupaten.max_value == unit.max_value == klari.value
    assert HeatRollup.objects.get(kind="kabupaten", code="32.14", day=today).computed_at == purwakarta


def test_an_activity_submitted_today_cools_the_kecamatan_of_the_figures_it_engaged(
    cast, django_capture_on_commit_callbacks
):
    today = local_today()
    build_world(today)
    recompute_day(today, codes=CODES, notify=False)
    kyai = figure("32.15.13.2001", 5, "Kyai Cikampek")
    visit = activity(at(today, 0, 5), kyai, status="draft", unit="polsek-cikampek")
    before, klari = stored(CIKAMPEK, today), stored(KLARI, today)
    with django_capture_on_commit_callbacks(execute=True):
        activity_services.submit_activity(cast["officer_b"], visit)
    after = stored(CIKAMPEK, today)
    cooling = [next(p for p in s.parts if p["code"] == "cooling")["detail"] for s in (before, after)]
    assert cooling[1]["engaged_figures"] == cooling[0]["engaged_figures"] + 1
    assert after.value <= before.value
    assert stored(KLARI, today).computed_at == klari.computed_at


def test_without_a_snapshot_for_today_an_update_waits_for_the_daily_run(
    cast, django_capture_on_commit_callbacks
):
    world = build_world(local_today())
    with django_capture_on_commit_callbacks(execute=True):
        incident_services.verify_incident(cast["kapolsek_a"], world.incidents["report"])
    assert not HeatSnapshot.objects.exists()
    assert rescore_kecamatan(KLARI, local_today()) is None


def test_the_command_prints_each_areas_value_band_and_parts_as_json():
    world = build_world()
    out = io.StringIO()
    call_command(
        "heat", "--date", "2024-11-28", "--region", "32.15", "--json", stdout=out, stderr=io.StringIO()
    )
    data = json.loads(out.getvalue())
    assert data["day"] == "2024-11-28"
    areas = {a["code"]: a for a in data["areas"]}
    expected = engine_heats(world)
    assert areas[KLARI]["name"] == "Klari" and areas[KLARI]["value"] == expected[KLARI].value
    assert areas[KLARI]["band"] == expected[KLARI].band
    assert round(sum(p["points"] for p in areas[KLARI]["parts"]), 1) == areas[KLARI]["value"]
    assert all(code.startswith("32.15.") for code in areas) and len(areas) > 20
    assert data["areas"][0]["code"] == KLARI  # hottest first


def test_the_command_recomputes_a_range_of_days_and_stats_count_the_snapshots():
    build_world()
    out = io.StringIO()
    call_command(
        "heat",
        "--from",
        "2024-11-26",
        "--to",
        "2024-11-28",
        "--region",
        KLARI,
        stdout=out,
        stderr=io.StringIO(),
    )
    assert out.getvalue().count("kecamatan") == 3 and "28/11/2024" in out.getvalue()
    assert HeatSnapshot.objects.filter(region_id=KLARI).count() == 3
    assert collect_stats()["records"]["heat snapshots"] == 3


def test_the_command_refuses_a_half_range_and_an_unknown_region():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("heat", "--from", "2024-11-26", stdout=io.StringIO(), stderr=io.StringIO())
    with pytest.raises(CommandError):
        call_command("heat", "--region", "99.99", stdout=io.StringIO(), stderr=io.StringIO())


def test_the_demo_history_warms_toward_the_vote_and_peaks_in_klari_after_it():
    from sejuk.heat.demo import load_demo_heat

    call_command("load_demo", stdout=io.StringIO())
    days = load_demo_heat(dt.date(2024, 11, 12), dt.date(2024, 12, 10))
    klari = {r.day: r.heats[KLARI] for r in days}
    assert len(days) == 29 and all(len(r.heats) == 47 for r in days)  # Karawang 30, Purwakarta 17
    assert klari[dt.date(2024, 11, 12)].band == "sejuk" and klari[dt.date(2024, 11, 27)].band == "hangat"
    peak = max(klari, key=lambda day: klari[day].value)
    assert peak == dt.date(2024, 11, 28) and klari[peak].band == "panas"
    assert klari[dt.date(2024, 12, 8)].value < klari[peak].value - 15  # resolved and fading
    purwakarta = HeatRollup.objects.get(kind="kabupaten", code="32.14", day=dt.date(2024, 11, 27))
    assert purwakarta.band == "sejuk"
    assert Notification.objects.filter(user__username="kapolsek.klari", area_code=KLARI).exists()
    assert load_demo_heat(dt.date(2024, 11, 28), dt.date(2024, 11, 28))[0].notifications == 0  # again: quiet
    # The MK case over Karawang's race heats it from its filing (9 Dec) until its dismissal (4 Feb).
    karawang = {
        day: HeatRollup.objects.get(kind="kabupaten", code="32.15", day=day)
        for day in (dt.date(2024, 12, 8), dt.date(2025, 1, 20), dt.date(2025, 2, 3), dt.date(2025, 2, 4))
    }
    assert [r.band_counts["panas"] for r in karawang.values()] == [1, 30, 30, 0]
    before, after = (stored(KLARI, dt.date(2025, 2, day)) for day in (3, 4))
    assert "disputed" in {p["code"] for p in before.parts} and "disputed" not in {
        p["code"] for p in after.parts
    }
    assert after.band == "hangat" and stored(KLARI, dt.date(2025, 2, 28)).value < after.value


def test_a_decided_mk_case_no_longer_heats_its_area():
    from tests.elections.helpers import build_races

    karawang, _ = build_races()
    karawang.dispute_decided_on = dt.date(2025, 2, 4)
    karawang.save()
    eve, decided, later = (
        recompute_day(day, codes=[KLARI], notify=False).heats[KLARI]
        for day in (dt.date(2025, 2, 3), dt.date(2025, 2, 4), dt.date(2025, 2, 20))
    )
    assert eve.part("disputed").points == HeatConfig().disputed_points
    assert decided.part("disputed") is None and later.part("disputed") is None
    assert decided.value == round(eve.value - HeatConfig().disputed_points, 1)
