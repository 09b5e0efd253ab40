from collections.abc import Iterable

from auditlog.registry import auditlog
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sejuk.core.jurisdiction import Jurisdiction, ScopedModel, ScopedQuerySet
from sejuk.units.choices import KIND_PREFIX, LEVEL_OF_KIND, RankGroup, UnitKind, UnitLevel

NRP_VALIDATOR = RegexValidator(r"^\d{8}$", _("An NRP has exactly 8 digits."))


class Rank(models.Model):
    """A Polri rank. Rows are kept in step with sejuk.units.ranks after every migrate."""

    abbreviation = models.CharField(_("abbreviation"), max_length=20, primary_key=True)
    order = models.PositiveSmallIntegerField(_("order"), unique=True)
    full_name = models.CharField(_("full name"), max_length=60)
    group = models.CharField(_("group"), max_length=10, choices=RankGroup.choices)

    class Meta:
        verbose_name = _("rank")
        verbose_name_plural = _("ranks")
        ordering = ["order"]

    def __str__(self) -> str:
        return self.abbreviation


class Position(models.Model):
    """A generic position title ("Kapolsek", "Kanit Binmas"). Kept in step with sejuk.units.positions."""

    code = models.CharField(_("code"), max_length=30, primary_key=True)
    title = models.CharField(_("title"), max_length=40)
    full_name = models.CharField(_("full name"), max_length=100)
    unit_levels = models.CharField(_("unit levels"), max_length=60)
    is_commander = models.BooleanField(_("commands the unit"), default=False)
    function = models.CharField(_("function"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class Unit(ScopedModel):
    """A Polri unit. Its area is a set of region codes, never assumed to equal one province."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=15, choices=UnitKind.choices)
    level = models.CharField(_("level"), max_length=10, choices=UnitLevel.choices, editable=False)
    name = models.CharField(_("name"), max_length=100, help_text=_("Without the level word: 'Klari'."))
    short_name = models.CharField(
        _("short name"),
        max_length=40,
        blank=True,
        help_text=_("As releases write it: 'Jabar' for Jawa Barat."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # "/mabes/polda-jabar/polres-karawang/": a subtree is one prefix filter.
    path = models.CharField(max_length=400, db_index=True, editable=False)
    areas = models.ManyToManyField(
        "regions.Region", verbose_name=_("area"), through="UnitArea", related_name="units", blank=True
    )
    active = models.BooleanField(_("active"), default=True)

    permission_domain = "units"

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.kind == UnitKind.MABES:
            return "Mabes Polri"
        return f"{KIND_PREFIX[self.kind]} {self.name}"

    @classmethod
    def jurisdiction_q(cls, jurisdiction: Jurisdiction) -> Q:
        return Q(path__startswith=jurisdiction.unit_path)

    def compute_path(self) -> str:
        parent_path = self.parent.path if self.parent_id else "/"
        return f"{parent_path}{self.code}/"

    def save(self, *args, **kwargs):
        self.level = LEVEL_OF_KIND[self.kind]
        self.path = self.compute_path()
        super().save(*args, **kwargs)

    def area_codes(self) -> tuple[str, ...]:
        return tuple(sorted(self.unit_areas.values_list("region_id", flat=True)))

    def jurisdiction(self, area_codes: Iterable[str] | None = None) -> Jurisdiction:
        """`area_codes`: the unit's area when the caller has read it already (saves the query)."""
        if self.level == UnitLevel.MABES:
            return Jurisdiction(unit_path=None, region_prefixes=None)
        codes = self.area_codes() if area_codes is None else tuple(sorted(area_codes))
        return Jurisdiction(unit_path=self.path, region_prefixes=codes)

    def chain(self) -> list["Unit"]:
        """This unit and its parents up to (not including) Mabes, nearest first."""
        codes = [c for c in self.path.strip("/").split("/") if c]
        units = {u.code: u for u in Unit.objects.filter(code__in=codes)}
        return [units[c] for c in reversed(codes) if c in units and units[c].level != UnitLevel.MABES]


class UnitArea(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="unit_areas")
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="unit_areas")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "region"], name="unique_unit_area")]

    def __str__(self) -> str:
        return f"{self.unit} – {self.region_id}"


class OfficerQuerySet(ScopedQuerySet):
    def with_related(self):
        return self.select_related("rank", "position", "unit")


class Officer(ScopedModel):
    """A member of Polri. Titles and degrees are held apart from the name."""

    nrp = models.CharField(_("NRP"), max_length=8, unique=True, validators=[NRP_VALIDATOR])
    name = models.CharField(_("name"), max_length=120)
    front_titles = models.CharField(_("titles before the name"), max_length=60, blank=True)
    degrees = models.CharField(_("degrees"), max_length=60, blank=True)
    rank = models.ForeignKey(Rank, verbose_name=_("rank"), on_delete=models.PROTECT, related_name="officers")
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="officers")
    position = models.ForeignKey(
        Position,
        verbose_name=_("position"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="officers",
    )
    assigned_desa = models.ManyToManyField(
        "regions.Region",
        verbose_name=_("assigned desa / kelurahan"),
        blank=True,
        related_name="bhabin_officers",
        help_text=_("For a Bhabinkamtibmas: the villages they look after."),
    )
    # Personal data: shown only to roles with the "personal" permission (see accounts.roles).
    phone = models.CharField(_("phone"), max_length=20, blank=True, db_index=True)
    active = models.BooleanField(_("active"), default=True)

    permission_domain = "units"
    objects = OfficerQuerySet.as_manager()

    class Meta:
        verbose_name = _("officer")
        verbose_name_plural = _("officers")
        ordering = ["unit__path", "rank__order", "name"]

    def __str__(self) -> str:
        return f"{self.rank_id} {self.name}"

    @classmethod
    def jurisdiction_q(cls, jurisdiction: Jurisdiction) -> Q:
        return Q(unit__path__startswith=jurisdiction.unit_path)

    @property
    def formal_name(self) -> str:
        text = f"{self.front_titles} {self.name}".strip()
        return f"{text}, {self.degrees}" if self.degrees else text


auditlog.register(Unit, m2m_fields={"areas"})
auditlog.register(UnitArea)
auditlog.register(Officer, m2m_fields={"assigned_desa"})
