"""CSV import of incidents from other systems, e.g. violence monitors (docs/samples/incidents.csv).

Every row is validated by the same rules as a report from the form; a file with any error stores
nothing. `ref` is the other system's id: a row whose ref was imported before is left alone (the
record then belongs to Sejuk's workflow), so importing the same file twice changes nothing.
Times are local times of the place; a date without a time counts as 12:00.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.utils import timezone

from sejuk.core.csvimport import ImportReport, RowError, parse_bool, read_rows, write_all_or_nothing
from sejuk.incidents.choices import Severity, Source, Status
from sejuk.incidents.models import Incident
from sejuk.incidents.validation import COUNT_FIELDS, IncidentInput, IncidentValidator

REQUIRED = ("ref", "type", "severity", "region_code", "occurred_at", "description")
# Validator field -> CSV column, so each error names the column the operator sees.
COLUMN_OF = {"incident_type": "type", "latitude": "latitude"}
SEVERITY_ALIASES = {
    "pg": Severity.POTENSI_GANGGUAN,
    "ag": Severity.AMBANG_GANGGUAN,
    "gn": Severity.GANGGUAN_NYATA,
}
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y")
NOON = time(12, 0)


def _code(text: str) -> str:
    return re.sub(r"[\s-]+", "_", text.strip().lower())


def _parse_moment(text: str) -> datetime | None:
    text = text.strip().replace("T", " ")
    day, _, clock = text.partition(" ")
    for fmt in DATE_FORMATS:
        try:
            parsed = datetime.strptime(day, fmt).date()
        except ValueError:
            continue
        if not clock:
            return datetime.combine(parsed, NOON)
        try:
            return datetime.combine(parsed, time.fromisoformat(clock.strip()))
        except ValueError:
            return None
    return None


class _IncidentRow:
    def __init__(self, number: int, raw: dict):
        self.number, self.raw = number, raw
        self.errors: list[RowError] = []

    def error(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.number, column, message))

    def _int(self, column: str) -> int:
        text = self.raw.get(column, "") or "0"
        if not text.isdigit():
            self.error(column, f"'{text}' bukan bilangan bulat nol atau lebih.")
            return 0
        return int(text)

    def _float(self, column: str) -> float | None:
        text = (self.raw.get(column, "") or "").replace(",", ".")
        if not text:
            return None
        try:
            return float(text)
        except ValueError:
            self.error(column, f"'{text}' bukan angka.")
            return None

    def _flags(self) -> tuple[bool, bool, date | None]:
        verified = parse_bool(self.raw.get("verified", ""), default=False)
        resolved = parse_bool(self.raw.get("resolved", ""), default=False)
        for column, value in (("verified", verified), ("resolved", resolved)):
            if value is None:
                self.error(column, "Isi 'ya' atau 'tidak'.")
        resolved_on = None
        if text := self.raw.get("resolved_on", ""):
            moment = _parse_moment(text)
            resolved_on = moment.date() if moment else None
            if resolved_on is None:
                self.error("resolved_on", f"Tanggal '{text}' tidak terbaca (pakai YYYY-MM-DD).")
        if resolved and not verified:
            self.error("resolved", "Insiden yang selesai harus terverifikasi (verified = ya).")
        return bool(verified), bool(resolved), resolved_on

    def _input(self) -> IncidentInput:
        severity = _code(self.raw["severity"])
        moment = _parse_moment(self.raw["occurred_at"])
        if moment is None:
            self.error("occurred_at", f"Waktu '{self.raw['occurred_at']}' tidak terbaca (YYYY-MM-DD HH:MM).")
        return IncidentInput(
            incident_type=_code(self.raw["type"]),
            severity=SEVERITY_ALIASES.get(severity, severity),
            source=_code(self.raw.get("source", "")) or Source.MEDIA,
            region_code=self.raw["region_code"],
            occurred_at=moment,
            description=self.raw["description"],
            place_detail=self.raw.get("place_detail", ""),
            actors=self.raw.get("actors", ""),
            candidate_camps=self.raw.get("candidate_camps", ""),
            source_url=self.raw.get("source_url", ""),
            latitude=self._float("latitude"),
            longitude=self._float("longitude"),
            **{name: self._int(name) for name in COUNT_FIELDS},
        )

    def validate(self) -> dict | None:
        if not self.raw["ref"]:
            self.error("ref", "Nomor rujukan (ref) wajib diisi.")
        data = self._input()
        verified, resolved, resolved_on = self._flags()
        try:
            cleaned = IncidentValidator(data, None).run() if data.occurred_at else None
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                for message in messages:
                    self.error(COLUMN_OF.get(field, field), message)
            return None
        if cleaned and resolved_on and resolved_on < data.occurred_at.date():
            self.error("resolved_on", "Tanggal selesai sebelum tanggal kejadian.")
        if self.errors or cleaned is None:
            return None
        return {**cleaned, "_verified": verified, "_resolved": resolved, "_resolved_on": resolved_on}


def import_incidents(source) -> ImportReport:
    """Create incidents from CSV; rows whose ref is already imported are left unchanged."""
    rows, errors = read_rows(source, REQUIRED)
    report = ImportReport(errors=errors)
    seen: set[str] = set()
    valid: list[tuple[str, dict]] = []
    for number, raw in enumerate(rows, start=2):
        if raw["ref"] in seen:
            report.errors.append(RowError(number, "ref", f"Rujukan '{raw['ref']}' muncul lebih dari sekali."))
            continue
        seen.add(raw["ref"])
        checker = _IncidentRow(number, raw)
        cleaned = checker.validate()
        report.errors.extend(checker.errors)
        if cleaned:
            valid.append((raw["ref"], cleaned))
    return write_all_or_nothing(report, lambda r: _write(valid, r))


def _write(valid: list[tuple[str, dict]], report: ImportReport) -> None:
    for ref, cleaned in valid:
        key = f"import:{ref}"
        if Incident.objects.filter(reported_by=None, idempotency_key=key).exists():
            report.unchanged += 1
            continue
        verified, resolved, resolved_on = (cleaned.pop(k) for k in ("_verified", "_resolved", "_resolved_on"))
        incident = Incident(idempotency_key=key, **cleaned)
        if verified:
            incident.status, incident.verified_at = Status.VERIFIED, timezone.now()
        if resolved:
            incident.status = Status.RESOLVED
            if resolved_on:
                incident.resolved_at = timezone.make_aware(
                    datetime.combine(resolved_on, NOON), cleaned["region"].tzinfo
                )
        incident.save()
        report.created += 1
