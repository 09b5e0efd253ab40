"""Use cases for the figure registry: register with a duplicate guard, merge, read personal data."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sejuk.accounts.roles import can
from sejuk.core.audit import log_personal_access
from sejuk.core.jurisdiction import jurisdiction_of
from sejuk.figures.models import Figure
from sejuk.units.names import normalize_person_name, split_name


@dataclass
class FigureResult:
    figure: Figure | None
    duplicates: list[Figure]

    @property
    def needs_confirmation(self) -> bool:
        return self.figure is None and bool(self.duplicates)


def possible_duplicates(name: str, region_code: str, exclude_pk: int | None = None) -> list[Figure]:
    """Figures in the same kecamatan whose name without titles matches."""
    kecamatan = ".".join(region_code.split(".")[:3])
    queryset = Figure.objects.current().filter(
        kecamatan_code=kecamatan, normalized_name=normalize_person_name(name)
    )
    if exclude_pk:
        queryset = queryset.exclude(pk=exclude_pk)
    return list(queryset.select_related("home_region"))


def register_figure(user, data: dict, *, confirm_new: bool = False) -> FigureResult:
    """Create a figure. A likely duplicate stops creation unless the user confirmed it is new."""
    if not can(user, "add", "records"):
        raise PermissionDenied(_("Your role may not register figures."))
    region_code = (
        data["home_region"].code if hasattr(data.get("home_region"), "code") else data["home_region_id"]
    )
    if not jurisdiction_of(user).covers_region(region_code):
        raise ValidationError({"home_region": _("This place is outside your jurisdiction.")})
    person = split_name(data.get("name", ""))
    if not person.name:
        raise ValidationError({"name": _("The name is required.")})
    duplicates = possible_duplicates(person.name, region_code)
    if duplicates and not confirm_new:
        return FigureResult(figure=None, duplicates=duplicates)
    fields = {k: v for k, v in data.items() if k not in {"name"}}
    fields.setdefault("front_titles", person.front)
    fields.setdefault("degrees", person.back)
    figure = Figure(name=person.name, created_by=user if user.is_authenticated else None, **fields)
    figure.full_clean()
    figure.save()
    return FigureResult(figure=figure, duplicates=[])


@transaction.atomic
def merge_figures(user, keep: Figure, duplicate: Figure) -> Figure:
    """Fold `duplicate` into `keep`: its activities move over, it stays as a pointer for history."""
    if not can(user, "change", "records"):
        raise PermissionDenied(_("Your role may not merge figures."))
    jurisdiction = jurisdiction_of(user)
    for figure in (keep, duplicate):
        if not jurisdiction.national and not figure.is_within(jurisdiction):
            raise PermissionDenied(_("Both figures must be inside your jurisdiction."))
    if keep.pk == duplicate.pk or duplicate.merged_into_id:
        raise ValidationError(_("These figures cannot be merged."))
    for activity in duplicate.activities.all():
        activity.figures.add(keep)
    for field in ("phone", "address", "role", "organisation"):
        if not getattr(keep, field) and getattr(duplicate, field):
            setattr(keep, field, getattr(duplicate, field))
    keep.influence = max(keep.influence, duplicate.influence)
    keep.public_consent = keep.public_consent and duplicate.public_consent
    keep.save()
    duplicate.merged_into = keep
    duplicate.save(update_fields=["merged_into", "updated_at"])
    return keep


def personal_data(user, figure: Figure) -> dict[str, str] | None:
    """Phone and address for roles that may see them, each read recorded; None for the others."""
    if not can(user, "view", "personal"):
        return None
    log_personal_access([figure])
    return {field: getattr(figure, field) for field in Figure.PERSONAL_FIELDS}
