"""GET /api/v1/heat and /api/v1/heat/{code}: the temperature pages' data as JSON (#4)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from ninja import Field, Query, Router, Schema

from sejuk.core.api_auth import AUTH
from sejuk.heat import reports
from sejuk.heat.models import HeatSnapshot
from sejuk.regions.models import Region
from sejuk.units.models import Unit

router = Router(tags=["heat"], auth=AUTH)
DATE_PARAM = Query(None, alias="date", description="Day, YYYY-MM-DD (default: today, else the latest day)")
Level = Literal["kecamatan", "kabupaten", "province", "unit", "nation"]


class HeatItem(Schema):
    code: str = Field(..., description="Region code, unit code, or '' for Indonesia")
    name: str
    value: float = Field(..., description="Temperature 0-100; for a roll-up, its hottest kecamatan's")
    band: str
    mean_value: float | None = None
    hottest_code: str | None = None
    area_count: int | None = None
    band_counts: dict[str, int] | None = None


class HeatList(Schema):
    date: date | None
    level: str
    count: int
    items: list[HeatItem]


class PartOut(Schema):
    code: str
    label_id: str
    label_en: str
    points: float
    note_id: str
    note_en: str
    detail: dict


class HistoryOut(Schema):
    date: date
    value: float
    band: str


class Summary(Schema):
    max_value: float
    mean_value: float
    band: str
    hottest_code: str
    area_count: int
    band_counts: dict[str, int]


class AreaOut(Schema):
    code: str
    name: str
    level: int
    date: date | None
    value: float | None
    band: str | None
    parts: list[PartOut] = Field(..., description="Why: the kecamatan's parts, or its hottest kecamatan's")
    parts_of: str | None = Field(None, description="The kecamatan whose parts these are")
    summary: Summary | None = None
    history: list[HistoryOut] = Field(..., description="Day by day, oldest first")


def _names(level: str, codes: list[str]) -> dict[str, str]:
    if level == "unit":
        return {u.code: u.display_name for u in Unit.objects.filter(code__in=codes)}
    if level == "nation":
        return {"": "Indonesia"}
    return {r.code: r.label for r in Region.objects.filter(code__in=codes)}


def _item(row, names: dict[str, str]) -> dict:
    if isinstance(row, HeatSnapshot):
        return {
            "code": row.region_id,
            "name": names.get(row.region_id, ""),
            "value": row.value,
            "band": row.band,
        }
    return {
        "code": row.code,
        "name": names.get(row.code, ""),
        "value": row.max_value,
        "band": row.band,
        "mean_value": row.mean_value,
        "hottest_code": row.hottest_code,
        "area_count": row.area_count,
        "band_counts": row.band_counts,
    }


@router.get("", response=HeatList, summary="Suhu wilayah / area temperatures")
def heat_list(
    request,
    day: date | None = DATE_PARAM,
    level: Level = "kecamatan",
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0),
):
    """Hottest first, only inside your jurisdiction."""
    found, rows = reports.level_rows(request.user, day, level)
    page = list(rows[offset : offset + limit])
    codes = [r.region_id if isinstance(r, HeatSnapshot) else r.code for r in page]
    names = _names(level, codes)
    return {"date": found, "level": level, "count": rows.count(), "items": [_item(r, names) for r in page]}


@router.get("/{code}", response=AreaOut, summary="Suhu satu wilayah dan alasannya / one area, why, history")
def heat_area(
    request, code: str, day: date | None = DATE_PARAM, days: int = Query(reports.HISTORY_DAYS, ge=2, le=366)
):
    view = reports.area_detail(request.user, code, day, days)
    value = band = summary = None
    if view.snapshot is not None:
        value, band = view.snapshot.value, view.snapshot.band
    if view.rollup is not None:
        r = view.rollup
        value, band = r.max_value, r.band
        summary = {
            "max_value": r.max_value,
            "mean_value": r.mean_value,
            "band": r.band,
            "hottest_code": r.hottest_code,
            "area_count": r.area_count,
            "band_counts": r.band_counts,
        }
    parts_of = view.why_region.code if view.why_region else (view.region.code if view.snapshot else None)
    return {
        "code": view.region.code,
        "name": view.region.label,
        "level": view.region.level,
        "date": view.day,
        "value": value,
        "band": band,
        "parts": view.parts,
        "parts_of": parts_of,
        "summary": summary,
        "history": [{"date": h.day, "value": h.value, "band": h.band} for h in reversed(view.history)],
    }
