"""Hand-computed temperatures: each expected number is worked out in the test."""

import pytest

from sejuk.heat import (
    AMBANG_GANGGUAN,
    GANGGUAN_NYATA,
    PEMUNGUTAN,
    POTENSI_GANGGUAN,
    PSU,
    REKAPITULASI,
    SENGKETA_MK,
    HeatConfig,
    score_area,
)
from sejuk.heat.scoring import fade, phase_factor

from .helpers import DAY, context, engaged, incident, phase


def points(heat, code):
    part = heat.part(code)
    return None if part is None else part.points


def test_a_quiet_area_is_just_its_ikp_baseline():
    heat = score_area(context(ikp_band="sedang"), [], [], [], DAY)
    assert heat.value == 20.0
    assert heat.band == "sejuk"
    assert [p.code for p in heat.parts] == ["ikp", "race", "phase", "incidents", "cooling"]


@pytest.mark.parametrize(
    ("band", "expected"),
    [("rendah", 10.0), ("sedang", 20.0), ("tinggi", 30.0), (None, 20.0)],
)
def test_the_ikp_band_sets_the_baseline_and_a_missing_import_counts_as_sedang(band, expected):
    assert points(score_area(context(ikp_band=band), [], [], [], DAY), "ikp") == expected


@pytest.mark.parametrize(
    ("margin", "expected"),
    [
        (None, 0.0),  # no result yet
        (0.0, 15.0),  # a tie: the full 15
        (4.0, 9.0),  # 15 x (1 - 4/10)
        (7.5, 3.8),  # 15 x (1 - 7.5/10) = 3.75, rounded half to even on 0.1 -> 3.8
        (10.0, 0.0),  # 10 points apart is no longer close
        (42.0, 0.0),
    ],
)
def test_a_closer_race_adds_more_points(margin, expected):
    assert points(score_area(context(race_margin=margin), [], [], [], DAY), "race") == expected


def test_a_dispute_at_mk_and_an_ordered_revote_each_add_ten():
    heat = score_area(context(ikp_band="rendah", disputed=True, revote=True), [], [], [], DAY)
    # 10 (rendah) + 10 (MK) + 10 (PSU) = 30
    assert (points(heat, "disputed"), points(heat, "revote"), heat.value) == (10.0, 10.0, 30.0)


@pytest.mark.parametrize(
    ("start_age", "end_age", "expected"),
    [
        (0, 0, 1.0),  # the phase is today
        (3, -3, 1.0),  # today is inside the window
        (-7, -7, 0.5),  # 7 days before: 1 - 7/14
        (-14, -14, 0.0),  # 14 days before: not yet
        (1, 1, 6 / 7),  # the day after: 1 - 1/7
        (7, 7, 0.0),  # a week after: over
    ],
)
def test_a_phase_weighs_fully_inside_its_window_and_ramps_linearly_outside(start_age, end_age, expected):
    window = phase(PEMUNGUTAN, start_age, end_age)
    assert phase_factor(window, DAY, 14, 7) == pytest.approx(expected)


def test_only_the_hottest_phase_counts_when_phases_overlap():
    windows = [phase(PEMUNGUTAN, 1), phase(REKAPITULASI, 0, -5, "32.15")]
    heat = score_area(context(), [], [], windows, DAY)
    # vote day yesterday: 12 x 6/7 = 10.29 -> 10.3; recapitulation today: 8 x 1 = 8
    assert points(heat, "phase") == 10.3
    assert heat.part("phase").detail["kind"] == PEMUNGUTAN


@pytest.mark.parametrize("prefix", ["33", "32.16", "32.15.06", "32.15.06.2001"])
def test_a_phase_elsewhere_does_not_heat_the_area(prefix):
    heat = score_area(context(), [], [], [phase(PSU, 0, prefix=prefix)], DAY)
    assert points(heat, "phase") == 0.0


def test_a_revote_in_one_desa_heats_its_whole_kecamatan():
    heat = score_area(context(), [], [], [phase(PSU, 0, prefix="32.15.05.2001")], DAY)
    assert points(heat, "phase") == 12.0


@pytest.mark.parametrize(
    ("severity", "age", "expected"),
    [
        (POTENSI_GANGGUAN, 0, 4.0),
        (AMBANG_GANGGUAN, 0, 10.0),
        (GANGGUAN_NYATA, 0, 25.0),
        (GANGGUAN_NYATA, 10, 12.5),  # one half-life: 25 / 2
        (GANGGUAN_NYATA, 20, 6.2),  # two half-lives: 25 / 4 = 6.25 -> 6.2 (half to even)
        (AMBANG_GANGGUAN, 30, 1.2),  # three: 10 / 8 = 1.25 -> 1.2
        (GANGGUAN_NYATA, 90, 0.0),  # nine: 25 / 512 = 0.049 -> 0.0
        (GANGGUAN_NYATA, 91, 0.0),  # past the horizon
    ],
)
def test_a_resolved_incident_weighs_by_severity_and_halves_every_ten_days(severity, age, expected):
    heat = score_area(context(), [incident(severity, age, resolved_age=age)], [], [], DAY)
    assert points(heat, "incidents") == expected
    assert heat.part("unresolved") is None


def test_an_open_incident_adds_unresolved_points_that_do_not_fade():
    facts = [incident(GANGGUAN_NYATA, 200), incident(AMBANG_GANGGUAN, 10)]
    heat = score_area(context(ikp_band="tinggi"), facts, [], [], DAY)
    # incidents: only the ambang counts (the other is past the 90-day horizon): 10 / 2 = 5
    # unresolved: 10 (nyata, 200 days old) + 5 (ambang) = 15
    # value: 30 + 5 + 15 = 50
    assert (points(heat, "incidents"), points(heat, "unresolved"), heat.value) == (5.0, 15.0, 50.0)


def test_an_incident_resolved_after_the_scored_day_was_still_open_on_it():
    heat = score_area(context(), [incident(POTENSI_GANGGUAN, 2, resolved_age=-1)], [], [], DAY)
    assert points(heat, "unresolved") == 2.0


def test_unverified_reports_and_future_incidents_add_nothing_but_are_mentioned():
    facts = [incident(GANGGUAN_NYATA, 0, verified=False), incident(GANGGUAN_NYATA, -1)]
    heat = score_area(context(), facts, [], [], DAY)
    assert heat.value == 20.0
    assert points(heat, "unverified") == 0.0
    assert heat.part("unverified").detail["count"] == 1


def test_cooling_is_the_share_of_influential_weight_engaged_weighted_by_recency():
    # roster: 4 figures of influence 3, 5 of 4, 3 of 5 -> weight 12 + 20 + 15 = 47
    area = context(ikp_band="sedang", figures_by_influence=(9, 9, 4, 5, 3))
    facts = [
        engaged(1, 4, age=0),  # 4 x 1
        engaged(2, 5, age=7),  # 5 x 1/2 (one half-life)
        engaged(3, 3, age=14),  # 3 x 1/4
        engaged(4, 2, age=0),  # influence 2: not influential, ignored
        engaged(5, 5, age=28),  # outside the 28-day window
        engaged(6, 5, age=-1),  # tomorrow: not yet
    ]
    heat = score_area(area, [], facts, [], DAY)
    # weight 4 + 2.5 + 0.75 = 7.25; coverage 7.25 / 47 = 0.1543; 15 x 0.1543 = 2.31 -> -2.3
    assert points(heat, "cooling") == -2.3
    assert heat.part("cooling").detail["engaged_figures"] == 3
    assert heat.value == 17.7  # 20 - 2.3


def test_only_a_figures_latest_engagement_counts():
    area = context(figures_by_influence=(0, 0, 0, 0, 2))  # roster weight 10
    facts = [engaged(1, 5, age=7), engaged(1, 5, age=0), engaged(1, 5, age=3)]
    heat = score_area(area, [], facts, [], DAY)
    # figure 1 once, engaged today: 5 / 10 = 50 % of 15 = 7.5
    assert points(heat, "cooling") == -7.5


def test_cooling_is_capped_at_full_coverage_even_with_a_stale_roster():
    area = context(ikp_band="tinggi", figures_by_influence=(0, 0, 1, 0, 0))  # roster weight 3
    heat = score_area(area, [], [engaged(1, 5), engaged(2, 5)], [], DAY)
    assert points(heat, "cooling") == -15.0  # weight 10 > 3, coverage capped at 100 %


def test_an_area_with_no_influential_figures_registered_gets_no_cooling():
    heat = score_area(context(figures_by_influence=(50, 10, 0, 0, 0)), [], [engaged(1, 2)], [], DAY)
    assert points(heat, "cooling") == 0.0


def test_cooling_can_cancel_structural_points_but_never_incident_points():
    area = context(ikp_band="rendah", figures_by_influence=(0, 0, 0, 0, 1))
    facts = [incident(AMBANG_GANGGUAN, 0, resolved_age=0)]
    heat = score_area(area, facts, [engaged(1, 5)], [], DAY)
    # full coverage wants -15, but only the 10 structural (IKP rendah) points can be cancelled
    # value: 10 + 10 (ambang today) - 10 = 10, the incident's points stay visible
    assert (points(heat, "cooling"), heat.value) == (-10.0, 10.0)
    assert heat.part("cooling").detail["capped_by_structural"] is True


def test_an_unresolved_gangguan_nyata_keeps_an_area_at_least_hangat():
    area = context(ikp_band="rendah", figures_by_influence=(0, 0, 0, 0, 1))
    heat = score_area(area, [incident(GANGGUAN_NYATA, 40)], [engaged(1, 5)], [], DAY)
    # 10 (rendah) + 1.6 (25 / 16) + 10 (open) - 10 (cooling, capped at structural) = 11.6
    # floor to hangat: + 23.4 = 35
    assert points(heat, "floor") == 23.4
    assert (heat.value, heat.band) == (35.0, "hangat")


def test_a_sum_above_100_is_clamped_by_an_explicit_part():
    area = context(ikp_band="tinggi", race_margin=0.0, disputed=True, revote=True)
    facts = [incident(GANGGUAN_NYATA, 0), incident(GANGGUAN_NYATA, 0)]
    heat = score_area(area, facts, [], [phase(SENGKETA_MK, 0)], DAY)
    # 30 + 15 + 10 + 10 + 10 (MK phase) + 50 + 20 = 145 -> clamp -45
    assert (points(heat, "clamp"), heat.value, heat.band) == (-45.0, 100.0, "panas")


def test_bands_follow_the_configured_thresholds():
    config = HeatConfig(hangat_from=15, panas_from=20)
    assert score_area(context(ikp_band="sedang"), [], [], [], DAY, config).band == "panas"


def test_the_worked_example_for_klari_in_docs_matches_the_engine():
    """docs/temperature.md, "Worked example": Klari on 28 Nov 2024."""
    area = context(ikp_band="sedang", race_margin=4.0, figures_by_influence=(20, 14, 4, 5, 3))
    facts = [
        incident(AMBANG_GANGGUAN, 1, ref=101),  # crowd at the PPK office, 27 Nov, open
        incident(POTENSI_GANGGUAN, 8, resolved_age=7, ref=87),  # provocative banner, 20 Nov
        incident(GANGGUAN_NYATA, 0, verified=False, ref=102),  # not verified yet
    ]
    engagement = [engaged(1, 4, 0), engaged(2, 5, 7), engaged(3, 3, 7), engaged(4, 2, 3)]
    windows = [phase(PEMUNGUTAN, 1), phase(REKAPITULASI, 0, -5, "32.15")]
    heat = score_area(area, facts, engagement, windows, DAY)
    assert [(p.code, p.points) for p in heat.parts] == [
        ("ikp", 20.0),
        ("race", 9.0),  # 15 x (1 - 4/10)
        ("phase", 10.3),  # 12 x 6/7 = 10.29
        ("incidents", 11.6),  # 10 x 0.5^(1/10) + 4 x 0.5^(8/10) = 9.33 + 2.30 = 11.63
        ("unresolved", 5.0),  # the ambang gangguan is open
        ("unverified", 0.0),
        ("cooling", -2.6),  # (4 + 5/2 + 3/2) / 47 = 0.170; x 15 = 2.55
    ]
    assert (heat.value, heat.band) == (53.3, "hangat")


def test_fade_halves_every_half_life():
    assert [fade(age, 10) for age in (0, 10, 20)] == [1.0, 0.5, 0.25]


def test_a_snapshot_round_trips_through_its_dict():
    heat = score_area(context(race_margin=1.0), [incident(AMBANG_GANGGUAN, 2)], [], [], DAY)
    assert type(heat).from_dict(heat.to_dict()) == heat
