"""The demo's temperature history (#4): every kecamatan of Karawang (32.15) and Purwakarta (32.14),
day by day from 1 Nov 2024 to 28 Feb 2025, computed by the same service as the daily run: the
weeks before the vote, the count, the MK dispute over Karawang's race (filed 9 Dec, dismissed
4 Feb) and the end of the MK phase (24 Feb).

Run after the demo's incidents and elections (it reads them). Idempotent: a second run re-computes
the same values in place. The demo commanders get the in-app notifications a live run would have
given them (no e-mail: these are past days).
"""

from __future__ import annotations

import datetime as dt

from sejuk.heat.services import DayResult, recompute_day
from sejuk.regions.choices import Level
from sejuk.regions.models import Region

DEMO_KABUPATEN = ("32.15", "32.14")
FIRST_DAY, LAST_DAY = dt.date(2024, 11, 1), dt.date(2025, 2, 28)


def demo_kecamatan() -> list[str]:
    codes = []
    for prefix in DEMO_KABUPATEN:
        regions = Region.objects.filter(level=Level.KECAMATAN, retired=False, code__startswith=prefix + ".")
        codes.extend(regions.values_list("code", flat=True))
    return sorted(codes)


def load_demo_heat(first: dt.date = FIRST_DAY, last: dt.date = LAST_DAY) -> list[DayResult]:
    """Compute the history; returns one result per day (empty without the demo's regions)."""
    codes = demo_kecamatan()
    if not codes:
        return []
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    return [recompute_day(day, codes=codes, notify=True, email=False) for day in days]
