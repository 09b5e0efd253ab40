from django.db import models
from django.utils.translation import gettext_lazy as _

from sejuk.heat.config import AMBANG_GANGGUAN, GANGGUAN_NYATA, POTENSI_GANGGUAN


class IncidentType(models.TextChoices):
    PROVOCATION = "provocation", _("Provocation")
    HOAX = "hoax", _("Hoax or disinformation")
    HATE_SPEECH = "hate_speech", _("Hate speech")
    INTIMIDATION = "intimidation", _("Intimidation")
    MONEY_POLITICS = "money_politics", _("Money politics")
    MASS_GATHERING = "mass_gathering", _("Mass gathering or demonstration")
    SUPPORTER_CLASH = "supporter_clash", _("Clash between supporters")
    VANDALISM = "vandalism", _("Vandalism or arson")
    THREAT_TO_OFFICIALS = "threat_to_officials", _("Threat to election officials or logistics")
    OTHER = "other", _("Other")


class Severity(models.TextChoices):
    """Polri's three steps, least severe first; the codes are the temperature engine's (heat.config)."""

    POTENSI_GANGGUAN = POTENSI_GANGGUAN, _("Potential disturbance (potensi gangguan)")
    AMBANG_GANGGUAN = AMBANG_GANGGUAN, _("Threshold disturbance (ambang gangguan)")
    GANGGUAN_NYATA = GANGGUAN_NYATA, _("Actual disturbance (gangguan nyata)")


class Source(models.TextChoices):
    OFFICER = "officer", _("Officer")
    PUBLIC_TIP = "public_tip", _("Public tip")
    MEDIA = "media", _("Media")
    SOCIAL_MEDIA = "social_media", _("Social media")


class Status(models.TextChoices):
    REPORTED = "reported", _("Reported")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")
    RESPONDING = "responding", _("Response under way")
    RESOLVED = "resolved", _("Resolved")


# Statuses in which the incident is confirmed and still needs work.
OPEN_CONFIRMED = (Status.VERIFIED, Status.RESPONDING)
CONFIRMED = (Status.VERIFIED, Status.RESPONDING, Status.RESOLVED)
