from auditlog.registry import auditlog
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sejuk.activities.choices import ActivityType, LocationCheck, Situation, Source, Status
from sejuk.core.jurisdiction import Jurisdiction, ScopedModel, ScopedQuerySet, region_q


class AppealTheme(models.Model):
    """An appeal theme in the managed library, with its standard wording in both languages."""

    code = models.SlugField(_("code"), max_length=40, primary_key=True)
    label_id = models.CharField(_("label (Indonesian)"), max_length=80)
    label_en = models.CharField(_("label (English)"), max_length=80)
    wording_id = models.TextField(_("standard wording (Indonesian)"))
    wording_en = models.TextField(_("standard wording (English)"))
    active = models.BooleanField(_("active"), default=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("appeal theme")
        verbose_name_plural = _("appeal themes")
        ordering = ["order"]

    def __str__(self) -> str:
        return self.label_id


class ActivityQuerySet(ScopedQuerySet):
    def with_related(self):
        return self.select_related("region", "unit", "created_by").prefetch_related(
            "officers__rank", "figures", "themes"
        )


class Activity(ScopedModel):
    """One cooling activity, entered once by any intake path and seen by everyone entitled to."""

    activity_type = models.CharField(_("type"), max_length=20, choices=ActivityType.choices)
    # Indexed by activity_heat_window_idx, which starts with it (Meta.indexes).
    occurred_at = models.DateTimeField(_("when"))
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("place"), on_delete=models.PROTECT, related_name="activities"
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-11.5), MaxValueValidator(6.5)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(94.5), MaxValueValidator(141.5)],
    )
    location_check = models.CharField(max_length=5, choices=LocationCheck.choices, default=LocationCheck.NONE)
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="activities",
        db_index=False,  # the (unit, occurred_at) index serves it (Meta.indexes)
    )
    officers = models.ManyToManyField("units.Officer", verbose_name=_("officers"), related_name="activities")
    figures = models.ManyToManyField(
        "figures.Figure", verbose_name=_("figures engaged"), blank=True, related_name="activities"
    )
    partners = models.JSONField(_("partners"), default=list, blank=True)
    attendance = models.PositiveIntegerField(
        _("attendance"), null=True, blank=True, validators=[MaxValueValidator(100000)]
    )
    themes = models.ManyToManyField(
        AppealTheme, verbose_name=_("appeal themes"), blank=True, related_name="activities"
    )
    narrative = models.TextField(_("narrative"), blank=True)
    situation = models.CharField(
        _("situation observed"), max_length=10, choices=Situation.choices, default=Situation.AMAN
    )
    election_phase = models.CharField(_("election phase"), max_length=40, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )  # indexed in Meta.indexes: a plain index, without PostgreSQL's second one for LIKE
    return_note = models.TextField(_("note from the commander"), blank=True)
    source = models.CharField(_("source"), max_length=6, choices=Source.choices, default=Source.FORM)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="activities_created"
    )
    # Client-generated id: a retry with the same key returns the stored record.
    # NULL (not "") when absent, so the unique constraint ignores records sent without a key.
    idempotency_key = models.CharField(max_length=100, null=True, blank=True, editable=False)  # noqa: DJ001
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities_verified",
    )

    permission_domain = "records"
    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-occurred_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["created_by", "idempotency_key"],
                name="unique_activity_idempotency_key",
                condition=Q(idempotency_key__isnull=False),
            ),
        ]
        # Each index costs every submission an insertion (#3): none of them repeats another.
        indexes = [
            models.Index(fields=["status"], name="activity_status_idx"),
            models.Index(fields=["unit", "occurred_at"]),
            # The temperature's engagement window (heat/adapter.py): an index-only range scan of the
            # window's activities with their status and id, instead of reading the whole table (#4).
            # Key columns rather than INCLUDE, which SQLite lacks (Django would warn, models.W040).
            models.Index(fields=["occurred_at", "status", "id"], name="activity_heat_window_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_activity_type_display()} {self.occurred_at:%d/%m/%Y} ({self.region_id})"

    @classmethod
    def jurisdiction_q(cls, jurisdiction: Jurisdiction) -> Q:
        return region_q("region__code", jurisdiction.region_prefixes)


class ActivityPhoto(models.Model):
    """Evidence. Files live on disk (MEDIA_ROOT), never in the database."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(upload_to="activities/%Y/%m/")
    thumbnail = models.ImageField(upload_to="activities/%Y/%m/thumbs/")
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.image.name


class IntakeMessage(models.Model):
    """A chat message received from a gateway; the dedupe key stops a retry making a second draft."""

    gateway = models.CharField(max_length=20)
    dedupe_key = models.CharField(max_length=128, unique=True)
    sender = models.CharField(max_length=40)
    text = models.TextField()
    received_at = models.DateTimeField(auto_now_add=True)
    activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.SET_NULL, related_name="intake_messages"
    )
    reply = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"{self.gateway} {self.sender} {self.received_at:%Y-%m-%d %H:%M}"


class FigureCandidate(models.Model):
    """A figure named in a chat message but not found in the registry: to confirm, never silently created."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="figure_candidates")
    raw_text = models.CharField(max_length=200)
    name = models.CharField(max_length=120)
    honorific = models.CharField(max_length=40, blank=True)
    kind = models.CharField(max_length=20, blank=True)
    resolved_figure = models.ForeignKey(
        "figures.Figure", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return self.raw_text


auditlog.register(AppealTheme)
auditlog.register(Activity, m2m_fields={"officers", "figures", "themes"})
auditlog.register(ActivityPhoto)
auditlog.register(FigureCandidate)
