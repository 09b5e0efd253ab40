"""The roll-up of every kecamatan over the last 7 or 28 days, through the one door, in fixed queries."""

from __future__ import annotations

import datetime as dt

import pytest

from sejuk.accounts.models import User
from sejuk.dashboard.rollup import area_rollup
from sejuk.heat.models import HeatSnapshot
from sejuk.regions.models import Region
from tests.dashboard.report_world import CIKAMPEK, DAY, KLARI, build

pytestmark = pytest.mark.django_db


def national() -> User:
    return User(username="national", is_superuser=True, is_active=True)


def test_the_national_rollup_lists_every_kecamatan_with_its_numbers(cast):
    build(cast)
    rollup = area_rollup(national(), DAY)
    assert len(rollup.rows) == Region.objects.filter(level=3, retired=False).count()
    rows = {row.code: row for row in rollup.rows}
    band = HeatSnapshot.objects.get(region_id=KLARI, day=DAY).band
    assert (rows[KLARI].activities, rows[KLARI].figures, rows[KLARI].incidents, rows[KLARI].band) == (
        3,
        2,
        1,
        band,
    )
    assert (rows[CIKAMPEK].activities, rows[CIKAMPEK].figures) == (1, 1)
    assert (rows["32.14.02"].activities, rows["32.14.02"].band) == (0, None)  # nothing there, no temperature
    assert (rollup.activities, rollup.figures, rollup.incidents) == (4, 3, 1)
    assert sum(rollup.band_counts.values()) == 2 and rollup.band_day == DAY
    assert rollup.first_day == dt.date(2024, 11, 1)


def test_a_week_window_and_a_later_day_move_the_numbers(cast):
    build(cast)
    week = {r.code: r for r in area_rollup(national(), DAY, days=7).rows}
    assert (week[KLARI].activities, week[KLARI].figures) == (3, 2)
    later = {r.code: r for r in area_rollup(national(), DAY + dt.timedelta(days=5), days=7).rows}
    assert later[KLARI].activities == 2  # Monday 25 Nov left the window
    with pytest.raises(ValueError):
        area_rollup(national(), DAY, days=14)


@pytest.mark.parametrize(
    ("username", "codes"),
    [
        ("kapolsek_a", [KLARI]),
        ("officer_b", [CIKAMPEK]),
        ("kapolres", None),  # every kecamatan of Karawang
        ("officer_purwakarta", ["32.14.02"]),
    ],
)
def test_each_user_gets_the_kecamatan_of_their_own_area(cast, username, codes):
    build(cast)
    rows = area_rollup(cast[username], DAY).rows
    if codes is None:
        assert {r.code[:5] for r in rows} == {"32.15"} and KLARI in {r.code for r in rows}
    else:
        assert [r.code for r in rows] == codes


def test_a_unit_area_narrows_the_rollup_and_anonymous_gets_nothing(cast):
    build(cast)
    assert [r.code for r in area_rollup(cast["kapolres"], DAY, prefixes=(KLARI,)).rows] == [KLARI]
    assert area_rollup(cast["kapolsek_a"], DAY, prefixes=(CIKAMPEK,)).rows == []
    from django.contrib.auth.models import AnonymousUser

    assert area_rollup(AnonymousUser(), DAY).rows == []


def test_the_rollup_takes_a_fixed_number_of_queries(cast, django_assert_num_queries):
    build(cast)
    with django_assert_num_queries(4):
        area_rollup(national(), DAY)
    user = cast["kapolres"]
    area_rollup(user, DAY)  # the user's area is read once and kept on the user
    with django_assert_num_queries(4):
        area_rollup(user, DAY)
