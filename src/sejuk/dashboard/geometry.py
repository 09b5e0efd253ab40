"""Load operator-supplied GeoJSON (boundaries or points) keyed by Kemendagri code; all or nothing."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.db import transaction

from sejuk.core.csvimport import RowError
from sejuk.dashboard.models import RegionGeometry
from sejuk.regions.models import Region

CODE_PROPERTIES = ("code", "kode", "kode_wilayah", "kode_kemendagri", "kdepum", "id")
KINDS = ("Point", "Polygon", "MultiPolygon")
MAX_BYTES = 50 * 1024 * 1024


@dataclass
class GeometryReport:
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        if self.errors:
            lines = [f"Unggahan dibatalkan: {len(self.errors)} kesalahan, tidak ada yang disimpan."]
            return "\n".join(lines + [f"  - Fitur {e.row}, {e.column}: {e.message}" for e in self.errors])
        return f"Geometri: {self.created} baru, {self.updated} diperbarui."


def _dotted(raw) -> str:
    text = str(raw).strip()
    if "." in text:
        return text
    digits = "".join(ch for ch in text if ch.isdigit())
    return ".".join(p for p in (digits[0:2], digits[2:4], digits[4:6], digits[6:10]) if p)


def _outer_points(geometry: dict) -> list:
    kind, coordinates = geometry["type"], geometry["coordinates"]
    if kind == "Point":
        return [coordinates[:2]]
    rings = [coordinates[0]] if kind == "Polygon" else [polygon[0] for polygon in coordinates]
    points = []
    for ring in rings:
        # A closed ring repeats its first vertex at the end; count it once.
        points += [p[:2] for p in (ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else ring)]
    return points


def centroid(geometry: dict) -> tuple[float, float]:
    """(lat, lon): the mean of the outer rings' vertices; good enough to place a marker."""
    points = _outer_points(geometry)
    lon = sum(p[0] for p in points) / len(points)
    lat = sum(p[1] for p in points) / len(points)
    return lat, lon


def _check(number: int, feature: dict, known: set[str], report: GeometryReport) -> tuple[str, dict] | None:
    properties = feature.get("properties") or {}
    raw = next((properties[k] for k in CODE_PROPERTIES if properties.get(k) not in (None, "")), None)
    geometry = feature.get("geometry") or {}
    if raw is None:
        message = f"tidak ada kode wilayah ({', '.join(CODE_PROPERTIES)})."
        report.errors.append(RowError(number, "properties", message))
        return None
    code = _dotted(raw)
    if code not in known:
        report.errors.append(RowError(number, "code", f"kode wilayah tidak dikenal: '{raw}'."))
        return None
    if geometry.get("type") not in KINDS or not geometry.get("coordinates"):
        report.errors.append(RowError(number, "geometry", f"jenis geometri harus {', '.join(KINDS)}."))
        return None
    try:
        lat, lon = centroid(geometry)
    except (TypeError, ValueError, IndexError, ZeroDivisionError):
        report.errors.append(RowError(number, "geometry", "koordinat tidak terbaca."))
        return None
    if not (-11.5 <= lat <= 6.5 and 94.5 <= lon <= 141.5):
        message = "koordinat di luar Indonesia (urutan GeoJSON: bujur, lintang)."
        report.errors.append(RowError(number, "geometry", message))
        return None
    return code, {"geometry": geometry, "kind": geometry["type"], "centroid_lat": lat, "centroid_lon": lon}


def load_geometry(raw: bytes | str, source: str = "") -> GeometryReport:
    report = GeometryReport()
    if len(raw) > MAX_BYTES:
        report.errors.append(RowError(0, "file", "berkas lebih dari 50 MB."))
        return report
    try:
        data = json.loads(raw)
        features = data["features"] if data.get("type") == "FeatureCollection" else [data]
    except (ValueError, KeyError, AttributeError, TypeError):
        report.errors.append(RowError(0, "file", "bukan GeoJSON (FeatureCollection atau Feature) yang sah."))
        return report
    codes = [
        _dotted(((f or {}).get("properties") or {}).get(k, "")) for f in features for k in CODE_PROPERTIES
    ]
    known = set(Region.objects.filter(code__in=[c for c in codes if c]).values_list("code", flat=True))
    checked = [_check(n, f or {}, known, report) for n, f in enumerate(features, start=1)]
    if report.errors:
        return report
    with transaction.atomic():
        for code, values in filter(None, checked):
            _, created = RegionGeometry.objects.update_or_create(
                region_id=code, defaults={**values, "source": source}
            )
            report.created += created
            report.updated += not created
    return report
