from ninja import Router, Schema

from sejuk.core.api_auth import AUTH
from sejuk.regions.services import lookup_regions

router = Router(tags=["regions"], auth=AUTH)


class RegionOut(Schema):
    code: str
    name: str
    level: int
    kind: str
    timezone: str
    parent_code: str | None
    path: str


@router.get("", response=list[RegionOut], summary="Cari wilayah menurut nama / look up regions by name")
def lookup(request, q: str, level: int | None = None, parent: str | None = None):
    regions = lookup_regions(q, level=level, parent=parent)[:200]
    return [
        {
            "code": r.code,
            "name": r.name,
            "level": r.level,
            "kind": r.kind,
            "timezone": r.timezone,
            "parent_code": r.parent_id,
            "path": _path_label(r),
        }
        for r in regions
    ]


def _path_label(region) -> str:
    labels, node = [], region
    while node is not None:
        labels.append(node.label)
        node = node.parent if node.level > 2 else None
    return ", ".join(labels)
