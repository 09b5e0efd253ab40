import secrets

from auditlog.registry import auditlog
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sejuk.core.jurisdiction import Jurisdiction, ScopedModel, ScopedQuerySet, region_q
from sejuk.incidents.choices import IncidentType, Severity, Source, Status

# Reference numbers are read out over the phone: no 0/O, 1/I/L.
REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
MAX_COUNT = 100000


def new_reference() -> str:
    return "INS-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))


def _count_field(label):
    return models.PositiveIntegerField(label, default=0, validators=[MaxValueValidator(MAX_COUNT)])


def _user_field(related_name: str):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name=related_name
    )


class IncidentQuerySet(ScopedQuerySet):
    def current(self):
        """Incidents that were not merged into another one."""
        return self.filter(merged_into__isnull=True)

    def with_related(self):
        return self.select_related(
            "region", "assigned_unit", "assigned_officer__rank", "escalated_to", "reported_by"
        )


class Incident(ScopedModel):
    """An incident or early warning: one event that may disturb the peace around an election."""

    reference = models.CharField(_("reference"), max_length=12, unique=True, editable=False)
    incident_type = models.CharField(_("type"), max_length=20, choices=IncidentType.choices)
    severity = models.CharField(_("severity"), max_length=20, choices=Severity.choices)
    source = models.CharField(_("source"), max_length=15, choices=Source.choices)
    source_url = models.URLField(_("link to the post or article"), max_length=500, blank=True)
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("place"), on_delete=models.PROTECT, related_name="incidents"
    )
    # "32.15.05": kept beside the region so the duplicate look-up is one indexed filter.
    kecamatan_code = models.CharField(max_length=8, editable=False)
    place_detail = models.CharField(_("exact place"), max_length=200, blank=True)
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
    occurred_at = models.DateTimeField(_("when"), db_index=True)
    actors = models.TextField(_("actors (groups, people)"), blank=True)
    candidate_camps = models.TextField(_("candidate camps involved"), blank=True)
    # Counted the way violence monitors count them: people dead, people injured, buildings damaged.
    dead = _count_field(_("dead"))
    injured = _count_field(_("injured"))
    buildings_damaged = _count_field(_("buildings damaged"))
    description = models.TextField(_("what happened"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.REPORTED, db_index=True
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_by = _user_field("incidents_verified")
    assigned_unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("responding unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="incidents_assigned",
    )
    assigned_officer = models.ForeignKey(
        "units.Officer",
        verbose_name=_("responding officer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="incidents_assigned",
    )
    assigned_at = models.DateTimeField(null=True, blank=True)
    escalated_to = models.ForeignKey(
        "units.Unit",
        verbose_name=_("escalated to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="incidents_escalated",
    )
    escalation_note = models.TextField(_("why it was escalated"), blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    escalated_by = _user_field("incidents_escalated")
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolution_note = models.TextField(_("how it was resolved"), blank=True)
    resolved_by = _user_field("incidents_resolved")
    reported_by = _user_field("incidents_reported")  # None for public tips and imports
    # Personal data: only roles that may verify see it, each read audited (services.tipster_contact).
    tipster_contact = models.CharField(_("tipster's contact"), max_length=200, blank=True)
    # Client-generated id: a retry with the same key returns the stored record (see activities).
    idempotency_key = models.CharField(max_length=100, null=True, blank=True, editable=False)  # noqa: DJ001
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged",
    )
    response_activities = models.ManyToManyField(
        "activities.Activity",
        verbose_name=_("cooling activities in response"),
        blank=True,
        related_name="incident_responses",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    permission_domain = "records"
    PERSONAL_FIELDS = ("tipster_contact",)
    objects = IncidentQuerySet.as_manager()

    class Meta:
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        ordering = ["-occurred_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["reported_by", "idempotency_key"],
                name="unique_incident_idempotency_key",
                condition=Q(idempotency_key__isnull=False),
            ),
            # Public tips and imports have no reporter; NULLs never collide, so they need their own.
            models.UniqueConstraint(
                fields=["idempotency_key"],
                name="unique_anonymous_incident_key",
                condition=Q(idempotency_key__isnull=False, reported_by__isnull=True),
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.REJECTED) | ~Q(rejection_reason=""),
                name="rejected_incident_has_reason",
            ),
        ]
        indexes = [models.Index(fields=["kecamatan_code", "incident_type", "occurred_at"])]

    def __str__(self) -> str:
        return f"{self.reference} {self.get_incident_type_display()} ({self.region_id})"

    @classmethod
    def jurisdiction_q(cls, jurisdiction: Jurisdiction) -> Q:
        return region_q("region__code", jurisdiction.region_prefixes)

    def save(self, *args, **kwargs):
        self.kecamatan_code = self.region_id[:8]
        if not self.reference:
            self.reference = new_reference()
            while type(self).objects.filter(reference=self.reference).exists():
                self.reference = new_reference()
        super().save(*args, **kwargs)

    @property
    def occurred_local(self):
        """The time as people at the place read it (WIB, WITA or WIT)."""
        return self.occurred_at.astimezone(self.region.tzinfo)


class IncidentEvidence(models.Model):
    """A photo as evidence. Files live on disk (MEDIA_ROOT) and are served only through a check."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="evidence")
    image = models.ImageField(upload_to="incidents/%Y/%m/")
    thumbnail = models.ImageField(upload_to="incidents/%Y/%m/thumbs/")
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    uploaded_by = _user_field("+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.image.name


def hide_personal(value: str) -> str:
    """The change log shows that a tipster left a contact, never any part of it (auditlog's own
    mask keeps half the value visible, and auditors, who read the log, may not see contacts)."""
    return "***" if value else value


auditlog.register(
    Incident,
    m2m_fields={"response_activities"},
    mask_fields=["tipster_contact"],
    mask_callable="sejuk.incidents.models.hide_personal",
)
auditlog.register(IncidentEvidence)
