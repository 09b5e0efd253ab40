from ninja import Router, Schema

from sejuk.core.api_auth import AUTH
from sejuk.units.models import Unit

router = Router(tags=["units"], auth=AUTH)


class UnitOut(Schema):
    code: str
    kind: str
    level: str
    name: str
    display_name: str
    parent_code: str | None
    area_codes: list[str]


@router.get(
    "", response=list[UnitOut], summary="Satuan dalam wilayah hukum Anda / units in your jurisdiction"
)
def list_units(request, level: str | None = None):
    units = Unit.objects.restrict(request.user).select_related("parent").prefetch_related("unit_areas")
    if level:
        units = units.filter(level=level)
    return [
        {
            "code": u.code,
            "kind": u.kind,
            "level": u.level,
            "name": u.name,
            "display_name": u.display_name,
            "parent_code": u.parent.code if u.parent else None,
            "area_codes": sorted(a.region_id for a in u.unit_areas.all()),
        }
        for u in units
    ]
