"""Use cases of importing a published release: import (read, extract, match), save the reviewer's
choices, confirm into a draft activity, or set it aside. Page, API and `sejuk import_release`
call these.

Decisions (#5):
- Importing never creates an activity by itself: it keeps a `PressImport` with the extraction,
  the matches and the candidates. The draft activity is created by `confirm_import`, through the
  activities' own `record_activity` (source "press"), with every certain match and the choices a
  person made where the import was not certain. Officers, place, unit, date and type are
  required; nothing is guessed for them (the importer's own officer record would put a Humas
  officer at a visit he never made).
- Who: importing and reviewing need the "import" right on press (Humas, analysts, commanders,
  administrators) inside one's area; confirming also needs the right to record activities
  (commanders, administrators), so a Humas officer or an analyst prepares and a commander
  confirms. Unknown figures become `FigureCandidate`s of the draft, never new figures.
- Idempotent: one import per article, keyed by the hash of its normalised text and by its
  address; importing it again returns the first import (and its draft).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from sejuk.accounts.roles import can
from sejuk.activities import services as activity_services
from sejuk.activities.chat_intake import DEFAULT_TIME
from sejuk.activities.choices import Source
from sejuk.activities.models import Activity, FigureCandidate
from sejuk.core.jurisdiction import jurisdiction_of
from sejuk.press.choices import ImportStatus
from sejuk.press.extraction.extractor import extract_document
from sejuk.press.importing.choices import ReviewChoices, certain_choices
from sejuk.press.importing.matching import Matched, resolve
from sejuk.press.importing.people import honorific_of
from sejuk.press.importing.reading import read_release
from sejuk.press.importing.resolution import Resolution
from sejuk.press.models import PressImport
from sejuk.units.models import Unit

# The narrative keeps the release's text; a release is a few thousand characters.
NARRATIVE_CHARS = 8000
_KIND_OF_CATEGORY = {
    "tokoh masyarakat": "tokoh_masyarakat",
    "tokoh agama": "tokoh_agama",
    "tokoh pemuda": "tokoh_pemuda",
    "tokoh adat": "tokoh_adat",
    "tokoh perempuan": "tokoh_perempuan",
    "other": "other",
}


@dataclass
class ImportResult:
    press_import: PressImport
    created: bool


def can_import(user) -> bool:
    return can(user, "import", "press")


def _clean_url(url: str) -> str:
    url = (url or "").strip()
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or len(url) > 500:
        raise ValidationError({"source_url": [_("Give the release's address as http:// or https://.")]})
    return url


def _check_published(published_on: date | None) -> None:
    if published_on and published_on > timezone.localdate() + timedelta(days=1):
        raise ValidationError({"published_on": [_("The publication date cannot be in the future.")]})


def _existing(digest: str, url: str) -> PressImport | None:
    where = Q(text_hash=digest) | (Q(source_url=url) if url else Q(pk__in=[]))
    return PressImport.objects.filter(where).order_by("pk").first()


def _returning(user, existing: PressImport) -> ImportResult:
    if not PressImport.objects.for_user(user).filter(pk=existing.pk).exists():
        raise ValidationError({"text": [_("This release was already imported by another unit.")]})
    return ImportResult(existing, created=False)


def _check_area(user, matched: Matched) -> None:
    """A release about a unit or a place outside the importer's area is refused outright."""
    jurisdiction = jurisdiction_of(user)
    unit_match = matched.resolution.unit
    if matched.unit is not None and not jurisdiction.covers_unit_path(matched.unit.path):
        outside = matched.unit.display_name
    elif (
        unit_match.candidates
        and unit_match.candidates[0].reason != "unit_importer"
        and not any(jurisdiction.covers_unit_path(path) for path in _paths(unit_match))
    ):
        outside = unit_match.candidates[0].label
    elif matched.region is not None and not jurisdiction.covers_region(matched.region.code):
        outside = matched.resolution.region.label
    else:
        return
    raise PermissionDenied(_("This release is about %(place)s, outside your area.") % {"place": outside})


def _paths(match) -> list[str]:
    return list(
        Unit.objects.filter(code__in=[c.value for c in match.candidates]).values_list("path", flat=True)
    )


def import_release(
    user, text: str, *, source_url: str = "", published_on: date | None = None
) -> ImportResult:
    """Read, extract and match one release; keep it for review. The same article twice returns
    the first import."""
    if not can_import(user):
        raise PermissionDenied(_("Your role may not import press releases."))
    source_url = _clean_url(source_url)
    _check_published(published_on)
    release = read_release(text)
    existing = _existing(release.digest, source_url)
    if existing is not None:
        return _returning(user, existing)
    record = extract_document(release.document)
    if not record["units"] and not record["officers"]:
        raise ValidationError(
            {"text": [_("No police activity was found: the text names no Polri unit or officer.")]}
        )
    matched = resolve(user, record, release.body, published_on)
    _check_area(user, matched)
    unit = matched.unit or getattr(user, "unit", None)
    try:
        with transaction.atomic():
            created = PressImport.objects.create(
                text_hash=release.digest,
                source_url=source_url,
                published_on=published_on,
                title=release.title,
                text=release.text,
                extraction=record,
                resolution=matched.resolution.to_json(),
                scope_path=unit.path if unit is not None else "/",
                created_by=user,
            )
    except IntegrityError:
        # The same article, imported at the same moment by someone else.
        existing = _existing(release.digest, source_url)
        if existing is None:
            raise
        return _returning(user, existing)
    return ImportResult(created, created=True)


def _reviewable(user, press_import: PressImport) -> PressImport:
    """The import, locked, if `user` may review it and it still waits for review."""
    if not can_import(user):
        raise PermissionDenied(_("Your role may not import press releases."))
    row = PressImport.objects.for_user(user).select_for_update().filter(pk=press_import.pk).first()
    if row is None:
        raise PermissionDenied(_("You may not review this import."))
    if row.status != ImportStatus.PENDING:
        raise ValidationError(
            _("This import was already reviewed (%(status)s).") % {"status": row.get_status_display()}
        )
    return row


@transaction.atomic
def save_choices(user, press_import: PressImport, choices: ReviewChoices) -> PressImport:
    """Keep a reviewer's choices for whoever confirms (a Humas officer prepares, a commander confirms)."""
    row = _reviewable(user, press_import)
    row.choices = choices.over(ReviewChoices.from_json(row.choices)).to_json()
    row.save(update_fields=["choices", "updated_at"])
    return row


def effective_choices(press_import: PressImport, choices: ReviewChoices | None = None) -> ReviewChoices:
    resolution = Resolution.from_json(press_import.resolution)
    stored = ReviewChoices.from_json(press_import.choices).over(certain_choices(resolution))
    return choices.over(stored) if choices else stored


def _required(chosen: ReviewChoices) -> None:
    errors = {}
    if not chosen.unit_code:
        errors["unit_code"] = [_("Choose the unit that carried out the activity.")]
    if not chosen.region_code:
        errors["region_code"] = [_("Choose the place of the activity.")]
    if chosen.day is None:
        errors["occurred_at"] = [_("Choose the date of the activity.")]
    if not chosen.activity_type:
        errors["activity_type"] = [_("Choose the type of activity.")]
    if not chosen.officer_ids:
        errors["officer_ids"] = [_("Choose at least one officer who took part.")]
    if errors:
        raise ValidationError(errors)


def _narrative(row: PressImport) -> str:
    # Stored in the release's own language (Indonesian), whatever the reviewer reads in.
    text = row.text if len(row.text) <= NARRATIVE_CHARS else row.text[:NARRATIVE_CHARS].rstrip() + " […]"
    source = ["Sumber: rilis pers"]
    if row.source_url:
        source.append(row.source_url)
    if row.published_on:
        source.append(f"dirilis {row.published_on:%d/%m/%Y}")
    return f"{text}\n\n{' · '.join(source)}"


def _figure_candidates(activity: Activity, resolution: Resolution, chosen_ids: list[int]) -> None:
    """Every figure the release names that the draft does not link stays to be confirmed."""
    for match in resolution.figures:
        if any(c.value in chosen_ids for c in match.candidates):
            continue
        extra = match.extra
        role = extra.get("role") or ""
        FigureCandidate.objects.create(
            activity=activity,
            raw_text=(f"{extra.get('name', '')}, {role}" if role else extra.get("name", ""))[:200],
            name=(extra.get("name") or "")[:120],
            honorific=honorific_of(role),
            kind=_KIND_OF_CATEGORY.get(extra.get("category") or "", ""),
        )


@transaction.atomic
def confirm_import(user, press_import: PressImport, choices: ReviewChoices | None = None) -> Activity:
    """Create the draft activity from the certain matches and the reviewer's choices."""
    row = _reviewable(user, press_import)
    if not can(user, "add", "records"):
        raise PermissionDenied(
            _("Your role may not record activities: a commander of the area confirms this import.")
        )
    chosen = effective_choices(row, choices)
    _required(chosen)
    resolution = Resolution.from_json(row.resolution)
    data = activity_services.ActivityInput(
        activity_type=chosen.activity_type,
        region_code=chosen.region_code,
        occurred_at=datetime.combine(chosen.day, DEFAULT_TIME),
        officer_ids=list(chosen.officer_ids or []),
        figure_ids=list(chosen.figure_ids or []),
        theme_codes=list(chosen.theme_codes or []),
        narrative=_narrative(row),
        unit_code=chosen.unit_code,
        election_phase=resolution.election_phase,
    )
    activity, _created = activity_services.record_activity(
        user, data, source=Source.PRESS, idempotency_key=f"press:{row.text_hash[:64]}"
    )
    _figure_candidates(activity, resolution, list(chosen.figure_ids or []))
    row.activity, row.status, row.choices = activity, ImportStatus.DRAFTED, chosen.to_json()
    row.save(update_fields=["activity", "status", "choices", "updated_at"])
    return activity


@transaction.atomic
def discard_import(user, press_import: PressImport) -> PressImport:
    """Set an import aside (not a cooling activity, or a duplicate of a recorded one); it stays,
    so importing the same article again does not bring it back."""
    row = _reviewable(user, press_import)
    row.status = ImportStatus.DISCARDED
    row.save(update_fields=["status", "updated_at"])
    return row
