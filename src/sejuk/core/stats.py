"""Counts an operator uses to check an installation (`sejuk stats --json`)."""

from __future__ import annotations

from django.apps import apps
from django.db.models import Count

from sejuk.regions.choices import Level
from sejuk.regions.models import Region, RegionDataset

# Later apps register their record kinds here: (label in the output, "app_label.Model").
RECORD_KINDS: list[tuple[str, str]] = [
    ("units", "units.Unit"),
    ("officers", "units.Officer"),
    ("users", "accounts.User"),
]


def register_record_kind(label: str, model_label: str) -> None:
    if (label, model_label) not in RECORD_KINDS:
        RECORD_KINDS.append((label, model_label))


def collect_stats() -> dict:
    by_level = dict(
        Region.objects.filter(retired=False).values_list("level").annotate(n=Count("code")).order_by("level")
    )
    regions = {
        label.name.lower(): by_level.get(level, 0) for level, label in zip(Level.values, Level, strict=True)
    }
    records = {label: apps.get_model(model_label).objects.count() for label, model_label in RECORD_KINDS}
    dataset = RegionDataset.objects.first()
    return {
        "regions": regions,
        "region_dataset": f"{dataset.package} {dataset.version}" if dataset else None,
        "records": records,
    }
