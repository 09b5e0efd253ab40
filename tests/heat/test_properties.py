"""The promises the temperature makes, checked over generated inputs and configurations."""

import dataclasses
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from sejuk.heat import GANGGUAN_NYATA, SEVERITIES, score_area
from sejuk.heat.scoring import fade

from .helpers import DAY, configs, context, contexts, engagements, incident, incidents, phases

inputs = {
    "area": contexts,
    "facts": st.lists(incidents, max_size=12),
    "engagement": st.lists(engagements, max_size=20),
    "windows": st.lists(phases(), max_size=4),
    "config": configs(),
}


def incident_points(heat):
    return sum(p.points for p in heat.parts if p.code in ("incidents", "unresolved"))


@given(**inputs)
def test_the_value_is_always_between_0_and_100_and_banded_by_the_config(
    area, facts, engagement, windows, config
):
    heat = score_area(area, facts, engagement, windows, DAY, config)
    assert 0.0 <= heat.value <= 100.0
    assert heat.band == config.band_for(heat.value)


@given(**inputs)
def test_the_parts_always_add_up_to_the_value(area, facts, engagement, windows, config):
    # Clamping and the floor are parts too, so this holds after them as well.
    heat = score_area(area, facts, engagement, windows, DAY, config)
    assert abs(sum(p.points for p in heat.parts) - heat.value) < 1e-6


@given(**inputs, data=st.data())
def test_a_more_severe_incident_never_cools_an_area(area, facts, engagement, windows, config, data):
    facts = [*facts, data.draw(incidents)]
    index = data.draw(st.integers(0, len(facts) - 1))
    fact = facts[index]
    worse = data.draw(st.sampled_from(SEVERITIES[SEVERITIES.index(fact.severity) :]))
    before = score_area(area, facts, engagement, windows, DAY, config)
    facts[index] = dataclasses.replace(fact, severity=worse)
    after = score_area(area, facts, engagement, windows, DAY, config)
    assert after.value >= before.value


@given(**inputs, extra=incidents)
def test_adding_a_verified_incident_never_lowers_the_value(area, facts, engagement, windows, config, extra):
    extra = dataclasses.replace(extra, verified=True)
    before = score_area(area, facts, engagement, windows, DAY, config)
    after = score_area(area, [*facts, extra], engagement, windows, DAY, config)
    assert after.value >= before.value


@given(**inputs, age=st.integers(0, 200))
def test_engagement_never_takes_an_area_with_an_unresolved_gangguan_nyata_below_hangat(
    area, facts, engagement, windows, config, age
):
    facts = [*facts, incident(GANGGUAN_NYATA, age)]
    heat = score_area(area, facts, engagement, windows, DAY, config)
    assert heat.value >= config.hangat_from
    assert heat.band != "sejuk"


@given(**inputs)
def test_engagement_never_hides_incident_points(area, facts, engagement, windows, config):
    heat = score_area(area, facts, engagement, windows, DAY, config)
    assert heat.value >= min(100.0, incident_points(heat)) - 1e-9


@given(**inputs)
def test_engagement_only_ever_cools(area, facts, engagement, windows, config):
    without = score_area(area, facts, [], windows, DAY, config)
    with_it = score_area(area, facts, engagement, windows, DAY, config)
    assert with_it.value <= without.value


@given(
    age=st.floats(0, 365, allow_nan=False),
    later=st.floats(0, 365, allow_nan=False),
    half_life=st.floats(0.1, 100),
)
def test_fading_is_monotone_over_time(age, later, half_life):
    assert fade(age + later, half_life) <= fade(age, half_life) <= 1.0


@given(facts=st.lists(incidents, min_size=1, max_size=12), config=configs())
@settings(max_examples=50)
def test_the_incident_points_of_the_same_facts_never_grow_as_days_pass(facts, config):
    # Only facts that already happened and whose open/resolved state does not change.
    facts = [f for f in facts if f.occurred_on <= DAY and (f.resolved_on or DAY) <= DAY]
    points = [
        incident_points(score_area(context(), facts, [], [], DAY + dt.timedelta(days=n), config))
        for n in range(0, 100, 3)
    ]
    assert points == sorted(points, reverse=True)
