from django.db import models
from django.utils.translation import gettext_lazy as _

from sejuk.activities.vocabulary import FIGURE_KINDS

# Kinds come from the shared vocabulary so the chat parser and the extractor use the same codes.
FigureKind = models.TextChoices("FigureKind", [(t.code.upper(), (t.code, t.label_id)) for t in FIGURE_KINDS])


class OrganisationKind(models.TextChoices):
    MOSQUE = "masjid", _("Mosque / musala")
    CHURCH = "gereja", _("Church")
    PESANTREN = "pesantren", _("Pesantren")
    TEMPLE = "pura_vihara", _("Temple (pura, vihara, klenteng)")
    ORMAS = "ormas", _("Civil-society organisation (ormas)")
    KARANG_TARUNA = "karang_taruna", _("Karang Taruna")
    PKK = "pkk", _("PKK")
    CUSTOMARY = "lembaga_adat", _("Customary council")
    OTHER = "other", _("Other")


class Religion(models.TextChoices):
    ISLAM = "islam", "Islam"
    PROTESTANT = "kristen", _("Protestant")
    CATHOLIC = "katolik", _("Catholic")
    HINDU = "hindu", "Hindu"
    BUDDHIST = "buddha", _("Buddhist")
    CONFUCIAN = "konghucu", _("Confucian")
    BELIEF = "kepercayaan", _("Indigenous belief")


class Alignment(models.TextChoices):
    UNKNOWN = "unknown", _("Unknown")
    NEUTRAL = "neutral", _("Neutral")
    ALIGNED = "aligned", _("Aligned with a candidate or party")
