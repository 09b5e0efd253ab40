"""The map's layers as GeoJSON (#6): areas coloured by band, incidents and activities with GPS points.

Areas are the kecamatan of the focus (the kabupaten/kota for the whole country). An area is drawn
as its uploaded boundary where RegionGeometry has a polygon, as a marker at the uploaded point
otherwise, and, without any upload, as a marker at the mean of the GPS points recorded in it
(marked `approximate`). Areas with none of these are still listed in the table beside the map.

Everything comes through the one door (`restrict`). Points carry no personal data: an incident's
type, severity, status and day, an activity's type, unit, status and day, and a link to the record
(which its own page guards again). A fixed number of queries, whatever the size of the area.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Avg
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils import timezone

from sejuk.activities.choices import ActivityType
from sejuk.activities.coverage import ENGAGED_STATUSES
from sejuk.activities.models import Activity
from sejuk.core.jurisdiction import region_q
from sejuk.dashboard.focus import Area, region_url
from sejuk.heat.models import HeatRollup, HeatSnapshot, RollupKind
from sejuk.heat.reports import band_label
from sejuk.incidents.choices import IncidentType, Severity
from sejuk.incidents.choices import Status as IncidentStatus
from sejuk.incidents.models import Incident
from sejuk.regions.choices import Level
from sejuk.regions.models import Region
from sejuk.units.choices import KIND_PREFIX

POINT_DAYS = 28  # incidents and activities of the last four weeks
POINT_LIMIT = 500  # per layer, newest first


@dataclass
class MapArea:
    code: str
    name: str
    url: str
    band: str = ""
    value: float | None = None
    location: str = ""  # "polygon", "point", "approximate" or "" (not on the map)
    feature: dict | None = None


def area_level(area: Area) -> int:
    """Kabupaten/kota for the whole country, kecamatan otherwise (the temperature's own unit)."""
    return Level.KABUPATEN_KOTA if area.prefixes is None else Level.KECAMATAN


def _prefixes(area: Area) -> tuple[str, ...] | None:
    if area.region is not None and area.region.level >= Level.KECAMATAN:
        return (area.region.code[:8],)  # a kecamatan or desa: its kecamatan
    return area.prefixes


def _bands(user, level: int, codes: list[str], day: dt.date | None) -> dict[str, tuple[float, str]]:
    if day is None or not codes:
        return {}
    if level == Level.KECAMATAN:
        rows = HeatSnapshot.objects.restrict(user).filter(day=day, region_id__in=codes)
        return {code: (value, band) for code, value, band in rows.values_list("region_id", "value", "band")}
    rows = HeatRollup.objects.restrict(user).filter(day=day, kind=RollupKind.KABUPATEN, code__in=codes)
    return {code: (value, band) for code, value, band in rows.values_list("code", "max_value", "band")}


def _gps_means(user, prefixes, level: int) -> dict[str, tuple[float, float]]:
    rows = (
        Activity.objects.restrict(user)
        .filter(region_q("region__code", prefixes), latitude__isnull=False, longitude__isnull=False)
        .annotate(key=Substr("region_id", 1, 8 if level == Level.KECAMATAN else 5))
        .values("key")
        .annotate(lat=Avg("latitude"), lon=Avg("longitude"))
        .order_by()
    )
    return {r["key"]: (float(r["lat"]), float(r["lon"])) for r in rows}


def _feature(area: MapArea, geometry: dict) -> dict:
    properties = {
        "layer": "areas",
        "code": area.code,
        "name": area.name,
        "url": area.url,
        "band": area.band,
        "band_label": band_label(area.band) if area.band else "",
        "value": area.value,
        "approximate": area.location == "approximate",
    }
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def _point(lat: float, lon: float) -> dict:
    return {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}


def map_areas(user, area: Area, day: dt.date | None) -> list[MapArea]:
    """The areas of the focus with band and location; five queries whatever their number."""
    level, prefixes = area_level(area), _prefixes(area)
    regions = list(
        Region.objects.filter(region_q("code", prefixes), level=level, retired=False)
        .select_related("geometry")
        .order_by("code")
    )
    bands = _bands(user, level, [r.code for r in regions], day)
    means = _gps_means(user, prefixes, level)
    found = []
    for region in regions:
        row = MapArea(region.code, region.label, region_url(region.code))
        row.value, row.band = bands.get(region.code, (None, ""))
        geometry = getattr(region, "geometry", None)
        if geometry is not None:
            row.location = "point" if geometry.kind == "Point" else "polygon"
            row.feature = _feature(row, geometry.geometry)
        elif region.code in means:
            row.location = "approximate"
            row.feature = _feature(row, _point(*means[region.code]))
        found.append(row)
    return found


def _since(end: dt.datetime) -> dt.datetime:
    return end - dt.timedelta(days=POINT_DAYS)


def incident_features(user, prefixes, end: dt.datetime) -> list[dict]:
    types, severities = dict(IncidentType.choices), dict(Severity.choices)
    rows = (
        Incident.objects.restrict(user)
        .current()
        .exclude(status=IncidentStatus.REJECTED)
        .filter(region_q("region__code", prefixes), latitude__isnull=False, longitude__isnull=False)
        .filter(occurred_at__gte=_since(end), occurred_at__lt=end)
        .order_by("-occurred_at", "-pk")
        .values("pk", "incident_type", "severity", "status", "occurred_at", "latitude", "longitude")[
            :POINT_LIMIT
        ]
    )
    statuses = dict(IncidentStatus.choices)
    return [
        {
            "type": "Feature",
            "geometry": _point(float(r["latitude"]), float(r["longitude"])),
            "properties": {
                "layer": "incidents",
                "name": str(types.get(r["incident_type"], "")),
                "severity": r["severity"],
                "detail": f"{severities.get(r['severity'], '')} · {statuses.get(r['status'], '')}",
                "day": timezone.localtime(r["occurred_at"]).date().isoformat(),
                "url": reverse("incidents:detail", args=[r["pk"]]),
            },
        }
        for r in rows
    ]


def activity_features(user, prefixes, end: dt.datetime) -> list[dict]:
    types = dict(ActivityType.choices)
    rows = (
        Activity.objects.restrict(user)
        .filter(region_q("region__code", prefixes), latitude__isnull=False, longitude__isnull=False)
        .filter(status__in=ENGAGED_STATUSES, occurred_at__gte=_since(end), occurred_at__lt=end)
        .order_by("-occurred_at", "-pk")
        .values("pk", "activity_type", "unit__kind", "unit__name", "occurred_at", "latitude", "longitude")[
            :POINT_LIMIT
        ]
    )
    return [
        {
            "type": "Feature",
            "geometry": _point(float(r["latitude"]), float(r["longitude"])),
            "properties": {
                "layer": "activities",
                "name": str(types.get(r["activity_type"], "")),
                "detail": f"{KIND_PREFIX.get(r['unit__kind'], '')} {r['unit__name']}",
                "day": timezone.localtime(r["occurred_at"]).date().isoformat(),
                "url": reverse("activities:detail", args=[r["pk"]]),
            },
        }
        for r in rows
    ]


def map_layers(user, area: Area, day: dt.date | None, end: dt.datetime) -> tuple[list[MapArea], dict]:
    """(the areas for the table, one FeatureCollection per layer for the map)."""
    areas = map_areas(user, area, day)
    prefixes = _prefixes(area)
    layers = {
        "areas": {"type": "FeatureCollection", "features": [a.feature for a in areas if a.feature]},
        "incidents": {"type": "FeatureCollection", "features": incident_features(user, prefixes, end)},
        "activities": {"type": "FeatureCollection", "features": activity_features(user, prefixes, end)},
    }
    return areas, layers
