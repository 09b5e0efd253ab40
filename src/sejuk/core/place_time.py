"""Where and when a record happened: the checks every record of the field shares (activities,
incidents), so both say the same thing about the same mistake.

Each check takes an `error(field_name, message)` callback, collects its problems there (the user
sees them all at once) and returns the value to store, or None.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from sejuk.regions.models import Region

# Phones may run a few minutes fast; anything later than this is a typing error.
FUTURE_TOLERANCE_SECONDS = 15 * 60
EARLIEST_YEAR = 2014

ErrorSink = Callable[[str, str], None]


def checked_place(region: Region | None, code: str, jurisdiction, error: ErrorSink) -> Region | None:
    """A current kecamatan or desa inside `jurisdiction` (None: no area limit, e.g. public tips)."""
    if region is None or region.retired:
        error("region_code", _("Unknown region code: '%(code)s'.") % {"code": code})
    elif region.level < 3:
        error("region_code", _("Choose a kecamatan or a desa / kelurahan, not a whole kabupaten."))
    elif jurisdiction is not None and not jurisdiction.covers_region(region.code):
        error("region_code", _("%(place)s is outside your jurisdiction.") % {"place": region.label})
    else:
        return region
    return None


def checked_moment(
    moment: datetime | None, region: Region | None, error: ErrorSink, *, future_message: str
) -> datetime | None:
    """An aware moment: a naive one is the place's local time (the server's when the place is
    unknown); not in the future beyond a phone's drift, not before EARLIEST_YEAR."""
    if moment is None:
        error("occurred_at", _("The date and time are required."))
        return None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, region.tzinfo if region else timezone.get_current_timezone())
    if (moment - timezone.now()).total_seconds() > FUTURE_TOLERANCE_SECONDS:
        error("occurred_at", future_message)
    elif moment.year < EARLIEST_YEAR:
        error("occurred_at", _("The date is too far in the past."))
    return moment
