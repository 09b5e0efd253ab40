"""Who reads and who changes election data: the one door (restrict) and the per-row check.

Reference data, not personal: every signed-in user reads all of it. Changes follow the "units"
row of the role matrix (administrators) and the row's region: a row belongs to the region code
named by `scope_lookup`; a row without one (an election, a national phase) is national and only
national administrators change it (#4).
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from sejuk.accounts.roles import can
from sejuk.core.jurisdiction import Jurisdiction, jurisdiction_of, region_q

PERMISSION_DOMAIN = "units"


def covers(jurisdiction: Jurisdiction, code: str) -> bool:
    """Whether a row belonging to `code` ("" = the whole country) lies inside the jurisdiction."""
    if jurisdiction.national:
        return True
    return bool(code) and jurisdiction.covers_region(code)


class ElectionQuerySet(models.QuerySet):
    def restrict(self, user, action: str = "view"):
        """Every signed-in user reads all rows; other actions follow the matrix and the area."""
        if action == "view":
            signed_in = user is not None and user.is_authenticated and user.is_active
            return self if signed_in else self.none()
        if not can(user, action, PERMISSION_DOMAIN):
            return self.none()
        jurisdiction = jurisdiction_of(user)
        if jurisdiction.national:
            return self
        return self.filter(self.model.jurisdiction_q(jurisdiction))


class ElectionData(models.Model):
    """Common door of the election models: restrict(), and who may change a row."""

    permission_domain = PERMISSION_DOMAIN
    # The lookup naming the row's region code; None means the row is national.
    scope_lookup: str | None = None

    objects = ElectionQuerySet.as_manager()

    class Meta:
        abstract = True

    @classmethod
    def jurisdiction_q(cls, jurisdiction: Jurisdiction) -> Q:
        if cls.scope_lookup is None:
            return Q(pk__in=[])
        return region_q(cls.scope_lookup, jurisdiction.region_prefixes)

    @property
    def scope_code(self) -> str:
        return ""

    def editable_by(self, user, action: str = "change") -> bool:
        return can(user, action, PERMISSION_DOMAIN) and covers(jurisdiction_of(user), self.scope_code)
