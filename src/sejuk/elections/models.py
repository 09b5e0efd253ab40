"""Elections and their phases, contests, candidate pairs, results, and Bawaslu's IKP ratings.

Reference data, not personal: every signed-in user reads all of it (a Polsek needs the national
calendar and the governor's race of its province). Changes belong to administrators (the
"units" row of the role matrix, like the organisation) and only inside their area: a Polda's
administrator edits the contests, results, re-vote phases and IKP ratings of its province, while
the national calendar is edited by national administrators (#4). Every change is audited.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from auditlog.registry import auditlog
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from sejuk.elections.access import ElectionData
from sejuk.elections.choices import (
    TENSE_PHASES,
    ContestStatus,
    ElectionKind,
    IkpBand,
    Office,
    PhaseKind,
    ResultKind,
)
from sejuk.heat.inputs import PhaseWindow
from sejuk.regions.choices import Kind, Level

# Which region a contest is held in: (level, kinds), kinds None = any kind at that level.
OFFICE_REGION: dict[str, tuple[int, tuple[str, ...] | None]] = {
    Office.GOVERNOR: (Level.PROVINSI, None),
    Office.REGENT: (Level.KABUPATEN_KOTA, (Kind.KABUPATEN,)),
    Office.MAYOR: (Level.KABUPATEN_KOTA, (Kind.KOTA,)),
}

OFFICE_AREA_LABEL = {
    Office.GOVERNOR: _("a province"),
    Office.REGENT: _("a kabupaten"),
    Office.MAYOR: _("a kota"),
}

# How long after its vote (or re-vote) a race still counts as close for the temperature.
RACE_HORIZON_DAYS = 180


def region_fits_office(office: str, region) -> bool:
    level, kinds = OFFICE_REGION[office]
    return region.level == level and (kinds is None or region.kind in kinds)


class Election(ElectionData):
    code = models.SlugField(_("code"), max_length=40, unique=True, help_text=_("e.g. pilkada-2024"))
    kind = models.CharField(_("kind"), max_length=10, choices=ElectionKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    name = models.CharField(_("name"), max_length=120)
    vote_date = models.DateField(_("voting day"))

    class Meta:
        verbose_name = _("election")
        verbose_name_plural = _("elections")
        ordering = ["-vote_date", "code"]

    def __str__(self) -> str:
        return self.name


class ElectionPhase(ElectionData):
    election = models.ForeignKey(
        Election, verbose_name=_("election"), on_delete=models.CASCADE, related_name="phases"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=PhaseKind.choices)
    label = models.CharField(
        _("label"), max_length=120, blank=True, help_text=_("e.g. tingkat kecamatan; Kabupaten Serang")
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    region_prefix = models.CharField(
        _("region"),
        max_length=13,
        blank=True,
        db_index=True,
        help_text=_("Kemendagri code of the area concerned; empty for the whole country"),
    )

    scope_lookup = "region_prefix"

    class Meta:
        verbose_name = _("election phase")
        verbose_name_plural = _("election phases")
        ordering = ["start", "end", "kind"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="phase_ends_after_start"),
            models.UniqueConstraint(
                fields=["election", "kind", "region_prefix", "label"], name="phase_natural_key"
            ),
        ]

    def __str__(self) -> str:
        text = f"{self.get_kind_display()} {self.label}".strip()
        return f"{text} ({self.start:%d/%m/%Y}–{self.end:%d/%m/%Y})"

    @property
    def scope_code(self) -> str:
        return self.region_prefix

    @property
    def is_tense(self) -> bool:
        return self.kind in TENSE_PHASES

    def window(self) -> PhaseWindow | None:
        """The heat engine's view of this phase (None for phases it does not weigh)."""
        if not self.is_tense:
            return None
        return PhaseWindow(self.kind, self.start, self.end, self.region_prefix)

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("A phase cannot end before it starts.")})
        if self.region_prefix:
            from sejuk.regions.models import Region

            if not Region.objects.filter(code=self.region_prefix).exists():
                raise ValidationError({"region_prefix": _("Unknown region code.")})


class Contest(ElectionData):
    """One race: a governor's in a province, a regent's in a kabupaten, a mayor's in a kota."""

    election = models.ForeignKey(
        Election, verbose_name=_("election"), on_delete=models.CASCADE, related_name="contests"
    )
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="contests"
    )
    office = models.CharField(_("office"), max_length=10, choices=Office.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=ContestStatus.choices, default=ContestStatus.NORMAL
    )
    # The dates let a past day be scored as it was; without them the status counts for every day.
    dispute_filed_on = models.DateField(_("dispute filed at the MK on"), null=True, blank=True)
    dispute_decided_on = models.DateField(_("MK decision on"), null=True, blank=True)
    revote_ordered_on = models.DateField(_("re-vote ordered on"), null=True, blank=True)
    revote_held_on = models.DateField(_("re-vote held on"), null=True, blank=True)
    dispute_notes = models.TextField(_("dispute notes"), blank=True)

    scope_lookup = "region__code"

    class Meta:
        verbose_name = _("contest")
        verbose_name_plural = _("contests")
        ordering = ["election", "region", "office"]
        constraints = [
            models.UniqueConstraint(fields=["election", "region", "office"], name="one_contest_per_office"),
        ]

    def __str__(self) -> str:
        return f"{self.get_office_display()} {self.region.label} ({self.election.name})"

    @property
    def scope_code(self) -> str:
        return self.region_id or ""

    def disputed_on(self, day: dt.date) -> bool:
        """An MK case is pending on `day`."""
        if self.dispute_filed_on is None:
            return self.status == ContestStatus.DISPUTED and self.dispute_decided_on is None
        ended = self.dispute_decided_on is not None and self.dispute_decided_on <= day
        return self.dispute_filed_on <= day and not ended

    def revote_pending_on(self, day: dt.date) -> bool:
        """A re-vote is ordered and not yet held on `day`."""
        if self.revote_ordered_on is None:
            return self.status == ContestStatus.REVOTE_ORDERED and self.revote_held_on is None
        held = self.revote_held_on is not None and self.revote_held_on <= day
        return self.revote_ordered_on <= day and not held

    def live_on(self, day: dt.date) -> bool:
        """Whether the race still counts for the temperature on `day` (see RACE_HORIZON_DAYS)."""
        last_vote = max(self.election.vote_date, self.revote_held_on or self.election.vote_date)
        if day < self.election.vote_date:
            return False
        return day <= last_vote + dt.timedelta(days=RACE_HORIZON_DAYS) or self.revote_pending_on(day)

    def clean(self):
        super().clean()
        errors = {}
        if self.region_id and self.office and not region_fits_office(self.office, self.region):
            errors["region"] = _("%(office)s is elected in %(area)s; %(region)s is not one.") % {
                "office": self.get_office_display(),
                "area": OFFICE_AREA_LABEL[self.office],
                "region": self.region.label,
            }
        if self.election_id and self.election.kind == ElectionKind.PEMILU:
            errors["election"] = _("A general election (Pemilu) has no regional head contests.")
        for first, then in (
            ("dispute_filed_on", "dispute_decided_on"),
            ("revote_ordered_on", "revote_held_on"),
        ):
            if getattr(self, first) and getattr(self, then) and getattr(self, then) < getattr(self, first):
                errors[then] = _("This date cannot be before the one it follows.")
        if errors:
            raise ValidationError(errors)


class CandidatePair(ElectionData):
    contest = models.ForeignKey(
        Contest, verbose_name=_("contest"), on_delete=models.CASCADE, related_name="pairs"
    )
    number = models.PositiveSmallIntegerField(_("ballot number"), validators=[MinValueValidator(1)])
    candidate = models.CharField(_("candidate"), max_length=120)
    running_mate = models.CharField(_("running mate"), max_length=120, blank=True)
    coalition = models.CharField(_("supporting parties / coalition"), max_length=250, blank=True)

    scope_lookup = "contest__region__code"

    class Meta:
        verbose_name = _("candidate pair")
        verbose_name_plural = _("candidate pairs")
        ordering = ["contest", "number"]
        constraints = [models.UniqueConstraint(fields=["contest", "number"], name="one_pair_per_number")]

    def __str__(self) -> str:
        names = f"{self.candidate} – {self.running_mate}" if self.running_mate else self.candidate
        return f"{self.number:02d}. {names}"

    @property
    def scope_code(self) -> str:
        return self.contest.region_id if self.contest_id else ""


class Result(ElectionData):
    """A reported share of one pair: a quick count or the official count, with its source and time.

    Without a region it is the whole contest; with one (a kecamatan, or a kabupaten/kota of a
    governor's race) it is a step of the tiered recapitulation.
    """

    contest = models.ForeignKey(
        Contest, verbose_name=_("contest"), on_delete=models.CASCADE, related_name="results"
    )
    pair = models.ForeignKey(
        CandidatePair, verbose_name=_("candidate pair"), on_delete=models.CASCADE, related_name="results"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=ResultKind.choices)
    source = models.CharField(_("source"), max_length=120)
    reported_at = models.DateTimeField(_("reported at"))
    votes = models.PositiveIntegerField(_("votes"), null=True, blank=True)
    percentage = models.DecimalField(
        _("percentage"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("recapitulation area"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty for the whole contest"),
    )

    scope_lookup = "contest__region__code"

    class Meta:
        verbose_name = _("result")
        verbose_name_plural = _("results")
        ordering = ["contest", "-reported_at", "pair__number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(votes__isnull=False) | Q(percentage__isnull=False), name="result_has_a_number"
            ),
            models.CheckConstraint(
                condition=Q(percentage__isnull=True) | Q(percentage__gte=0, percentage__lte=100),
                name="result_percentage_range",
            ),
            models.UniqueConstraint(
                fields=["pair", "kind", "source", "reported_at"],
                condition=Q(region__isnull=True),
                name="one_contest_result_per_report",
            ),
            models.UniqueConstraint(
                fields=["pair", "kind", "source", "reported_at", "region"],
                condition=Q(region__isnull=False),
                name="one_area_result_per_report",
            ),
        ]

    def __str__(self) -> str:
        figure = f"{self.percentage}%" if self.percentage is not None else f"{self.votes}"
        return f"{self.pair} {self.get_kind_display()}: {figure}"

    def save(self, *args, **kwargs):
        if self.contest_id is None and self.pair_id is not None:
            self.contest_id = self.pair.contest_id
        super().save(*args, **kwargs)

    @property
    def scope_code(self) -> str:
        return self.contest.region_id if self.contest_id else ""

    def clean(self):
        super().clean()
        errors = {}
        if self.votes is None and self.percentage is None:
            errors["votes"] = _("Give the votes, the percentage or both.")
        if self.pair_id and self.contest_id and self.pair.contest_id != self.contest_id:
            errors["pair"] = _("This pair does not run in this contest.")
        if self.region_id and self.contest_id:
            inside = self.region_id.startswith(self.contest.region_id + ".")
            if not inside or self.region.level > Level.KECAMATAN:
                errors["region"] = _("The area must be a kabupaten/kota or kecamatan inside the contest.")
        if errors:
            raise ValidationError(errors)


class IkpRating(ElectionData):
    """Bawaslu's election vulnerability index (IKP) of a kabupaten/kota for a year."""

    region = models.ForeignKey(
        "regions.Region", verbose_name=_("kabupaten / kota"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    band = models.CharField(_("band"), max_length=6, choices=IkpBand.choices)
    score = models.DecimalField(
        _("score"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    source = models.CharField(_("source"), max_length=200, blank=True)

    scope_lookup = "region__code"

    class Meta:
        verbose_name = _("IKP rating")
        verbose_name_plural = _("IKP ratings")
        ordering = ["region", "-year"]
        constraints = [models.UniqueConstraint(fields=["region", "year"], name="one_ikp_per_year")]

    def __str__(self) -> str:
        return f"IKP {self.year} {self.region.label}: {self.band}"

    @property
    def scope_code(self) -> str:
        return self.region_id or ""

    def clean(self):
        super().clean()
        if self.region_id and self.region.level != Level.KABUPATEN_KOTA:
            raise ValidationError({"region": _("IKP ratings are per kabupaten/kota.")})


for model in (Election, ElectionPhase, Contest, CandidatePair, Result, IkpRating):
    auditlog.register(model)
