"""CSV import of units (docs/samples/units.csv shows the format)."""

from __future__ import annotations

import re

from sejuk.core.csvimport import (
    ImportReport,
    RowError,
    read_rows,
    split_codes,
    write_all_or_nothing,
)
from sejuk.core.jurisdiction import Jurisdiction
from sejuk.regions.models import Region
from sejuk.units.choices import LEVEL_OF_KIND, PARENT_LEVEL, UnitKind, UnitLevel
from sejuk.units.models import Unit, UnitArea
from sejuk.units.services import move_subtree_paths

UNIT_COLUMNS = ("code", "kind", "name", "parent_code", "area_codes")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _kind_of(text: str) -> str | None:
    key = re.sub(r"[\s_-]+", "_", text.strip().lower())
    return key if key in UnitKind.values else None


def _inside(codes: list[str], area: Jurisdiction) -> list[str]:
    """The codes that lie outside `area`."""
    return [code for code in codes if not area.covers_region(code)]


class _UnitRow:
    def __init__(self, number: int, raw: dict, known: dict[str, tuple[str, Jurisdiction]]):
        self.number, self.raw, self.known = number, raw, known
        self.errors: list[RowError] = []

    def error(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.number, column, message))

    def validate(self) -> dict | None:
        code, kind = self.raw["code"].lower(), _kind_of(self.raw["kind"])
        if not _SLUG.match(code):
            self.error(
                "code", f"Kode '{self.raw['code']}' tidak sah: pakai huruf kecil, angka dan tanda minus."
            )
        elif code in self.known and self.known[code][0] == "file":
            self.error("code", f"Kode '{code}' muncul lebih dari sekali dalam berkas.")
        if kind is None:
            self.error(
                "kind", f"Jenis satuan '{self.raw['kind']}' tidak dikenal ({', '.join(UnitKind.values)})."
            )
        if not self.raw["name"]:
            self.error("name", "Nama satuan wajib diisi.")
        if kind is None:
            return None
        level = LEVEL_OF_KIND[kind]
        parent_area = self._check_parent(level)
        areas = self._check_areas(level, parent_area)
        if self.errors:
            return None
        return {"code": code, "kind": kind, "level": level, "areas": areas}

    def _check_parent(self, level: str) -> Jurisdiction | None:
        parent_code = self.raw["parent_code"].lower()
        wanted = PARENT_LEVEL[level]
        if wanted is None:
            if parent_code:
                self.error("parent_code", "Mabes Polri tidak punya satuan induk.")
            return None
        if not parent_code:
            self.error("parent_code", "Satuan induk wajib diisi.")
            return None
        if parent_code not in self.known:
            self.error("parent_code", f"Satuan induk '{parent_code}' tidak ditemukan (harus ada lebih dulu).")
            return None
        parent_level, parent_area = self.known[parent_code][1:]
        if parent_level != wanted:
            self.error("parent_code", f"Induk satuan tingkat {level} harus {wanted}, bukan {parent_level}.")
        return parent_area

    def _check_areas(self, level: str, parent_area: Jurisdiction | None) -> list[str]:
        codes = split_codes(self.raw["area_codes"])
        if level == UnitLevel.MABES:
            return []
        if not codes:
            self.error("area_codes", "Wilayah hukum wajib diisi (kode Kemendagri, pisahkan dengan ';').")
            return []
        found = set(Region.objects.filter(code__in=codes, retired=False).values_list("code", flat=True))
        unknown = [code for code in codes if code not in found]
        if unknown:
            self.error("area_codes", f"Kode wilayah tidak dikenal: {', '.join(unknown)}.")
        outside = _inside([c for c in codes if c in found], parent_area) if parent_area else []
        if outside:
            self.error("area_codes", f"Wilayah di luar wilayah satuan induk: {', '.join(outside)}.")
        return codes


def _known_units() -> dict[str, tuple]:
    known: dict[str, tuple] = {}
    for unit in Unit.objects.prefetch_related("unit_areas"):
        area = Jurisdiction(unit.path, tuple(a.region_id for a in unit.unit_areas.all()))
        if unit.level == UnitLevel.MABES:
            area = Jurisdiction(None, None)
        known[unit.code] = ("db", unit.level, area)
    return known


def import_units(source) -> ImportReport:
    """Create or update units from CSV; parents must exist already or come earlier in the file."""
    rows, errors = read_rows(source, UNIT_COLUMNS)
    report = ImportReport(errors=errors)
    known = _known_units()
    valid: list[tuple[dict, dict]] = []
    for number, raw in enumerate(rows, start=2):
        checker = _UnitRow(number, raw, known)
        cleaned = checker.validate()
        report.errors.extend(checker.errors)
        if cleaned:
            area = (
                Jurisdiction(None, None)
                if cleaned["level"] == UnitLevel.MABES
                else Jurisdiction("", tuple(cleaned["areas"]))
            )
            known[cleaned["code"]] = ("file", cleaned["level"], area)
            valid.append((raw, cleaned))
    return write_all_or_nothing(report, lambda r: _write_units(valid, r))


def _write_units(valid: list[tuple[dict, dict]], report: ImportReport) -> None:
    for raw, cleaned in valid:
        parent_code = raw["parent_code"].lower()
        parent = Unit.objects.get(code=parent_code) if parent_code else None
        wanted = {
            "kind": cleaned["kind"],
            "name": raw["name"],
            "short_name": raw.get("short_name", ""),
            "parent": parent,
        }
        unit = Unit.objects.filter(code=cleaned["code"]).first()
        created = unit is None
        fields_changed = not created and any(getattr(unit, key) != value for key, value in wanted.items())
        if created:
            unit = Unit(code=cleaned["code"], **wanted)
        if created or fields_changed:
            old_path = unit.path
            for key, value in wanted.items():
                setattr(unit, key, value)
            unit.save()
            if old_path and old_path != unit.path:
                move_subtree_paths(unit, old_path)
        areas_changed = _sync_areas(unit, cleaned["areas"])
        if created:
            report.created += 1
        elif fields_changed or areas_changed:
            report.updated += 1
        else:
            report.unchanged += 1


def _sync_areas(unit: Unit, codes: list[str]) -> bool:
    current = set(unit.area_codes())
    if current == set(codes):
        return False
    # Row by row (not a bulk delete) so that the audit trail records each change.
    for area in UnitArea.objects.filter(unit=unit).exclude(region_id__in=codes):
        area.delete()
    for code in codes:
        if code not in current:
            UnitArea.objects.create(unit=unit, region_id=code)
    return True
