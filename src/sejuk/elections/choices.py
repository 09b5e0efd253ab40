"""Kinds and statuses of the election calendar. Phase codes the heat engine knows are its own."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from sejuk.heat import config as heat


class ElectionKind(models.TextChoices):
    PILKADA = "pilkada", _("Regional head election (Pilkada)")
    PEMILU = "pemilu", _("General election (Pemilu)")
    PSU = "psu", _("Re-vote (PSU)")


class PhaseKind(models.TextChoices):
    """Stages of an election. The five tense ones reuse the heat engine's codes (heat.config)."""

    KAMPANYE = "kampanye", _("Campaign")
    MASA_TENANG = "masa_tenang", _("Quiet days")
    PEMUNGUTAN = heat.PEMUNGUTAN, _("Voting day")
    REKAPITULASI = heat.REKAPITULASI, _("Vote recapitulation")
    PENETAPAN = heat.PENETAPAN, _("Determination of results")
    SENGKETA_MK = heat.SENGKETA_MK, _("Constitutional Court dispute")
    PSU = heat.PSU, _("Re-vote (PSU)")
    PELANTIKAN = "pelantikan", _("Inauguration")


# The phases the temperature engine weighs; the others are shown in the calendar only.
TENSE_PHASES = frozenset(heat.PHASE_KINDS)


class Office(models.TextChoices):
    GOVERNOR = "governor", _("Governor")
    REGENT = "regent", _("Regent (bupati)")
    MAYOR = "mayor", _("Mayor (wali kota)")


class ContestStatus(models.TextChoices):
    NORMAL = "normal", _("Normal")
    DISPUTED = "disputed", _("Disputed at the Constitutional Court (MK)")
    REVOTE_ORDERED = "revote_ordered", _("Re-vote ordered")
    REVOTED = "revoted", _("Re-vote held")
    FINAL = "final", _("Final")


class ResultKind(models.TextChoices):
    QUICK_COUNT = "quick_count", _("Quick count")
    OFFICIAL = "official", _("Official (KPU)")


class IkpBand(models.TextChoices):
    """Bawaslu's Indeks Kerawanan Pemilu bands, as the heat engine names them."""

    RENDAH = "rendah", _("Low")
    SEDANG = "sedang", _("Medium")
    TINGGI = "tinggi", _("High")
