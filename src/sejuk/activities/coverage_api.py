"""GET /api/v1/coverage: the coverage page's numbers as JSON, from the same service (#3)."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import ValidationError
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from sejuk.accounts.roles import can
from sejuk.activities.coverage import PERIOD_DAYS, Counts, Report, coverage_report
from sejuk.core.api_auth import AUTH

router = Router(tags=["coverage"], auth=AUTH)
# A module-level default: a call in the signature would be evaluated once anyway (ruff B008).
DATE_PARAM = Query(None, alias="date", description="Reference date, YYYY-MM-DD (default today)")


class CountsOut(Schema):
    figures: int
    engaged_7: int
    engaged_30: int
    never_engaged: int
    activities_7: int
    activities_30: int
    share_engaged_30: int | None = Field(None, description="Percentage of figures engaged in 30 days")


class ScopeOut(Schema):
    reference_date: date
    period_start: date
    period_days: int
    unit: str | None
    area: str | None
    group_level: int = Field(..., description="Level of the rows in `areas`: 1 provinsi ... 4 desa")


class AreaOut(Schema):
    code: str
    name: str
    drillable: bool
    counts: CountsOut


class OfficerOut(Schema):
    id: int
    name: str
    unit: str
    activities: int
    figures: int


class TypeOut(Schema):
    code: str
    label: str
    activities: int
    figures: int


class FigureDueOut(Schema):
    id: int
    name: str
    kind: str
    region_code: str
    place: str
    influence: int
    last_engaged: datetime | None
    days_since: int | None
    priority: int
    reason: str


class CoverageOut(Schema):
    scope: ScopeOut
    summary: CountsOut
    areas: list[AreaOut]
    officers: list[OfficerOut]
    types: list[TypeOut]
    to_visit: list[FigureDueOut]


def _counts(counts: Counts) -> dict:
    return {**vars(counts), "share_engaged_30": counts.share_engaged_30}


def report_out(report: Report) -> dict:
    scope = report.scope
    return {
        "scope": {
            "reference_date": scope.on,
            "period_start": scope.period_start,
            "period_days": PERIOD_DAYS,
            "unit": scope.unit.code if scope.unit else None,
            "area": scope.area.code if scope.area else None,
            "group_level": scope.group_level,
        },
        "summary": _counts(report.summary),
        "areas": [{**vars(row), "counts": _counts(row.counts)} for row in report.areas],
        "officers": [vars(row) for row in report.officers],
        "types": [vars(row) for row in report.types],
        "to_visit": [vars(row) for row in report.to_visit],
    }


@router.get(
    "", response=CoverageOut, summary="Cakupan pelibatan tokoh di wilayah Anda / coverage of your area"
)
def coverage(
    request,
    unit: str = Query("", description="Unit code, e.g. polsek-klari: count only its area"),
    area: str = Query("", description="Region code, e.g. 32.15.05: count only inside it"),
    on: date | None = DATE_PARAM,
    limit: int = Query(20, ge=1, le=500, description="Length of the to-visit list"),
):
    """Figures engaged in the last 7 and 30 days (any activity that is not a draft), never engaged,
    per sub-area, per officer and per activity type in the last 30 days, and the to-visit list."""
    if not can(request.user, "view", "records"):
        raise HttpError(403, "Peran Anda tidak boleh melihat catatan / your role may not view records.")
    try:
        report = coverage_report(request.user, unit_code=unit, area_code=area, on=on, limit=limit)
    except ValidationError as error:
        # Unknown and out-of-jurisdiction codes get the same answer, so nothing leaks.
        raise HttpError(404, " ".join(error.messages)) from error
    return report_out(report)
