"""Use cases for press releases: draft (one activity, or a unit's day), edit, approve, publish.

Rules (issue #5):
- Only VERIFIED activities are written up: a release is public speech, and only a record the
  commander has confirmed is a fact the police may state.
- Drafting needs the "add" right on "press" (Humas, commanders), editing "change", approving
  "approve" (commanders), publishing "publish" (Humas); always inside the user's jurisdiction.
- Editing an approved release sends it back to "edited": the commander approved that text, not
  the new one. A published release no longer changes.
- No text may carry contact details or a figure's political alignment: drafts and edits are
  checked against the phone numbers, addresses and alignments of the figures involved.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sejuk.accounts.roles import can
from sejuk.activities.choices import Status as ActivityStatus
from sejuk.activities.models import Activity
from sejuk.core.jurisdiction import jurisdiction_of
from sejuk.press import writing
from sejuk.press.adapter import activity_facts
from sejuk.press.choices import Language, Status
from sejuk.press.models import PressRelease
from sejuk.units.models import Unit

_PHONE = re.compile(r"(?:\+62|\b62|\b0)\s?8\d{1,2}(?:[\s.\-]?\d){6,9}\b|\b\d{10,}\b")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")


def initials_of(user) -> str:
    """ "Lex" style initials: the first letters of the full name, else the username's first three."""
    words = (user.get_full_name() or "").split()
    if len(words) >= 2:
        return "".join(w[0] for w in words).lower()[:6]
    return (words[0] if words else user.username)[:3].lower()


def _require(user, action: str, unit: Unit) -> None:
    jurisdiction = jurisdiction_of(user)
    if not can(user, action, "press") or not jurisdiction.covers_unit_path(unit.path):
        raise PermissionDenied(_("You may not do this with this press release."))


def _require_status(release: PressRelease, allowed: set[str], action_label: str) -> None:
    if release.status not in allowed:
        raise ValidationError(
            _("Cannot %(action)s a release that is %(status)s.")
            % {"action": action_label, "status": release.get_status_display().lower()}
        )


def _mentions(text: str, value: str, minimum: int) -> bool:
    value = " ".join((value or "").split())
    if len(value) < minimum:
        return False
    return re.search(r"(?<!\w)" + re.escape(value) + r"(?!\w)", text, re.IGNORECASE) is not None


def leaks(text: str, activities) -> list[str]:
    """What in `text` a public release must never contain: contact details, a figure's political
    alignment, or the name of a figure who did not consent to be named."""
    problems = []
    if _PHONE.search(text) or _EMAIL.search(text):
        problems.append(_("The text contains a phone number or an e-mail address."))
    for activity in activities:
        for figure in activity.figures.all():
            if (
                _mentions(text, figure.phone, 6)
                or _mentions(text, figure.address, 10)
                or _mentions(text, figure.aligned_with, 4)
            ):
                problems.append(
                    _("The text contains the contact details or political alignment of %(name)s.")
                    % {"name": figure.name}
                )
            if not figure.public_consent and _mentions(text, figure.name, 3):
                problems.append(_("%(name)s did not consent to be named.") % {"name": figure.name})
    return problems


def _check_clean(title: str, body: str, activities) -> None:
    problems = leaks(f"{title}\n{body}", activities)
    if problems:
        raise ValidationError({"body": problems})


def _store(user, unit: Unit, activities: list[Activity], release: writing.Release, seed: int, day: date):
    _check_clean(release.title, release.body, activities)
    stored = PressRelease.objects.create(
        unit=unit,
        activity_date=day,
        language=release.language,
        title=release.title,
        body=release.body,
        writer_initials=release.initials,
        variant_seed=seed,
        created_by=user,
    )
    stored.activities.set(activities)
    return stored


def _language(value: str) -> str:
    if value not in Language.values:
        raise ValidationError({"language": [_("Unknown language: '%(value)s'.") % {"value": value}]})
    return value


@transaction.atomic
def draft_release_from_activity(user, activity: Activity, *, language: str = "id") -> PressRelease:
    """Write a draft release from one verified activity."""
    _require(user, "add", activity.unit)
    if not Activity.objects.restrict(user).filter(pk=activity.pk).exists():
        raise PermissionDenied(_("You may not do this with this press release."))
    if activity.status != ActivityStatus.VERIFIED:
        raise ValidationError(_("Only verified activities can be written up as a press release."))
    facts = activity_facts(activity, initials_of(user))
    release = writing.write_release(facts, language=_language(language), variant_seed=activity.pk)
    return _store(user, activity.unit, [activity], release, activity.pk, facts.day)


def activities_of_day(user, unit: Unit, day: date) -> list[Activity]:
    """The unit's verified activities whose local date (in the place's zone) is `day`."""
    # Local days run from UTC+7 to UTC+9: a window of one UTC day either side covers every zone.
    start = datetime.combine(day - timedelta(days=1), time.min, tzinfo=UTC)
    candidates = (
        Activity.objects.restrict(user)
        .filter(unit=unit, status=ActivityStatus.VERIFIED)
        .filter(occurred_at__gte=start, occurred_at__lt=start + timedelta(days=3))
        .select_related("region", "unit")
        .order_by("occurred_at", "pk")
    )
    return [a for a in candidates if a.occurred_at.astimezone(a.region.tzinfo).date() == day]


@transaction.atomic
def draft_daily_release(user, unit: Unit, day: date, *, language: str = "id") -> PressRelease:
    """Write one draft release for all of a unit's verified activities of one day."""
    _require(user, "add", unit)
    activities = activities_of_day(user, unit, day)
    if not activities:
        raise ValidationError(
            _("%(unit)s has no verified activity on that day.") % {"unit": unit.display_name}
        )
    initials = initials_of(user)
    facts = [activity_facts(a, initials) for a in activities]
    seed = day.toordinal()
    release = writing.write_daily_release(facts, language=_language(language), variant_seed=seed)
    return _store(user, unit, activities, release, seed, day)


@transaction.atomic
def edit_release(user, release: PressRelease, title: str, body: str) -> PressRelease:
    """Humas edits the text; an approved release goes back to "edited" and needs approval again."""
    _require(user, "change", release.unit)
    _require_status(release, {Status.DRAFT, Status.EDITED, Status.APPROVED}, _("edit"))
    title, body = (title or "").strip(), (body or "").strip()
    errors = {}
    if not title:
        errors["title"] = [_("The title is required.")]
    if not body:
        errors["body"] = [_("The text is required.")]
    if errors:
        raise ValidationError(errors)
    _check_clean(title, body, release.activities.all())
    release.title, release.body = title, body
    release.status = Status.EDITED
    release.approved_by, release.approved_at = None, None
    release.save()
    return release


@transaction.atomic
def approve_release(user, release: PressRelease) -> PressRelease:
    """The commander approves the text as it stands."""
    _require(user, "approve", release.unit)
    _require_status(release, {Status.DRAFT, Status.EDITED}, _("approve"))
    release.status = Status.APPROVED
    release.approved_by, release.approved_at = user, timezone.now()
    release.save(update_fields=["status", "approved_by", "approved_at", "updated_at"])
    return release


@transaction.atomic
def publish_release(user, release: PressRelease) -> PressRelease:
    """Humas publishes an approved release: it appears on the public page and in the feed."""
    _require(user, "publish", release.unit)
    _require_status(release, {Status.APPROVED}, _("publish"))
    release.status = Status.PUBLISHED
    release.published_at = timezone.now()
    release.save(update_fields=["status", "published_at", "updated_at"])
    return release
