"""Who may see what: a user's jurisdiction and the one queryset door that applies it.

Region codes are paths ("32.15.05.2001" lies under "32.15.05" under "32.15" under "32"), and
unit paths are too ("/mabes/polda-jabar/polres-karawang/"). A user's jurisdiction is the subtree
of their unit and the region-code prefixes of that unit's area. Every scoped model implements
`jurisdiction_q()`; every list, page, export, admin screen and API endpoint gets its rows through
`Model.objects.restrict(user, action)`. No view filters by unit on its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db import models
from django.db.models import Q


@dataclass(frozen=True)
class Jurisdiction:
    # None means the whole country (Mabes users and superusers).
    unit_path: str | None
    region_prefixes: tuple[str, ...] | None

    @property
    def national(self) -> bool:
        return self.unit_path is None

    def covers_region(self, code: str) -> bool:
        if self.region_prefixes is None:
            return True
        return any(code == p or code.startswith(p + ".") for p in self.region_prefixes)

    def covers_unit_path(self, path: str) -> bool:
        return self.unit_path is None or path.startswith(self.unit_path)


NOTHING = Jurisdiction(unit_path="/nothing/", region_prefixes=())
EVERYTHING = Jurisdiction(unit_path=None, region_prefixes=None)


def region_q(field: str, prefixes: tuple[str, ...] | None) -> Q:
    """Rows whose region code in `field` lies inside one of the prefixes."""
    if prefixes is None:
        return Q()
    if not prefixes:
        return Q(pk__in=[])
    return reduce(or_, (Q(**{field: p}) | Q(**{f"{field}__startswith": p + "."}) for p in prefixes))


def unit_jurisdiction(unit, area_codes: Iterable[str] | None = None) -> Jurisdiction:
    """The unit's jurisdiction, computed once per unit object (reading its area is a query, unless
    the caller read the area codes already: the API token look-up does, in the same statement)."""
    cached = getattr(unit, "_sejuk_jurisdiction", None)
    if cached is None:
        cached = unit._sejuk_jurisdiction = unit.jurisdiction(area_codes)
    return cached


def jurisdiction_of(user) -> Jurisdiction:
    """The user's jurisdiction, computed once per user object."""
    if user is None or not user.is_authenticated or not user.is_active:
        return NOTHING
    cached = getattr(user, "_sejuk_jurisdiction", None)
    if cached is not None:
        return cached
    if user.is_superuser:
        result = EVERYTHING
    elif user.unit_id is None:
        result = NOTHING
    else:
        result = unit_jurisdiction(user.unit)
    user._sejuk_jurisdiction = result
    return result


def restriction_key(user, model, action: str = "view") -> tuple:
    """Everything `Model.objects.restrict(user, action)` depends on, as a hashable key for caches
    of compiled querysets (sejuk/core/compiled.py). Keep it in step with `restrict()` below."""
    from sejuk.accounts.roles import can

    allowed = can(user, action, model.permission_domain)
    return (model._meta.label, action, allowed, jurisdiction_of(user) if allowed else None)


class ScopedQuerySet(models.QuerySet):
    def restrict(self, user, action: str = "view"):
        """Only the rows `user` may perform `action` on ("view", "change", "delete", ...)."""
        from sejuk.accounts.roles import can

        if not can(user, action, self.model.permission_domain):
            return self.none()
        jurisdiction = jurisdiction_of(user)
        if jurisdiction.national:
            return self
        return self.filter(self.model.jurisdiction_q(jurisdiction))


class ScopedModel(models.Model):
    """A model whose rows belong to a place in the unit tree or the region tree."""

    # Which row of the role matrix (sejuk.accounts.roles) governs this model.
    permission_domain = "records"

    objects = ScopedQuerySet.as_manager()

    class Meta:
        abstract = True

    @classmethod
    def jurisdiction_q(cls, jurisdiction: Jurisdiction) -> Q:
        raise NotImplementedError

    def is_within(self, jurisdiction: Jurisdiction) -> bool:
        return type(self).objects.filter(pk=self.pk).filter(self.jurisdiction_q(jurisdiction)).exists()
