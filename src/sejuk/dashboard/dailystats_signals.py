"""Keep `DailyAreaStats` and `FigureEngagement` current (#6): after commit, for what a change moved.

Each signal notes (kecamatan code, moment) pairs: the place and time of an activity or an incident
before and after the change, and the home kecamatan of each figure it engages; and, for the
engagement store, the figures created, newly engaged, or to recompute (engagement.Changes). The
notes of one transaction are gathered in one batch and applied once, after the commit (`on_commit`,
so a rollback changes nothing), with `robust=True`: a failure is logged, not raised, because the
record the user saved is stored either way and `sejuk aggregate` repairs the numbers. Writes that
bypass signals (`QuerySet.update`, bulk loads such as `sejuk generate_national`) need `sejuk aggregate`.

A draft costs nothing. Submitting an activity costs the refresh of its kecamatan's daily rows and
one upsert of its figures' engagement rows.
"""

from __future__ import annotations

import threading

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from sejuk.activities.coverage import ENGAGED_STATUSES
from sejuk.activities.models import Activity
from sejuk.dashboard import dailystats, engagement
from sejuk.figures.models import Figure
from sejuk.incidents.choices import CONFIRMED
from sejuk.incidents.models import Incident

UID = "sejuk.dashboard.dailystats"
_local = threading.local()


class _Batch:
    def __init__(self) -> None:
        self.pairs: set = set()
        self.changes = engagement.Changes()
        self.done = False

    def add(self, pairs: set, changes: engagement.Changes | None) -> None:
        self.pairs |= pairs
        if changes:
            self.changes.created.update(changes.created)
            for pk, (code, first, last) in changes.engaged.items():
                self.changes.engage(pk, code, first)
                self.changes.engage(pk, code, last)
            self.changes.recheck |= changes.recheck

    def run(self) -> None:
        self.done = True
        try:
            dailystats.refresh(self.pairs)
        finally:
            engagement.apply(self.changes)


def _note(pairs, changes: engagement.Changes | None = None) -> None:
    """Add pairs and engagement changes to the open transaction's batch (applied once, after commit)."""
    pairs = {(code, moment) for code, moment in pairs if code and moment is not None}
    if not pairs and not changes:
        return
    connection = transaction.get_connection()
    batch = getattr(_local, "batch", None)
    pending = batch is not None and not batch.done and connection.in_atomic_block
    if pending and any(batch.run in entry for entry in connection.run_on_commit):
        batch.add(pairs, changes)
        return
    batch = _local.batch = _Batch()
    batch.add(pairs, changes)  # before on_commit: outside a transaction it runs at once
    transaction.on_commit(batch.run, robust=True)


def _engaged(links, moment) -> engagement.Changes:
    """Figures (id, home region, merged into) newly engaged at `moment`; merged ones have no row."""
    changes = engagement.Changes()
    for pk, home, merged_into in links:
        if merged_into is None:
            changes.engage(pk, home, moment)
    return changes


def _recheck(figure_ids) -> engagement.Changes:
    return engagement.Changes(recheck=set(figure_ids))


def _activity_state(activity: Activity) -> tuple | None:
    if activity.status not in ENGAGED_STATUSES:
        return None
    return (activity.region_id[: dailystats.KECAMATAN_CODE_LENGTH], activity.occurred_at)


def activity_before(sender, instance: Activity, raw: bool = False, update_fields=None, **kwargs) -> None:
    instance._sejuk_stats_before = None
    watched = {"status", "region", "occurred_at"}
    if raw or not instance.pk or (update_fields is not None and not watched & set(update_fields)):
        return
    old = Activity.objects.filter(pk=instance.pk).only("status", "region_id", "occurred_at").first()
    instance._sejuk_stats_before = _activity_state(old) if old else None


def activity_saved(sender, instance: Activity, raw: bool = False, update_fields=None, **kwargs) -> None:
    if raw or (update_fields is not None and not {"status", "region", "occurred_at"} & set(update_fields)):
        return
    before, after = getattr(instance, "_sejuk_stats_before", None), _activity_state(instance)
    if before == after:
        return
    states = [s for s in (before, after) if s]
    links = Activity.figures.through.objects.filter(activity_id=instance.pk)
    figures = list(links.values_list("figure_id", "figure__home_region_id", "figure__merged_into_id"))
    homes = {home[: dailystats.KECAMATAN_CODE_LENGTH] for _pk, home, _merged in figures}
    # Newly engaging: the figures' moments only move outwards; otherwise they are recomputed.
    changes = _engaged(figures, after[1]) if before is None else _recheck(pk for pk, *_rest in figures)
    _note(states + [(home, moment) for home in homes for _code, moment in states], changes)


def activity_deleted(sender, instance: Activity, **kwargs) -> None:
    state = _activity_state(instance)
    if state:
        links = dailystats.engagement_links(activity_ids=[instance.pk])
        _note([state, *((code, moment) for _pk, code, moment in links)], _recheck(pk for pk, *_ in links))


def figures_changed(sender, instance, action: str, reverse: bool, pk_set=None, **kwargs) -> None:
    """Figures added to or removed from an activity (or activities from a figure)."""
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    if action == "pre_clear":
        ids = {"figure_ids": [instance.pk]} if reverse else {"activity_ids": [instance.pk]}
        links = dailystats.engagement_links(**ids)
        _note({(code, moment) for _pk, code, moment in links}, _recheck(pk for pk, *_ in links))
    elif reverse:  # instance is a Figure, pk_set activity ids
        activities = Activity.objects.filter(pk__in=pk_set or (), status__in=ENGAGED_STATUSES)
        moments = set(activities.values_list("occurred_at", flat=True))
        changes = _recheck([instance.pk]) if action == "post_remove" else engagement.Changes()
        if action == "post_add" and not instance.merged_into_id:
            for moment in moments:
                changes.engage(instance.pk, instance.home_region_id, moment)
        _note({(instance.kecamatan_code, moment) for moment in moments}, changes)
    elif instance.status in ENGAGED_STATUSES:
        figures = Figure.objects.filter(pk__in=pk_set or ())
        links = list(figures.values_list("pk", "home_region_id", "merged_into_id"))
        changes = _engaged(links, instance.occurred_at) if action == "post_add" else _recheck(pk_set or ())
        length = dailystats.KECAMATAN_CODE_LENGTH
        _note({(home[:length], instance.occurred_at) for _pk, home, _merged in links}, changes)


def figure_before(sender, instance: Figure, raw: bool = False, **kwargs) -> None:
    instance._sejuk_stats_before = None
    if not raw and instance.pk:
        instance._sejuk_stats_before = (
            Figure.objects.filter(pk=instance.pk).values_list("home_region_id", "merged_into_id").first()
        )


def figure_saved(sender, instance: Figure, raw: bool = False, created: bool = False, **kwargs) -> None:
    """A new figure gets its engagement row; one that moved home or was merged away changes the
    counts of every day it was engaged, and its row (after commit)."""
    before = getattr(instance, "_sejuk_stats_before", None)
    if raw:
        return
    if created and not instance.merged_into_id:
        # At once, in the figure's own transaction: a figure never exists without its row.
        engagement.apply(engagement.Changes(created={instance.pk: instance.home_region_id}))
    if created or before is None or before == (instance.home_region_id, instance.merged_into_id):
        return
    activities = Activity.objects.filter(figures=instance.pk, status__in=ENGAGED_STATUSES)
    moments = set(activities.values_list("occurred_at", flat=True))
    codes = {before[0][: dailystats.KECAMATAN_CODE_LENGTH], instance.kecamatan_code}
    _note({(code, moment) for code in codes for moment in moments}, _recheck([instance.pk]))


def _incident_state(incident: Incident | None) -> tuple | None:
    if incident is None or incident.status not in CONFIRMED or incident.merged_into_id:
        return None
    return (incident.kecamatan_code, incident.occurred_at)


def incident_before(sender, instance: Incident, raw: bool = False, **kwargs) -> None:
    instance._sejuk_stats_before = None
    if not raw and instance.pk:
        old = Incident.objects.filter(pk=instance.pk).only(
            "status", "kecamatan_code", "occurred_at", "merged_into_id"
        )
        instance._sejuk_stats_before = _incident_state(old.first())


def incident_saved(sender, instance: Incident, raw: bool = False, **kwargs) -> None:
    before, after = getattr(instance, "_sejuk_stats_before", None), _incident_state(instance)
    if not raw and before != after:
        _note([s for s in (before, after) if s])


def incident_deleted(sender, instance: Incident, **kwargs) -> None:
    state = _incident_state(instance)
    if state:
        _note([state])


def connect() -> None:
    pre_save.connect(activity_before, sender=Activity, dispatch_uid=f"{UID}.activity_before")
    post_save.connect(activity_saved, sender=Activity, dispatch_uid=f"{UID}.activity")
    pre_delete.connect(activity_deleted, sender=Activity, dispatch_uid=f"{UID}.activity_deleted")
    m2m_changed.connect(figures_changed, sender=Activity.figures.through, dispatch_uid=f"{UID}.figures")
    pre_save.connect(figure_before, sender=Figure, dispatch_uid=f"{UID}.figure_before")
    post_save.connect(figure_saved, sender=Figure, dispatch_uid=f"{UID}.figure")
    pre_save.connect(incident_before, sender=Incident, dispatch_uid=f"{UID}.incident_before")
    post_save.connect(incident_saved, sender=Incident, dispatch_uid=f"{UID}.incident")
    post_delete.connect(incident_deleted, sender=Incident, dispatch_uid=f"{UID}.incident_deleted")
