"""On PostgreSQL a new draft is one statement (activities/draft_statement.py): the same rows as the
plain path, and nothing at all when a part of it fails."""

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.db import IntegrityError, connection, transaction
from django.forms.models import model_to_dict

from sejuk.activities import draft_statement, services
from sejuk.activities.models import Activity
from tests.activities.helpers import make_figure, seed_visit

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="data-modifying CTEs: PostgreSQL only"),
]

# Differ between any two records by nature.
OWN = {"id", "idempotency_key", "created_at", "updated_at"}


def record(user, figures, key):
    data = seed_visit(
        region_code="32.15.05.2001",
        figure_ids=[f.pk for f in figures],
        partners=["tni", "kepala_desa"],
        attendance=25,
        latitude=-6.3801,
        longitude=107.3312,
    )
    activity, created = services.record_activity(user, data, idempotency_key=key)
    assert created
    return Activity.objects.get(pk=activity.pk)


def stored(activity) -> dict:
    row = {k: v for k, v in model_to_dict(activity).items() if k not in OWN}
    row["figures"] = sorted(f.pk for f in row["figures"])
    row["officers"] = sorted(o.pk for o in row["officers"])
    row["themes"] = sorted(t.pk for t in row["themes"])
    (entry,) = LogEntry.objects.get_for_object(activity)
    changes = {k: v for k, v in entry.changes_dict.items() if k not in OWN}
    fields = ("content_type_id", "object_repr", "action", "actor_id", "remote_addr", "serialized_data")
    return row | {"entry": {f: getattr(entry, f) for f in fields}, "changes": changes}


def test_the_statement_stores_what_the_plain_path_stores(cast, monkeypatch):
    figures = [make_figure("Arif Kuspriyadi"), make_figure("Maman Abdurrahman", kind="tokoh_agama")]
    with set_actor(cast["officer_a"], remote_addr="10.1.2.3"):
        by_statement = record(cast["officer_a"], figures, "statement")
        monkeypatch.setattr(draft_statement, "supported", lambda connection: False)
        by_plain_path = record(cast["officer_a"], figures, "plain")
    assert stored(by_statement) == stored(by_plain_path)
    assert len(stored(by_statement)["figures"]) == 2
    assert stored(by_statement)["entry"]["actor_id"] == cast["officer_a"].pk
    (entry,) = LogEntry.objects.get_for_object(by_statement)
    assert (entry.object_pk, entry.object_id) == (str(by_statement.pk), by_statement.pk)
    assert entry.changes_dict["id"] == [None, by_statement.pk]
    assert entry.changes_dict["idempotency_key"] == [None, "statement"]


def test_a_part_that_fails_stores_nothing_of_the_others(cast):
    gone = make_figure("Sudah Dihapus")
    data = seed_visit(figure_ids=[gone.pk])
    validated = services._Validator(cast["officer_a"], data).run()
    gone.delete()  # between validation and the write: the figure link breaks its foreign key
    activity = Activity(created_by=cast["officer_a"], source="api", idempotency_key="broken")
    services._fill(activity, validated, data)
    counts = (Activity.objects.count(), LogEntry.objects.count(), Activity.themes.through.objects.count())
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # else checked at the test's (never) commit
    with pytest.raises(IntegrityError), transaction.atomic():
        draft_statement.insert_draft(connection, activity, {n: validated[n] for n in services.LINKS})
    after = (Activity.objects.count(), LogEntry.objects.count(), Activity.themes.through.objects.count())
    assert after == counts
    assert not Activity.objects.filter(idempotency_key="broken").exists()
