from datetime import datetime

from sejuk.activities import services as activity_services
from sejuk.incidents import services
from sejuk.incidents.validation import IncidentInput
from tests.activities.helpers import seed_visit


def clash(**overrides) -> IncidentInput:
    """A clash between supporters in Klari the evening after the 27 Nov 2024 vote."""
    values = dict(
        incident_type="supporter_clash",
        severity="ambang_gangguan",
        region_code="32.15.05",
        occurred_at=datetime(2024, 11, 28, 20, 0),
        description="Saling ejek antarpendukung di lapangan desa.",
        actors="pemuda dua kampung",
        candidate_camps="Paslon 1; Paslon 2",
        injured=1,
    )
    values.update(overrides)
    return IncidentInput(**values)


def report(user, key=None, **overrides):
    incident, _ = services.report_incident(user, clash(**overrides), idempotency_key=key)
    return incident


def tip(contact="", key=None, **overrides):
    values = dict(
        incident_type="money_politics",
        region_code="32.15.05",
        occurred_at=datetime(2024, 11, 26, 22, 0),
        description="Ada pembagian amplop dari rumah ke rumah.",
    )
    values.update(overrides)
    incident, _ = services.submit_public_tip(IncidentInput(**values), contact=contact, idempotency_key=key)
    return incident


def visit(user, **overrides):
    """A cooling visit the day after the clash, usable as its response."""
    values = {"occurred_at": datetime(2024, 11, 29, 10, 0), **overrides}
    activity, _ = activity_services.record_activity(user, seed_visit(**values))
    return activity
