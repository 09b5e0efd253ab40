"""The daily situation report (laporan situasi harian) of one unit for one local day (#6).

Everything is read through the one door for the unit's area inside the reader's jurisdiction:
the header (unit chain, area, "Kamis, 28 November 2024"), the temperature (kecamatan per band, the
hottest with their main reason, the unit's line over 28 days), the day's activities (by type,
figures reached, the list), incidents (new by severity, open, resolved, the list), engagement
coverage, and neutrality flags. The same content feeds the PDF and the XLSX.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from sejuk.dashboard.reports import common, sections
from sejuk.units.choices import UnitLevel

# Whom-to-visit lists are for units that send officers out; a Polda's list would be its whole area.
TO_VISIT_LEVELS = (UnitLevel.POLSEK, UnitLevel.POLRES)


@dataclass
class DailyReport:
    header: common.Header
    temperature: sections.Temperature
    activities: sections.Activities
    incidents: sections.Incidents
    coverage: sections.Coverage
    neutrality: sections.Neutrality

    @property
    def filename_stem(self) -> str:
        return f"laporan-harian-{self.header.unit.code}-{self.header.day:%Y-%m-%d}"


def daily_report(user, unit_code: str, day: dt.date, list_limit: int = sections.LIST_LIMIT) -> DailyReport:
    """The report, or Http404 when the unit is unknown or outside the user's jurisdiction.
    `list_limit`: how many activities and incidents to list (the PDF shows `sections.PDF_LINES`)."""
    scope = common.report_scope(user, unit_code, day)
    return DailyReport(
        header=common.header(scope, _("Daily situation report")),
        temperature=sections.temperature(user, scope),
        activities=sections.activities(scope, days=1, list_limit=list_limit),
        incidents=sections.incidents(user, scope, days=1, list_limit=list_limit),
        coverage=sections.coverage(scope, with_list=scope.unit.level in TO_VISIT_LEVELS),
        neutrality=sections.neutrality(user, scope, wording_days=1),
    )
