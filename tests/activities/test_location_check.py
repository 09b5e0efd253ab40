"""The GPS check: a point far (> 15 km) from the median of the kecamatan's verified points is flagged;
each process keeps that median for a while, and a verification renews it."""

import pytest

from sejuk.activities import services
from sejuk.activities.choices import LocationCheck
from tests.activities.helpers import seed_visit

pytestmark = pytest.mark.django_db

KLARI = {"latitude": -6.3801, "longitude": 107.3312}
BANDUNG = {"latitude": -6.9147, "longitude": 107.6098}  # about 66 km away


def record(user, **point):
    activity, _ = services.record_activity(user, seed_visit(region_code="32.15.05.2001", **point))
    return activity


def verified_point(cast, capture):
    activity = record(cast["officer_a"], **KLARI)
    services.submit_activity(cast["officer_a"], activity)
    with capture(execute=True):
        services.verify_activity(cast["kapolsek_a"], activity)


def test_without_three_verified_points_any_point_passes(cast):
    assert record(cast["officer_a"], **BANDUNG).location_check == LocationCheck.OK
    assert record(cast["officer_a"]).location_check == LocationCheck.NONE


def test_a_point_far_from_the_verified_ones_is_flagged_once_they_are_verified(
    cast, django_capture_on_commit_callbacks
):
    # Asked (and kept) before there is any reference: no opinion yet.
    assert record(cast["officer_a"], **BANDUNG).location_check == LocationCheck.OK
    for _ in range(3):
        verified_point(cast, django_capture_on_commit_callbacks)
    # Each verification made this process read the reference point again.
    assert record(cast["officer_a"], **BANDUNG).location_check == LocationCheck.FAR
    assert record(cast["officer_a"], **KLARI).location_check == LocationCheck.OK
