"""The facts a release may state, and the release itself. Pure Python, no Django.

A release states only what these facts hold: the adapter (`sejuk.press.adapter`) fills them
from one verified activity and leaves out everything a public text must never carry (phone
numbers, addresses, political alignment, figures who did not consent to be named).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from sejuk.units.ranks import BY_ABBREVIATION

# How a unit of each kind is written before its name (mirrors sejuk.units.choices.KIND_PREFIX,
# which imports Django).
KIND_PREFIX = {
    "mabes": "Mabes Polri",
    "polda": "Polda",
    "polres": "Polres",
    "polresta": "Polresta",
    "polrestabes": "Polrestabes",
    "polres_metro": "Polres Metro",
    "polsek": "Polsek",
    "polsekta": "Polsekta",
}


@dataclass(frozen=True)
class UnitFacts:
    kind: str  # a UnitKind value: "polsek", "polres", "polresta", "polres_metro", "polda", ...
    name: str  # without the level word: "Klari", "Jawa Barat", "Jakarta Timur"
    short_name: str = ""  # as releases write it: "Jabar"

    @property
    def bare(self) -> str:
        """The name after a commander's title: "Kapolsek Klari", "Kapolda Jabar"."""
        name = self.short_name or self.name
        return f"Metro {name}" if self.kind == "polres_metro" else name

    @property
    def written(self) -> str:
        """ "Polsek Klari", "Polda Jabar", "Polres Metro Jakarta Timur"."""
        if self.kind == "mabes":
            return "Mabes Polri"
        return f"{KIND_PREFIX.get(self.kind, self.kind.title())} {self.short_name or self.name}"


@dataclass(frozen=True)
class OfficerFacts:
    rank: str  # canonical abbreviation: "Kompol", "Aiptu"
    name: str  # without titles or degrees
    front_titles: str = ""  # "H."
    degrees: str = ""  # "S.H., M.H."
    position: str = ""  # generic title: "Kapolsek", "Kanit Binmas"; "" when none
    is_commander: bool = False  # the position commands its unit
    unit: UnitFacts | None = None

    @property
    def formal_name(self) -> str:
        text = f"{self.front_titles} {self.name}".strip()
        return f"{text}, {self.degrees}" if self.degrees else text

    @property
    def seniority(self) -> int:
        """Lower is more senior (1 = Jenderal Polisi); unknown ranks come last."""
        rank = BY_ABBREVIATION.get(self.rank)
        return rank.order if rank else 99

    @property
    def position_written(self) -> str:
        """ "Kapolsek Klari", "Kanit Binmas Polsek Klari", "Kasi Humas Polsek Klari"; "" without one."""
        if not self.position or self.position.lower() == "anggota":
            return ""
        if self.unit is None:
            return self.position
        if self.is_commander:
            return f"{self.position} {self.unit.bare}"
        prefix = KIND_PREFIX.get(self.unit.kind, "")
        if prefix and self.position.endswith(" " + prefix):  # "Kasi Humas Polsek" + "Klari"
            return f"{self.position} {self.unit.short_name or self.unit.name}"
        return f"{self.position} {self.unit.written}"


@dataclass(frozen=True)
class PlaceName:
    level: str  # "desa", "kecamatan", "kabupaten_kota", "provinsi"
    word: str  # the level word as written: "Desa", "Kelurahan", "Distrik", "Kota", "Provinsi"
    name: str  # "Duren", "Klari", "Karawang", "Jawa Barat"

    @property
    def written(self) -> str:
        return f"{self.word} {self.name}".strip()


@dataclass(frozen=True)
class FigureFacts:
    name: str  # without titles or degrees
    kind: str  # a FIGURE_KINDS code: "tokoh_agama"
    kind_label: str  # "tokoh agama" (Indonesian, lower case)
    kind_label_en: str = ""  # "religious figure"
    front_titles: str = ""  # "KH"
    degrees: str = ""
    role: str = ""  # "pengasuh Pondok Pesantren Nurul Falah"

    @property
    def formal_name(self) -> str:
        text = f"{self.front_titles} {self.name}".strip()
        return f"{text}, {self.degrees}" if self.degrees else text


@dataclass(frozen=True)
class ThemeFacts:
    code: str
    wording_id: str  # completes "Kami mengimbau masyarakat untuk ..."
    wording_en: str  # completes "We urged residents to ..."


@dataclass(frozen=True)
class ElectionFacts:
    kind: str | None = None  # "pilkada", "pemilu", "psu"
    year: int | None = None
    phase: str | None = None  # "pra", "pasca"

    @property
    def known(self) -> bool:
        return bool(self.kind or self.phase)


@dataclass(frozen=True)
class ReleaseFacts:
    """What one activity's record holds that a public release may say."""

    units: tuple[UnitFacts, ...]  # the acting unit and its parents up to the Polda, nearest first
    officers: tuple[OfficerFacts, ...]  # those who acted, as recorded
    when: datetime  # local time of the place (naive, or aware in the place's zone)
    places: tuple[PlaceName, ...]  # desa (if recorded), kecamatan, kabupaten/kota, provinsi
    activity_types: tuple[str, ...]  # ACTIVITY_TYPES codes
    commander: OfficerFacts | None = None  # the acting unit's commander in the registry, if any
    zone: str = "WIB"
    figures: tuple[FigureFacts, ...] = ()  # only figures who consented to be named
    unnamed_figure_kinds: tuple[str, ...] = ()  # kind labels of figures who did not
    themes: tuple[ThemeFacts, ...] = ()
    partners: tuple[str, ...] = ()  # PARTNER_KINDS codes
    attendance: int | None = None
    situation: str = ""  # "aman", "waspada", "rawan"
    election: ElectionFacts = field(default_factory=ElectionFacts)
    writer_initials: str = ""
    key: int = 0  # the activity's id: a stable seed for phrasing

    @property
    def day(self) -> date:
        return self.when.date()

    @property
    def unit(self) -> UnitFacts:
        return self.units[0]

    @property
    def city(self) -> str:
        """The dateline: the kabupaten/kota of the place, in capitals ("KARAWANG")."""
        for place in self.places:
            if place.level == "kabupaten_kota":
                return place.name.upper()
        return self.unit.name.upper()


@dataclass(frozen=True)
class Voice:
    """Who is quoted: `speaker` says it; when `commander` is set, the speaker speaks for them ("melalui")."""

    speaker: OfficerFacts
    commander: OfficerFacts | None = None


def voice_of(officers: tuple[OfficerFacts, ...], commander: OfficerFacts | None) -> Voice | None:
    """The "melalui" rule (issue #5).

    The release speaks with the voice of the acting unit's commander. If the commander took
    part, he is quoted directly. If not, the record says the work was done by others: the
    commander speaks "melalui" (through) the most senior officer who acted, who is the one
    quoted. Without a commander in the registry, or when an acting officer outranks him (a
    Kapolres at a polsek's visit), the most senior acting officer speaks alone.
    """
    acting = sorted(officers, key=lambda o: (o.seniority, not o.is_commander, o.name))
    if commander is not None and any(_same(commander, o) for o in officers):
        return Voice(speaker=commander)
    if not acting:
        return Voice(speaker=commander) if commander else None
    if commander is None or acting[0].seniority < commander.seniority:
        return Voice(speaker=acting[0])
    return Voice(speaker=acting[0], commander=commander)


def _same(a: OfficerFacts, b: OfficerFacts) -> bool:
    return a.rank == b.rank and a.name == b.name


@dataclass(frozen=True)
class Release:
    title: str
    dateline: str  # "KARAWANG"
    paragraphs: tuple[str, ...]
    initials: str = ""
    language: str = "id"

    @property
    def body(self) -> str:
        """Plain text body: dateline on the first paragraph, initials after the last."""
        paragraphs = list(self.paragraphs)
        if paragraphs and self.dateline:
            paragraphs[0] = f"{self.dateline} \u2013 {paragraphs[0]}"
        if paragraphs and self.initials:
            paragraphs[-1] = f"{paragraphs[-1]} ({self.initials})"
        return "\n\n".join(paragraphs)

    @property
    def text(self) -> str:
        return f"{self.title}\n\n{self.body}"


_KIND = re.compile(r"\b(pilkada|pilgub|pilbup|pilwalkot|pemilu|psu|pemungutan suara ulang)\b", re.I)
_YEAR = re.compile(r"\b(20\d\d)\b")
_PHASE = re.compile(r"\b(pra|sebelum|menjelang|jelang|pasca|setelah|sesudah|usai)\b", re.I)
_AFTER = {"pasca", "setelah", "sesudah", "usai"}
_KIND_CODE = {"pilgub": "pilkada", "pilbup": "pilkada", "pilwalkot": "pilkada"}
# Voting days of nation-wide elections, to place an activity before or after the vote when the
# record names the election but not the phase (or names both, "menjelang dan pasca"). Re-votes
# (PSU) differ by region and are not listed. To be replaced by the elections calendar.
VOTE_DAYS = {("pilkada", 2024): date(2024, 11, 27), ("pemilu", 2024): date(2024, 2, 14)}


def election_from_text(text: str, day: date | None = None) -> ElectionFacts:
    """Kind, year and phase from what the record says ("pasca Pilkada 2024"); nothing is guessed.

    For an election whose voting day is known, the activity's day decides the phase (the vote
    day itself has none); otherwise the words do, when they agree.
    """
    text = text or ""
    kind = _KIND.search(text)
    kind_code = None
    if kind:
        word = kind.group(1).lower()
        kind_code = "psu" if word.startswith("pemungutan") else _KIND_CODE.get(word, word)
    year_match = _YEAR.search(text)
    year = int(year_match.group(1)) if year_match and kind_code else None
    phases = {"pasca" if m.lower() in _AFTER else "pra" for m in _PHASE.findall(text)}
    phase = phases.pop() if len(phases) == 1 else None
    vote_day = VOTE_DAYS.get((kind_code, year))
    if vote_day and day:
        phase = None if day == vote_day else "pra" if day < vote_day else "pasca"
    return ElectionFacts(kind=kind_code, year=year, phase=phase)
