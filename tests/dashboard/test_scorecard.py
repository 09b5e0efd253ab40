import datetime as dt

import pytest

from sejuk.activities import services as activity_services
from sejuk.dashboard.periods import Comparison, windows
from sejuk.dashboard.scorecard import scorecard
from sejuk.units.models import Unit
from tests.activities.helpers import make_figure, seed_visit
from tests.dashboard.helpers import committed


def test_windows_cover_the_last_n_days_and_the_n_days_before():
    week, month = windows(dt.date(2024, 12, 1))
    assert (week.current_start, week.end, week.previous_start) == (
        dt.date(2024, 11, 25),
        dt.date(2024, 12, 2),
        dt.date(2024, 11, 18),
    )
    assert week.which(dt.date(2024, 12, 1)) == "current"
    assert week.which(dt.date(2024, 11, 24)) == "previous"
    assert week.which(dt.date(2024, 11, 17)) is None
    assert month.days == 28


@pytest.mark.parametrize(
    ("current", "previous", "percent", "trend"),
    [(10, 5, 100.0, "up"), (3, 4, -25.0, "down"), (2, 0, None, "up"), (0, 0, None, "flat")],
)
def test_comparisons_say_how_much_changed(current, previous, percent, trend):
    comparison = Comparison(current, previous)
    assert (comparison.change_percent, comparison.trend) == (percent, trend)


@pytest.mark.django_db
def test_the_kapolres_scorecard_compares_each_polsek_week_on_week(cast):
    officer = cast["officer_a"]
    figure = make_figure()
    with committed():
        for day in (28, 29, 30):  # this week (reference 1 Dec)
            activity, _ = activity_services.record_activity(
                officer, seed_visit(occurred_at=dt.datetime(2024, 11, day, 10), figure_ids=[figure.pk])
            )
            activity_services.submit_activity(officer, activity)
        old, _ = activity_services.record_activity(
            officer, seed_visit(occurred_at=dt.datetime(2024, 11, 20, 10))
        )
        activity_services.submit_activity(officer, old)
        activity_services.record_activity(officer, seed_visit(occurred_at=dt.datetime(2024, 11, 29, 10)))
    rows = {
        row.unit.code: row
        for row in scorecard(cast["kapolres"], Unit.objects.get(code="polres-karawang"), dt.date(2024, 12, 1))
    }
    assert set(rows) == {"polsek-klari", "polsek-cikampek"}
    klari = rows["polsek-klari"]
    assert (klari.comparison("activities", 7).current, klari.comparison("activities", 7).previous) == (3, 1)
    assert klari.comparison("activities", 28).current == 4
    assert klari.comparison("figures", 7).current == 1
    assert rows["polsek-cikampek"].comparison("activities", 7).current == 0
