"""Use cases for incidents. Web pages, API, CLI import and the public tip form all call these.

Workflow (#4): reported → verified or rejected (with a reason) → responding (assigned to a unit or an
officer; escalation hands it to the unit above) → resolved. Each step is one function; each
checks the role (`can`), the jurisdiction and the current status, and raises PermissionDenied or
ValidationError (translated) without changing anything. Changes are audited by django-auditlog.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models.functions import Length
from django.utils import timezone
from django.utils.translation import gettext as _

from sejuk.accounts.roles import can
from sejuk.activities.models import Activity
from sejuk.core.audit import log_personal_access
from sejuk.core.jurisdiction import jurisdiction_of
from sejuk.incidents.choices import CONFIRMED, OPEN_CONFIRMED, Severity, Source, Status
from sejuk.incidents.models import Incident
from sejuk.incidents.validation import IncidentInput, IncidentValidator
from sejuk.units.choices import UnitLevel
from sejuk.units.models import Officer, Unit

# Reports of one event: same kecamatan, same type, at most this far apart (#4). Two days covers
# a tip sent the morning after, and a gathering that goes on overnight, without joining the
# rallies of one campaign week into one event.
DUPLICATE_WINDOW = timedelta(hours=48)
# A response may be logged with a time slightly before the incident's (both are typed by people).
RESPONSE_TOLERANCE = timedelta(hours=1)


def _store(fields: dict, *, reported_by, idempotency_key: str | None) -> tuple[Incident, bool]:
    """Create once per key; a retry (or two racing retries) returns the stored record."""
    existing = Incident.objects.filter(reported_by=reported_by, idempotency_key=idempotency_key)
    if idempotency_key and (found := existing.first()):
        return found, False
    try:
        with transaction.atomic():
            incident = Incident(reported_by=reported_by, idempotency_key=idempotency_key or None, **fields)
            incident.save()
            return incident, True
    except IntegrityError:
        found = existing.first() if idempotency_key else None
        if found is None:
            raise
        return found, False


def report_incident(
    user, data: IncidentInput, *, idempotency_key: str | None = None
) -> tuple[Incident, bool]:
    """An officer's (or a commander's) report; returns (incident, created)."""
    if not can(user, "add", "records"):
        raise PermissionDenied(_("Your role may not report incidents."))
    if data.source == Source.PUBLIC_TIP:
        raise ValidationError({"source": [_("Public tips come only through the public form.")]})
    cleaned = IncidentValidator(data, jurisdiction_of(user)).run()
    return _store(cleaned, reported_by=user, idempotency_key=idempotency_key)


def submit_public_tip(
    data: IncidentInput, *, contact: str = "", idempotency_key: str | None = None
) -> tuple[Incident, bool]:
    """A tip from the public (no login). Spam and rate checks happen before, in incidents.tips."""
    # The verifier grades the severity; the public does not.
    data = replace(data, source=Source.PUBLIC_TIP, severity=Severity.POTENSI_GANGGUAN)
    cleaned = IncidentValidator(data, None).run()
    if len(contact.strip()) > 200:
        raise ValidationError({"contact": [_("At most %(limit)d characters.") % {"limit": 200}]})
    key = f"tip:{idempotency_key}" if idempotency_key else None
    with transaction.atomic():
        incident, created = _store(
            {**cleaned, "tipster_contact": contact.strip()}, reported_by=None, idempotency_key=key
        )
        if created:
            # Anonymous means anonymous: the audit trail keeps no network address of a tipster.
            LogEntry.objects.get_for_object(incident).update(remote_addr=None, remote_port=None)
    return incident, created


def tipster_contact(user, incident: Incident) -> str | None:
    """The tipster's contact for roles that verify (each read audited); None for everyone else."""
    if not can(user, "verify", "records") or not jurisdiction_of(user).covers_region(incident.region_id):
        return None
    if incident.tipster_contact:
        log_personal_access([incident])
    return incident.tipster_contact


def _check_access(user, incident: Incident, action: str) -> None:
    jurisdiction = jurisdiction_of(user)
    if not can(user, action, "records") or not jurisdiction.covers_region(incident.region_id):
        raise PermissionDenied(_("You may not do this with this incident."))


def _require_status(incident: Incident, allowed, action_label: str) -> None:
    if incident.merged_into_id:
        raise ValidationError(_("This report was merged into %(ref)s.") % {"ref": incident.merged_into})
    if incident.status not in allowed:
        raise ValidationError(
            _("Cannot %(action)s an incident that is %(status)s.")
            % {"action": action_label, "status": incident.get_status_display().lower()}
        )


def _required_text(text: str, field_name: str, message: str) -> str:
    if not (text or "").strip():
        raise ValidationError({field_name: [message]})
    return text.strip()


@transaction.atomic
def verify_incident(user, incident: Incident, *, severity: str | None = None) -> Incident:
    """A commander confirms the report, optionally grading its severity anew."""
    _check_access(user, incident, "verify")
    _require_status(incident, {Status.REPORTED}, _("verify"))
    if severity is not None and severity not in Severity.values:
        raise ValidationError({"severity": [_("Unknown severity: '%(value)s'.") % {"value": severity}]})
    incident.severity = severity or incident.severity
    incident.status = Status.VERIFIED
    incident.verified_at, incident.verified_by = timezone.now(), user
    incident.save()
    return incident


@transaction.atomic
def reject_incident(user, incident: Incident, reason: str) -> Incident:
    _check_access(user, incident, "verify")
    _require_status(incident, {Status.REPORTED}, _("reject"))
    incident.rejection_reason = _required_text(reason, "reason", _("Say why the report is rejected."))
    incident.status = Status.REJECTED
    incident.verified_at, incident.verified_by = timezone.now(), user
    incident.save()
    return incident


def _assignee(user, unit: Unit | None, officer: Officer | None) -> tuple[Unit, Officer | None]:
    if unit is None and officer is None:
        raise ValidationError({"unit": [_("Choose a unit or an officer.")]})
    if officer is not None:
        if not Officer.objects.restrict(user).filter(pk=officer.pk, active=True).exists():
            raise ValidationError({"officer": [_("This officer is inactive or outside your jurisdiction.")]})
        if unit is not None and unit.pk != officer.unit_id:
            raise ValidationError({"officer": [_("The officer does not belong to that unit.")]})
        unit = officer.unit
    if not Unit.objects.restrict(user).filter(pk=unit.pk, active=True).exists():
        raise ValidationError({"unit": [_("This unit is inactive or outside your jurisdiction.")]})
    return unit, officer


@transaction.atomic
def assign_response(user, incident: Incident, *, unit: Unit | None = None, officer: Officer | None = None):
    """Give the response to a unit or an officer inside the commander's jurisdiction."""
    _check_access(user, incident, "verify")
    _require_status(incident, OPEN_CONFIRMED, _("assign"))
    incident.assigned_unit, incident.assigned_officer = _assignee(user, unit, officer)
    incident.assigned_at = timezone.now()
    incident.status = Status.RESPONDING
    incident.save()
    return incident


def local_unit(region_code: str) -> Unit | None:
    """The most local active unit whose area covers the place (a Polsek before its Polres)."""
    parts = region_code.split(".")
    codes = [".".join(parts[:i]) for i in range(1, len(parts) + 1)]
    units = Unit.objects.filter(active=True, unit_areas__region_id__in=codes).exclude(level=UnitLevel.MABES)
    # A child's path extends its parent's, so within one chain the longest path is the lowest unit.
    return units.order_by(Length("path").desc(), "pk").first()


def responsible_unit(incident: Incident) -> Unit | None:
    """Who answers for the incident now: the assigned unit, else the local unit of the place."""
    return incident.assigned_unit if incident.assigned_unit_id else local_unit(incident.region_id)


@transaction.atomic
def escalate_incident(user, incident: Incident, note: str) -> Incident:
    """Hand the response to the unit above the one now responsible, recording who and why."""
    _check_access(user, incident, "verify")
    _require_status(incident, OPEN_CONFIRMED, _("escalate"))
    note = _required_text(note, "note", _("Say why the incident is escalated."))
    current = responsible_unit(incident)
    if current is None or not jurisdiction_of(user).covers_unit_path(current.path):
        raise PermissionDenied(_("Only the responsible unit or one above it may escalate."))
    if current.parent_id is None:
        raise ValidationError(_("There is no unit above %(unit)s.") % {"unit": current.display_name})
    incident.escalated_to = incident.assigned_unit = current.parent
    incident.assigned_officer = None
    incident.escalation_note, incident.escalated_by = note, user
    incident.escalated_at = incident.assigned_at = timezone.now()
    incident.status = Status.RESPONDING
    incident.save()
    return incident


@transaction.atomic
def resolve_incident(user, incident: Incident, note: str) -> Incident:
    """Close the incident: a commander, or the officer it was assigned to."""
    assigned_to_me = bool(user.officer_id) and user.officer_id == incident.assigned_officer_id
    _check_access(user, incident, "change" if assigned_to_me else "verify")
    _require_status(incident, OPEN_CONFIRMED, _("resolve"))
    incident.resolution_note = _required_text(note, "note", _("Say how the incident was resolved."))
    incident.status = Status.RESOLVED
    incident.resolved_at, incident.resolved_by = timezone.now(), user
    incident.save()
    return incident


@transaction.atomic
def link_response_activity(user, incident: Incident, activity: Activity) -> Incident:
    """Record a cooling activity as (part of) the response; both must lie in the user's area."""
    _check_access(user, incident, "change")
    if not Activity.objects.restrict(user).filter(pk=activity.pk).exists():
        raise PermissionDenied(_("You may not do this with this activity."))
    _require_status(incident, CONFIRMED, _("link an activity to"))
    if activity.occurred_at < incident.occurred_at - RESPONSE_TOLERANCE:
        raise ValidationError({"activity": [_("A response cannot take place before the incident.")]})
    incident.response_activities.add(activity)
    return incident


def suggest_duplicates(incident: Incident, user=None) -> list[Incident]:
    """Other reports that look like the same event: same kecamatan and type, within 48 hours."""
    if incident.merged_into_id:
        return []
    queryset = Incident.objects.restrict(user) if user is not None else Incident.objects.all()
    return list(
        queryset.current()
        .filter(
            kecamatan_code=incident.kecamatan_code,
            incident_type=incident.incident_type,
            occurred_at__range=(
                incident.occurred_at - DUPLICATE_WINDOW,
                incident.occurred_at + DUPLICATE_WINDOW,
            ),
        )
        .exclude(pk=incident.pk)
        .exclude(status=Status.REJECTED)
        .select_related("region")
        .order_by("occurred_at")
    )


SEVERITY_ORDER = {value: rank for rank, value in enumerate(Severity.values)}


@transaction.atomic
def merge_incidents(user, keep: Incident, duplicate: Incident) -> Incident:
    """Fold `duplicate` into `keep`. The duplicate stays (with its evidence and tipster) as history.

    The kept record takes the higher severity and the higher counts: two reports of one event
    each saw part of it, and the verifier merging them has read both.
    """
    for incident in (keep, duplicate):
        _check_access(user, incident, "verify")
    if keep.pk == duplicate.pk or keep.merged_into_id or duplicate.merged_into_id:
        raise ValidationError(_("These reports cannot be merged."))
    if keep.status == Status.REJECTED or (keep.status == Status.REPORTED and duplicate.status in CONFIRMED):
        raise ValidationError(_("Keep the verified report and merge the other one into it."))
    if SEVERITY_ORDER[duplicate.severity] > SEVERITY_ORDER[keep.severity]:
        keep.severity = duplicate.severity
    for field in ("dead", "injured", "buildings_damaged"):
        setattr(keep, field, max(getattr(keep, field), getattr(duplicate, field)))
    for field in ("actors", "candidate_camps", "source_url", "place_detail"):
        if not getattr(keep, field) and getattr(duplicate, field):
            setattr(keep, field, getattr(duplicate, field))
    keep.save()
    keep.response_activities.add(*duplicate.response_activities.all())
    duplicate.merged_into = keep
    duplicate.save(update_fields=["merged_into", "updated_at"])
    return keep
