"""REST endpoints for the figure registry, limited to the caller's area."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from sejuk.core.api_auth import AUTH
from sejuk.figures import services
from sejuk.figures.models import Figure
from sejuk.regions.models import Region

router = Router(tags=["figures"], auth=AUTH)


class FigureIn(Schema):
    name: str = Field(..., examples=["H. Arif Kuspriyadi"])
    kind: str = Field(..., examples=["tokoh_masyarakat"])
    home_region_code: str = Field(..., examples=["32.15.05.2001"])
    role: str = ""
    organisation: str = ""
    organisation_kind: str = ""
    religion: str = ""
    influence: int = Field(3, ge=1, le=5)
    influence_reason: str = ""
    public_consent: bool = False
    phone: str = ""
    address: str = ""
    confirm_new: bool = Field(
        False, description="Create even though a figure of that name exists in the kecamatan"
    )


class FigureOut(Schema):
    id: int
    name: str
    formal_name: str
    kind: str
    role: str
    organisation: str
    religion: str
    home_region_code: str
    kecamatan_code: str
    influence: int
    alignment: str
    public_consent: bool
    personal: dict[str, str] | None = Field(
        None, description="Phone and address, only for roles that may see them"
    )


class DuplicateOut(Schema):
    detail: str
    candidates: list[FigureOut]


class FigurePage(Schema):
    count: int
    items: list[FigureOut]


def figure_out(figure: Figure, personal: dict | None = None) -> dict:
    return {
        "id": figure.pk,
        "name": figure.name,
        "formal_name": figure.formal_name,
        "kind": figure.kind,
        "role": figure.role,
        "organisation": figure.organisation,
        "religion": figure.religion,
        "home_region_code": figure.home_region_id,
        "kecamatan_code": figure.kecamatan_code,
        "influence": figure.influence,
        "alignment": figure.alignment,
        "public_consent": figure.public_consent,
        "personal": personal,
    }


@router.get("", response=FigurePage, summary="Daftar tokoh di wilayah Anda / figures in your area")
def list_figures(
    request,
    q: str = "",
    kind: str = "",
    region: str = "",
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
):
    figures = Figure.objects.restrict(request.user).current()
    if q:
        figures = figures.filter(normalized_name__icontains=q.strip().lower())
    if kind:
        figures = figures.filter(kind=kind)
    if region:
        figures = figures.filter(home_region__code__startswith=region)
    return {"count": figures.count(), "items": [figure_out(f) for f in figures[offset : offset + limit]]}


@router.get("/{figure_id}", response=FigureOut)
def get_figure(request, figure_id: int):
    figure = get_object_or_404(Figure.objects.restrict(request.user), pk=figure_id)
    return figure_out(figure, services.personal_data(request.user, figure))


@router.post("", response={201: FigureOut, 409: DuplicateOut}, summary="Daftarkan tokoh / register a figure")
def create_figure(request, payload: FigureIn):
    data = payload.dict()
    confirm = data.pop("confirm_new")
    region = Region.objects.filter(code=data.pop("home_region_code")).first()
    if region is None:
        raise HttpError(422, "Kode wilayah tidak dikenal / unknown region code.")
    result = services.register_figure(request.user, {**data, "home_region": region}, confirm_new=confirm)
    if result.needs_confirmation:
        return Status(
            409,
            {
                "detail": "Tokoh dengan nama ini sudah ada di kecamatan yang sama; kirim confirm_new=true "
                "bila memang orang lain / a figure of this name exists in the kecamatan.",
                "candidates": [figure_out(f) for f in result.duplicates],
            },
        )
    return Status(201, figure_out(result.figure))
