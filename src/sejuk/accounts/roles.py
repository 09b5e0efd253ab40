"""Roles and what each may do. One matrix, read by every queryset, page, API endpoint and admin.

Actions are verbs on a permission domain: "units" (the organisation: units, officers),
"records" (figures, activities, incidents and what hangs off them), "press" (releases),
"audit" (the audit trail) and "personal" (phone numbers and addresses of people).
Jurisdiction (which rows) is applied separately by sejuk.core.jurisdiction.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    FIELD_OFFICER = "field_officer", _("Field officer")
    COMMANDER = "commander", _("Unit commander")
    ANALYST = "analyst", _("Analyst")
    HUMAS = "humas", _("Public relations (Humas)")
    ADMINISTRATOR = "administrator", _("Administrator")
    AUDITOR = "auditor", _("Auditor")


READ = {"view"}
WRITE = {"view", "add", "change"}

MATRIX: dict[str, dict[str, set[str]]] = {
    Role.FIELD_OFFICER: {"units": READ, "records": WRITE | {"export"}, "press": READ, "personal": READ},
    Role.COMMANDER: {
        "units": READ,
        "records": WRITE | {"verify", "export", "delete"},
        "press": WRITE | {"approve", "import"},
        "personal": READ,
    },
    # "import" on press: read a published release into a draft activity for review (#5).
    Role.ANALYST: {"units": READ, "records": READ | {"export"}, "press": READ | {"import"}},
    Role.HUMAS: {"units": READ, "records": READ, "press": WRITE | {"publish", "import"}},
    Role.ADMINISTRATOR: {
        "units": WRITE | {"delete", "export"},
        "records": WRITE | {"delete", "export"},
        "press": WRITE | {"import"},
        "personal": READ | {"export"},
        "audit": READ,
        "accounts": WRITE | {"delete"},
    },
    Role.AUDITOR: {
        "units": READ | {"export"},
        "records": READ | {"export"},
        "press": READ,
        "audit": READ,
        "accounts": READ,
    },
}


def can(user, action: str, domain: str) -> bool:
    """Whether the user's role allows `action` in `domain` (anywhere in their jurisdiction)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return action in MATRIX.get(user.role, {}).get(domain, set())
