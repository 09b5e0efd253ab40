"""Incremental updates (#4): a saved incident or an engaging activity re-scores today's snapshot of
the kecamatan it touches, after the transaction commits (so a rollback changes nothing).

Only a kecamatan that already has a snapshot for its local today is re-scored (one query finds
them); the others wait for the daily run. A failure is logged, not raised (`robust=True`): the
record the user saved is stored either way, and the next run repairs the temperature.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models.signals import m2m_changed, post_save
from django.utils import timezone

from sejuk.activities.coverage import ENGAGED_STATUSES
from sejuk.activities.models import Activity
from sejuk.figures.models import Figure
from sejuk.incidents.models import Incident

# An activity older than the engagement window (28 days by default) cannot cool today; a little
# margin keeps the check independent of the settings and of time zones.
ACTIVITY_HORIZON = dt.timedelta(days=60)
UID = "sejuk.heat"


def _rescore_later(codes_of) -> None:
    def run() -> None:
        from sejuk.heat.services import rescore_today

        rescore_today(codes_of())

    transaction.on_commit(run, robust=True)


def incident_saved(sender, instance: Incident, raw: bool = False, **kwargs) -> None:
    """Any change of an incident can move its kecamatan: verification, severity, resolution, a
    rejection or a merge (an unverified report shows as a zero-point part, so reports count too)."""
    if raw:
        return
    code = instance.kecamatan_code
    _rescore_later(lambda: [code])


def _figure_kecamatan(figure_ids) -> list[str]:
    figures = Figure.objects.filter(pk__in=figure_ids, merged_into__isnull=True)
    return list(figures.values_list("kecamatan_code", flat=True).distinct())


def _engages_now(activity: Activity) -> bool:
    recent = activity.occurred_at is not None and activity.occurred_at > timezone.now() - ACTIVITY_HORIZON
    return recent and activity.status in ENGAGED_STATUSES


def activity_saved(sender, instance: Activity, raw: bool = False, update_fields=None, **kwargs) -> None:
    """A submitted or verified activity cools the kecamatan of the figures it engaged (their own
    kecamatan, wherever the activity was held). Saves that leave the status alone are skipped."""
    if raw or (update_fields is not None and "status" not in update_fields) or not _engages_now(instance):
        return
    pk = instance.pk
    _rescore_later(
        lambda: _figure_kecamatan(Activity.figures.through.objects.filter(activity_id=pk).values("figure_id"))
    )


def activity_figures_changed(sender, instance, action: str, pk_set=None, **kwargs) -> None:
    """Figures added to or removed from an activity that already engages (a corrected return)."""
    if action not in ("post_add", "post_remove") or not isinstance(instance, Activity) or not pk_set:
        return
    if not _engages_now(instance):
        return
    ids = sorted(pk_set)
    _rescore_later(lambda: _figure_kecamatan(ids))


def connect() -> None:
    post_save.connect(incident_saved, sender=Incident, dispatch_uid=f"{UID}.incident")
    post_save.connect(activity_saved, sender=Activity, dispatch_uid=f"{UID}.activity")
    m2m_changed.connect(
        activity_figures_changed, sender=Activity.figures.through, dispatch_uid=f"{UID}.activity_figures"
    )
