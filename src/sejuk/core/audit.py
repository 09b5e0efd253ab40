"""The audit trail (django-auditlog): reads of personal data, and new records written in one entry."""

from collections.abc import Iterable
from functools import cache

from auditlog.cid import get_cid
from auditlog.diff import get_field_value, is_primitive, model_instance_diff, track_field
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from auditlog.signals import accessed
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import pre_save
from django.utils.encoding import smart_str


def log_personal_access(instances: Iterable) -> None:
    """One ACCESS entry per record whose personal data was shown (actor from the request)."""
    for instance in instances:
        accessed.send(sender=type(instance), instance=instance)


@cache
def _tracked_fields(model) -> tuple | None:
    """The fields auditlog diffs for `model`, or None where `creation_changes` must leave the work
    to auditlog (masked fields, or changes stored as text)."""
    options = auditlog.get_model_fields(model)
    if options["mask_fields"] or not settings.AUDITLOG_STORE_JSON_CHANGES:
        return None
    fields = [f for f in model._meta.get_fields() if track_field(f)]
    if options["include_fields"]:
        fields = [f for f in fields if f.name in options["include_fields"]]
    return tuple(f for f in fields if f.name not in options["exclude_fields"])


def creation_changes(instance) -> dict:
    """What auditlog's own CREATE entry records: every tracked field with a value, as (None, value).

    The same as `model_instance_diff(None, instance)` (a test holds them equal), without its second
    pass over the fields for the absent old instance and with the field list worked out once."""
    fields = _tracked_fields(type(instance))
    if fields is None:
        diff = model_instance_diff(None, instance, use_json_for_changes=settings.AUDITLOG_STORE_JSON_CHANGES)
        return dict(diff or {})
    changes = {}
    for field in fields:
        value = get_field_value(instance, field, use_json_for_changes=True)
        if value is not None:
            changes[field.name] = (None, value if is_primitive(value) else smart_str(value))
    return changes


def creation_entry(instance, links: dict[str, Iterable]) -> LogEntry:
    """The CREATE entry of a new record saved with auditlog disabled (`disable_auditlog()`) and its
    many-to-many links written in bulk, unsaved: the fields as auditlog's own CREATE entry has them,
    and each relation as auditlog's m2m "add" change, so the trail says in one row what auditlog
    says in one per relation (and without re-reading the linked rows).

    Filled as `LogEntry.objects.log_create()` fills it (a test holds them equal); author and address
    come from the request or `set_actor` through the `pre_save` signal, as when an entry is saved.
    For an `instance` not inserted yet the primary key is missing (`object_pk`, `object_id` and the
    "id" change): the caller's INSERT supplies it (activities/draft_statement.py)."""
    for relation in instance._meta.related_objects:
        if relation.one_to_one:  # nothing points at a row just inserted: spare the diff one read each
            relation.set_cached_value(instance, None)
    changes = creation_changes(instance)
    for name, objects in links.items():
        shown = [smart_str(o) for o in objects]
        if shown:
            changes[name] = {"type": "m2m", "operation": "add", "objects": shown}
    manager = LogEntry.objects
    pk = manager._get_pk_value(instance)
    entry = LogEntry(
        content_type=ContentType.objects.get_for_model(instance),
        object_pk=pk,
        object_id=pk if isinstance(pk, int) else None,
        object_repr=smart_str(instance),
        serialized_data=manager._get_serialized_data_or_none(instance),
        action=LogEntry.Action.CREATE,
        changes=changes,
        cid=get_cid(),
    )
    get_additional_data = getattr(instance, "get_additional_data", None)
    if callable(get_additional_data):
        entry.additional_data = get_additional_data()
    pre_save.send(sender=LogEntry, instance=entry, raw=False, using=manager.db, update_fields=None)
    return entry


def log_creation(instance, links: dict[str, Iterable]) -> LogEntry:
    """Save the one CREATE entry of a record just inserted (see `creation_entry`)."""
    entry = creation_entry(instance, links)
    entry.save()
    return entry
