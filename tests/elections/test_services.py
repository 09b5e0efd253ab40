"""Margins, the heat engine's inputs per kecamatan, and phase windows, from the database."""

import datetime as dt

import pytest

from sejuk.elections import services
from sejuk.elections.calendar import load_election_calendar
from sejuk.heat.config import HeatConfig
from sejuk.heat.inputs import AreaContext, PhaseWindow
from sejuk.heat.scoring import score_area
from tests.elections.helpers import add_official, add_phase, build_races, contest_with, wib

pytestmark = pytest.mark.django_db
KLARI, CIKAMPEK, CAMPAKA = "32.15.05", "32.15.13", "32.14.02"


def test_margin_prefers_the_official_count_once_it_exists():
    karawang, jabar = build_races()
    assert services.margin(jabar) == 42.2  # quick count only: 58.4 - 16.2
    assert services.margin(karawang) == 1.96  # official: 24,435 / 1,245,355 votes
    assert services.margin(karawang, until=wib(2024, 12, 5, 0)) == 1.7  # before it: the quick count


def test_a_contest_without_results_has_no_margin_and_a_tie_has_zero():
    assert services.margin(contest_with("32.14", "regent", {})) is None
    tie = contest_with("32.73", "mayor", {1: 50.0, 2: 50.0})
    assert services.margin(tie) == 0.0


def test_klari_the_day_after_the_vote():
    build_races()
    context = services.area_context_inputs([KLARI], dt.date(2024, 11, 28))[KLARI]
    assert (context.ikp_band, context.race_margin, context.disputed, context.revote) == (
        "tinggi",
        1.7,
        False,
        False,
    )


def test_klari_after_the_official_count_and_the_filing_at_the_mk():
    karawang, _ = build_races()
    on_5_dec = services.area_context_inputs([KLARI], dt.date(2024, 12, 5))[KLARI]
    assert (on_5_dec.race_margin, on_5_dec.disputed, on_5_dec.closest_contest_id) == (
        1.96,
        False,
        karawang.pk,
    )
    assert services.area_context_inputs([KLARI], dt.date(2024, 12, 10))[KLARI].disputed is True


def test_the_mk_decision_ends_the_dispute():
    karawang, _ = build_races()
    karawang.dispute_decided_on = dt.date(2025, 2, 5)
    karawang.save()
    days = {
        day: services.area_context_inputs([KLARI], day)[KLARI].disputed
        for day in (dt.date(2025, 2, 4), dt.date(2025, 2, 5))
    }
    assert days == {dt.date(2025, 2, 4): True, dt.date(2025, 2, 5): False}


def test_a_kecamatan_without_a_regent_race_takes_the_governors_margin_and_no_ikp():
    build_races()
    campaka = services.area_context_inputs([CAMPAKA], dt.date(2024, 11, 28))[CAMPAKA]
    assert (campaka.ikp_band, campaka.race_margin, campaka.disputed) == (None, 42.2, False)


def test_the_ikp_band_is_the_latest_published_by_that_year():
    build_races()
    assert services.area_context_inputs([KLARI], dt.date(2023, 6, 1))[KLARI].ikp_band == "sedang"
    assert services.area_context_inputs([KLARI], dt.date(2026, 1, 1))[KLARI].ikp_band == "tinggi"


def test_before_voting_day_and_long_after_it_no_race_counts():
    build_races()
    assert services.area_context_inputs([KLARI], dt.date(2024, 11, 20))[KLARI].race_margin is None
    assert services.area_context_inputs([KLARI], dt.date(2025, 12, 1))[KLARI].race_margin is None


def test_a_revote_at_one_desa_heats_its_kecamatan_only_until_it_is_held():
    karawang, _ = build_races()
    karawang.status = "revote_ordered"
    karawang.revote_ordered_on = dt.date(2025, 2, 24)
    karawang.save()
    add_phase("psu", dt.date(2025, 4, 19), region_prefix="32.15.05.2001", label="PSU 3 TPS")
    march = services.area_context_inputs([KLARI, CIKAMPEK], dt.date(2025, 3, 1))
    assert (march[KLARI].revote, march[CIKAMPEK].revote) == (True, False)
    karawang.revote_held_on = dt.date(2025, 4, 19)
    karawang.save()
    assert services.area_context_inputs([KLARI], dt.date(2025, 4, 19))[KLARI].revote is False


def test_a_revote_without_a_psu_phase_covers_the_whole_contest():
    contest_with("32.15", "regent", {1: 50.5, 2: 49.5}, status="revote_ordered")
    result = services.area_context_inputs([KLARI, CIKAMPEK, CAMPAKA], dt.date(2025, 1, 10))
    assert [result[c].revote for c in (KLARI, CIKAMPEK, CAMPAKA)] == [True, True, False]


def test_the_inputs_for_many_kecamatan_take_four_queries(django_assert_num_queries):
    build_races()
    codes = [f"32.15.{n:02d}" for n in range(1, 31)] + [CAMPAKA]
    with django_assert_num_queries(4):
        result = services.area_context_inputs(codes, dt.date(2024, 12, 10))
    assert len(result) == 31 and all(result[c].disputed for c in codes[:30])


def test_only_kecamatan_codes_are_accepted():
    with pytest.raises(ValueError, match="not kecamatan"):
        services.area_context_inputs(["32.15"], dt.date(2024, 11, 28))


def test_phase_windows_near_a_day_are_the_tense_phases_of_the_calendar():
    load_election_calendar()
    windows = services.phase_windows(dt.date(2024, 11, 28))
    assert all(isinstance(w, PhaseWindow) for w in windows)
    assert sorted(w.kind for w in windows) == [
        "pemungutan",
        "penetapan",
        "rekapitulasi",
        "rekapitulasi",
        "rekapitulasi",
        "sengketa_mk",
    ]
    psu = services.phase_windows(dt.date(2025, 4, 10))
    assert {(w.kind, w.region_prefix) for w in psu} == {("psu", "32.06"), ("psu", "36.04")}


def test_the_heat_engine_scores_klari_from_these_inputs():
    build_races()
    load_election_calendar()
    day = dt.date(2024, 11, 28)
    context = services.area_context_inputs([KLARI], day)[KLARI].as_area_context()
    assert isinstance(context, AreaContext)
    heat = score_area(context, [], [], services.phase_windows(day), day, HeatConfig())
    assert heat.part("ikp").points == 30.0  # tinggi
    assert heat.part("race").points == pytest.approx(15 * (1 - 1.7 / 10), abs=0.05)
    assert heat.part("phase").points == 10.3  # the day after voting day: 12 x (1 - 1/7)
    assert heat.part("disputed") is None or heat.part("disputed").points == 0.0


def test_recapitulation_results_and_later_officials_do_not_leak_into_earlier_days():
    karawang, _ = build_races()
    add_official(karawang, {1: 1, 2: 1_000_000, 3: 1}, wib(2024, 12, 20, 9))
    assert services.area_context_inputs([KLARI], dt.date(2024, 12, 19))[KLARI].race_margin == 1.96
