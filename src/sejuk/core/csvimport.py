"""Shared shape of every CSV import: read, validate all rows, then write all or nothing.

An error names the row (as a spreadsheet numbers it: the header is row 1), the column and the
reason, in Indonesian. A file with any error stores nothing. Importing the same file twice changes
nothing the second time.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"Baris {self.row}, kolom '{self.column}': {self.message}"


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        if self.errors:
            lines = [f"Impor dibatalkan: {len(self.errors)} kesalahan, tidak ada data yang disimpan."]
            lines += [f"  - {error}" for error in self.errors]
            return "\n".join(lines)
        return f"Impor selesai: {self.created} baru, {self.updated} diperbarui, {self.unchanged} tetap."


class ImportAborted(Exception):
    """Raised inside the write transaction so that nothing of a failing file is kept."""


def read_rows(
    source: str | Path | io.TextIOBase, required: tuple[str, ...]
) -> tuple[list[dict], list[RowError]]:
    """Rows as dicts keyed by lower-case header; accepts comma or semicolon (Excel in Indonesia)."""
    if isinstance(source, (str, Path)):
        try:
            text = Path(source).read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            return [], [RowError(0, "-", "Berkas bukan teks UTF-8. Simpan ulang sebagai CSV UTF-8.")]
    else:
        text = source.read()
    if not text.strip():
        return [], [RowError(1, "-", "Berkas kosong.")]
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    headers = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [column for column in required if column not in headers]
    if missing:
        return [], [RowError(1, column, "Kolom wajib tidak ada di baris judul.") for column in missing]
    rows = []
    for raw in reader:
        rows.append({(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if k is not None})
    if not rows:
        return [], [RowError(2, "-", "Tidak ada baris data.")]
    return rows, []


def write_all_or_nothing(report: ImportReport, write: Callable[[ImportReport], None]) -> ImportReport:
    """Run `write` in one transaction; any error it records rolls the whole file back."""
    if report.errors:
        return report
    try:
        with transaction.atomic():
            write(report)
            if report.errors:
                raise ImportAborted
    except ImportAborted:
        report.created = report.updated = 0
    return report


def parse_bool(value: str, default: bool = True) -> bool | None:
    """ "ya"/"tidak" as well as "1"/"0", "true"/"false"; None when unreadable."""
    lowered = value.strip().lower()
    if not lowered:
        return default
    if lowered in {"ya", "y", "1", "true", "aktif", "yes"}:
        return True
    if lowered in {"tidak", "t", "0", "false", "nonaktif", "no"}:
        return False
    return None


def split_codes(value: str) -> list[str]:
    return [part.strip() for part in value.replace(",", ";").replace("|", ";").split(";") if part.strip()]
