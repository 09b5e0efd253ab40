"""Value objects produced by the chat-message parser.

Everything is frozen: a parsed message travels from the parser to the reply formatter and to the
service that creates the draft activity, and none of them should be able to change what the
officer actually wrote. Collections are tuples for the same reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time

# Region levels, top-down, as the parser and resolvers name them.
PROVINSI, KABUPATEN, KECAMATAN, DESA = "provinsi", "kabupaten", "kecamatan", "desa"
LEVELS: tuple[str, ...] = (PROVINSI, KABUPATEN, KECAMATAN, DESA)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing that is missing, wrong (error) or worth checking (warning).

    Indonesian first because that is what the officer reads; the stable `code` lets the API and
    tests tell problems apart without parsing prose.
    """

    field: str
    message_id: str
    message_en: str
    code: str = ""

    def message(self, language: str = "id") -> str:
        return self.message_en if language == "en" else self.message_id


@dataclass(frozen=True, slots=True)
class Figure:
    """A community figure as the officer wrote them; matching to the registry happens later."""

    raw: str
    name: str
    honorifics: tuple[str, ...] = ()  # canonical prefixes: "H.", "KH", "Ust.", "Pdt." ...
    degrees: tuple[str, ...] = ()  # academic suffixes: "S.Ag.", "M.H." ...
    kind: str | None = None  # FIGURE_KINDS code; None when the officer did not say
    kind_inferred: bool = False  # kind implied by an honorific (KH, Ust., Pdt.), not stated
    role: str | None = None  # other words in brackets, e.g. "ketua RW"

    @property
    def display_name(self) -> str:
        text = " ".join((*self.honorifics, self.name)).strip()
        return ", ".join((text, *self.degrees)) if self.degrees else text


@dataclass(frozen=True, slots=True)
class Partner:
    raw: str
    kind: str  # PARTNER_KINDS code ("other" when the words are not known)


@dataclass(frozen=True, slots=True)
class PlaceCandidate:
    code: str  # Kemendagri code
    name: str
    level: str
    path: str  # human-readable with parents: "Duren, Kec. Klari, Kab. Karawang"


@dataclass(frozen=True, slots=True)
class LevelMatch:
    """What one named level ("Desa Durren") resolved to."""

    level: str
    text: str
    candidates: tuple[PlaceCandidate, ...] = ()
    corrected: bool = False  # found by fuzzy matching, so the officer should see the spelling
    outside_area: bool = False  # found, but not inside the officer's own area

    @property
    def status(self) -> str:
        if not self.candidates:
            return "unknown"
        return "resolved" if len(self.candidates) == 1 else "ambiguous"

    @property
    def code(self) -> str | None:
        return self.candidates[0].code if len(self.candidates) == 1 else None


@dataclass(frozen=True, slots=True)
class PlaceResolution:
    """The result of a resolver: one match per level the officer named, top-down."""

    matches: tuple[LevelMatch, ...] = ()

    @property
    def status(self) -> str:
        statuses = {m.status for m in self.matches}
        if not statuses or "unknown" in statuses:
            return "unknown"
        return "ambiguous" if "ambiguous" in statuses else "resolved"

    @property
    def code(self) -> str | None:
        """The most specific code, only when every named level is certain."""
        if self.status != "resolved":
            return None
        return self.matches[-1].code

    @property
    def candidates(self) -> tuple[PlaceCandidate, ...]:
        """Choices for the lowest ambiguous level (what the officer must pick between)."""
        ambiguous = [m for m in self.matches if m.status == "ambiguous"]
        return ambiguous[-1].candidates if ambiguous else ()

    def match_for(self, level: str) -> LevelMatch | None:
        return next((m for m in self.matches if m.level == level), None)


@dataclass(frozen=True, slots=True)
class Place:
    """The place as written, split into the level words the officer used."""

    raw: str
    desa: str | None = None
    kecamatan: str | None = None
    kabupaten: str | None = None
    provinsi: str | None = None
    is_kota: bool | None = None  # True "Kota Bekasi", False "Kab. Bekasi", None: no word given
    details: tuple[str, ...] = ()  # below desa or a venue: "Kp. Pasir RT 02", "Masjid Al-Ikhlas"
    guessed: frozenset[str] = field(default_factory=frozenset)  # levels read from position only
    resolution: PlaceResolution | None = None

    def named_levels(self) -> tuple[tuple[str, str], ...]:
        """(level, name) for each level given, top-down."""
        values = {PROVINSI: self.provinsi, KABUPATEN: self.kabupaten}
        values |= {KECAMATAN: self.kecamatan, DESA: self.desa}
        return tuple((level, values[level]) for level in LEVELS if values[level])


PlaceResolver = Callable[[Place], PlaceResolution]


@dataclass(frozen=True, slots=True)
class ParsedMessage:
    raw_text: str
    activity_type: str | None = None  # ACTIVITY_TYPES code
    activity_date: date | None = None
    activity_time: time | None = None
    place: Place | None = None
    figures: tuple[Figure, ...] = ()
    themes: tuple[str, ...] = ()  # APPEAL_THEMES codes, in the order first mentioned
    theme_extra: tuple[str, ...] = ()  # appeal words that matched no theme (kept, not lost)
    situation: str | None = None  # SITUATIONS code
    attendance: int | None = None
    partners: tuple[Partner, ...] = ()
    notes: str | None = None
    errors: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        """True when a draft can be created (warnings do not block)."""
        return not self.errors

    @property
    def partner_codes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.kind for p in self.partners))
