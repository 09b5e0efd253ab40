from auditlog.registry import auditlog
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sejuk.accounts.roles import can
from sejuk.core.jurisdiction import Jurisdiction, ScopedModel, ScopedQuerySet
from sejuk.press.choices import Language, Status


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


auditlog.register(PressRelease, m2m_fields={"activities"})
