"""The per-figure engagement store: kept by the signals as a rebuild from the base tables would write
it, and the figures not engaged for longest read from it as a straightforward sort of every figure."""

from __future__ import annotations

import datetime as dt

import pytest

from sejuk.activities import services as activity_services
from sejuk.activities.coverage import ENGAGED_STATUSES
from sejuk.activities.models import Activity
from sejuk.dashboard import engagement
from sejuk.dashboard.home import area_overview
from sejuk.dashboard.models import FigureEngagement
from sejuk.figures.models import Figure
from sejuk.figures.services import merge_figures
from sejuk.regions.models import Region
from tests.activities.helpers import make_figure
from tests.dashboard.helpers import committed, orm_activity
from tests.dashboard.report_world import build

pytestmark = pytest.mark.django_db
WIB = dt.timezone(dt.timedelta(hours=7))


def stored() -> dict:
    return {
        r.figure_id: (r.region_code, r.first_engaged_at, r.last_engaged_at)
        for r in FigureEngagement.objects.all()
    }


def straightforward() -> dict:
    """Every current figure with the first and last of the engaging activities naming it."""
    found = {}
    for figure in Figure.objects.filter(merged_into__isnull=True):
        moments = [a.occurred_at for a in figure.activities.all() if a.status in ENGAGED_STATUSES]
        found[figure.pk] = (figure.home_region_id, min(moments, default=None), max(moments, default=None))
    return found


def test_signals_keep_each_figure_s_first_and_last_engagement_as_the_links_say(cast):
    world = build(cast, aggregate=False, heat=False)
    assert stored() == straightforward()
    aligned, neutral, cikampek = (world.figures[k] for k in ("aligned", "neutral", "cikampek"))
    assert stored()[aligned.pk][1:] == (
        world.activities["monday"].occurred_at,
        world.activities["dialog"].occurred_at,
    )
    later, made = dt.datetime(2024, 12, 5, 9, 0, tzinfo=WIB), {}
    steps = [
        # A new figure has a row with no engagement; then it is engaged, from the activity's side.
        lambda: make_figure("Tokoh Baru", "32.15.05.2002"),
        lambda: orm_activity(later, [Figure.objects.get(name="Tokoh Baru")]),
        # A draft engages nobody until it is submitted.
        lambda: made.update(draft=orm_activity(later + dt.timedelta(days=1), [neutral], status="draft")),
        lambda: activity_services.submit_activity(cast["officer_a"], made["draft"]),
        # Returned and corrected: moved two days back and naming another figure.
        lambda: activity_services.return_activity(
            cast["kapolsek_a"], world.activities["dialog"], "Tanggal salah."
        ),
        lambda: correct(cast, world.activities["dialog"], dt.datetime(2024, 11, 26, 14, 0), [neutral]),
        # Links from the figure's side, added and removed.
        lambda: cikampek.activities.add(world.activities["visit"]),
        lambda: cikampek.activities.remove(world.activities["cikampek"]),
        # An activity deleted; a figure moved home; a figure merged away.
        lambda: world.activities["monday"].delete(),
        lambda: move(neutral, "32.15.13.2001"),
        lambda: merge_figures(cast["kapolres"], cikampek, aligned),
        lambda: world.activities["visit"].figures.clear(),
    ]
    for step in steps:
        with committed():
            step()
        assert stored() == straightforward(), step
    assert aligned.pk not in stored()  # merged away: no row
    assert stored()[neutral.pk][0] == "32.15.13.2001"
    kept = stored()
    FigureEngagement.objects.all().delete()
    engagement.rebuild()
    assert stored() == kept


def correct(cast, activity: Activity, when: dt.datetime, figures) -> None:
    from tests.activities.helpers import seed_visit

    data = seed_visit(occurred_at=when, region_code=activity.region_id, figure_ids=[f.pk for f in figures])
    activity_services.update_activity(cast["officer_a"], activity, data)


def move(figure: Figure, region: str) -> None:
    figure.home_region = Region.objects.get(code=region)
    figure.save()


def straightforward_stale(prefix: str, end: dt.datetime, limit: int) -> list[tuple[int, dt.datetime | None]]:
    """Every current figure of the area with its last engagement before `end`, sorted in Python."""
    ranked = []
    for figure in Figure.objects.filter(merged_into__isnull=True):
        if not (figure.home_region_id + ".").startswith(prefix + "."):
            continue
        moments = [a.occurred_at for a in figure.activities.all() if a.status in ENGAGED_STATUSES]
        last = max((m for m in moments if m < end), default=None)
        ranked.append(((last is not None, last or end, -figure.influence, figure.name, figure.pk), last))
    return [(key[-1], last) for key, last in sorted(ranked)][:limit]


def at(day: int, hour: int) -> dt.datetime:
    return dt.datetime(2024, 11, day, hour, 0, tzinfo=WIB)


@pytest.fixture
def crowd(cast):
    """Ten figures of Klari: never engaged, engaged only later, engaged before and after, and ties."""
    names = ["Ahmad", "Budi", "Cahya", "Dedi", "Euis", "Fajar", "Gita", "Hadi", "Iwan"]
    f = {n: make_figure(f"Tokoh {n}", "32.15.05.2001", influence=1 + i % 5) for i, n in enumerate(names)}
    # The same moment: a tie broken by influence. Joko, never engaged again, ranks after the two
    # on a past day when they were last engaged then (and engaged again since).
    f["Joko"] = make_figure("Tokoh Joko", "32.15.05.2002", influence=1)
    orm_activity(at(10, 9), [f["Ahmad"], f["Budi"], f["Joko"]])
    orm_activity(at(12, 9), [f["Cahya"]])
    orm_activity(at(14, 9), [f["Dedi"], f["Euis"]])
    orm_activity(at(20, 9), [f["Ahmad"], f["Fajar"]])  # Ahmad again, after the early pages' day
    orm_activity(at(26, 9), [f["Gita"]])  # only after the early pages' day
    orm_activity(at(28, 9), [f["Budi"]])
    make_figure("Tokoh Jauh", "32.15.13.2001")  # Cikampek: outside the area
    return f


@pytest.mark.parametrize(
    ("end", "limit"),
    [
        (at(29, 0), 5),  # today: every stored last engagement answers
        (at(29, 0), 20),
        (at(15, 0), 5),  # a past day: figures engaged since then are read from the links
        (at(13, 0), 3),
        (at(11, 0), 5),
        (at(10, 9), 4),  # at the very moment of an engagement: not yet engaged
        (at(1, 0), 5),  # before any engagement: every figure never engaged
    ],
)
def test_the_figures_not_engaged_for_longest_are_those_a_straightforward_sort_finds(cast, crowd, end, limit):
    found = engagement.least_recent(cast["kapolsek_a"], ("32.15.05",), end, limit)
    assert [(f.pk, f.last_engaged) for f in found] == straightforward_stale("32.15.05", end, limit)


def test_the_home_counts_figures_and_never_engaged_as_of_its_day(cast, crowd):
    today = area_overview(cast["kapolres"], on=dt.date(2024, 11, 28))
    before = area_overview(cast["kapolres"], on=dt.date(2024, 11, 13))
    tally = today.area.rows["tally"], before.area.rows["tally"]
    assert [(t.figures, t.never_engaged) for t in tally] == [(11, 3), (11, 7)]  # 4 engaged by the 13th
    end = dt.datetime(2024, 11, 14, 0, 0, tzinfo=WIB)  # midnight after the day, WIB
    assert [(f.pk, f.last_engaged) for f in before.stale] == straightforward_stale("32.15", end, 5)
