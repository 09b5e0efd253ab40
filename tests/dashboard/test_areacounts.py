"""Counts over spans of days from the daily rows, or from the records where a desa divides a kecamatan,
checked against a straightforward count of the records (each kecamatan's day in its own zone)."""

from __future__ import annotations

import datetime as dt

import pytest

from sejuk.accounts.models import User
from sejuk.activities.coverage import ENGAGED_STATUSES
from sejuk.activities.models import Activity
from sejuk.dashboard.areacounts import MEASURES, Span, window_counts
from sejuk.dashboard.home import area_overview
from sejuk.dashboard.scorecard import scorecard
from sejuk.figures.models import Figure
from sejuk.incidents import services as incident_services
from sejuk.incidents.choices import CONFIRMED
from sejuk.incidents.models import Incident
from sejuk.regions.models import Region
from sejuk.units.models import Unit, UnitArea
from tests.activities.helpers import make_figure
from tests.dashboard.helpers import committed, orm_activity
from tests.incidents.helpers import report

pytestmark = pytest.mark.django_db
UTC = dt.UTC
DAY = dt.date(2024, 11, 28)
KLARI, DUREN, PANCAWATI, DENPASAR, SERANGAN = (
    "32.15.05",
    "32.15.05.2001",
    "32.15.05.2002",
    "51.71.01",
    "51.71.01.1001",
)
PAGE = (("activities", 7), ("activities", 30), ("figures", 30))  # what the home page shows
SPANS = (Span(DAY, 1), Span(DAY, 7), Span(DAY, 28), Span(DAY - dt.timedelta(days=7), 7), Span(DAY, 30))


def under(code: str, prefix: str) -> bool:
    return code == prefix or code.startswith(prefix + ".")


def local_day(moment: dt.datetime, code: str) -> dt.date:
    return moment.astimezone(Region.objects.get(code=code[:8]).tzinfo).date()


def inside(day: dt.date, span: Span) -> bool:
    return span.day - dt.timedelta(days=span.days - 1) <= day <= span.day


def straightforward(prefix: str, span: Span, measure: str) -> int:
    """The measure over the span, counted record by record."""
    if measure == "activities":
        rows = Activity.objects.filter(status__in=ENGAGED_STATUSES)
        return sum(
            under(a.region_id, prefix) and inside(local_day(a.occurred_at, a.region_id), span) for a in rows
        )
    if measure == "incidents":
        rows = Incident.objects.filter(status__in=CONFIRMED, merged_into__isnull=True)
        return sum(
            under(i.region_id, prefix) and inside(local_day(i.occurred_at, i.region_id), span) for i in rows
        )
    return sum(
        under(f.home_region_id, prefix)
        and any(
            a.status in ENGAGED_STATUSES and inside(local_day(a.occurred_at, f.home_region_id), span)
            for a in f.activities.all()
        )
        for f in Figure.objects.filter(merged_into__isnull=True)
    )


def folded(counts, prefix: str, span: Span, measure: str) -> int:
    return sum(values.get((measure, span), 0) for key, values in counts.items() if under(key, prefix))


@pytest.fixture
def national(db):
    return User.objects.create(username="nasional", is_superuser=True, is_active=True)


@pytest.fixture
def records(cast, national):
    """Klari (WIB) and Denpasar Selatan (WITA), with records on both sides of each zone's midnight."""
    duren, pancawati = make_figure("Tokoh Duren", DUREN), make_figure("Tokoh Pancawati", PANCAWATI)
    serangan, kota = make_figure("Tokoh Serangan", SERANGAN), make_figure("Tokoh Kecamatan", DENPASAR)
    late_wib = dt.datetime(2024, 11, 28, 16, 30, tzinfo=UTC)  # 23:30 WIB on the 28th, 00:30 WITA on the 29th
    early_wita = dt.datetime(2024, 11, 27, 16, 30, tzinfo=UTC)  # 00:30 WITA on the 28th, 23:30 WIB the 27th
    orm_activity(late_wib, [duren, serangan])  # held in Duren: a Serangan figure counts in Denpasar
    orm_activity(early_wita, [pancawati], region=PANCAWATI)
    orm_activity(early_wita, [serangan, kota], region=SERANGAN)
    orm_activity(late_wib, [kota], region=DENPASAR)  # the 29th in Denpasar: outside the day
    orm_activity(dt.datetime(2024, 11, 19, 3, 0, tzinfo=UTC), [duren, kota], region=DENPASAR)
    orm_activity(dt.datetime(2024, 11, 20, 3, 0, tzinfo=UTC), [pancawati], region=DUREN, status="draft")
    orm_activity(dt.datetime(2024, 11, 2, 3, 0, tzinfo=UTC), [duren], region=DUREN)
    with committed():
        for region, moment in ((SERANGAN, early_wita), (DUREN, late_wib), (PANCAWATI, early_wita)):
            when = moment.astimezone(Region.objects.get(code=region).tzinfo).replace(tzinfo=None)
            incident = report(national, region_code=region, occurred_at=when)
            incident_services.verify_incident(national, incident)
        report(national, region_code=DUREN, occurred_at=dt.datetime(2024, 11, 28, 9, 0))  # not verified


@pytest.mark.parametrize(
    ("prefixes", "split", "checked"),
    [
        (None, (), ("32", KLARI, "51", DENPASAR)),  # whole kecamatan: the daily rows
        ((KLARI, DENPASAR), (DUREN, SERANGAN), (DUREN, PANCAWATI, SERANGAN, DENPASAR)),  # divided
        ((DUREN, "51.71"), (DUREN,), (DUREN, DENPASAR, "51.71")),  # one desa and a whole kota
    ],
)
def test_counts_over_spans_are_those_of_the_records(national, records, prefixes, split, checked):
    counts = window_counts(national, prefixes, SPANS, MEASURES, split)
    for prefix in checked:
        for span in SPANS:
            for measure in MEASURES:
                assert folded(counts, prefix, span, measure) == straightforward(prefix, span, measure), (
                    prefix,
                    span,
                    measure,
                )
    if prefixes and DUREN in prefixes:
        assert folded(counts, PANCAWATI, Span(DAY, 28), "activities") == 0  # outside the area


def test_a_user_counts_only_inside_their_jurisdiction(cast, records):
    counts = window_counts(cast["kapolres"], None, SPANS, MEASURES, (DUREN,))
    assert folded(counts, "51", Span(DAY, 28), "figures") == 0
    assert folded(counts, KLARI, Span(DAY, 28), "figures") == straightforward(KLARI, Span(DAY, 28), "figures")


def test_the_scorecard_counts_a_unit_whose_area_is_a_desa_apart_from_the_polsek_around_it(cast, records):
    karawang = Unit.objects.get(code="polres-karawang")
    post = Unit.objects.create(code="pos-duren", kind="polsek", name="Pos Duren", parent=karawang)
    UnitArea.objects.create(unit=post, region_id=DUREN)
    rows = {score.unit.code: score for score in scorecard(cast["kapolres"], karawang, DAY)}
    assert set(rows) == {"polsek-klari", "polsek-cikampek", "pos-duren"}
    for code, prefix in (("pos-duren", DUREN), ("polsek-klari", PANCAWATI)):
        for measure in MEASURES:
            for days in (7, 28):
                now = straightforward(prefix, Span(DAY, days), measure)
                before = straightforward(prefix, Span(DAY - dt.timedelta(days=days), days), measure)
                comparison = rows[code].comparison(measure, days)
                assert (comparison.current, comparison.previous) == (now, before), (code, measure, days)
    assert rows["pos-duren"].comparison("verify_hours", 7).current >= 0


def test_the_home_folds_the_same_counts_onto_each_unit_below(cast, records):
    karawang = Unit.objects.get(code="polres-karawang")
    post = Unit.objects.create(code="pos-duren", kind="polsek", name="Pos Duren", parent=karawang)
    UnitArea.objects.create(unit=post, region_id=DUREN)
    overview = area_overview(cast["kapolres"], on=DAY)
    tallies = {child.key: child.rows["tally"] for child in overview.focus.children}
    # Klari's records outside Duren are all in Pancawati.
    for code, prefix in (("pos-duren", DUREN), ("polsek-klari", PANCAWATI), ("polsek-cikampek", "32.15.13")):
        tally = tallies[code]
        expected = [straightforward(prefix, Span(DAY, n), m) for m, n in PAGE]
        assert [tally.activities_7, tally.activities_30, tally.engaged_30] == expected, code
    total = overview.area.rows["tally"]
    assert total.activities_30 == straightforward("32.15", Span(DAY, 30), "activities")
