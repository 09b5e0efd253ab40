"""A new record's single audit entry records what django-auditlog's own CREATE entry records."""

import pytest
from auditlog.diff import model_instance_diff
from auditlog.models import LogEntry
from django.conf import settings

from sejuk.activities import services
from sejuk.core.audit import creation_changes
from sejuk.units.models import Unit
from tests.activities.helpers import make_figure, seed_visit

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("with_point", [False, True])
def test_the_creation_changes_equal_auditlogs_diff_of_the_new_record(cast, with_point):
    point = {"latitude": -6.3801, "longitude": 107.3312} if with_point else {}
    data = seed_visit(figure_ids=[make_figure().pk], partners=["tni"], attendance=12, **point)
    activity, _ = services.record_activity(cast["officer_a"], data, idempotency_key="diff")
    expected = model_instance_diff(None, activity, use_json_for_changes=settings.AUDITLOG_STORE_JSON_CHANGES)
    assert creation_changes(activity) == expected
    entry = LogEntry.objects.get_for_object(activity).get()
    stored = {k: v for k, v in entry.changes_dict.items() if k not in services.LINKS}
    assert stored == {k: list(v) for k, v in expected.items()}  # as stored: JSON lists


def test_a_model_auditlog_registers_with_excluded_fields_keeps_them_out(cast):
    user = cast["officer_a"]  # User is registered without password and last_login
    changes = creation_changes(user)
    assert "password" not in changes and "last_login" not in changes
    assert changes == model_instance_diff(None, user, use_json_for_changes=True)


def test_a_unit_diff_is_auditlogs_too(cast):
    unit = Unit.objects.get(code="polsek-klari")
    assert creation_changes(unit) == model_instance_diff(None, unit, use_json_for_changes=True)


def test_the_unsaved_creation_entry_is_filled_as_auditlogs_log_create_fills_it(cast):
    from auditlog.context import set_actor

    from sejuk.core.audit import creation_entry

    unit = Unit.objects.get(code="polsek-klari")
    with set_actor(cast["admin"], remote_addr="10.1.2.3"):
        ours = creation_entry(unit, {})
        theirs = LogEntry.objects.log_create(unit, action=LogEntry.Action.CREATE, changes=ours.changes)
    fields = [f.attname for f in LogEntry._meta.concrete_fields if f.name not in ("id", "timestamp")]
    assert {f: getattr(ours, f) for f in fields} == {f: getattr(theirs, f) for f in fields}
    assert ours.actor == cast["admin"] and ours.remote_addr == "10.1.2.3" and ours.pk is None
