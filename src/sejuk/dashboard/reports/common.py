"""What every report shares: the unit asked for and its area, the header, labels in the reader's language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from babel.dates import format_date
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from sejuk.activities.coverage import Scope, resolve_scope
from sejuk.activities.vocabulary import ACTIVITY_TYPES, SITUATIONS
from sejuk.heat.config import BAND_LABELS, BANDS, SEVERITY_LABELS
from sejuk.heat.reports import english
from sejuk.regions.models import Region
from sejuk.units.choices import UnitKind
from sejuk.units.models import Unit

__all__ = ["BANDS", "Header", "WrongLevel", "english", "header", "report_scope"]


class WrongLevel(Exception):
    """The report does not exist for this kind of unit (a weekly summary for a Polsek)."""


def language() -> str:
    return "en" if english() else "id"


def long_date(day: dt.date) -> str:
    """ "Kamis, 28 November 2024" (or "Thursday, 28 November 2024"), Babel's CLDR names."""
    return format_date(day, "EEEE, d MMMM y", locale=language())


def short_date(day: dt.date) -> str:
    return f"{day:%d/%m/%Y}"


def _labels(terms) -> dict[str, str]:
    return {t.code: t.label_en if english() else t.label_id for t in terms}


def type_labels() -> dict[str, str]:
    return _labels(ACTIVITY_TYPES)


def situation_labels() -> dict[str, str]:
    return _labels(SITUATIONS)


def band_labels() -> dict[str, str]:
    return {band: BAND_LABELS[band][1 if english() else 0] for band in BANDS}


def severity_labels() -> dict[str, str]:
    return {code: pair[1 if english() else 0] for code, pair in SEVERITY_LABELS.items()}


def unit_written(unit: Unit) -> str:
    """ "Polda Jabar" (the short name, as the force writes it), "Polres Karawang", "Mabes Polri"."""
    if unit.kind == UnitKind.POLDA and unit.short_name:
        return f"Polda {unit.short_name}"
    return unit.display_name


@dataclass(frozen=True)
class Header:
    title: str
    unit: Unit
    unit_name: str  # "Polsek Klari"
    chain: str  # "Polsek Klari · Polres Karawang · Polda Jabar"
    area: str  # "Klari (32.15.05)"
    day: dt.date
    date_text: str  # "Kamis, 28 November 2024"
    period_text: str  # "22/11/2024 – 28/11/2024" for the weekly summary, "" otherwise
    zone: str  # "WIB": the zone the report's days are counted in
    generated: str  # "27/11/2026 19:05"
    language: str


def report_scope(user, unit_code: str, day: dt.date) -> Scope:
    """The unit's area inside the user's jurisdiction on `day`; 404 for a unit the user may not see."""
    try:
        scope = resolve_scope(user, unit_code=unit_code, on=day)
    except ValidationError as error:
        # The same answer for an unknown unit and one outside the jurisdiction: nothing leaks.
        raise Http404(" ".join(error.messages)) from error
    if scope.unit is None:
        raise Http404(_("Choose a unit."))
    return scope


def _area_text(scope: Scope) -> str:
    if scope.prefixes is None:
        return "Indonesia"
    regions = Region.objects.filter(code__in=scope.prefixes).order_by("code")
    return "; ".join(f"{r.label} ({r.code})" for r in regions) or "—"


def header(scope: Scope, title: str, first: dt.date | None = None) -> Header:
    unit = scope.unit
    chain = " · ".join(unit_written(u) for u in unit.chain()) or unit_written(unit)
    period = f"{short_date(first)} – {short_date(scope.on)}" if first else ""
    now = timezone.localtime(timezone.now(), scope.tz)
    return Header(
        title=title,
        unit=unit,
        unit_name=unit_written(unit),
        chain=chain,
        area=_area_text(scope),
        day=scope.on,
        date_text=long_date(scope.on),
        period_text=period,
        zone=now.tzname() or "",
        generated=f"{now:%d/%m/%Y %H:%M} {now.tzname() or ''}".strip(),
        language=language(),
    )
