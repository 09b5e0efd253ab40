"""The tunable numbers and the guards that keep the engine's promises true."""

import pytest

from sejuk.heat import HeatConfig


@pytest.mark.parametrize(
    ("value", "band"),
    [(0.0, "sejuk"), (34.9, "sejuk"), (35.0, "hangat"), (59.9, "hangat"), (60.0, "panas"), (100.0, "panas")],
)
def test_default_bands_are_sejuk_below_35_hangat_below_60_and_panas_above(value, band):
    assert HeatConfig().band_for(value) == band


@pytest.mark.parametrize(
    "overrides",
    [
        {"hangat_from": 70, "panas_from": 60},  # thresholds out of order
        {"panas_from": 101},
        {"incident_gangguan_nyata": 3.0},  # nyata lighter than potensi would let severity cool
        {"unresolved_potensi_gangguan": 50.0},
        {"cooling_points_max": -5.0},  # a negative weight flips a part's meaning
        {"incident_half_life_days": 0},
        {"influential_from": 6},
    ],
)
def test_a_configuration_that_would_break_a_promise_is_rejected(overrides):
    with pytest.raises(ValueError):
        HeatConfig(**overrides)


def test_settings_can_override_defaults_but_an_unknown_key_is_an_error():
    assert HeatConfig.from_dict({"panas_from": 70}).panas_from == 70
    with pytest.raises(ValueError, match="panas_form"):
        HeatConfig.from_dict({"panas_form": 70})


def test_the_config_round_trips_through_a_plain_dict_for_storing_next_to_a_snapshot():
    config = HeatConfig(cooling_points_max=12.0)
    assert HeatConfig.from_dict(config.as_dict()) == config
