"""Stored temperatures (#4): a snapshot per kecamatan and day with the parts that produced it, roll-ups
per kabupaten, province, nation and unit area, the settings that override the engine's defaults, and
in-app notifications. The numbers themselves come from the pure engine (config, scoring, rollup).
"""

from __future__ import annotations

import hashlib
import json

from auditlog.registry import auditlog
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sejuk.core.jurisdiction import Jurisdiction, ScopedModel, region_q
from sejuk.heat.config import BANDS, HeatConfig
from sejuk.heat.inputs import AreaHeat, Part

BAND_CHOICES = [(band, band) for band in BANDS]


class HeatConfigVersion(models.Model):
    """The settings one run used, stored once and named by their digest: each snapshot points at its
    version, so an old number is always explained with the settings of its day (docs/temperature.md)."""

    digest = models.CharField(max_length=16, primary_key=True)
    values = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("temperature settings version")
        verbose_name_plural = _("temperature settings versions")

    def __str__(self) -> str:
        return self.digest

    @staticmethod
    def digest_of(config: HeatConfig) -> str:
        text = json.dumps(config.as_dict(), sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    @property
    def config(self) -> HeatConfig:
        return HeatConfig.from_dict(self.values)


class HeatSnapshot(ScopedModel):
    """The temperature of one kecamatan on one local day, with its parts (they add up to `value`)."""

    region = models.ForeignKey(
        "regions.Region", verbose_name=_("kecamatan"), on_delete=models.PROTECT, related_name="+"
    )
    day = models.DateField(_("day"))
    value = models.FloatField(_("temperature"))
    band = models.CharField(_("band"), max_length=6, choices=BAND_CHOICES)
    parts = models.JSONField(_("parts"))
    config = models.ForeignKey(HeatConfigVersion, on_delete=models.PROTECT, related_name="+")
    computed_at = models.DateTimeField(_("computed at"))

    permission_domain = "records"

    class Meta:
        verbose_name = _("temperature snapshot")
        verbose_name_plural = _("temperature snapshots")
        ordering = ["-day", "-value", "region_id"]
        constraints = [models.UniqueConstraint(fields=["region", "day"], name="unique_heat_snapshot")]
        indexes = [models.Index(fields=["day"]), models.Index(fields=["day", "band"])]

    def __str__(self) -> str:
        return f"{self.region_id} {self.day}: {self.value:g} {self.band}"

    @property
    def code(self) -> str:
        return self.region_id

    @classmethod
    def jurisdiction_q(cls, jurisdiction: Jurisdiction) -> Q:
        return region_q("region__code", jurisdiction.region_prefixes)

    def as_area_heat(self) -> AreaHeat:
        parts = tuple(Part(**part) for part in self.parts)
        return AreaHeat(self.region_id, self.day, self.value, self.band, parts)


class RollupKind(models.TextChoices):
    NATION = "nation", _("Indonesia")
    PROVINCE = "province", _("Province")
    KABUPATEN = "kabupaten", _("Regency / city")
    UNIT = "unit", _("Unit area")


class HeatRollup(ScopedModel):
    """Kecamatan temperatures rolled up; the band is the band of the hottest kecamatan (see rollup.py)."""

    kind = models.CharField(_("kind"), max_length=10, choices=RollupKind.choices)
    # Region code (kabupaten, province), unit code, or "" for the nation.
    code = models.CharField(_("code"), max_length=60, blank=True)
    day = models.DateField(_("day"))
    max_value = models.FloatField(_("hottest value"))
    mean_value = models.FloatField(_("mean value"))
    band = models.CharField(_("band"), max_length=6, choices=BAND_CHOICES)
    hottest_code = models.CharField(_("hottest kecamatan"), max_length=8)
    area_count = models.PositiveIntegerField(_("kecamatan"))
    band_counts = models.JSONField(_("kecamatan per band"))
    computed_at = models.DateTimeField(_("computed at"))

    permission_domain = "records"

    class Meta:
        verbose_name = _("temperature roll-up")
        verbose_name_plural = _("temperature roll-ups")
        ordering = ["-day", "kind", "code"]
        constraints = [models.UniqueConstraint(fields=["kind", "code", "day"], name="unique_heat_rollup")]
        indexes = [models.Index(fields=["day", "kind"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.code or 'ID'} {self.day}: {self.max_value:g} {self.band}"

    @classmethod
    def jurisdiction_q(cls, jurisdiction: Jurisdiction) -> Q:
        from sejuk.units.models import Unit

        regions = Q(kind__in=[RollupKind.KABUPATEN, RollupKind.PROVINCE]) & region_q(
            "code", jurisdiction.region_prefixes
        )
        units = Unit.objects.filter(path__startswith=jurisdiction.unit_path).values("code")
        return regions | Q(kind=RollupKind.UNIT, code__in=units)


class HeatSettings(models.Model):
    """One row: the engine's settings that differ from the defaults in sejuk.heat.config.HeatConfig.

    National: a change moves every area in the country, so only national administrators change it
    (see admin.py). Runs after the change use it; stored snapshots keep the version they were made with.
    """

    values = models.JSONField(_("settings that differ from the defaults"), default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("temperature settings")
        verbose_name_plural = _("temperature settings")

    def __str__(self) -> str:
        return str(_("Temperature settings"))

    def save(self, *args, **kwargs):
        self.pk = 1  # a single row
        super().save(*args, **kwargs)

    def clean(self):
        try:
            HeatConfig.from_dict(self.values or {})
        except (TypeError, ValueError) as error:
            raise ValidationError({"values": str(error)}) from error

    @classmethod
    def current_config(cls) -> HeatConfig:
        """The defaults overridden by the stored row (one query)."""
        row = cls.objects.filter(pk=1).first()
        return HeatConfig.from_dict(row.values) if row else HeatConfig()


class NotificationKind(models.TextChoices):
    BAND_ROSE = "band_rose", _("Temperature band rose")


class NotificationQuerySet(models.QuerySet):
    def restrict(self, user):
        """A user's own notifications only: nobody reads another person's."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(user=user)

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """An in-app message to one user; the e-mail carries the same text."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("kind"), max_length=20, choices=NotificationKind.choices)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    area_code = models.CharField(_("area"), max_length=13, blank=True)
    day = models.DateField(_("day"), null=True, blank=True)
    parts = models.JSONField(_("reasons"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.title


auditlog.register(HeatSettings)
