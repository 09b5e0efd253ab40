"""Deciding which field each segment of a message feeds.

A segment with a label ("Tokoh: ...") goes to that field. A segment without one is recognised
by its content, in a fixed order (activity word, date, place word, attendance, situation,
partners, themes, figure). The first segment may start with the activity type ("SAMBANG",
"Laporan giat sambang tokoh"). What is still unrecognised continues the list before it
("Tokoh: H. Arif / Rahmat"), and "Ket:" takes everything after it up to the next "Label:",
since notes are free text with their own punctuation. Leftovers become notes with a warning,
except that the first short one becomes the place when no place was given at all (the usual
"TYPE / DATE / PLACE" order).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from .dates import DateReading, read_date
from .fields import is_list_of, looks_like_attendance
from .figures import looks_like_figure
from .keywords import ACTIVITIES, FIGURE_KINDS, PARTNERS, SITUATIONS_LEX, THEMES
from .places import starts_with_place_word
from .segments import Segment, read_label

_CONTINUABLE = frozenset({"place", "figures", "partners", "themes"})
_LEAD_FILLER = re.compile(r"^(?:(?:laporan|lapor|lap|info|report|giat|kegiatan|keg)(?!\w)[\s.:]*)+", re.I)
_IGNORABLE_TAIL = re.compile(r"(?:tokoh|tkh|cooling system|pilkada|pemilu|pilkades)?", re.I)
_FALLBACK_PLACE_WORDS = 6
_NAME_WORDS = 4


@dataclass(frozen=True, slots=True)
class Routed:
    field: str  # type, date, time, place, figures, themes, situation, attendance, partners,
    #             notes, or "unknown"
    text: str
    hint: str | None = None  # default figure kind for "Toga: ..." lists


class Router:
    def __init__(self, text: str, today: date):
        self.text, self.today = text, today
        self.routes: list[Routed] = []
        self.last: tuple[str, str | None] | None = None  # field and hint a leftover may continue
        self.notes: tuple[int, int] | None = None  # span of an open "Ket:" in self.text

    def route(self, segments: Sequence[Segment]) -> list[Routed]:
        for index, segment in enumerate(segments):
            if self.notes is not None and not segment.colon:
                self.notes = (self.notes[0], segment.end)
                continue
            self._close_notes()
            if index == 0 and not segment.colon and self._leading_type(segment.text):
                continue
            if segment.field:
                self._labeled(segment)
            else:
                self._classify(segment.text, first=index == 0)
        self._close_notes()
        return _place_fallback(self.routes)

    def _emit(self, field: str, text: str, hint: str | None = None) -> None:
        self.routes.append(Routed(field, text.strip(), hint))
        self.last = (field, hint) if field in _CONTINUABLE else None

    def _close_notes(self) -> None:
        if self.notes is not None:
            note = self.text[self.notes[0] : self.notes[1]].strip()
            if note:
                self.routes.append(Routed("notes", note))
            self.notes = None

    def _leading_type(self, text: str) -> bool:
        body = _LEAD_FILLER.sub("", text)
        hit = ACTIVITIES.prefix(body)
        if hit is None:
            return False
        self._emit("type", body[hit.start : hit.end])
        rest = body[hit.end :].strip(" .,:-")
        if rest and not (_IGNORABLE_TAIL.fullmatch(rest) or FIGURE_KINDS.whole(rest)):
            self._route_text(rest)
        return True

    def _route_text(self, text: str) -> None:
        segment = read_label(text, 0, len(text))
        if segment.field:
            self._labeled(segment)
        else:
            self._classify(text)

    def _labeled(self, segment: Segment) -> None:
        field, value = segment.field or "", segment.value
        if field == "notes":
            self.notes = (segment.value_start, segment.end)
            self.last = None
            return
        if not value:
            self.last = (field, segment.hint) if field in _CONTINUABLE else None
            return  # "Tokoh:" alone on a line: the names follow on the next lines
        if field == "place" and segment.hint:
            value = f"{segment.hint} {value}"  # "Desa: Duren" -> "desa Duren"
        if field == "attendance" and not any(ch.isdigit() for ch in value) and is_list_of(value, PARTNERS):
            field = "partners"  # "Hadir: Babinsa, Kades" lists who came, not how many
        if field in ("date", "time"):
            reading = read_date(value, self.today)
            self._emit(field, value)
            if reading.found and reading.leftover:
                self._route_text(reading.leftover)  # "Tanggal: 28/11/2024 di Desa Duren"
            return
        self._emit(field, value, segment.hint if field == "figures" else None)

    def _classify(self, text: str, *, first: bool = False, split_date: bool = True) -> None:
        text = text.strip(" ,.;:-")
        if not text:
            return
        if FIGURE_KINDS.whole(text) or text.casefold() in ("tokoh", "tkh"):
            self._kind_only(text)
            return
        reading = read_date(text, self.today)
        field = _field_by_content(text, reading)
        if field is not None:
            self._emit(field, text)
        elif split_date and reading.found and reading.leftover:
            self._emit("date", text)
            self._classify(reading.leftover, split_date=False)
        elif self.last is not None and _may_continue(self.last[0], text):
            self._emit(self.last[0], text, self.last[1])
        elif first and len(text.split()) <= 3 and not any(ch.isdigit() for ch in text):
            self._emit("type", text)  # so the reply can say which type word was not understood
        else:
            self.routes.append(Routed("unknown", text))

    def _kind_only(self, text: str) -> None:
        """ "tomas" alone: the kind of the figure just named ("H. Arif - tomas"), or else the
        default kind for the names that follow ("sambang tokoh agama / ... / Ust. Rahmat")."""
        if (
            self.last is not None
            and self.last[0] == "figures"
            and any(r.field == "figures" for r in self.routes)
        ):
            self._emit("figures", text, self.last[1])
        else:
            self.last = ("figures", FIGURE_KINDS.whole(text))


def _may_continue(field: str, text: str) -> bool:
    """A leftover continues a place only if it looks like a name ("Klari"), not a sentence."""
    if field in ("place", "figures"):
        return len(text.split()) <= _NAME_WORDS and not any(ch.isdigit() for ch in text)
    return True


def _field_by_content(text: str, reading: DateReading) -> str | None:
    if ACTIVITIES.whole(text):
        return "type"
    if reading.found and not reading.leftover:
        return "date"
    if starts_with_place_word(text):
        return "place"
    if looks_like_attendance(text):
        return "attendance"
    if SITUATIONS_LEX.whole(text):
        return "situation"
    if is_list_of(text, PARTNERS):
        return "partners"
    if is_list_of(text, THEMES):
        return "themes"
    if looks_like_figure(text):
        return "figures"
    return None


def _place_fallback(routes: list[Routed]) -> list[Routed]:
    """Without any place, the first run of short unrecognised parts is the place ("SAMBANG /
    28/11/2024 / Duren / Klari")."""
    if any(r.field == "place" for r in routes):
        return routes
    started = False
    for i, r in enumerate(routes):
        is_name = len(r.text.split()) <= _FALLBACK_PLACE_WORDS and not any(c.isdigit() for c in r.text)
        if r.field == "unknown" and is_name:
            routes[i] = replace(r, field="place")
            started = True
        elif started:
            break
    return routes


def route_segments(text: str, segments: Sequence[Segment], today: date) -> list[Routed]:
    return Router(text, today).route(segments)
