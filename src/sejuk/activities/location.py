"""Is an activity's GPS point plausible for the place it names?

No package ships kecamatan centroids or boundaries (docs/dependencies), so the reference point of a
kecamatan is learned: the median of the points of its earlier verified activities. With fewer
than three such points the check cannot say "far" and records "ok" for any point in Indonesia.
Operators' boundary uploads (dashboard issue) will replace this with a polygon test.

Each process keeps a kecamatan's reference point for 10 minutes (core/process_cache.py): a median
of up to 200 points moves little with one more, and every API submission with a point asks for
it. Verifying an activity forgets its kecamatan's point in the verifying process.
"""

from __future__ import annotations

from math import asin, cos, radians, sin, sqrt
from statistics import median

from sejuk.activities.choices import LocationCheck, Status
from sejuk.core.compiled import CompiledQuery
from sejuk.core.process_cache import ProcessCache

FAR_KM = 15.0
MIN_REFERENCE_POINTS = 3


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(radians, (lat1, lon1, lat2, lon2))
    a = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * asin(sqrt(a))


_POINTS = CompiledQuery()  # compiled once per kecamatan
_REFERENCES = ProcessCache("gps reference points", maxsize=10_000, ttl=600)


def _kecamatan(region_code: str) -> str:
    return ".".join(region_code.split(".")[:3])


def _read_reference_point(kecamatan: str) -> tuple[float, float] | None:
    from sejuk.activities.models import Activity

    points = _POINTS.run(
        kecamatan,
        lambda: Activity.objects.filter(
            status=Status.VERIFIED, latitude__isnull=False, region__code__startswith=kecamatan
        ).values_list("latitude", "longitude")[:200],
    )
    if len(points) < MIN_REFERENCE_POINTS:
        return None
    return float(median(p[0] for p in points)), float(median(p[1] for p in points))


def reference_point(region) -> tuple[float, float] | None:
    kecamatan = _kecamatan(region.code)
    return _REFERENCES.get(kecamatan, lambda: _read_reference_point(kecamatan), keep=lambda _point: True)


def forget_reference_point(region_code: str) -> None:
    _REFERENCES.forget(_kecamatan(region_code))


def check_location(region, latitude, longitude) -> str:
    if latitude is None or longitude is None or region is None:
        return LocationCheck.NONE
    reference = reference_point(region)
    if reference and distance_km(float(latitude), float(longitude), *reference) > FAR_KM:
        return LocationCheck.FAR
    return LocationCheck.OK
