"""Use cases for cooling activities. Web form, API, chat intake and CLI all call these.

Each state change is one function: record (draft), update (while draft or returned), submit,
verify, return with a note. Every write validates at this boundary and raises ValidationError with
messages in the user's language; nothing is stored when it does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sejuk.accounts.roles import can
from sejuk.activities import vocabulary
from sejuk.activities.choices import ActivityType, PartnerKind, Situation, Source, Status
from sejuk.activities.location import check_location
from sejuk.activities.models import Activity, AppealTheme
from sejuk.core.jurisdiction import jurisdiction_of, unit_jurisdiction
from sejuk.figures.models import Figure
from sejuk.regions.models import Region
from sejuk.units.models import Officer, Unit

# Phones may run a few minutes fast; anything later than this is a typing error.
FUTURE_TOLERANCE_SECONDS = 15 * 60
EARLIEST_YEAR = 2014


@dataclass
class ActivityInput:
    """What any intake path hands to the service, already parsed but not yet validated."""

    activity_type: str
    region_code: str
    occurred_at: datetime  # naive = local time of the place; aware = as given
    officer_ids: list[int] = field(default_factory=list)
    figure_ids: list[int] = field(default_factory=list)
    theme_codes: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    attendance: int | None = None
    narrative: str = ""
    situation: str = Situation.AMAN
    latitude: float | None = None
    longitude: float | None = None
    unit_code: str | None = None
    election_phase: str = ""


def seed_theme_library(using: str = "default") -> None:
    """Create missing standard themes; wording edited by administrators is left alone."""
    existing = set(AppealTheme.objects.using(using).values_list("code", flat=True))
    for order, theme in enumerate(vocabulary.APPEAL_THEMES):
        if theme.code not in existing:
            AppealTheme.objects.using(using).create(
                code=theme.code,
                label_id=theme.label_id,
                label_en=theme.label_en,
                wording_id=theme.wording_id,
                wording_en=theme.wording_en,
                order=order,
            )


class _Validator:
    """Collects every problem of one input, so the user sees them all at once."""

    def __init__(self, user, data: ActivityInput):
        self.user, self.data = user, data
        self.jurisdiction = jurisdiction_of(user)
        self.errors: dict[str, list[str]] = {}

    def error(self, field_name: str, message: str) -> None:
        self.errors.setdefault(field_name, []).append(message)

    def run(self) -> dict:
        cleaned = {
            "activity_type": self._type(),
            "region": self._region(),
            "situation": self._situation(),
            "partners": self._partners(),
            "attendance": self._attendance(),
        }
        cleaned["occurred_at"] = self._when(cleaned["region"])
        cleaned["unit"] = self._unit(cleaned["region"])
        cleaned["officers"] = self._officers()
        cleaned["figures"] = self._figures()
        cleaned["themes"] = self._themes()
        if self.errors:
            raise ValidationError(self.errors)
        return cleaned

    def _type(self):
        if self.data.activity_type not in ActivityType.values:
            self.error(
                "activity_type", _("Unknown activity type: '%(value)s'.") % {"value": self.data.activity_type}
            )
        return self.data.activity_type

    def _situation(self):
        if self.data.situation not in Situation.values:
            self.error("situation", _("The situation must be aman, waspada or rawan."))
        return self.data.situation

    def _partners(self):
        unknown = [p for p in self.data.partners if p not in PartnerKind.values]
        if unknown:
            self.error("partners", _("Unknown partners: %(list)s.") % {"list": ", ".join(unknown)})
        return sorted(set(self.data.partners))

    def _attendance(self):
        value = self.data.attendance
        if value is not None and not (0 <= value <= 100000):
            self.error("attendance", _("Attendance must be between 0 and 100,000."))
        return value

    def _region(self) -> Region | None:
        region = Region.objects.filter(code=self.data.region_code).first()
        if region is None:
            self.error("region_code", _("Unknown region code: '%(code)s'.") % {"code": self.data.region_code})
        elif region.level < 3:
            self.error("region_code", _("Choose a kecamatan or a desa / kelurahan, not a whole kabupaten."))
        elif not self.jurisdiction.covers_region(region.code):
            self.error("region_code", _("%(place)s is outside your jurisdiction.") % {"place": region.label})
        else:
            return region
        return None

    def _when(self, region: Region | None):
        moment = self.data.occurred_at
        if moment is None:
            self.error("occurred_at", _("The date and time are required."))
            return None
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment, region.tzinfo if region else timezone.get_current_timezone())
        if (moment - timezone.now()).total_seconds() > FUTURE_TOLERANCE_SECONDS:
            self.error("occurred_at", _("The activity cannot be in the future."))
        elif moment.year < EARLIEST_YEAR:
            self.error("occurred_at", _("The date is too far in the past."))
        return moment

    def _unit(self, region: Region | None) -> Unit | None:
        if self.data.unit_code:
            unit = Unit.objects.restrict(self.user).filter(code=self.data.unit_code).first()
            if unit is None:
                self.error(
                    "unit_code",
                    _("Unknown unit or outside your jurisdiction: '%(code)s'.")
                    % {"code": self.data.unit_code},
                )
                return None
        else:
            unit = self.user.unit
        if unit is None:
            self.error("unit_code", _("Choose the unit that carried out the activity."))
        elif region is not None and not unit_jurisdiction(unit).covers_region(region.code):
            self.error(
                "region_code",
                _("%(place)s is outside the area of %(unit)s.")
                % {"place": region.label, "unit": unit.display_name},
            )
        return unit

    def _officers(self) -> list[Officer]:
        ids = self.data.officer_ids or (
            [self.user.officer_id] if getattr(self.user, "officer_id", None) else []
        )
        if not ids:
            self.error("officer_ids", _("Name at least one officer."))
            return []
        officers = list(Officer.objects.restrict(self.user).filter(pk__in=ids, active=True))
        if len(officers) != len(set(ids)):
            self.error("officer_ids", _("Some officers are unknown, inactive or outside your jurisdiction."))
        return officers

    def _figures(self) -> list[Figure]:
        ids = set(self.data.figure_ids)
        figures = list(Figure.objects.restrict(self.user).current().filter(pk__in=ids))
        if len(figures) != len(ids):
            self.error("figure_ids", _("Some figures are unknown or outside your jurisdiction."))
        return figures

    def _themes(self) -> list[AppealTheme]:
        codes = set(self.data.theme_codes)
        themes = list(AppealTheme.objects.filter(code__in=codes, active=True))
        unknown = sorted(codes - {t.code for t in themes})
        if unknown:
            self.error("theme_codes", _("Unknown appeal themes: %(list)s.") % {"list": ", ".join(unknown)})
        return themes


def _apply(activity: Activity, cleaned: dict, data: ActivityInput, *, new: bool = False) -> Activity:
    for name in ("activity_type", "region", "situation", "partners", "attendance", "occurred_at", "unit"):
        setattr(activity, name, cleaned[name])
    activity.narrative = data.narrative.strip()
    activity.election_phase = data.election_phase
    activity.latitude, activity.longitude = data.latitude, data.longitude
    activity.location_check = check_location(cleaned["region"], data.latitude, data.longitude)
    activity.save()
    for name in ("officers", "figures", "themes"):
        if new:  # nothing linked yet: add() skips set()'s read of the current links
            getattr(activity, name).add(*cleaned[name])
        else:
            getattr(activity, name).set(cleaned[name])
    # The links as written, each in its model's default order (the validator's queries used it), so
    # the API can answer without reading the record back. Later changes to the links do not update it.
    activity.written_links = {name: cleaned[name] for name in ("officers", "figures", "themes")}
    return activity


def record_activity(
    user, data: ActivityInput, *, source: str = Source.FORM, idempotency_key: str | None = None
) -> tuple[Activity, bool]:
    """Store a new draft; returns (activity, created). A repeated key returns the stored record."""
    if not can(user, "add", "records"):
        raise PermissionDenied(_("Your role may not record activities."))
    if idempotency_key:
        existing = Activity.objects.filter(created_by=user, idempotency_key=idempotency_key).first()
        if existing:
            return existing, False
    cleaned = _Validator(user, data).run()
    try:
        with transaction.atomic():
            activity = Activity(created_by=user, source=source, idempotency_key=idempotency_key or None)
            return _apply(activity, cleaned, data, new=True), True
    except IntegrityError:
        # Two retries raced; the other one stored it first.
        existing = Activity.objects.filter(created_by=user, idempotency_key=idempotency_key).first()
        if existing is None:
            raise
        return existing, False


def _check_access(user, activity: Activity, action: str) -> None:
    jurisdiction = jurisdiction_of(user)
    if not can(user, action, "records") or not (
        jurisdiction.national or jurisdiction.covers_region(activity.region_id)
    ):
        raise PermissionDenied(_("You may not do this with this activity."))


def _require_status(activity: Activity, allowed: set[str], action_label: str) -> None:
    if activity.status not in allowed:
        raise ValidationError(
            _("Cannot %(action)s an activity that is %(status)s.")
            % {"action": action_label, "status": activity.get_status_display().lower()}
        )


@transaction.atomic
def update_activity(user, activity: Activity, data: ActivityInput) -> Activity:
    """Correct a draft or a returned activity."""
    _check_access(user, activity, "change")
    _require_status(activity, {Status.DRAFT, Status.RETURNED}, _("correct"))
    cleaned = _Validator(user, data).run()
    return _apply(activity, cleaned, data)


@transaction.atomic
def submit_activity(user, activity: Activity) -> Activity:
    _check_access(user, activity, "change")
    _require_status(activity, {Status.DRAFT, Status.RETURNED}, _("submit"))
    activity.status = Status.SUBMITTED
    activity.submitted_at = timezone.now()
    activity.save(update_fields=["status", "submitted_at", "updated_at"])
    return activity


@transaction.atomic
def verify_activity(user, activity: Activity) -> Activity:
    """The unit commander (or one above) confirms a submitted activity."""
    _check_access(user, activity, "verify")
    _require_status(activity, {Status.SUBMITTED}, _("verify"))
    activity.status = Status.VERIFIED
    activity.verified_at = timezone.now()
    activity.verified_by = user
    activity.return_note = ""
    activity.save(update_fields=["status", "verified_at", "verified_by", "return_note", "updated_at"])
    return activity


@transaction.atomic
def return_activity(user, activity: Activity, note: str) -> Activity:
    """Send a submitted activity back to the officer with a note saying what to correct."""
    _check_access(user, activity, "verify")
    _require_status(activity, {Status.SUBMITTED}, _("return"))
    if not note.strip():
        raise ValidationError({"note": [_("Say what must be corrected.")]})
    activity.status = Status.RETURNED
    activity.return_note = note.strip()
    activity.save(update_fields=["status", "return_note", "updated_at"])
    return activity
