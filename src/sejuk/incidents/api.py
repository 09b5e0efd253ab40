"""REST endpoints for incidents: report (idempotent), list, detail, the workflow steps, public tips."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from sejuk.activities.models import Activity
from sejuk.core.api_auth import AUTH
from sejuk.incidents import services, tips
from sejuk.incidents.models import Incident
from sejuk.incidents.validation import IncidentInput
from sejuk.units.models import Officer, Unit

router = Router(tags=["incidents"], auth=AUTH)


class IncidentIn(Schema):
    incident_type: str = Field(..., examples=["hoax"])
    severity: str = Field("potensi_gangguan", examples=["ambang_gangguan"])
    source: str = Field("officer", description="officer, media or social_media")
    region_code: str = Field(..., examples=["32.15.05"])
    occurred_at: datetime = Field(..., description="Local time of the place when no offset is given")
    description: str
    place_detail: str = ""
    source_url: str = ""
    latitude: float | None = None
    longitude: float | None = None
    actors: str = ""
    candidate_camps: str = ""
    dead: int = 0
    injured: int = 0
    buildings_damaged: int = 0


class IncidentOut(Schema):
    id: int
    reference: str
    incident_type: str
    severity: str
    source: str
    status: str
    region_code: str
    region_name: str
    place_detail: str
    latitude: float | None
    longitude: float | None
    occurred_at: datetime
    description: str
    actors: str
    candidate_camps: str
    dead: int
    injured: int
    buildings_damaged: int
    source_url: str
    rejection_reason: str
    assigned_unit_code: str | None
    assigned_officer_id: int | None
    escalated_to_code: str | None
    escalation_note: str
    resolved_at: datetime | None
    resolution_note: str
    merged_into_id: int | None
    response_activity_ids: list[int]
    tipster_contact: str | None = Field(None, description="Only for roles that verify, on the detail")
    created_at: datetime


def incident_out(incident: Incident, contact: str | None = None) -> dict:
    fields = IncidentOut.model_fields
    plain = {
        name: getattr(incident, name)
        for name in fields
        if hasattr(incident, name) and name not in Incident.PERSONAL_FIELDS
    }
    return {
        **plain,
        "region_code": incident.region_id,
        "region_name": incident.region.label,
        "latitude": float(incident.latitude) if incident.latitude is not None else None,
        "longitude": float(incident.longitude) if incident.longitude is not None else None,
        "assigned_unit_code": incident.assigned_unit.code if incident.assigned_unit_id else None,
        "escalated_to_code": incident.escalated_to.code if incident.escalated_to_id else None,
        "response_activity_ids": sorted(a.pk for a in incident.response_activities.all()),
        "tipster_contact": contact,
    }


def _load(request, incident_id: int) -> Incident:
    return get_object_or_404(Incident.objects.restrict(request.user).with_related(), pk=incident_id)


def _out(request, incident: Incident) -> dict:
    return incident_out(_load(request, incident.pk))


@router.post(
    "", response={200: IncidentOut, 201: IncidentOut}, summary="Laporkan insiden / report an incident"
)
def create_incident(request, payload: IncidentIn):
    """Send a client-generated `Idempotency-Key` header: a retry with the same key returns the stored
    record (status 200) instead of creating a second one (status 201)."""
    key = request.headers.get("Idempotency-Key") or None
    incident, created = services.report_incident(
        request.user, IncidentInput(**payload.dict()), idempotency_key=key
    )
    return Status(201 if created else 200, _out(request, incident))


class IncidentFilter(Schema):
    status: str | None = None
    severity: str | None = None
    incident_type: str | None = None
    region: str | None = Field(None, description="Region code prefix, e.g. 32.15.05")
    date_from: date | None = None
    date_to: date | None = None


class IncidentPage(Schema):
    count: int
    items: list[IncidentOut]


@router.get("", response=IncidentPage, summary="Daftar insiden di wilayah Anda / incidents in your area")
def list_incidents(
    request,
    filters: Query[IncidentFilter],
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
):
    incidents = Incident.objects.restrict(request.user).current().with_related()
    for name in ("status", "severity", "incident_type"):
        if value := getattr(filters, name):
            incidents = incidents.filter(**{name: value})
    if filters.region:
        incidents = incidents.filter(region__code__startswith=filters.region)
    if filters.date_from:
        incidents = incidents.filter(occurred_at__date__gte=filters.date_from)
    if filters.date_to:
        incidents = incidents.filter(occurred_at__date__lte=filters.date_to)
    page = incidents.prefetch_related("response_activities")[offset : offset + limit]
    return {"count": incidents.count(), "items": [incident_out(i) for i in page]}


@router.get("/{int:incident_id}", response=IncidentOut)
def get_incident(request, incident_id: int):
    incident = _load(request, incident_id)
    return incident_out(incident, services.tipster_contact(request.user, incident))


@router.get(
    "/{int:incident_id}/duplicates",
    response=list[IncidentOut],
    summary="Laporan yang mirip / likely duplicates",
)
def duplicates(request, incident_id: int):
    return [incident_out(i) for i in services.suggest_duplicates(_load(request, incident_id), request.user)]


class VerifyIn(Schema):
    severity: str | None = None


class ReasonIn(Schema):
    reason: str


class NoteIn(Schema):
    note: str


class AssignIn(Schema):
    unit_code: str | None = None
    officer_id: int | None = None


class ActivityRef(Schema):
    activity_id: int


class MergeIn(Schema):
    duplicate_id: int


@router.post("/{int:incident_id}/verify", response=IncidentOut, summary="Verifikasi / verify")
def verify(request, incident_id: int, payload: VerifyIn):
    return _out(
        request,
        services.verify_incident(request.user, _load(request, incident_id), severity=payload.severity),
    )


@router.post("/{int:incident_id}/reject", response=IncidentOut, summary="Tolak dengan alasan / reject")
def reject(request, incident_id: int, payload: ReasonIn):
    return _out(request, services.reject_incident(request.user, _load(request, incident_id), payload.reason))


@router.post(
    "/{int:incident_id}/assign", response=IncidentOut, summary="Tugaskan penanganan / assign the response"
)
def assign(request, incident_id: int, payload: AssignIn):
    incident = _load(request, incident_id)
    unit = officer = None
    if payload.unit_code:
        unit = Unit.objects.restrict(request.user).filter(code=payload.unit_code).first()
        if unit is None:
            raise ValidationError({"unit_code": [_("This unit is inactive or outside your jurisdiction.")]})
    if payload.officer_id:
        officer = Officer.objects.restrict(request.user).filter(pk=payload.officer_id).first()
        if officer is None:
            raise ValidationError(
                {"officer_id": [_("This officer is inactive or outside your jurisdiction.")]}
            )
    return _out(request, services.assign_response(request.user, incident, unit=unit, officer=officer))


@router.post(
    "/{int:incident_id}/escalate", response=IncidentOut, summary="Eskalasi ke satuan atas / escalate"
)
def escalate(request, incident_id: int, payload: NoteIn):
    return _out(request, services.escalate_incident(request.user, _load(request, incident_id), payload.note))


@router.post("/{int:incident_id}/resolve", response=IncidentOut, summary="Selesai ditangani / resolve")
def resolve(request, incident_id: int, payload: NoteIn):
    return _out(request, services.resolve_incident(request.user, _load(request, incident_id), payload.note))


@router.post(
    "/{int:incident_id}/link-activity", response=IncidentOut, summary="Catat kegiatan sebagai respons"
)
def link_activity(request, incident_id: int, payload: ActivityRef):
    incident = _load(request, incident_id)
    activity = get_object_or_404(Activity.objects.restrict(request.user), pk=payload.activity_id)
    return _out(request, services.link_response_activity(request.user, incident, activity))


@router.post(
    "/{int:incident_id}/merge", response=IncidentOut, summary="Gabungkan laporan ganda / merge a duplicate"
)
def merge(request, incident_id: int, payload: MergeIn):
    keep, duplicate = _load(request, incident_id), _load(request, payload.duplicate_id)
    return _out(request, services.merge_incidents(request.user, keep, duplicate))


class TipIn(Schema):
    incident_type: str = Field(..., examples=["money_politics"])
    description: str
    occurred_at: datetime = Field(..., description="Local time of the place when no offset is given")
    kecamatan: str = Field("", examples=["Klari"])
    kabupaten: str = Field("", examples=["Karawang"])
    region_code: str = Field("", description="Instead of the names: a kecamatan or desa code")
    place_detail: str = ""
    contact: str = Field("", description="Optional; only officers who verify tips see it")
    website: str = Field("", description="Leave empty (spam trap)")
    form_token: str = Field(..., description="From GET /api/v1/incidents/tips/form-token, at least 3 s old")


class TipOut(Schema):
    reference: str
    status: str


class TokenOut(Schema):
    token: str
    min_seconds: int
    max_age_seconds: int


class Problem(Schema):
    detail: str


@router.get("/tips/form-token", auth=None, response=TokenOut, summary="Token formulir laporan publik")
def tip_form_token(request):
    return {
        "token": tips.issue_form_token(),
        "min_seconds": tips.MIN_FILL_SECONDS,
        "max_age_seconds": tips.MAX_FORM_AGE_SECONDS,
    }


@router.post(
    "/tips",
    auth=None,
    response={200: TipOut, 201: TipOut, 400: Problem, 429: Problem},
    summary="Laporan masyarakat (tanpa login) / public tip",
)
def submit_tip(request, payload: TipIn):
    """No login. Limited to 5 tips per hour per address; an `Idempotency-Key` header makes retries safe."""
    submission = tips.TipSubmission(
        **payload.dict(exclude={"website"}),
        honeypot=payload.website,
        client_id=request.headers.get("Idempotency-Key", ""),
    )
    try:
        incident, created = tips.receive_tip(tips.request_ip(request), submission)
    except tips.TipRefused as refused:
        return Status(refused.status, {"detail": refused.message})
    return Status(201 if created else 200, {"reference": incident.reference, "status": incident.status})
