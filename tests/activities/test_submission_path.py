"""The API submission path (#3 bench): few queries, one audit entry, answers equal to the stored record."""

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sejuk.accounts.tokens import issue_token
from sejuk.activities import services
from sejuk.activities.models import Activity, AppealTheme
from sejuk.core.process_cache import clear_all
from sejuk.units.models import Officer
from tests.activities.helpers import make_figure, seed_visit
from tests.cast import PASSWORD

pytestmark = pytest.mark.django_db

THEMES = ["jaga_kamtibmas", "patuhi_hukum", "hindari_provokasi", "netralitas_polri"]


def body(figures) -> dict:
    return {
        "activity_type": "sambang",
        "region_code": "32.15.05.2001",
        "occurred_at": "2024-11-28T10:00:00",
        "figure_ids": [f.pk for f in figures],
        "theme_codes": THEMES,
        "partners": ["tni", "kepala_desa"],
        "attendance": 25,
        "narrative": "Sambang tokoh pasca Pilkada.",
        "latitude": -6.3801,
        "longitude": 107.3312,
    }


def post(client, payload, key, token):
    return client.post(
        "/api/v1/activities",
        payload,
        content_type="application/json",
        headers={"Idempotency-Key": key, "Authorization": f"Bearer {token}"},
    )


@pytest.fixture
def token(cast):
    return issue_token("officer_a", PASSWORD)[1]


@pytest.fixture
def figures():
    return [make_figure("Arif Kuspriyadi"), make_figure("Maman Abdurrahman", kind="tokoh_agama")]


def test_a_submission_takes_a_fixed_number_of_queries(client, token, figures):
    post(client, body(figures), "warm", token)  # writes the token's last use
    clear_all()
    counts = []
    for key in ("cold", "warm-again"):
        with CaptureQueriesContext(connection) as queries:
            response = post(client, body(figures), key, token)
        assert response.status_code == 201
        counts.append([q["sql"][:120] for q in queries.captured_queries])
    # token (with unit and area); region; officers, figures, themes; GPS reference points; then
    # the record, its links and its audit entry. PostgreSQL: officers, figures and themes in one
    # statement (core/compiled.run_many), the writes in one statement, in a savepoint because the
    # test runs in a transaction (served in autocommit there is none): 3 + 3 + 3.
    # SQLite: 3 reads apart; savepoint, the record, three link tables, one audit entry, release.
    reads, write = (1, 3) if connection.vendor == "postgresql" else (3, 7)
    assert len(counts[0]) == 3 + reads + write, "\n".join(counts[0])
    # The region and the kecamatan's reference point are kept by the process (core/process_cache).
    assert len(counts[1]) == 1 + reads + write, "\n".join(counts[1])


def test_the_answer_equals_the_stored_record_its_retry_and_its_detail(client, token, figures):
    created = post(client, body(figures), "same", token)
    retried = post(client, body(figures), "same", token)
    detail = client.get(
        f"/api/v1/activities/{created.json()['id']}", headers={"Authorization": f"Bearer {token}"}
    )
    assert (created.status_code, retried.status_code, detail.status_code) == (201, 200, 200)
    assert created.json() == retried.json() == detail.json()
    assert [f["name"] for f in created.json()["figures"]] == ["Arif Kuspriyadi", "Maman Abdurrahman"]
    assert Activity.objects.filter(idempotency_key="same").count() == 1


def test_one_audit_entry_holds_the_record_its_links_and_its_author(client, cast, token, figures):
    activity_id = post(client, body(figures), "audited", token).json()["id"]
    activity = Activity.objects.get(pk=activity_id)
    (entry,) = LogEntry.objects.get_for_object(activity)
    assert entry.action == LogEntry.Action.CREATE and entry.actor == cast["officer_a"]
    changes = entry.changes_dict
    assert changes["status"] == [None, "draft"] and changes["narrative"] == [
        None,
        "Sambang tokoh pasca Pilkada.",
    ]
    labels = [t.label_id for t in AppealTheme.objects.filter(code__in=THEMES)]
    assert changes["themes"] == {"type": "m2m", "operation": "add", "objects": labels}
    assert changes["figures"]["objects"] == [f.formal_name for f in figures]
    assert changes["officers"]["objects"] == [str(Officer.objects.get(nrp="70000003"))]


def test_the_links_are_stored_as_validated(cast, figures):
    activity, _ = services.record_activity(cast["officer_a"], seed_visit(figure_ids=[f.pk for f in figures]))
    stored = Activity.objects.get(pk=activity.pk)
    assert list(stored.figures.all()) == figures
    assert [o.nrp for o in stored.officers.all()] == ["70000003"]
    assert sorted(t.code for t in stored.themes.all()) == sorted(THEMES)
    assert activity.written_links["figures"] == figures


def test_a_retry_whose_input_no_longer_validates_still_gets_the_stored_record(cast):
    first, _ = services.record_activity(cast["officer_a"], seed_visit(), idempotency_key="late-retry")
    AppealTheme.objects.filter(code="patuhi_hukum").update(active=False)  # withdrawn since
    again, created = services.record_activity(cast["officer_a"], seed_visit(), idempotency_key="late-retry")
    assert not created and again.pk == first.pk
    with pytest.raises(services.ValidationError):  # without the key it is refused as before
        services.record_activity(cast["officer_a"], seed_visit())


def test_a_repeated_key_writes_no_second_audit_entry_nor_links(cast):
    first, _ = services.record_activity(cast["officer_a"], seed_visit(), idempotency_key="twice")
    services.record_activity(cast["officer_a"], seed_visit(), idempotency_key="twice")
    assert LogEntry.objects.get_for_object(first).count() == 1
    assert Activity.themes.through.objects.filter(activity_id=first.pk).count() == len(THEMES)
