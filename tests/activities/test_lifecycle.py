from datetime import UTC, datetime

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from sejuk.activities import services
from sejuk.activities.models import Activity
from tests.activities.helpers import make_figure, seed_visit

pytestmark = pytest.mark.django_db


def test_a_field_officer_records_the_seed_visit_as_a_draft_in_utc(cast):
    figure = make_figure()
    activity, created = services.record_activity(cast["officer_a"], seed_visit(figure_ids=[figure.pk]))
    assert created and activity.status == "draft"
    activity.refresh_from_db()
    assert activity.occurred_at == datetime(2024, 11, 28, 3, 0, tzinfo=UTC)  # 10:00 WIB
    assert [o.nrp for o in activity.officers.all()] == ["70000003"]  # defaults to the caller's officer
    assert activity.unit.code == "polsek-klari"
    assert list(activity.figures.all()) == [figure]


def test_local_time_follows_the_zone_of_the_place_not_the_server(cast):
    from sejuk.units.models import Unit

    bali = Unit.objects.create(
        code="polres-badung-t", kind="polres", name="Badung", parent=Unit.objects.get(code="polda-jabar")
    )
    bali.unit_areas.create(region_id="51.03")
    from sejuk.accounts.models import User

    national = User.objects.create(username="national_admin", is_superuser=True)
    data = seed_visit(region_code="51.03.01", unit_code=bali.code, officer_ids=[cast["officer_a"].officer_id])
    activity, _ = services.record_activity(national, data)
    activity.refresh_from_db()
    assert activity.occurred_at == datetime(2024, 11, 28, 2, 0, tzinfo=UTC)  # 10:00 WITA


def test_the_same_idempotency_key_returns_the_stored_record(cast):
    first, created = services.record_activity(cast["officer_a"], seed_visit(), idempotency_key="k-1")
    again, created_again = services.record_activity(cast["officer_a"], seed_visit(), idempotency_key="k-1")
    assert created and not created_again and first.pk == again.pk
    assert Activity.objects.filter(idempotency_key="k-1").count() == 1


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"region_code": "32.15.13"}, "region_code", "outside"),
        ({"region_code": "99.99"}, "region_code", "Unknown region"),
        ({"region_code": "32.15"}, "region_code", "kecamatan"),
        ({"activity_type": "pesta"}, "activity_type", "Unknown activity type"),
        ({"theme_codes": ["jaga_kamtibmas", "menang_pilkada"]}, "theme_codes", "menang_pilkada"),
        ({"partners": ["alien"]}, "partners", "alien"),
        ({"situation": "genting"}, "situation", "aman"),
        ({"attendance": -3}, "attendance", "between"),
        ({"officer_ids": [999999]}, "officer_ids", "unknown"),
        ({"figure_ids": [999999]}, "figure_ids", "unknown"),
    ],
)
def test_invalid_input_is_refused_with_a_message_per_field_and_nothing_is_stored(
    cast, settings, overrides, field, words
):
    settings.LANGUAGE_CODE = "en"
    before = Activity.objects.count()
    with pytest.raises(ValidationError) as error:
        services.record_activity(cast["officer_a"], seed_visit(**overrides))
    assert field in error.value.message_dict
    assert words in " ".join(error.value.message_dict[field])
    assert Activity.objects.count() == before


def test_a_future_date_is_refused(cast):
    from datetime import timedelta

    with pytest.raises(ValidationError) as error:
        services.record_activity(
            cast["officer_a"], seed_visit(occurred_at=datetime.now() + timedelta(days=2))
        )
    assert "occurred_at" in error.value.message_dict


def test_errors_speak_indonesian_by_default(cast):
    from django.utils import translation

    with translation.override("id"), pytest.raises(ValidationError) as error:
        services.record_activity(cast["officer_a"], seed_visit(region_code="32.15.13"))
    assert "di luar wilayah hukum Anda" in " ".join(error.value.message_dict["region_code"])


def test_the_full_lifecycle_draft_submitted_returned_corrected_verified(cast):
    activity, _ = services.record_activity(cast["officer_a"], seed_visit())
    services.submit_activity(cast["officer_a"], activity)
    services.return_activity(cast["kapolsek_a"], activity, "Lengkapi nama tokoh.")
    assert activity.status == "returned" and activity.return_note == "Lengkapi nama tokoh."
    figure = make_figure()
    services.update_activity(cast["officer_a"], activity, seed_visit(figure_ids=[figure.pk]))
    services.submit_activity(cast["officer_a"], activity)
    services.verify_activity(cast["kapolsek_a"], activity)
    activity.refresh_from_db()
    assert activity.status == "verified" and activity.verified_by == cast["kapolsek_a"]
    statuses = [
        e.changes_dict.get("status") for e in LogEntry.objects.get_for_object(activity).order_by("pk")
    ]
    assert ["submitted", "returned"] in statuses and ["submitted", "verified"] in statuses


@pytest.mark.parametrize(
    ("steps", "forbidden"),
    [
        ([], "verify"),  # a draft cannot be verified
        ([], "return"),
        (["submit"], "submit"),
        (["submit"], "update"),
        (["submit", "verify"], "update"),
        (["submit", "verify"], "return"),
        (["submit", "verify"], "submit"),
    ],
)
def test_forbidden_transitions_are_refused(cast, steps, forbidden):
    officer, commander = cast["officer_a"], cast["kapolsek_a"]
    activity, _ = services.record_activity(officer, seed_visit())
    actions = {
        "submit": lambda: services.submit_activity(officer, activity),
        "verify": lambda: services.verify_activity(commander, activity),
        "return": lambda: services.return_activity(commander, activity, "x"),
        "update": lambda: services.update_activity(officer, activity, seed_visit()),
    }
    for step in steps:
        actions[step]()
    status = activity.status
    with pytest.raises(ValidationError):
        actions[forbidden]()
    activity.refresh_from_db()
    assert activity.status == status


def test_a_field_officer_cannot_verify_and_nobody_acts_outside_their_area(cast):
    activity, _ = services.record_activity(cast["officer_a"], seed_visit())
    services.submit_activity(cast["officer_a"], activity)
    with pytest.raises(PermissionDenied):
        services.verify_activity(cast["officer_a"], activity)
    with pytest.raises(PermissionDenied):
        services.verify_activity(cast["officer_b"], activity)
    with pytest.raises(PermissionDenied):
        services.record_activity(cast["analyst"], seed_visit())


def test_returning_without_a_note_is_refused(cast):
    activity, _ = services.record_activity(cast["officer_a"], seed_visit())
    services.submit_activity(cast["officer_a"], activity)
    with pytest.raises(ValidationError):
        services.return_activity(cast["kapolsek_a"], activity, "   ")


def test_a_retired_region_code_is_refused_for_activities_as_for_incidents(cast):
    from sejuk.incidents import services as incident_services
    from sejuk.regions.models import Region
    from tests.incidents.helpers import clash

    Region.objects.filter(code="32.15.05.2001").update(retired=True)  # split or renamed by Kemendagri
    with pytest.raises(ValidationError) as activity_error:
        services.record_activity(cast["officer_a"], seed_visit(region_code="32.15.05.2001"))
    with pytest.raises(ValidationError) as incident_error:
        incident_services.report_incident(cast["officer_a"], clash(region_code="32.15.05.2001"))
    expected = ["Kode wilayah tidak dikenal: '32.15.05.2001'."]
    assert (
        activity_error.value.message_dict["region_code"]
        == incident_error.value.message_dict["region_code"]
        == expected
    )
