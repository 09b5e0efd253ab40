"""Reports as XLSX (#6): one sheet per section, written with openpyxl's write-only workbook.

Text cells are typed as text (never formulas) and stripped of characters a workbook cannot hold,
as the exports do (activities/exports.py). Headings and labels follow the reader's language.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Font

from sejuk.activities.exports import XLSX_TYPE, _xlsx_cell

__all__ = ["XLSX_TYPE", "daily_xlsx", "weekly_xlsx"]

BOLD = Font(bold=True)


@dataclass(frozen=True)
class Row:
    cells: tuple
    bold: bool = False


def _head(*cells) -> Row:
    return Row(cells, bold=True)


def _row(*cells) -> Row:
    return Row(cells)


def _write(workbook: Workbook, title: str, rows: Iterable[Row]) -> None:
    sheet = workbook.create_sheet(title[:31])
    for row in rows:
        cells = []
        for value in row.cells:
            cell = _xlsx_cell(sheet, value)
            if row.bold:
                cell = cell if isinstance(cell, Cell) else WriteOnlyCell(sheet, value=cell)
                cell.font = BOLD
            cells.append(cell)
        sheet.append(cells)


def _summary(report) -> list[Row]:
    h = report.header
    rows = [_head(h.title), _row(_("Unit"), h.chain), _row(_("Area"), h.area), _row(_("Date"), h.date_text)]
    if h.period_text:
        rows.append(_row(_("Period"), h.period_text))
    rows += [_row(_("Made on"), h.generated), _row()]
    a, i, c = report.activities, report.incidents, report.coverage.counts
    rows += [
        _head(_("Measure"), _("Number")),
        _row(_("Activities"), a.total),
        _row(_("Figures reached"), a.figures),
        _row(_("People attending"), a.attendance),
        _row(_("New incidents"), i.new),
        _row(_("Open incidents (not resolved)"), i.open),
        _row(_("Incidents resolved"), i.resolved),
        *[_row(_("Kecamatan %(band)s") % {"band": label}, n) for _b, label, n in report.temperature.bands],
        _row(_("Figures registered"), c.figures),
        _row(_("Figures engaged in 30 days"), c.engaged_30),
        _row(_("Neutrality flags"), len(report.neutrality.balance) + len(report.neutrality.wording)),
    ]
    return rows


def _temperature(report) -> list[Row]:
    t = report.temperature
    if t.day is None:
        return [_row(_("No temperature has been computed for this area yet."))]
    rows = [_row(_("Day"), f"{t.day:%d/%m/%Y}"), _head(_("Band"), _("Kecamatan"))]
    rows += [_row(label, n) for _band, label, n in t.bands]
    rows += [_row(), _head(_("Code"), _("Kecamatan"), _("Value"), _("Band"), _("Change"), _("Main reason"))]
    rows += [_row(a.code, a.name, a.value, a.band_label, a.change, a.reason) for a in t.hottest]
    return rows


def _activities(report) -> list[Row]:
    a = report.activities
    rows = [_head(_("Type"), _("Activities"))] + [_row(label, n) for _c, label, n in a.by_type]
    if a.lines:
        headings = (_("ID"), _("Time"), _("Type"), _("Place"), _("Unit"), _("Officers"), _("Figures"))
        rows += [_row(), _head(*headings, _("Situation"))]
        rows += [
            _row(x.id, x.time, x.type, x.place, x.unit, x.officers, x.figures, x.situation) for x in a.lines
        ]
    return rows


def _incidents(report) -> list[Row]:
    i = report.incidents
    rows = [_head(_("Severity"), _("New"))] + [_row(label, n) for _c, label, n in i.by_severity]
    rows += [_row(_("Open (not resolved)"), i.open), _row(_("Resolved"), i.resolved)]
    if i.lines:
        rows += [_row(), _head(_("Reference"), _("Time"), _("Type"), _("Severity"), _("Place"), _("Status"))]
        rows += [_row(x.reference, x.time, x.type, x.severity, x.place, x.status) for x in i.lines]
    return rows


def _coverage(report) -> list[Row]:
    c = report.coverage.counts
    rows = [
        _head(_("Measure"), _("Number")),
        _row(_("Figures registered"), c.figures),
        _row(_("Engaged in 7 days"), c.engaged_7),
        _row(_("Engaged in 30 days"), c.engaged_30),
        _row(_("Never engaged"), c.never_engaged),
        _row(_("Activities in 30 days"), c.activities_30),
    ]
    if report.coverage.to_visit:
        rows += [_row(), _head(_("To visit next"), _("Kind"), _("Place"), _("Why"))]
        rows += [_row(f.name, f.kind_label, f.place, f.reason) for f in report.coverage.to_visit]
    return rows


def _neutrality(report) -> list[Row]:
    n = report.neutrality
    rows = [_head(_("Area"), _("Flag"))] + [_row(area, reason) for area, reason in n.balance]
    rows += [_row(), _head(_("Activity"), _("Sentence"), _("Flag"))]
    rows += [_row(*flag) for flag in n.wording]
    return rows


def _comparison(report) -> list[Row]:
    rows = [_head("", _("This week"), _("Week before"), _("Change"), _("Change (%)"))]
    rows += [_row(label, c.current, c.previous, c.change, c.change_percent) for label, c in report.totals]
    rows += [_row(), _head(_("Unit"), *report.score_headings)]
    rows += [_row(name, *(c.current for c in comparisons)) for name, comparisons in report.score_rows()]
    rows += [_row(), _head(_("Week before"), *report.score_headings)]
    rows += [_row(name, *(c.previous for c in comparisons)) for name, comparisons in report.score_rows()]
    return rows


def _book(report, sections: list[tuple[str, list[Row]]]) -> bytes:
    workbook = Workbook(write_only=True)
    for title, rows in sections:
        _write(workbook, title, rows)
    handle = io.BytesIO()
    workbook.save(handle)
    return handle.getvalue()


def daily_xlsx(report) -> bytes:
    return _book(report, _sections(report))


def weekly_xlsx(report) -> bytes:
    sections = _sections(report)
    return _book(report, [sections[0], (_("Comparison"), _comparison(report)), *sections[1:]])


def _sections(report) -> list[tuple[str, list[Row]]]:
    return [
        (_("Summary"), _summary(report)),
        (_("Temperature"), _temperature(report)),
        (_("Activities"), _activities(report)),
        (_("Incidents"), _incidents(report)),
        (_("Coverage"), _coverage(report)),
        (_("Neutrality"), _neutrality(report)),
    ]
