"""REST endpoints for press releases: list, detail, draft (activity or day), edit, approve, publish;
and importing published releases as draft activities (import, read, confirm).

Mounted by `sejuk.api` under `/press`; every row comes through `PressRelease.objects.for_user`.
"""

from __future__ import annotations

from datetime import date, datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status

from sejuk.activities.models import Activity
from sejuk.core.api_auth import AUTH
from sejuk.press import services
from sejuk.press.importing import service as importing
from sejuk.press.importing.choices import ReviewChoices
from sejuk.press.importing.resolution import Resolution
from sejuk.press.models import PressImport, PressRelease
from sejuk.units.models import Unit

router = Router(tags=["press"], auth=AUTH)


class ReleaseOut(Schema):
    id: int
    unit_code: str
    activity_ids: list[int]
    activity_date: date
    language: str
    title: str
    body: str
    status: str
    writer_initials: str
    approved_at: datetime | None
    published_at: datetime | None


class FromActivityIn(Schema):
    activity_id: int
    language: str = Field("id", examples=["id", "en"])


class DailyIn(Schema):
    unit_code: str = Field(..., examples=["polsek-klari"])
    date: date
    language: str = "id"


class EditIn(Schema):
    title: str
    body: str


class ReleaseFilter(Schema):
    status: str | None = None


def release_out(release: PressRelease) -> dict:
    return {
        "id": release.pk,
        "unit_code": release.unit.code,
        "activity_ids": sorted(a.pk for a in release.activities.all()),
        "activity_date": release.activity_date,
        "language": release.language,
        "title": release.title,
        "body": release.body,
        "status": release.status,
        "writer_initials": release.writer_initials,
        "approved_at": release.approved_at,
        "published_at": release.published_at,
    }


def _rows(request):
    return PressRelease.objects.for_user(request.user).select_related("unit").prefetch_related("activities")


def _load(request, release_id: int) -> PressRelease:
    return get_object_or_404(_rows(request), pk=release_id)


@router.get("/releases", response=list[ReleaseOut], summary="Daftar rilis / list releases")
def list_releases(request, filters: Query[ReleaseFilter]):
    rows = _rows(request)
    if filters.status:
        rows = rows.filter(status=filters.status)
    return [release_out(r) for r in rows[:200]]


@router.get("/releases/{int:release_id}", response=ReleaseOut)
def get_release(request, release_id: int):
    return release_out(_load(request, release_id))


@router.post("/releases/from-activity", response={201: ReleaseOut}, summary="Tulis draf dari kegiatan")
def draft_from_activity(request, payload: FromActivityIn):
    activity = get_object_or_404(Activity.objects.restrict(request.user), pk=payload.activity_id)
    release = services.draft_release_from_activity(request.user, activity, language=payload.language)
    return Status(201, release_out(_load(request, release.pk)))


@router.post("/releases/daily", response={201: ReleaseOut}, summary="Tulis draf harian satuan")
def draft_daily(request, payload: DailyIn):
    unit = get_object_or_404(Unit.objects.restrict(request.user), code=payload.unit_code)
    release = services.draft_daily_release(request.user, unit, payload.date, language=payload.language)
    return Status(201, release_out(_load(request, release.pk)))


@router.put("/releases/{int:release_id}", response=ReleaseOut, summary="Sunting rilis / edit")
def edit_release(request, release_id: int, payload: EditIn):
    release = services.edit_release(request.user, _load(request, release_id), payload.title, payload.body)
    return release_out(_load(request, release.pk))


@router.post(
    "/releases/{int:release_id}/approve", response=ReleaseOut, summary="Setujui / approve (commander)"
)
def approve_release(request, release_id: int):
    release = services.approve_release(request.user, _load(request, release_id))
    return release_out(_load(request, release.pk))


@router.post(
    "/releases/{int:release_id}/publish", response=ReleaseOut, summary="Publikasikan / publish (Humas)"
)
def publish_release(request, release_id: int):
    release = services.publish_release(request.user, _load(request, release_id))
    return release_out(_load(request, release.pk))


# Importing published releases as draft activities (#5): the same services as /rilis/impor/.


class ImportIn(Schema):
    text: str = Field(..., description="the release, plain text or HTML")
    source_url: str = ""
    published_on: date | None = None


class ImportOut(Schema):
    id: int
    status: str
    title: str
    source_url: str
    published_on: date | None
    activity_id: int | None
    missing: list[str] = Field(..., description="parts a person must still choose before confirming")
    extraction: dict
    resolution: dict


class ConfirmIn(Schema):
    unit_code: str = ""
    region_code: str = ""
    activity_date: date | None = None
    activity_type: str = ""
    officer_ids: list[int] | None = None
    figure_ids: list[int] | None = None
    theme_codes: list[str] | None = None


class ConfirmOut(Schema):
    import_id: int
    activity_id: int


def import_out(item: PressImport) -> dict:
    return {
        "id": item.pk,
        "status": item.status,
        "title": item.title,
        "source_url": item.source_url,
        "published_on": item.published_on,
        "activity_id": item.activity_id,
        "missing": Resolution.from_json(item.resolution).missing() if item.resolution else [],
        "extraction": item.extraction,
        "resolution": item.resolution,
    }


def _import(request, import_id: int) -> PressImport:
    return get_object_or_404(PressImport.objects.for_user(request.user), pk=import_id)


@router.post("/imports", response={200: ImportOut, 201: ImportOut}, summary="Impor rilis terbit / import")
def import_release(request, payload: ImportIn):
    """201 with a new import; 200 with the first import when the same article comes again."""
    result = importing.import_release(
        request.user, payload.text, source_url=payload.source_url, published_on=payload.published_on
    )
    return Status(201 if result.created else 200, import_out(result.press_import))


@router.get("/imports/{int:import_id}", response=ImportOut)
def get_import(request, import_id: int):
    return import_out(_import(request, import_id))


@router.post(
    "/imports/{int:import_id}/confirm", response={201: ConfirmOut}, summary="Buat draf kegiatan dari impor"
)
def confirm_import(request, import_id: int, payload: ConfirmIn):
    choices = ReviewChoices(
        unit_code=payload.unit_code,
        region_code=payload.region_code,
        day=payload.activity_date,
        activity_type=payload.activity_type,
        officer_ids=payload.officer_ids,
        figure_ids=payload.figure_ids,
        theme_codes=payload.theme_codes,
    )
    activity = importing.confirm_import(request.user, _import(request, import_id), choices)
    return Status(201, {"import_id": import_id, "activity_id": activity.pk})
