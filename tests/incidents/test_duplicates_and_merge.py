from datetime import datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from sejuk.incidents import services
from sejuk.incidents.models import Incident
from tests.incidents.helpers import report, tip, visit

pytestmark = pytest.mark.django_db
BASE = datetime(2024, 11, 28, 20, 0)


def test_reports_of_the_same_type_in_the_same_kecamatan_within_48_hours_are_suggested(cast):
    officer = cast["officer_a"]
    incident = report(officer)
    same_desa = report(officer, region_code="32.15.05.2001", occurred_at=BASE + timedelta(hours=47))
    earlier = report(officer, occurred_at=BASE - timedelta(hours=30))
    report(officer, occurred_at=BASE + timedelta(hours=49))  # too late
    report(officer, incident_type="hoax")  # another type
    report(cast["officer_b"], region_code="32.15.13")  # another kecamatan
    rejected = report(officer, occurred_at=BASE + timedelta(hours=1))
    services.reject_incident(cast["kapolsek_a"], rejected, "Bukan kejadian.")
    assert services.suggest_duplicates(incident, officer) == [earlier, same_desa]


def test_suggestions_stay_inside_the_users_jurisdiction(cast):
    incident = report(cast["officer_a"])
    report(cast["officer_a"], occurred_at=BASE + timedelta(hours=2))
    assert services.suggest_duplicates(incident, cast["officer_b"]) == []
    assert len(services.suggest_duplicates(incident, cast["kapolres"])) == 1


def test_merging_keeps_the_duplicate_as_history_and_takes_the_higher_counts(cast):
    keep = report(cast["officer_a"], injured=1, actors="")
    services.verify_incident(cast["kapolsek_a"], keep)
    duplicate = tip(
        incident_type="supporter_clash",
        occurred_at=BASE + timedelta(hours=3),
        contact="0812-1111-2222",
    )
    Incident.objects.filter(pk=duplicate.pk).update(injured=4, buildings_damaged=2)
    duplicate.refresh_from_db()
    services.merge_incidents(cast["kapolsek_a"], keep, duplicate)
    keep.refresh_from_db()
    duplicate.refresh_from_db()
    assert duplicate.merged_into == keep and duplicate.tipster_contact == "0812-1111-2222"
    assert (keep.injured, keep.buildings_damaged, keep.status) == (4, 2, "verified")
    assert list(Incident.objects.current().filter(pk__in=[keep.pk, duplicate.pk])) == [keep]
    assert services.suggest_duplicates(duplicate, cast["kapolsek_a"]) == []


def test_merging_takes_the_higher_severity_and_the_duplicates_responses(cast):
    keep = report(cast["officer_a"], severity="potensi_gangguan")
    duplicate = report(cast["officer_a"], severity="gangguan_nyata", occurred_at=BASE + timedelta(hours=1))
    for incident in (keep, duplicate):
        services.verify_incident(cast["kapolsek_a"], incident)
    activity = visit(cast["officer_a"])
    services.link_response_activity(cast["officer_a"], duplicate, activity)
    services.merge_incidents(cast["kapolsek_a"], keep, duplicate)
    assert keep.severity == "gangguan_nyata" and list(keep.response_activities.all()) == [activity]


@pytest.mark.parametrize("case", ["self", "twice", "rejected_keep", "unverified_keep"])
def test_impossible_merges_are_refused(cast, case):
    kapolsek = cast["kapolsek_a"]
    keep = report(cast["officer_a"])
    duplicate = report(cast["officer_a"], occurred_at=BASE + timedelta(hours=1))
    if case == "self":
        duplicate = keep
    elif case == "twice":
        services.merge_incidents(kapolsek, keep, duplicate)
    elif case == "rejected_keep":
        services.reject_incident(kapolsek, keep, "Tidak terbukti.")
    else:
        services.verify_incident(kapolsek, duplicate)
    with pytest.raises(ValidationError):
        services.merge_incidents(kapolsek, keep, duplicate)


def test_only_verifiers_inside_the_area_merge(cast):
    keep = report(cast["officer_a"])
    duplicate = report(cast["officer_a"], occurred_at=BASE + timedelta(hours=1))
    for username in ("officer_a", "officer_b", "analyst"):
        with pytest.raises(PermissionDenied):
            services.merge_incidents(cast[username], keep, duplicate)
    assert Incident.objects.get(pk=duplicate.pk).merged_into is None


def test_a_merged_report_takes_no_further_step(cast):
    keep = report(cast["officer_a"])
    duplicate = report(cast["officer_a"], occurred_at=BASE + timedelta(hours=1))
    services.merge_incidents(cast["kapolsek_a"], keep, duplicate)
    with pytest.raises(ValidationError) as error:
        services.verify_incident(cast["kapolsek_a"], duplicate)
    assert keep.reference in " ".join(error.value.messages)
