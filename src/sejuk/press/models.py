from auditlog.registry import auditlog
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sejuk.accounts.roles import can
from sejuk.core.jurisdiction import Jurisdiction, ScopedModel, ScopedQuerySet
from sejuk.press.choices import ImportStatus, Language, Status


class PressReleaseQuerySet(ScopedQuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def for_user(self, user):
        """Releases `user` may read: unpublished ones only for the press roles (writers, approvers)
        and auditors; everyone else with a press view right sees the published ones of their area."""
        rows = self.restrict(user, "view")
        if can(user, "change", "press") or can(user, "view", "audit"):
            return rows
        return rows.filter(status=Status.PUBLISHED)


class PressRelease(ScopedModel):
    """A press release written from verified activities, edited by Humas, approved, published."""

    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="press_releases"
    )
    activities = models.ManyToManyField(
        "activities.Activity", verbose_name=_("activities"), related_name="press_releases"
    )
    activity_date = models.DateField(_("date of the activities"), db_index=True)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.INDONESIAN
    )
    title = models.CharField(_("headline"), max_length=250)
    body = models.TextField(_("text"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    writer_initials = models.CharField(_("writer's initials"), max_length=12, blank=True)
    # The phrasing variant (the activity id, or the day for a daily release): same record, same text.
    variant_seed = models.IntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="press_releases_written"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="press_releases_approved",
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, db_index=True)

    permission_domain = "press"
    objects = PressReleaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")
        ordering = ["-activity_date", "-pk"]

    def __str__(self) -> str:
        return self.title

    @classmethod
    def jurisdiction_q(cls, jurisdiction: Jurisdiction) -> Q:
        return Q(unit__path__startswith=jurisdiction.unit_path)

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


class PressImportQuerySet(ScopedQuerySet):
    def for_user(self, user):
        """Imports `user` may read: those of their area, for the roles that import and for auditors."""
        if not (can(user, "import", "press") or can(user, "view", "audit")):
            return self.none()
        return self.restrict(user, "view")


class PressImport(ScopedModel):
    """A published release read back into the records: what the extractor understood, how each
    part matched the registry (certain, or ranked candidates with the reason), and the draft
    activity once a person confirmed the missing choices (#5)."""

    status = models.CharField(
        _("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.PENDING, db_index=True
    )
    # Idempotency: the same article (same normalised text, or the same address) is imported once.
    text_hash = models.CharField(max_length=64, unique=True, editable=False)
    source_url = models.URLField(_("source address"), max_length=500, blank=True)
    published_on = models.DateField(_("publication date"), null=True, blank=True)
    title = models.CharField(_("headline"), max_length=250, blank=True)
    text = models.TextField(
        _("text"), help_text=_("The release as read: tags, scripts and boilerplate removed.")
    )
    extraction = models.JSONField(_("extraction"), default=dict)
    resolution = models.JSONField(_("matches and candidates"), default=dict)
    choices = models.JSONField(_("reviewer's choices"), default=dict, blank=True)
    # Whose area the import belongs to: the release's unit once certain, else the importer's unit.
    scope_path = models.CharField(max_length=400, db_index=True, editable=False)
    activity = models.OneToOneField(
        "activities.Activity",
        verbose_name=_("draft activity"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="press_import",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="press_imports"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    permission_domain = "press"
    objects = PressImportQuerySet.as_manager()

    class Meta:
        verbose_name = _("imported release")
        verbose_name_plural = _("imported releases")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_url"], name="unique_press_import_url", condition=~Q(source_url="")
            ),
        ]

    def __str__(self) -> str:
        return self.title or f"#{self.pk}"

    @classmethod
    def jurisdiction_q(cls, jurisdiction: Jurisdiction) -> Q:
        return Q(scope_path__startswith=jurisdiction.unit_path)


auditlog.register(PressRelease, m2m_fields={"activities"})
auditlog.register(PressImport, exclude_fields=["text", "extraction"])
