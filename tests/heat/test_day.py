"""Scoring all kecamatan at once, and re-scoring one when a fact arrives."""

from hypothesis import given
from hypothesis import strategies as st

from sejuk.heat import (
    AMBANG_GANGGUAN,
    GANGGUAN_NYATA,
    PEMUNGUTAN,
    PSU,
    rescore_area,
    score_area,
    score_day,
)
from sejuk.heat.day import index_phases, phases_for

from .helpers import DAY, KLARI, context, engaged, incident, phase

CIKAMPEK, CAMPAKA = "32.15.13", "32.14.02"


def test_score_day_scores_every_area_it_is_given_and_only_those():
    heats = score_day(
        [context(KLARI), context(CIKAMPEK)], [incident(AMBANG_GANGGUAN, code="33.01.01")], [], [], DAY
    )
    assert sorted(heats) == [KLARI, CIKAMPEK]
    assert all(h.part("incidents").points == 0 for h in heats.values())


def test_facts_reported_at_desa_level_count_for_their_kecamatan():
    facts = [incident(AMBANG_GANGGUAN, code=KLARI + ".2001")]
    heats = score_day([context(KLARI), context(CIKAMPEK)], facts, [], [], DAY)
    assert (heats[KLARI].part("incidents").points, heats[CIKAMPEK].part("incidents").points) == (10.0, 0.0)


def test_phase_windows_reach_exactly_the_areas_under_their_prefix():
    windows = [phase(PEMUNGUTAN, 0), phase(PSU, 0, prefix="32.15.13")]
    heats = score_day([context(KLARI), context(CIKAMPEK), context(CAMPAKA)], [], [], windows, DAY)
    # PSU (12) and the vote day (12) tie in Cikampek; elsewhere only the national vote day
    assert {code: h.part("phase").points for code, h in heats.items()} == {
        KLARI: 12.0,
        CIKAMPEK: 12.0,
        CAMPAKA: 12.0,
    }
    assert phases_for(CAMPAKA, index_phases(windows)) == [windows[0]]


codes = st.sampled_from([KLARI, CIKAMPEK, CAMPAKA])


@given(
    facts=st.lists(
        st.builds(
            incident, st.sampled_from([AMBANG_GANGGUAN, GANGGUAN_NYATA]), st.integers(0, 30), code=codes
        )
    ),
    engagement=st.lists(
        st.builds(engaged, st.integers(0, 9), st.integers(1, 5), st.integers(0, 30), code=codes)
    ),
)
def test_score_day_gives_the_same_result_as_scoring_each_area_alone(facts, engagement):
    areas = [context(code, figures_by_influence=(1, 1, 1, 1, 1)) for code in (KLARI, CIKAMPEK, CAMPAKA)]
    windows = [phase(PEMUNGUTAN, 1)]
    heats = score_day(areas, facts, engagement, windows, DAY)
    for area in areas:
        own_facts = [f for f in facts if f.area_code == area.code]
        own_engagement = [e for e in engagement if e.area_code == area.code]
        assert heats[area.code] == score_area(area, own_facts, own_engagement, windows, DAY)


def test_a_new_verified_incident_rescores_one_area_and_raises_an_alert_when_its_band_rises():
    area = context(ikp_band="sedang")
    before = score_area(area, [], [], [], DAY)
    change = rescore_area(before, area, [incident(GANGGUAN_NYATA)], [], [], DAY)
    # 20 + 25 + 10 (open) = 55: sejuk -> hangat
    assert (change.previous.band, change.current.value, change.current.band) == ("sejuk", 55.0, "hangat")
    assert [p.code for p in change.alert.reasons] == ["incidents", "ikp", "unresolved"]
    assert change.stale_rollups == ("32.15", "32")


def test_an_activity_that_cools_an_area_raises_no_alert():
    area = context(ikp_band="tinggi", figures_by_influence=(0, 0, 0, 0, 1))
    before = score_area(area, [], [], [], DAY)
    change = rescore_area(before, area, [], [engaged(1, 5)], [], DAY)
    assert (change.current.value, change.alert) == (15.0, None)  # 30 - 15
