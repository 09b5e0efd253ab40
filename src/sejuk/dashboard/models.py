from auditlog.registry import auditlog
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sejuk.core.jurisdiction import Jurisdiction, ScopedModel, region_q

KECAMATAN_CODE_LENGTH = 8


def code_q(field: str, prefixes: tuple[str, ...] | None) -> Q:
    """`region_q` for a column that holds only kecamatan or desa codes: a shorter prefix ("32.15")
    can match only by its descendants, so its equality is left out. PostgreSQL then reads one index
    range (an index-only scan where possible) instead of a bitmap of the range and the equality."""
    if prefixes is None:
        return Q()
    q = Q(pk__in=[])
    for p in prefixes:
        q |= Q(**{f"{field}__startswith": p + "."})
        if len(p) >= KECAMATAN_CODE_LENGTH:
            q |= Q(**{field: p})
    return q


class RegionGeometry(models.Model):
    """Boundary or point of a region, uploaded by an operator as GeoJSON keyed by Kemendagri code.

    No package ships kecamatan or kabupaten boundaries (docs/dependencies), so the map colours areas
    where an operator has uploaded a polygon and shows a marker at the centroid otherwise.
    """

    region = models.OneToOneField(
        "regions.Region", on_delete=models.CASCADE, primary_key=True, related_name="geometry"
    )
    geometry = models.JSONField(_("GeoJSON geometry"))
    kind = models.CharField(max_length=20)  # Point, Polygon or MultiPolygon
    centroid_lat = models.FloatField()
    centroid_lon = models.FloatField()
    source = models.CharField(_("source"), max_length=200, blank=True)
    uploaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("region geometry")
        verbose_name_plural = _("region geometries")

    def __str__(self) -> str:
        return f"{self.region_id} ({self.kind})"


auditlog.register(RegionGeometry, exclude_fields=["geometry"])


class PublicationSetting(ScopedModel):
    """An area whose temperature band the command publishes on the public page (#6).

    Bands are published only where a row says so: an administrator chooses a unit's area or a
    region (province, kabupaten or kecamatan). Only the band and its day are shown, never the parts
    that explain it (they name incidents) and never anything about people.
    """

    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    publish_bands = models.BooleanField(_("publish the temperature band"), default=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    permission_domain = "units"

    class Meta:
        verbose_name = _("publication setting")
        verbose_name_plural = _("publication settings")
        ordering = ["region_id", "unit__path"]
        constraints = [
            models.CheckConstraint(
                condition=Q(unit__isnull=True, region__isnull=False)
                | Q(unit__isnull=False, region__isnull=True),
                name="publication_unit_xor_region",
            ),
            models.UniqueConstraint(fields=["unit"], name="unique_publication_unit"),
            models.UniqueConstraint(fields=["region"], name="unique_publication_region"),
        ]

    def __str__(self) -> str:
        return str(self.unit or self.region)

    @classmethod
    def jurisdiction_q(cls, jurisdiction: Jurisdiction) -> Q:
        return Q(unit__path__startswith=jurisdiction.unit_path) | region_q(
            "region__code", jurisdiction.region_prefixes
        )

    def clean(self):
        if bool(self.unit_id) == bool(self.region_id):
            raise ValidationError(_("Choose either a unit or a region."))
        if self.region_id and self.region.level > 3:
            raise ValidationError({"region": _("Bands exist for provinces, kabupaten/kota and kecamatan.")})


auditlog.register(PublicationSetting)


class DailyAreaStats(ScopedModel):
    """Counts of one kecamatan on one local day, with the 7, 28 and 30 days ending that day (#6).

    Derived data, kept for the national roll-up (every kecamatan, last 28 days), which over the base
    tables reads millions of activity-figure links. Maintained after each commit by signals and
    rebuilt by `sejuk aggregate`; see dailystats.py for what each number counts and why distinct
    figures over a window are stored rather than summed from daily counts.
    """

    region = models.ForeignKey(
        "regions.Region", verbose_name=_("kecamatan"), on_delete=models.PROTECT, related_name="+"
    )
    day = models.DateField(_("day"))
    activities = models.PositiveIntegerField(default=0)
    activities_7 = models.PositiveIntegerField(default=0)
    activities_28 = models.PositiveIntegerField(default=0)
    activities_30 = models.PositiveIntegerField(default=0)
    figures = models.PositiveIntegerField(default=0)
    figures_7 = models.PositiveIntegerField(default=0)
    figures_28 = models.PositiveIntegerField(default=0)
    figures_30 = models.PositiveIntegerField(default=0)
    incidents = models.PositiveIntegerField(default=0)
    incidents_7 = models.PositiveIntegerField(default=0)
    incidents_28 = models.PositiveIntegerField(default=0)
    incidents_30 = models.PositiveIntegerField(default=0)

    permission_domain = "records"

    class Meta:
        verbose_name = _("daily area statistics")
        verbose_name_plural = _("daily area statistics")
        ordering = ["-day", "region_id"]
        constraints = [models.UniqueConstraint(fields=["region", "day"], name="unique_daily_area_stats")]
        # The roll-up and the dashboard read one day, all kecamatan or those under a prefix (LIKE
        # '32.%' uses a btree on PostgreSQL only with the pattern operator class, unless the
        # database's collation is C; other databases ignore operator classes).
        indexes = [
            models.Index(
                fields=["day", "region"],
                name="daily_area_stats_day_prefix",
                opclasses=["date_ops", "varchar_pattern_ops"],
            )
        ]

    def __str__(self) -> str:
        return f"{self.region_id} {self.day}"

    @classmethod
    def jurisdiction_q(cls, jurisdiction: Jurisdiction) -> Q:
        return code_q("region__code", jurisdiction.region_prefixes)


class FigureEngagement(ScopedModel):
    """When a current figure was first and last engaged (#6): one row per figure not merged away.

    Derived data, kept for the dashboard's "not engaged for longest" list and its "never engaged"
    count, which over the base tables read every activity-figure link of the area. An engagement is
    an activity that engages (not a draft) naming the figure, wherever it was held (the coverage
    rule). Maintained after each commit by the same signals as `DailyAreaStats` and rebuilt by
    `sejuk aggregate`; see engagement.py.
    """

    figure = models.OneToOneField(
        "figures.Figure", on_delete=models.CASCADE, primary_key=True, related_name="engagement"
    )
    # The figure's home desa (or kecamatan), copied so that an area's rows are read without a join.
    region_code = models.CharField(max_length=13)
    first_engaged_at = models.DateTimeField(null=True, blank=True)
    last_engaged_at = models.DateTimeField(null=True, blank=True)

    permission_domain = "records"

    class Meta:
        verbose_name = _("figure engagement")
        verbose_name_plural = _("figure engagements")
        indexes = [
            # Figures and "engaged before day D" per area: an index-only scan of the area's rows
            # (pattern operator class: see DailyAreaStats).
            models.Index(
                fields=["region_code", "first_engaged_at"],
                name="figure_engagement_region",
                opclasses=["varchar_pattern_ops", "timestamptz_ops"],
            ),
            # The figures not engaged for longest: read in order of last engagement.
            models.Index(fields=["last_engaged_at"], name="figure_engagement_last"),
            # Never engaged: usually few, found without reading the others.
            models.Index(
                fields=["region_code"],
                condition=Q(last_engaged_at__isnull=True),
                name="figure_engagement_never",
                opclasses=["varchar_pattern_ops"],
            ),
        ]

    def __str__(self) -> str:
        return f"{self.figure_id} {self.last_engaged_at}"

    @classmethod
    def jurisdiction_q(cls, jurisdiction: Jurisdiction) -> Q:
        return code_q("region_code", jurisdiction.region_prefixes)
