"""The margin between the top two, by hand: official over quick count, ties, the empty box."""

import datetime as dt

import pytest

from sejuk.elections.tally import OFFICIAL, QUICK_COUNT, Report, margin_of, shares_of, snapshot, standing

WIB = dt.timezone(dt.timedelta(hours=7))


def at(hour: int, day: int = 27) -> dt.datetime:
    return dt.datetime(2024, 11, day, hour, tzinfo=WIB)


def qc(pair, percentage, hour=18, source="Cakra"):
    return Report(pair, QUICK_COUNT, source, at(hour), percentage=percentage)


def official(pair, votes=None, percentage=None, day=5):
    return Report(pair, OFFICIAL, "KPU", dt.datetime(2024, 12, day, 15, tzinfo=WIB), votes, percentage)


@pytest.mark.parametrize(
    ("shares", "expected"),
    [
        ([40.95, 39.25, 19.80], 1.70),
        ([50.0, 50.0], 0.0),  # a tie
        ([33.4, 33.4, 33.2], 0.0),  # a tie at the top of three
        ([58.4, 16.2, 15.1, 10.3], 42.2),
        ([10.3, 58.4, 16.2], 42.2),  # order does not matter
        ([62.0], 24.0),  # one pair against the empty box: 62 - 38
        ([45.0], 10.0),  # the empty box won by 10
        ([], None),
    ],
)
def test_the_margin_is_the_gap_between_the_top_two_in_points(shares, expected):
    assert margin_of(shares) == expected


def test_votes_give_the_shares_when_every_pair_has_them():
    # 512,340 + 487,905 + 245,110 = 1,245,355 valid votes; (512,340 - 487,905) / 1,245,355 = 1.962 %.
    reports = [official(1, 512_340, 41.0), official(2, 487_905, 39.0), official(3, 245_110, 20.0)]
    result = standing(reports)
    assert result.margin == 1.96
    assert result.shares[0] == (1, 41.14) and result.shares[1] == (2, 39.18)
    assert result.kind == OFFICIAL and result.leader == 1


def test_percentages_are_used_when_votes_are_missing_for_some_pair():
    reports = [official(1, 100, 48.5), official(2, None, 47.0)]
    assert shares_of(reports) == {1: 48.5, 2: 47.0}
    assert standing(reports).margin == 1.5


def test_zero_votes_in_total_give_no_margin():
    assert standing([official(1, 0), official(2, 0)]).margin is None


def test_the_official_count_wins_over_any_quick_count_even_a_later_one():
    reports = [qc(1, 40.95, hour=23, source="Late survey"), qc(2, 39.25, hour=23, source="Late survey")]
    reports += [official(1, percentage=45.0, day=1), official(2, percentage=40.0, day=1)]
    result = standing(reports)
    assert (result.kind, result.margin) == (OFFICIAL, 5.0)


def test_without_an_official_count_the_latest_quick_count_source_is_used_whole():
    early = [qc(1, 41.8, hour=15, source="Mandala"), qc(2, 38.9, hour=15, source="Mandala")]
    late = [qc(1, 40.95, hour=18, source="Cakra"), qc(2, 39.25, hour=18, source="Cakra")]
    result = standing(early + late)
    assert (result.source, result.margin) == ("Cakra", 1.7)
    # Never one pair from one institute and the other pair from another.
    assert {r.source for r in snapshot(early + late)} == {"Cakra"}


def test_each_pairs_latest_figure_of_the_chosen_source_counts():
    reports = [qc(1, 41.3, hour=16), qc(2, 39.1, hour=16), qc(1, 40.95, hour=18), qc(2, 39.25, hour=18)]
    assert standing(reports).margin == 1.7


def test_no_reports_no_standing():
    result = standing([])
    assert result.margin is None and result.kind is None and result.leader is None
