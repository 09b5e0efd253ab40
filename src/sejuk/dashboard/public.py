"""The public page (#6): the programme happens, shown without personal data.

Anonymous visitors have no jurisdiction, so this module does not go through `restrict`; instead it
reads only what is public by decision: published press releases (already checked for contact
details, alignment and unconsented names when published), counts of *verified* activities per
kabupaten/kota, and the temperature bands of the areas an administrator chose to publish
(PublicationSetting). No names, no places below the kabupaten, no record links.

Small counts identify people (one visit in a kabupaten this month points at one figure and one
officer), so every count from 1 to SMALL_COUNT - 1 is shown as "< 5", and no total is printed from
which a suppressed count could be worked back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Max, Q
from django.db.models.functions import Substr
from django.utils import timezone

from sejuk.activities.choices import Status
from sejuk.activities.models import Activity
from sejuk.dashboard.models import PublicationSetting
from sejuk.heat.models import HeatRollup, HeatSnapshot, RollupKind
from sejuk.heat.reports import band_label
from sejuk.press.models import PressRelease
from sejuk.regions.models import Region

SMALL_COUNT = 5
RECENT_DAYS = 30
RELEASE_LIMIT = 10
ROLLUP_OF_LEVEL = {1: RollupKind.PROVINCE, 2: RollupKind.KABUPATEN}


def shown(count: int) -> str:
    """A count as the public sees it: "< 5" for 1 to 4."""
    return f"< {SMALL_COUNT}" if 0 < count < SMALL_COUNT else str(count)


@dataclass(frozen=True)
class KabupatenRow:
    code: str
    name: str
    recent: str
    total: str


@dataclass(frozen=True)
class BandRow:
    label: str
    band: str
    band_label: str
    day: dt.date


def latest_releases(limit: int = RELEASE_LIMIT) -> list[PressRelease]:
    return list(
        PressRelease.objects.published().select_related("unit").order_by("-published_at", "-pk")[:limit]
    )


def activities_per_kabupaten(on: dt.date) -> list[KabupatenRow]:
    """Verified activities per kabupaten/kota: the last 30 days and all so far, small counts hidden."""
    end = dt.datetime.combine(on + dt.timedelta(days=1), dt.time.min, tzinfo=timezone.get_default_timezone())
    rows = (
        Activity.objects.filter(status=Status.VERIFIED, occurred_at__lt=end, region__code__contains=".")
        .annotate(key=Substr("region_id", 1, 5))
        .values("key")
        .annotate(
            total=Count("pk"),
            recent=Count("pk", filter=Q(occurred_at__gte=end - dt.timedelta(days=RECENT_DAYS))),
        )
        .order_by()
    )
    rows = list(rows)
    names = {r.code: r.label for r in Region.objects.filter(code__in=[r["key"] for r in rows])}
    found = [
        KabupatenRow(r["key"], names.get(r["key"], r["key"]), shown(r["recent"]), shown(r["total"]))
        for r in rows
    ]
    return sorted(found, key=lambda row: row.name)


def _settings() -> list[PublicationSetting]:
    return list(PublicationSetting.objects.filter(publish_bands=True).select_related("unit", "region"))


def published_bands(on: dt.date) -> list[BandRow]:
    """The band of each published area on the latest computed day up to `on`."""
    chosen = _settings()
    day = HeatSnapshot.objects.filter(day__lte=on).aggregate(day=Max("day"))["day"]
    if day is None or not chosen:
        return []
    wanted, kecamatan = Q(pk__in=[]), []
    for setting in chosen:
        if setting.unit_id:
            wanted |= Q(kind=RollupKind.UNIT, code=setting.unit.code)
        elif setting.region.level in ROLLUP_OF_LEVEL:
            wanted |= Q(kind=ROLLUP_OF_LEVEL[setting.region.level], code=setting.region_id)
        else:
            kecamatan.append(setting.region_id)
    bands = {(r.kind, r.code): r.band for r in HeatRollup.objects.filter(wanted, day=day)}
    if kecamatan:
        snapshots = HeatSnapshot.objects.filter(day=day, region_id__in=kecamatan).values_list(
            "region_id", "band"
        )
        bands.update({("kecamatan", code): band for code, band in snapshots})
    found = []
    for setting in chosen:
        if setting.unit_id:
            key, label = (RollupKind.UNIT, setting.unit.code), setting.unit.display_name
        else:
            kind = ROLLUP_OF_LEVEL.get(setting.region.level, "kecamatan")
            key, label = (kind, setting.region_id), setting.region.label
        if key in bands:
            found.append(BandRow(label, bands[key], band_label(bands[key]), day))
    return sorted(found, key=lambda row: row.label)


@dataclass(frozen=True)
class PublicPage:
    on: dt.date
    releases: list[PressRelease]
    kabupaten: list[KabupatenRow]
    bands: list[BandRow]


def public_page(on: dt.date | None = None) -> PublicPage:
    on = on or timezone.localdate()
    return PublicPage(on, latest_releases(), activities_per_kabupaten(on), published_bands(on))
