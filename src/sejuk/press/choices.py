from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    """The Humas workflow: draft → edited → approved by the commander → published (issue #5)."""

    DRAFT = "draft", _("Draft")
    EDITED = "edited", _("Edited")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")


class Language(models.TextChoices):
    INDONESIAN = "id", "Bahasa Indonesia"
    ENGLISH = "en", "English"


class Format(models.TextChoices):
    TEXT = "txt", _("Text")
    HTML = "html", "HTML"
    DOCX = "docx", "DOCX"


class ImportStatus(models.TextChoices):
    """A published release read back into the records (#5): reviewed, then drafted or set aside."""

    PENDING = "pending", _("Awaiting review")
    DRAFTED = "drafted", _("Draft activity created")
    DISCARDED = "discarded", _("Set aside")
