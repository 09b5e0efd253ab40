from auditlog.registry import auditlog
from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sejuk.accounts.roles import Role
from sejuk.core.jurisdiction import Jurisdiction, ScopedQuerySet


class ScopedUserManager(UserManager.from_queryset(ScopedQuerySet)):
    pass


class User(AbstractUser):
    """A person who logs in. Belongs to one unit and sees only that unit's area and below."""

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.FIELD_OFFICER)
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    officer = models.OneToOneField(
        "units.Officer",
        verbose_name=_("officer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="user",
    )

    permission_domain = "accounts"
    objects = ScopedUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @classmethod
    def jurisdiction_q(cls, jurisdiction: Jurisdiction) -> Q:
        return Q(unit__path__startswith=jurisdiction.unit_path)

    def clean(self):
        super().clean()
        if not self.is_superuser and self.unit_id is None:
            raise ValidationError({"unit": _("Every user except a superuser belongs to a unit.")})


auditlog.register(User, exclude_fields=["password", "last_login"])


class ApiToken(models.Model):
    """A personal API token. Only its SHA-256 is stored; the key is shown once, at creation."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=80, blank=True)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=8, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.user} {self.prefix}…"


auditlog.register(ApiToken, exclude_fields=["key_hash", "last_used_at"])
