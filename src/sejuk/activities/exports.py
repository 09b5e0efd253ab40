"""Exports of activities and figures in the user's area, as streamed CSV or as XLSX (#3).

Rows come through `restrict(user, "export")`, so a role without "export" on records gets nothing
and the views answer 403. Headers and labels are Indonesian whatever the interface language: the
files go into reports and spreadsheets written in Indonesian. Times are local to each place,
"dd/mm/yyyy HH:MM" followed by the zone (WIB, WITA, WIT).

Decisions:
- Activities of every status are exported, with a status column: coverage counts exclude drafts,
  a spreadsheet user can filter them out, but a commander also needs to see what is pending.
- Phone, address and political alignment leave the system only for roles with "export" on
  "personal" (administrators). Alignment is recorded to balance engagement; in a file outside the
  system's access rules it becomes a list of who supports whom, so it is treated as personal data.
- A personal export writes one audit entry per figure (auditlog's "accessed", through
  core.audit.log_personal_access) so "who took this person's phone number" stays answerable per
  person. The entries are written in one transaction before the first byte is sent, while the
  request (and so auditlog's actor and address) is still active; a streaming generator runs after
  the middleware has left. For very large exports a bulk writer in core.audit would be cheaper.
"""

from __future__ import annotations

import csv
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Max
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from sejuk.accounts.roles import can
from sejuk.activities.choices import ActivityType, PartnerKind, Situation, Source, Status
from sejuk.activities.coverage import engaged_q, local_time, resolve_scope
from sejuk.activities.models import Activity
from sejuk.core.audit import log_personal_access
from sejuk.core.jurisdiction import region_q
from sejuk.figures.choices import Alignment, FigureKind, Religion
from sejuk.figures.models import Figure

CHUNK_SIZE = 500
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

ACTIVITY_HEADERS = [
    "ID kegiatan",
    "Waktu",
    "Jenis kegiatan",
    "Status",
    "Satuan",
    "Kode wilayah",
    "Tempat",
    "Personel",
    "Tokoh",
    "Mitra",
    "Jumlah peserta",
    "Tema imbauan",
    "Situasi",
    "Tahapan pemilu",
    "Uraian",
    "Sumber",
]
FIGURE_HEADERS = [
    "ID tokoh",
    "Nama",
    "Jenis tokoh",
    "Peran",
    "Organisasi",
    "Agama",
    "Kode wilayah",
    "Desa/Kelurahan",
    "Kecamatan",
    "Pengaruh (1-5)",
    "Boleh disebut dalam rilis",
    "Jumlah kegiatan",
    "Terakhir dilibatkan",
]
FIGURE_PERSONAL_HEADERS = ["Telepon", "Alamat", "Keberpihakan", "Berpihak kepada", "Sumber keberpihakan"]


@dataclass(frozen=True)
class ExportFilters:
    date_from: date | None = None
    date_to: date | None = None
    area: str = ""


@dataclass
class Table:
    """A header row and lazily produced rows: nothing is read until the response is sent."""

    name: str
    headers: list[str]
    rows: Iterator[list]


def require_export(user) -> None:
    if not can(user, "export", "records"):
        raise PermissionDenied(_("Your role may not export records."))


def _labels(choices) -> dict[str, str]:
    # Choice labels are lazy translations; the files are always Indonesian.
    with translation.override("id"):
        return {value: str(label) for value, label in choices}


def _scope_and_window(user, filters: ExportFilters):
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        raise ValidationError({"date_from": _("The start date is after the end date.")})
    scope = resolve_scope(user, area_code=filters.area, on=filters.date_to)
    since = scope.start((scope.on - filters.date_from).days + 1) if filters.date_from else None
    until = scope.end if filters.date_to else None
    return scope, since, until


def activity_table(user, filters: ExportFilters) -> Table:
    """Activities of the user's area (every status), oldest first."""
    require_export(user)
    scope, since, until = _scope_and_window(user, filters)
    activities = Activity.objects.restrict(user, "export").filter(region_q("region__code", scope.prefixes))
    if since:
        activities = activities.filter(occurred_at__gte=since)
    if until:
        activities = activities.filter(occurred_at__lt=until)
    activities = activities.with_related().order_by("occurred_at", "pk")
    labels = {
        "type": _labels(ActivityType.choices),
        "status": _labels(Status.choices),
        "source": _labels(Source.choices),
        "situation": _labels(Situation.choices),
        "partner": _labels(PartnerKind.choices),
    }
    return Table("kegiatan", ACTIVITY_HEADERS, _activity_rows(activities, labels))


def _activity_rows(activities, labels: dict) -> Iterator[list]:
    for activity in activities.iterator(chunk_size=CHUNK_SIZE):
        yield [
            activity.pk,
            local_time(activity.occurred_at, activity.region),
            labels["type"].get(activity.activity_type, activity.activity_type),
            labels["status"].get(activity.status, activity.status),
            activity.unit.display_name,
            activity.region_id,
            activity.region.label,
            "; ".join(f"{o.rank_id} {o.name}" for o in activity.officers.all()),
            "; ".join(f.formal_name for f in activity.figures.all()),
            "; ".join(labels["partner"].get(p, p) for p in activity.partners),
            activity.attendance,
            "; ".join(t.label_id for t in activity.themes.all()),
            labels["situation"].get(activity.situation, activity.situation),
            activity.election_phase,
            activity.narrative,
            labels["source"].get(activity.source, activity.source),
        ]


def figure_table(user, filters: ExportFilters) -> Table:
    """Figures of the user's area with their engagement in the period; personal columns if allowed.

    The dates bound the activities counted ("Jumlah kegiatan") and the last engagement shown.
    """
    require_export(user)
    scope, since, until = _scope_and_window(user, filters)
    engaged = engaged_q("activities__", since, until or timezone.now())
    figures = Figure.objects.restrict(user, "export").current()
    figures = figures.filter(region_q("home_region__code", scope.prefixes))
    personal = can(user, "export", "personal")
    if personal:
        _log_access(figures)
    figures = (
        figures.select_related("home_region__parent")
        .annotate(
            engagements=Count("activities", distinct=True, filter=engaged),
            last_engaged=Max("activities__occurred_at", filter=engaged),
        )
        .order_by("kecamatan_code", "name", "pk")
    )
    headers = FIGURE_HEADERS + (FIGURE_PERSONAL_HEADERS if personal else [])
    labels = {
        "kind": _labels(FigureKind.choices),
        "religion": _labels(Religion.choices),
        "alignment": _labels(Alignment.choices),
    }
    return Table("tokoh", headers, _figure_rows(figures, labels, personal))


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _log_access(figures) -> None:
    # One transaction: one commit for the whole export instead of one per audit entry.
    plain = figures.only("pk", "name", "front_titles", "degrees").order_by("pk")
    with transaction.atomic():
        for batch in _batches(plain.iterator(chunk_size=CHUNK_SIZE), CHUNK_SIZE):
            log_personal_access(batch)


def _figure_rows(figures, labels: dict, personal: bool) -> Iterator[list]:
    for figure in figures.iterator(chunk_size=CHUNK_SIZE):
        region = figure.home_region
        kecamatan = region if region.level == 3 else region.parent
        row = [
            figure.pk,
            figure.formal_name,
            labels["kind"].get(figure.kind, figure.kind),
            figure.role,
            figure.organisation,
            labels["religion"].get(figure.religion, figure.religion),
            region.code,
            region.label if region.level > 3 else "",
            kecamatan.label if kecamatan else "",
            figure.influence,
            "Ya" if figure.public_consent else "Tidak",
            figure.engagements,
            local_time(figure.last_engaged, region),
        ]
        if personal:
            alignment = labels["alignment"].get(figure.alignment, figure.alignment)
            row += [figure.phone, figure.address, alignment, figure.aligned_with, figure.alignment_source]
        yield row


# Spreadsheets run cells starting with these as formulas (CSV injection); numbers are harmless.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_LIKE = re.compile(r"^[+\-]?[\d\s().\-/]+$")


def _csv_cell(value) -> str:
    if value is None:
        return ""
    text = str(value)
    if text.startswith(_FORMULA_START) and not _NUMBER_LIKE.match(text):
        return "'" + text
    return text


class _Echo:
    """A file-like object whose write() hands back the line, so csv.writer can feed a generator."""

    def write(self, value: str) -> str:
        return value


def _filename(table: Table, extension: str) -> str:
    return f"sejuk-{table.name}-{timezone.localdate():%Y%m%d}.{extension}"


def csv_response(table: Table) -> StreamingHttpResponse:
    """Rows are written as they are read, chunk by chunk, so memory stays flat for any size."""
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        # Excel only reads UTF-8 (Indonesian names, "×") correctly after a byte-order mark.
        yield "\ufeff" + writer.writerow(table.headers)
        for row in table.rows:
            yield writer.writerow([_csv_cell(value) for value in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, _filename(table, "csv"))
    return response


def _xlsx_cell(sheet, value):
    if not isinstance(value, str):
        return value
    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
    # openpyxl stores text starting with "=" as a formula; a typed text cell is never evaluated.
    cell.data_type = "s"
    return cell


def xlsx_response(table: Table) -> FileResponse:
    """A write-only workbook keeps rows on disk as they come; the finished file is streamed back."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(table.name.capitalize())
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for title in table.headers:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in table.rows:
        sheet.append([_xlsx_cell(sheet, value) for value in row])
    handle = tempfile.TemporaryFile(suffix=".xlsx")  # removed by the OS when FileResponse closes it
    workbook.save(handle)
    handle.seek(0)
    return FileResponse(handle, as_attachment=True, filename=_filename(table, "xlsx"), content_type=XLSX_TYPE)
