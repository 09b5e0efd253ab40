"""CSV import of officers (docs/samples/officers.csv shows the format)."""

from __future__ import annotations

import re

import lokal

from sejuk.core.csvimport import (
    ImportReport,
    RowError,
    parse_bool,
    read_rows,
    split_codes,
    write_all_or_nothing,
)
from sejuk.regions.choices import Level
from sejuk.regions.models import Region
from sejuk.units.models import Officer, Unit
from sejuk.units.names import split_name
from sejuk.units.positions import parse_position
from sejuk.units.ranks import parse_rank

OFFICER_COLUMNS = ("nrp", "name", "rank", "unit_code")
_NRP = re.compile(r"^\d{8}$")


def normalize_phone(text: str) -> str | None:
    """E.164 form of an Indonesian phone number ("0812-..." -> "+62812..."), or None if invalid."""
    return lokal.normalize_phone(text) if text else None


class _OfficerRow:
    def __init__(self, number: int, raw: dict, units: dict[str, Unit], seen_nrp: set[str]):
        self.number, self.raw, self.units, self.seen_nrp = number, raw, units, seen_nrp
        self.errors: list[RowError] = []

    def error(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.number, column, message))

    def validate(self) -> dict | None:
        raw = self.raw
        nrp = raw["nrp"].replace(" ", "")
        if not _NRP.match(nrp):
            self.error("nrp", f"NRP '{raw['nrp']}' tidak sah: harus 8 angka.")
        elif nrp in self.seen_nrp:
            self.error("nrp", f"NRP {nrp} muncul lebih dari sekali dalam berkas.")
        self.seen_nrp.add(nrp)
        person = split_name(raw["name"])
        if not person.name:
            self.error("name", "Nama wajib diisi.")
        rank = parse_rank(raw["rank"])
        if rank is None:
            self.error("rank", f"Pangkat tidak dikenal: '{raw['rank']}'.")
        position = parse_position(raw.get("position", "")) if raw.get("position") else None
        if raw.get("position") and position is None:
            self.error("position", f"Jabatan tidak dikenal: '{raw['position']}'.")
        unit = self.units.get(raw["unit_code"].lower())
        if unit is None:
            self.error("unit_code", f"Satuan '{raw['unit_code']}' tidak ditemukan.")
        desa = self._check_desa(unit)
        phone = normalize_phone(raw.get("phone", ""))
        if raw.get("phone") and phone is None:
            self.error("phone", f"Nomor telepon '{raw['phone']}' tidak sah.")
        active = parse_bool(raw.get("active", ""))
        if active is None:
            self.error("active", f"Nilai '{raw['active']}' tidak dikenal: isi 'ya' atau 'tidak'.")
        if self.errors:
            return None
        return {
            "nrp": nrp,
            "fields": {
                "name": person.name,
                "front_titles": person.front,
                "degrees": person.back,
                "rank_id": rank.abbreviation,
                "position_id": position.code if position else None,
                "unit_id": unit.pk,
                "phone": phone or "",
                "active": active,
            },
            "desa": sorted(desa),
        }

    def _check_desa(self, unit: Unit | None) -> list[str]:
        codes = split_codes(self.raw.get("desa_codes", ""))
        if not codes:
            return []
        found = dict(Region.objects.filter(code__in=codes, retired=False).values_list("code", "level"))
        unknown = [c for c in codes if c not in found]
        if unknown:
            self.error("desa_codes", f"Kode desa tidak dikenal: {', '.join(unknown)}.")
        not_desa = [c for c in codes if c in found and found[c] != Level.DESA]
        if not_desa:
            self.error("desa_codes", f"Bukan kode desa/kelurahan: {', '.join(not_desa)}.")
        if unit is not None:
            area = unit.jurisdiction()
            outside = [c for c in codes if c in found and not area.covers_region(c)]
            if outside:
                self.error("desa_codes", f"Desa di luar wilayah {unit.display_name}: {', '.join(outside)}.")
        return codes


def import_officers(source) -> ImportReport:
    """Create or update officers by NRP; a file with any error stores nothing."""
    rows, errors = read_rows(source, OFFICER_COLUMNS)
    report = ImportReport(errors=errors)
    units = {u.code: u for u in Unit.objects.all()}
    seen: set[str] = set()
    valid = []
    for number, raw in enumerate(rows, start=2):
        checker = _OfficerRow(number, raw, units, seen)
        cleaned = checker.validate()
        report.errors.extend(checker.errors)
        if cleaned:
            valid.append(cleaned)
    return write_all_or_nothing(report, lambda r: _write_officers(valid, r))


def _write_officers(valid: list[dict], report: ImportReport) -> None:
    existing = {o.nrp: o for o in Officer.objects.filter(nrp__in=[v["nrp"] for v in valid])}
    for cleaned in valid:
        officer = existing.get(cleaned["nrp"])
        fields = cleaned["fields"]
        if officer is None:
            officer = Officer.objects.create(nrp=cleaned["nrp"], **fields)
            changed = True
            report.created += 1
        else:
            changed = any(getattr(officer, key) != value for key, value in fields.items())
            if changed:
                for key, value in fields.items():
                    setattr(officer, key, value)
                officer.save()
        current_desa = sorted(officer.assigned_desa.values_list("code", flat=True))
        if current_desa != cleaned["desa"]:
            officer.assigned_desa.set(cleaned["desa"])
            changed = True
        if officer.pk and cleaned["nrp"] in existing:
            if changed:
                report.updated += 1
            else:
                report.unchanged += 1
