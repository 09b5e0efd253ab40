"""Is an activity's GPS point plausible for the place it names?

No package ships kecamatan centroids or boundaries (docs/dependencies), so the reference point of a
kecamatan is learned: the median of the points of its earlier verified activities. With fewer
than three such points the check cannot say "far" and records "ok" for any point in Indonesia.
Operators' boundary uploads (dashboard issue) will replace this with a polygon test.
"""

from __future__ import annotations

from math import asin, cos, radians, sin, sqrt
from statistics import median

from sejuk.activities.choices import LocationCheck, Status
from sejuk.core.compiled import CompiledQuery

FAR_KM = 15.0
MIN_REFERENCE_POINTS = 3


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(radians, (lat1, lon1, lat2, lon2))
    a = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * asin(sqrt(a))


_POINTS = CompiledQuery()  # asked on every submission with a point: compiled once per kecamatan


def reference_point(region) -> tuple[float, float] | None:
    from sejuk.activities.models import Activity

    kecamatan = ".".join(region.code.split(".")[:3])
    points = _POINTS.run(
        kecamatan,
        lambda: Activity.objects.filter(
            status=Status.VERIFIED, latitude__isnull=False, region__code__startswith=kecamatan
        ).values_list("latitude", "longitude")[:200],
    )
    if len(points) < MIN_REFERENCE_POINTS:
        return None
    return float(median(p[0] for p in points)), float(median(p[1] for p in points))


def check_location(region, latitude, longitude) -> str:
    if latitude is None or longitude is None or region is None:
        return LocationCheck.NONE
    reference = reference_point(region)
    if reference and distance_km(float(latitude), float(longitude), *reference) > FAR_KM:
        return LocationCheck.FAR
    return LocationCheck.OK
