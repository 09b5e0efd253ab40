"""Use cases for cooling activities. Web form, API, chat intake and CLI all call these.

Each state change is one function: record (draft), update (while draft or returned), submit,
verify, return with a note. Every write validates at this boundary and raises ValidationError with
messages in the user's language; nothing is stored when it does.
"""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import datetime

from auditlog.context import disable_auditlog
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connections, transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.translation import gettext as _

from sejuk.accounts.roles import can
from sejuk.activities import draft_statement, vocabulary
from sejuk.activities.choices import ActivityType, PartnerKind, Situation, Source, Status
from sejuk.activities.location import check_location, forget_reference_point
from sejuk.activities.models import Activity, AppealTheme
from sejuk.core.audit import log_creation
from sejuk.core.compiled import CompiledQuery
from sejuk.core.jurisdiction import jurisdiction_of, restriction_key, unit_jurisdiction
from sejuk.core.place_time import checked_moment, checked_place
from sejuk.core.process_cache import ProcessCache
from sejuk.figures.models import Figure
from sejuk.regions.models import Region
from sejuk.units.models import Officer, Unit

# The validator's look-ups, compiled once per shape (each runs on every submission; core/compiled.py).
_LOOKUP = CompiledQuery()
# Regions are reference data (`load_regions`): each worker keeps those it has read for 5 minutes.
_REGIONS = ProcessCache("regions", maxsize=20_000, ttl=300)


def _region_by_code(code):
    return Region.objects.filter(code=code)


# `Choices.values` builds a new list on every access.
_ACTIVITY_TYPES, _SITUATIONS = frozenset(ActivityType.values), frozenset(Situation.values)
_PARTNERS = frozenset(PartnerKind.values)


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
        cleaned["officers"], cleaned["figures"], cleaned["themes"] = self._linked()
        if self.errors:
            raise ValidationError(self.errors)
        return cleaned

    def _type(self):
        if self.data.activity_type not in _ACTIVITY_TYPES:
            self.error(
                "activity_type", _("Unknown activity type: '%(value)s'.") % {"value": self.data.activity_type}
            )
        return self.data.activity_type

    def _situation(self):
        if self.data.situation not in _SITUATIONS:
            self.error("situation", _("The situation must be aman, waspada or rawan."))
        return self.data.situation

    def _partners(self):
        unknown = [p for p in self.data.partners if p not in _PARTNERS]
        if unknown:
            self.error("partners", _("Unknown partners: %(list)s.") % {"list": ", ".join(unknown)})
        return sorted(set(self.data.partners))

    def _attendance(self):
        value = self.data.attendance
        if value is not None and not (0 <= value <= 100000):
            self.error("attendance", _("Attendance must be between 0 and 100,000."))
        return value

    def _region(self) -> Region | None:
        code = self.data.region_code
        region = _REGIONS.get(code, lambda: next(iter(_LOOKUP.run("region", _region_by_code, [code])), None))
        return checked_place(region, code, self.jurisdiction, self.error)

    def _when(self, region: Region | None):
        future = _("The activity cannot be in the future.")
        return checked_moment(self.data.occurred_at, region, self.error, future_message=future)

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

    def _linked(self) -> tuple[list[Officer], list[Figure], list[AppealTheme]]:
        """The officers, figures and themes named, as far as the user may name them: asked together
        (one statement on PostgreSQL, core/compiled.run_many), then each checked."""
        officer_ids = self.data.officer_ids or (
            [self.user.officer_id] if getattr(self.user, "officer_id", None) else []
        )
        figure_ids, theme_codes = set(self.data.figure_ids), set(self.data.theme_codes)
        user = self.user
        officers, figures, themes = _LOOKUP.run_many(
            [
                (
                    restriction_key(user, Officer),
                    lambda *pks: Officer.objects.restrict(user).filter(pk__in=pks, active=True),
                    officer_ids,
                ),
                (
                    restriction_key(user, Figure),
                    lambda *pks: Figure.objects.restrict(user).current().filter(pk__in=pks),
                    sorted(figure_ids),
                ),
                (
                    "themes",
                    lambda *wanted: AppealTheme.objects.filter(code__in=wanted, active=True),
                    sorted(theme_codes),
                ),
            ]
        )
        if not officer_ids:
            self.error("officer_ids", _("Name at least one officer."))
        elif len(officers) != len(set(officer_ids)):
            self.error("officer_ids", _("Some officers are unknown, inactive or outside your jurisdiction."))
        if len(figures) != len(figure_ids):
            self.error("figure_ids", _("Some figures are unknown or outside your jurisdiction."))
        unknown = sorted(theme_codes - {t.code for t in themes})
        if unknown:
            self.error("theme_codes", _("Unknown appeal themes: %(list)s.") % {"list": ", ".join(unknown)})
        return officers, figures, themes


LINKS = ("officers", "figures", "themes")


def _fill(activity: Activity, cleaned: dict, data: ActivityInput) -> None:
    for name in ("activity_type", "region", "situation", "partners", "attendance", "occurred_at", "unit"):
        setattr(activity, name, cleaned[name])
    activity.narrative = data.narrative.strip()
    activity.election_phase = data.election_phase
    activity.latitude, activity.longitude = data.latitude, data.longitude
    activity.location_check = check_location(cleaned["region"], data.latitude, data.longitude)


def _write_links(activity: Activity, links: dict[str, list]) -> None:
    """One plain INSERT per relation into its link table: `bulk_create()` spends about 0.4 ms of
    CPU per relation preparing a few rows of two ids, several times the statement's own cost."""
    connection = connections[Activity.objects.db]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for name, linked in links.items():
            if not linked:
                continue
            relation = Activity._meta.get_field(name)
            through = relation.remote_field.through._meta
            source = through.get_field(relation.m2m_field_name()).column
            target = through.get_field(relation.m2m_reverse_field_name()).column
            rows = ", ".join(["(%s, %s)"] * len(linked))
            cursor.execute(
                f"INSERT INTO {quote(through.db_table)} ({quote(source)}, {quote(target)}) VALUES {rows}",
                [value for obj in linked for value in (activity.pk, obj.pk)],
            )


def _insert(activity: Activity, cleaned: dict) -> Activity:
    """Store a new draft: the row, its links in one INSERT per relation, and ONE audit entry; on
    PostgreSQL all of it in one statement (draft_statement.py), atomic without a transaction.

    The links are written straight into the link tables, not with `add()`: `add()` reads the links
    already there, and django-auditlog turns each `m2m_changed` into a read of the linked rows and
    an entry of its own (four entries and eleven queries per draft, bench/README.md). The other
    `m2m_changed` receivers (heat, daily stats) ignore drafts, and a new record is always a draft;
    on PostgreSQL `post_save` is still sent for the row (`pre_save` is not: its receivers compare
    with the stored row, and a new one has none). Raises IntegrityError with nothing
    stored when the idempotency key was used before."""
    links = {name: cleaned[name] for name in LINKS}
    connection = connections[Activity.objects.db]
    if draft_statement.supported(connection):
        signal = {"sender": Activity, "instance": activity, "raw": False, "using": connection.alias}
        with disable_auditlog():
            # In a transaction (a caller's, or the tests') a failed statement must not abort it.
            with transaction.atomic() if connection.in_atomic_block else nullcontext():
                activity.pk = draft_statement.insert_draft(connection, activity, links)
            activity._state.adding, activity._state.db = False, connection.alias
            post_save.send(**signal, created=True, update_fields=None)
    else:
        with transaction.atomic():
            with disable_auditlog():
                activity.save()
            _write_links(activity, links)
            log_creation(activity, links)
    # The links as written, each in its model's default order (the validator's queries used it), so
    # the API can answer without reading the record back. Later changes to the links do not update it.
    activity.written_links = links
    return activity


def _stored(user, idempotency_key: str | None) -> Activity | None:
    if not idempotency_key:
        return None
    return Activity.objects.filter(created_by=user, idempotency_key=idempotency_key).first()


def record_activity(
    user, data: ActivityInput, *, source: str = Source.FORM, idempotency_key: str | None = None
) -> tuple[Activity, bool]:
    """Store a new draft; returns (activity, created). A repeated key returns the stored record.

    The key is not looked up first: the unique constraint on (author, key) finds a repeat when the
    INSERT fails, so the usual first attempt pays no read. A repeat whose input no longer validates
    (a theme withdrawn, an officer moved since) still gets the stored record, as before."""
    if not can(user, "add", "records"):
        raise PermissionDenied(_("Your role may not record activities."))
    try:
        cleaned = _Validator(user, data).run()
    except ValidationError:
        existing = _stored(user, idempotency_key)
        if existing is None:
            raise
        return existing, False
    activity = Activity(created_by=user, source=source, idempotency_key=idempotency_key or None)
    _fill(activity, cleaned, data)  # before the transaction: the GPS check reads, and locks nothing
    try:
        return _insert(activity, cleaned), True
    except IntegrityError:
        # Stored before: by an earlier attempt, or by a retry racing this one.
        existing = _stored(user, idempotency_key)
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
    _fill(activity, cleaned, data)
    activity.save()
    for name in LINKS:
        getattr(activity, name).set(cleaned[name])
    return activity


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
    # Its point may move the kecamatan's median: read again once the verification is committed.
    region_code = activity.region_id
    transaction.on_commit(lambda: forget_reference_point(region_code))
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
