"""CSV imports of the election calendar (docs/samples/elections.csv) and IKP ratings (ikp.csv).

Same frame as every import (sejuk.core.csvimport): all rows validated first, errors by row and
column in Indonesian, all or nothing, and a second import of the same file changes nothing.
Contests, pairs and results are imported by sejuk.elections.result_import.
"""

from __future__ import annotations

import re

from sejuk.core.csvimport import ImportReport, RowError, read_rows, write_all_or_nothing
from sejuk.elections.choices import ElectionKind, IkpBand, PhaseKind
from sejuk.elections.importing import RowChecker, agree, describe, load_regions, upsert
from sejuk.elections.models import Election, ElectionPhase, IkpRating
from sejuk.regions.choices import Level

ELECTION_COLUMNS = ("election", "kind", "name", "vote_date", "phase", "start", "end")
IKP_COLUMNS = ("region_code", "year", "band")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

ELECTION_KINDS = {code: code for code in ElectionKind.values} | {"pemungutan_suara_ulang": ElectionKind.PSU}
PHASE_KINDS = {code: code for code in PhaseKind.values} | {
    "pemungutan_suara": PhaseKind.PEMUNGUTAN,
    "rekap": PhaseKind.REKAPITULASI,
    "mk": PhaseKind.SENGKETA_MK,
    "sengketa": PhaseKind.SENGKETA_MK,
    "pemungutan_suara_ulang": PhaseKind.PSU,
}
IKP_BANDS = {code: code for code in IkpBand.values} | {f"rawan_{code}": code for code in IkpBand.values}
_NEW_ELECTION_NEEDS = (
    ("kind", "Jenis pemilihan"),
    ("name", "Nama pemilihan"),
    ("vote_date", "Hari pemungutan"),
)


class _ElectionRow(RowChecker):
    def validate(self, seen: dict, phase_keys: dict, regions: dict) -> dict | None:
        code = self.required("election", "Kode pemilihan").lower()
        if code and not _SLUG.match(code):
            self.error("election", f"Kode '{code}' tidak sah: pakai huruf kecil, angka dan tanda minus.")
        values = {
            "kind": self.choice("kind", ELECTION_KINDS, "Jenis pemilihan"),
            "name": self.text("name"),
            "vote_date": self.date("vote_date"),
            "year": self.whole_number("year", "Tahun", 2000, 2100),
        }
        agree(seen, code, values, self, "Data pemilihan")
        phase = self._phase(regions)
        if phase is None or self.errors:
            return None
        key = (code, phase["kind"], phase["region_prefix"], phase["label"])
        if key in phase_keys:
            self.error("phase", f"Tahapan yang sama sudah ada di baris {phase_keys[key]}.")
            return None
        phase_keys[key] = self.number
        return {"election": code, **phase}

    def _phase(self, regions: dict) -> dict | None:
        kind = self.choice("phase", PHASE_KINDS, "Tahapan")
        if kind is None:
            if self.text("start") or self.text("end"):
                self.error("phase", "Tahapan wajib diisi bila tanggal diisi.")
            return None
        start = self.date("start")
        if start is None and not self.text("start"):
            self.error("start", "Tanggal mulai wajib diisi.")
        end = self.date("end") or (start if not self.text("end") else None)
        if start and end and end < start:
            self.error("end", f"Tanggal selesai {end:%d/%m/%Y} sebelum tanggal mulai {start:%d/%m/%Y}.")
        region = self.region("region_prefix", regions)
        return {
            "kind": kind,
            "label": self.text("label"),
            "start": start,
            "end": end,
            "region_prefix": region.code if region else "",
        }


def _elections_in(seen: dict, known: set[str], report: ImportReport) -> dict[str, dict]:
    """The election fields per code; a new election must name its kind, name and voting day."""
    elections = {}
    reported = {error.column for error in report.errors}  # an unreadable value is not also "missing"
    for code, entry in seen.items():
        values = {column: value for column, (value, _row) in entry["values"].items()}
        if code not in known:
            report.errors.extend(
                RowError(entry["row"], column, f"{what} wajib diisi untuk pemilihan baru.")
                for column, what in _NEW_ELECTION_NEEDS
                if column not in values and column not in reported
            )
        if "vote_date" in values and "year" not in values:
            values["year"] = values["vote_date"].year
        elections[code] = values
    return elections


def import_elections(source, update: bool = True) -> ImportReport:
    """Create or update elections and their phases; `update=False` only adds what is missing."""
    rows, errors = read_rows(source, ELECTION_COLUMNS)
    report = ImportReport(errors=errors)
    regions = load_regions(raw.get("region_prefix", "") for raw in rows)
    seen: dict = {}
    phase_keys: dict = {}
    phases = []
    for number, raw in enumerate(rows, start=2):
        checker = _ElectionRow(number, raw)
        phase = checker.validate(seen, phase_keys, regions)
        report.errors.extend(checker.errors)
        if phase:
            phases.append(phase)
    known = set(Election.objects.filter(code__in=list(seen)).values_list("code", flat=True))
    elections = _elections_in(seen, known, report)
    return write_all_or_nothing(report, lambda r: _write_elections(elections, phases, r, update))


def _write_elections(elections: dict, phases: list[dict], report: ImportReport, update: bool) -> None:
    by_code = {
        code: upsert(Election, {"code": code}, values, report, update) for code, values in elections.items()
    }
    for phase in phases:
        lookup = {
            "election": by_code[phase["election"]],
            "kind": phase["kind"],
            "region_prefix": phase["region_prefix"],
            "label": phase["label"],
        }
        upsert(ElectionPhase, lookup, {"start": phase["start"], "end": phase["end"]}, report, update)


class _IkpRow(RowChecker):
    def validate(self, regions: dict, seen: dict) -> dict | None:
        region = self.region("region_code", regions)
        if region is None and not self.text("region_code"):
            self.error("region_code", "Kode kabupaten/kota wajib diisi.")
        if region is not None and region.level != Level.KABUPATEN_KOTA:
            self.error("region_code", f"IKP dicatat per kabupaten/kota, bukan {describe(region)}.")
        year = self.whole_number("year", "Tahun", 2000, 2100)
        if year is None and not self.text("year"):
            self.error("year", "Tahun wajib diisi.")
        band = self.choice("band", IKP_BANDS, "Tingkat kerawanan")
        if band is None and not self.text("band"):
            self.error("band", "Tingkat kerawanan wajib diisi (rendah, sedang, tinggi).")
        score = self.share("score", "Skor")
        if self.errors:
            return None
        key = (region.code, year)
        if key in seen:
            self.error("region_code", f"IKP {region.label} {year} sudah ada di baris {seen[key]}.")
            return None
        seen[key] = self.number
        return {
            "region_id": region.code,
            "year": year,
            "band": band,
            "score": score,
            "source": self.text("source"),
        }


def import_ikp(source) -> ImportReport:
    """Create or update Bawaslu IKP bands per kabupaten/kota and year (docs/samples/ikp.csv)."""
    rows, errors = read_rows(source, IKP_COLUMNS)
    report = ImportReport(errors=errors)
    regions = load_regions(raw.get("region_code", "") for raw in rows)
    seen: dict = {}
    valid = []
    for number, raw in enumerate(rows, start=2):
        checker = _IkpRow(number, raw)
        cleaned = checker.validate(regions, seen)
        report.errors.extend(checker.errors)
        if cleaned:
            valid.append(cleaned)
    return write_all_or_nothing(report, lambda r: _write_ikp(valid, r))


def _write_ikp(valid: list[dict], report: ImportReport) -> None:
    for row in valid:
        lookup = {"region_id": row.pop("region_id"), "year": row.pop("year")}
        upsert(IkpRating, lookup, row, report)
