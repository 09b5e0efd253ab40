"""What the review page shows of a resolution: each part, how sure, and why, in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from sejuk.press.importing.reasons import describe
from sejuk.press.importing.resolution import CERTAIN, MISSING, Match, Resolution

# The CSS status classes of the other pages: green, yellow, red.
STATUS_CLASS = {CERTAIN: "verified", "uncertain": "submitted", MISSING: "returned"}


@dataclass
class Row:
    part: str
    written: str
    status: str
    status_label: str
    css: str
    options: list[tuple[str, str]] = field(default_factory=list)  # (label, reason)
    note: str = ""


def _status_label(match: Match, *, figure: bool = False) -> str:
    if match.status == CERTAIN:
        return _("certain")
    if match.status == MISSING:
        return _("new: to confirm") if figure else _("not found")
    return _("to choose")


def _row(part: str, match: Match, *, figure: bool = False, note: str = "") -> Row:
    options = [(c.label, describe(c.reason, c.params)) for c in match.candidates]
    if match.reason:
        note = " ".join(filter(None, [describe(match.reason, match.params), note]))
    return Row(
        part=part,
        written=match.text,
        status=match.status,
        status_label=_status_label(match, figure=figure),
        css=STATUS_CLASS.get(match.status, ""),
        options=options,
        note=note,
    )


def rows(resolution: Resolution) -> list[Row]:
    result = [
        _row(_("Unit"), resolution.unit),
        _row(_("Place"), resolution.region),
        _row(_("Date of the activity"), resolution.day),
        _row(_("Type of activity"), resolution.activity_type),
    ]
    for match in resolution.officers:
        note = "" if match.acting else _("Quoted only: not counted as taking part.")
        result.append(_row(_("Officer"), match, note=note))
    for match in resolution.figures:
        result.append(_row(_("Figure"), match, figure=True))
    return result
