"""Pre-aggregated daily counts: what a row counts, distinct figures over windows, upkeep by signals."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command

from sejuk.activities import services as activity_services
from sejuk.dashboard.dailystats import _distinct_running, _running, rebuild
from sejuk.dashboard.models import DailyAreaStats, FigureEngagement
from sejuk.figures.services import merge_figures
from sejuk.incidents import services as incident_services
from tests.dashboard.report_world import CIKAMPEK, DAY, KLARI, build
from tests.incidents.helpers import report


@pytest.mark.parametrize(
    ("days", "window", "expected"),
    [
        ([[0, 2]], 1, [1, 0, 1, 0, 0, 0, 0, 0, 0, 0]),
        ([[0, 2]], 7, [1, 1, 1, 1, 1, 1, 1, 1, 1, 0]),  # two visits, one figure
        ([[0], [5]], 7, [1, 1, 1, 1, 1, 2, 2, 1, 1, 1]),
        ([[0, 9]], 3, [1, 1, 1, 0, 0, 0, 0, 0, 0, 1]),
        ([[8]], 28, [0, 0, 0, 0, 0, 0, 0, 0, 1, 1]),  # clipped at the end of the range
        ([], 7, [0] * 10),
    ],
)
def test_distinct_figures_over_a_window_count_each_figure_once(days, window, expected):
    assert _distinct_running(days, 10, window) == expected


def test_running_sums_add_the_days_of_the_window():
    assert _running([1, 0, 2, 0, 0, 3], 3) == [1, 1, 3, 2, 2, 3]


def rows(code: str) -> dict[dt.date, DailyAreaStats]:
    return {row.day: row for row in DailyAreaStats.objects.filter(region_id=code)}


def numbers(row: DailyAreaStats) -> tuple:
    return (
        row.activities,
        row.activities_7,
        row.activities_28,
        row.figures,
        row.figures_7,
        row.figures_28,
        row.incidents,
        row.incidents_7,
        row.incidents_28,
    )


@pytest.mark.django_db
def test_a_row_counts_engaging_activities_distinct_figures_and_confirmed_incidents(cast):
    build(cast, heat=False)
    klari = rows(KLARI)
    # 28 Nov: the visit and the dialog (the draft does not count); two figures; the verified clash.
    # Over 7 days: Monday's visit too, and its figure once although engaged on two days.
    assert numbers(klari[DAY]) == (2, 3, 3, 2, 2, 2, 1, 1, 1)
    assert numbers(klari[dt.date(2024, 11, 25)]) == (1, 1, 1, 1, 1, 1, 0, 0, 0)
    # 2 Dec: nothing that day; the 7 days from 26 Nov still hold 28 Nov.
    assert numbers(klari[dt.date(2024, 12, 2)]) == (0, 2, 3, 0, 2, 2, 0, 1, 1)
    assert dt.date(2024, 11, 24) not in klari  # all zero: not stored
    assert max(klari) == dt.date(2024, 12, 27)  # the last day whose 30-day window holds a record
    assert numbers(rows(CIKAMPEK)[DAY])[:6] == (1, 1, 1, 1, 1, 1)


def stored() -> dict:
    return {(r.region_id, r.day): numbers(r) for r in DailyAreaStats.objects.all()}


@pytest.mark.django_db
def test_signals_keep_the_rows_a_rebuild_would_write(cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        world = build(cast, aggregate=False, heat=False)
    kept = stored()
    assert kept[(KLARI, DAY)] == (2, 3, 3, 2, 2, 2, 1, 1, 1)
    rebuild(DAY - dt.timedelta(days=40), DAY + dt.timedelta(days=40), [KLARI, CIKAMPEK])
    assert stored() == kept
    # A merge moves engagements between figures; a rejected report and a returned activity change nothing.
    hoax = report(cast["officer_a"], incident_type="hoax", occurred_at=dt.datetime(2024, 11, 27, 9, 0))
    with django_capture_on_commit_callbacks(execute=True):
        merge_figures(cast["kapolres"], world.figures["cikampek"], world.figures["aligned"])
        activity_services.return_activity(cast["kapolsek_a"], world.activities["visit"], "Lengkapi foto.")
        incident_services.reject_incident(cast["kapolsek_a"], hoax, "Tidak terbukti.")
    kept = stored()
    # The merged figure's engagements now count for its survivor, where she lives.
    assert kept[(CIKAMPEK, dt.date(2024, 11, 25))][3] == 1 and kept[(KLARI, DAY)][3] == 1
    rebuild(DAY - dt.timedelta(days=40), DAY + dt.timedelta(days=40), [KLARI, CIKAMPEK])
    assert stored() == kept


@pytest.mark.django_db
def test_the_aggregate_command_rebuilds_a_range_of_days(cast):
    world = build(cast, aggregate=False, heat=False)
    kept = {row.figure_id: row.last_engaged_at for row in FigureEngagement.objects.all()}
    DailyAreaStats.objects.all().delete()
    FigureEngagement.objects.all().delete()
    out = io.StringIO()
    call_command("aggregate", "--from", "2024-11-01", "--to", "2024-11-30", "--region", "32.15", stdout=out)
    assert "28/11/2024" not in out.getvalue() and "baris / rows" in out.getvalue()
    assert max(rows(KLARI)) == dt.date(2024, 11, 30)
    # Each figure's engagements are rebuilt whatever the days asked: they are kept for all time.
    assert {row.figure_id: row.last_engaged_at for row in FigureEngagement.objects.all()} == kept
    assert kept[world.figures["aligned"].pk] == world.activities["dialog"].occurred_at
    with pytest.raises(CommandError):
        call_command("aggregate", "--from", "2024-12-01", "--to", "2024-11-01", stdout=out)
    with pytest.raises(CommandError):
        call_command("aggregate", "--region", "99", stdout=out)
