from auditlog.registry import auditlog
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sejuk.core.jurisdiction import Jurisdiction, ScopedModel, ScopedQuerySet, region_q
from sejuk.figures.choices import Alignment, FigureKind, OrganisationKind, Religion
from sejuk.units.names import normalize_person_name


class FigureQuerySet(ScopedQuerySet):
    def current(self):
        """Figures that were not merged into another one."""
        return self.filter(merged_into__isnull=True)


class Figure(ScopedModel):
    """A community figure (tokoh). Political alignment is recorded only to balance engagement."""

    kind = models.CharField(_("kind"), max_length=20, choices=FigureKind.choices)
    name = models.CharField(_("name"), max_length=120)
    front_titles = models.CharField(_("titles before the name"), max_length=60, blank=True)
    degrees = models.CharField(_("degrees"), max_length=60, blank=True)
    # Name without titles, lower case: the key of the duplicate guard.
    normalized_name = models.CharField(max_length=120, db_index=True, editable=False)
    role = models.CharField(
        _("role"), max_length=200, blank=True, help_text=_("e.g. pengasuh Pondok Pesantren Nurul Falah")
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    organisation_kind = models.CharField(
        _("kind of organisation"), max_length=20, choices=OrganisationKind.choices, blank=True
    )
    religion = models.CharField(_("religion"), max_length=12, choices=Religion.choices, blank=True)
    home_region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("home desa / kelurahan"),
        on_delete=models.PROTECT,
        related_name="figures",
    )
    kecamatan_code = models.CharField(max_length=8, db_index=True, editable=False)
    influence = models.PositiveSmallIntegerField(
        _("influence (1-5)"), default=3, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    influence_reason = models.CharField(_("why this influence"), max_length=200, blank=True)
    alignment = models.CharField(
        _("political alignment"), max_length=10, choices=Alignment.choices, default=Alignment.UNKNOWN
    )
    aligned_with = models.CharField(_("candidate or party"), max_length=120, blank=True)
    alignment_source = models.CharField(_("source of the alignment"), max_length=200, blank=True)
    alignment_date = models.DateField(_("alignment recorded on"), null=True, blank=True)
    public_consent = models.BooleanField(_("may be named in public releases"), default=False)
    # Personal data: only roles with the "personal" permission see these (accounts.roles).
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    address = models.CharField(_("address"), max_length=250, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    permission_domain = "records"
    PERSONAL_FIELDS = ("phone", "address")
    objects = FigureQuerySet.as_manager()

    class Meta:
        verbose_name = _("community figure")
        verbose_name_plural = _("community figures")
        ordering = ["name"]
        indexes = [models.Index(fields=["kecamatan_code", "normalized_name"])]

    def __str__(self) -> str:
        return self.formal_name

    @property
    def formal_name(self) -> str:
        text = f"{self.front_titles} {self.name}".strip()
        return f"{text}, {self.degrees}" if self.degrees else text

    @classmethod
    def jurisdiction_q(cls, jurisdiction: Jurisdiction) -> Q:
        return region_q("home_region__code", jurisdiction.region_prefixes)

    def clean(self):
        if self.alignment == Alignment.ALIGNED and not self.aligned_with:
            raise ValidationError(
                {"aligned_with": _("Name the candidate or party the figure is aligned with.")}
            )
        if self.kind == FigureKind.TOKOH_AGAMA and not self.religion:
            raise ValidationError({"religion": _("A religious figure needs a religion.")})
        if self.home_region_id and self.home_region_id.count(".") < 2:
            raise ValidationError({"home_region": _("Choose a kecamatan or a desa / kelurahan.")})

    def save(self, *args, **kwargs):
        self.normalized_name = normalize_person_name(self.name)
        self.kecamatan_code = ".".join(self.home_region_id.split(".")[:3])
        super().save(*args, **kwargs)


auditlog.register(Figure)
