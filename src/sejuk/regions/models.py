from zoneinfo import ZoneInfo

from auditlog.registry import auditlog
from django.db import models
from django.utils.translation import gettext_lazy as _

from sejuk.regions.choices import IANA_ZONE, Kind, Level, TimeZone


class Region(models.Model):
    """A Kemendagri region. The dotted code is the key and a path: 32.15.05 lies under 32.15."""

    code = models.CharField(_("code"), max_length=13, primary_key=True)
    name = models.CharField(_("name"), max_length=120)
    # Lower-case, punctuation-free name used for look-up ("Kab. Karawang" -> "karawang").
    search_name = models.CharField(max_length=120, db_index=True, editable=False)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices, db_index=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    timezone = models.CharField(_("time zone"), max_length=4, choices=TimeZone.choices)
    postal_code = models.CharField(_("postal code"), max_length=5, blank=True)
    # A code that a newer dataset dropped stays, so records pointing at it keep working.
    retired = models.BooleanField(_("retired"), default=False)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        prefix = {Kind.KABUPATEN: "Kabupaten ", Kind.KOTA: "Kota "}.get(self.kind, "")
        return f"{prefix}{self.name}"

    @property
    def tzinfo(self) -> ZoneInfo:
        return ZoneInfo(IANA_ZONE[self.timezone])

    def ancestor_codes(self) -> list[str]:
        parts = self.code.split(".")
        return [".".join(parts[:i]) for i in range(1, len(parts))]


class RegionDataset(models.Model):
    """Which version of the reference package is loaded; one row per load that changed something."""

    package = models.CharField(max_length=40)
    version = models.CharField(max_length=40)
    loaded_at = models.DateTimeField(auto_now_add=True)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    retired = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-loaded_at"]

    def __str__(self) -> str:
        return f"{self.package} {self.version} ({self.loaded_at:%Y-%m-%d})"


auditlog.register(RegionDataset)
