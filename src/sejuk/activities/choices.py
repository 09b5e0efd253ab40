from django.db import models
from django.utils.translation import gettext_lazy as _

from sejuk.activities.vocabulary import ACTIVITY_TYPES, PARTNER_KINDS, SITUATIONS


def _text_choices(name, terms):
    # Codes and Indonesian labels come from the shared vocabulary (sejuk.activities.vocabulary).
    return models.TextChoices(name, [(t.code.upper(), (t.code, t.label_id)) for t in terms])


ActivityType = _text_choices("ActivityType", ACTIVITY_TYPES)
Situation = _text_choices("Situation", SITUATIONS)
PartnerKind = _text_choices("PartnerKind", PARTNER_KINDS)


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    VERIFIED = "verified", _("Verified")
    RETURNED = "returned", _("Returned for correction")


class Source(models.TextChoices):
    FORM = "form", _("Web form")
    API = "api", _("API")
    CHAT = "chat", _("Chat message")
    PRESS = "press", _("Press release")


class LocationCheck(models.TextChoices):
    NONE = "none", _("No GPS point")
    OK = "ok", _("GPS point inside the area")
    FAR = "far", _("GPS point far from the area")
