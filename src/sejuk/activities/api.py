"""REST endpoints for activities: create (idempotent), list, detail and the lifecycle steps."""

from __future__ import annotations

from datetime import UTC, date, datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status

from sejuk.activities import services
from sejuk.activities.choices import Source
from sejuk.activities.models import Activity
from sejuk.core.api_auth import AUTH

router = Router(tags=["activities"], auth=AUTH)


class ActivityIn(Schema):
    activity_type: str = Field(..., examples=["sambang"])
    region_code: str = Field(..., examples=["32.15.05"])
    occurred_at: datetime = Field(..., description="Local time of the place when no offset is given")
    officer_ids: list[int] = Field(
        default_factory=list, description="Default: the caller's own officer record"
    )
    figure_ids: list[int] = Field(default_factory=list)
    theme_codes: list[str] = Field(default_factory=list, examples=[["jaga_kamtibmas", "netralitas_polri"]])
    partners: list[str] = Field(default_factory=list)
    attendance: int | None = None
    narrative: str = ""
    situation: str = "aman"
    latitude: float | None = None
    longitude: float | None = None
    unit_code: str | None = None
    election_phase: str = ""


class OfficerRef(Schema):
    id: int
    name: str
    rank: str
    position: str | None


class FigureRef(Schema):
    id: int
    name: str
    kind: str


class ActivityOut(Schema):
    id: int
    activity_type: str
    status: str
    occurred_at: datetime
    region_code: str
    region_name: str
    unit_code: str
    officers: list[OfficerRef]
    figures: list[FigureRef]
    theme_codes: list[str]
    partners: list[str]
    attendance: int | None
    narrative: str
    situation: str
    location_check: str
    return_note: str
    source: str
    created_at: datetime


class ReturnIn(Schema):
    note: str


def activity_out(activity: Activity, links: dict[str, list] | None = None) -> dict:
    """`links`: the officers, figures and themes already in hand (a record just written), else read."""
    officers = links["officers"] if links else activity.officers.all()
    figures = links["figures"] if links else activity.figures.all()
    themes = links["themes"] if links else activity.themes.all()
    return {
        "id": activity.pk,
        "activity_type": activity.activity_type,
        "status": activity.status,
        # In UTC, as the database returns it, also for a record answered without reading it back.
        "occurred_at": activity.occurred_at.astimezone(UTC),
        "region_code": activity.region_id,
        "region_name": activity.region.label,
        "unit_code": activity.unit.code,
        "officers": [
            {"id": o.pk, "name": o.name, "rank": o.rank_id, "position": o.position_id} for o in officers
        ],
        "figures": [{"id": f.pk, "name": f.formal_name, "kind": f.kind} for f in figures],
        "theme_codes": sorted(t.code for t in themes),
        "partners": activity.partners,
        "attendance": activity.attendance,
        "narrative": activity.narrative,
        "situation": activity.situation,
        "location_check": activity.location_check,
        "return_note": activity.return_note,
        "source": activity.source,
        "created_at": activity.created_at,
    }


def _answer_unvalidated(values: dict) -> ActivityOut:
    """`activity_out` of a record just written, as the response model without pydantic's validation
    of it (django-ninja then only serialises it): every value comes from the record the service
    validated and stored, and validating them again was a fifth of the API's own work per
    submission (#3). A test holds the answer equal to the validated detail of the same record."""
    nested = {
        "officers": [OfficerRef.model_construct(**o) for o in values["officers"]],
        "figures": [FigureRef.model_construct(**f) for f in values["figures"]],
    }
    return ActivityOut.model_construct(**(values | nested))


def _load(request, activity_id: int) -> Activity:
    return get_object_or_404(Activity.objects.restrict(request.user).with_related(), pk=activity_id)


@router.post(
    "",
    response={200: ActivityOut, 201: ActivityOut},
    summary="Catat kegiatan (draf) / record an activity (draft)",
)
def create_activity(request, payload: ActivityIn):
    """Send a client-generated `Idempotency-Key` header: a retry with the same key returns the stored
    record with the same id (status 200) instead of creating a second one (status 201)."""
    key = request.headers.get("Idempotency-Key") or None
    activity, created = services.record_activity(
        request.user, services.ActivityInput(**payload.dict()), source=Source.API, idempotency_key=key
    )
    if created:  # answered from what was just written (region, unit, links): no second read
        return Status(201, _answer_unvalidated(activity_out(activity, activity.written_links)))
    return Status(200, activity_out(_load(request, activity.pk)))


class ActivityFilter(Schema):
    status: str | None = None
    activity_type: str | None = None
    region: str | None = Field(None, description="Region code prefix, e.g. 32.15.05")
    unit: str | None = None
    date_from: date | None = None
    date_to: date | None = None


class ActivityPage(Schema):
    count: int
    items: list[ActivityOut]


@router.get("", response=ActivityPage, summary="Daftar kegiatan di wilayah Anda / activities in your area")
def list_activities(
    request,
    filters: Query[ActivityFilter],
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
):
    activities = Activity.objects.restrict(request.user).with_related().select_related("unit")
    if filters.status:
        activities = activities.filter(status=filters.status)
    if filters.activity_type:
        activities = activities.filter(activity_type=filters.activity_type)
    if filters.region:
        activities = activities.filter(region__code__startswith=filters.region)
    if filters.unit:
        activities = activities.filter(unit__code=filters.unit)
    if filters.date_from:
        activities = activities.filter(occurred_at__date__gte=filters.date_from)
    if filters.date_to:
        activities = activities.filter(occurred_at__date__lte=filters.date_to)
    return {
        "count": activities.count(),
        "items": [activity_out(a) for a in activities[offset : offset + limit]],
    }


@router.get("/{activity_id}", response=ActivityOut)
def get_activity(request, activity_id: int):
    return activity_out(_load(request, activity_id))


@router.post("/{activity_id}/submit", response=ActivityOut, summary="Kirim untuk diverifikasi / submit")
def submit(request, activity_id: int):
    return activity_out(services.submit_activity(request.user, _load(request, activity_id)))


@router.post("/{activity_id}/verify", response=ActivityOut, summary="Verifikasi / verify")
def verify(request, activity_id: int):
    return activity_out(services.verify_activity(request.user, _load(request, activity_id)))


@router.post("/{activity_id}/return", response=ActivityOut, summary="Kembalikan dengan catatan / return")
def return_for_correction(request, activity_id: int, payload: ReturnIn):
    return activity_out(services.return_activity(request.user, _load(request, activity_id), payload.note))
