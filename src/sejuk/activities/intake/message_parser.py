"""parse_message: a chat report in, a ParsedMessage (values + errors + warnings) out.

Three steps, each in its own module: cut the message into segments (segments.py), decide which
field each segment feeds (router.py), then read every field from the text it was given
(dates.py, places.py, figures.py, fields.py). This module only runs the steps and checks what
is required. It never raises on officer input: everything wrong becomes a Problem.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, time

from sejuk.activities.vocabulary import ACTIVITY_TYPES

from . import problems as P
from .dates import read_date
from .fields import read_activity_type, read_attendance, read_partners, read_situation, read_themes
from .figures import read_figures
from .model import Figure, ParsedMessage, Place, PlaceResolution, PlaceResolver, Problem
from .places import parse_place
from .router import Routed, route_segments
from .segments import normalize_message, split_message

# Activities that are, by definition, a meeting with a figure: no figure named is suspicious.
VISIT_TYPES = frozenset({"sambang", "silaturahmi"})
_SEVERITY = ("aman", "waspada", "rawan")


def parse_message(text: str, *, today: date, resolve_place: PlaceResolver | None = None) -> ParsedMessage:
    normalized = normalize_message(text or "")
    if not normalized.strip():
        return ParsedMessage(raw_text=text or "", errors=(P.empty_message(),))
    routes = route_segments(normalized, split_message(normalized), today)
    by_field: dict[str, list[Routed]] = defaultdict(list)
    for routed in routes:
        by_field[routed.field].append(routed)
    found: list[Problem] = []
    activity_type = _read_type(by_field["type"], found)
    day, at = _read_when(by_field["date"], by_field["time"], today, found)
    place = _read_place(by_field["place"], resolve_place, found)
    figures = _read_figures(by_field["figures"], activity_type, found)
    themes, extra = _read_themes(by_field["themes"], found)
    return ParsedMessage(
        raw_text=text,
        activity_type=activity_type,
        activity_date=day,
        activity_time=at,
        place=place,
        figures=figures,
        themes=themes,
        theme_extra=extra,
        situation=_read_situation(by_field["situation"], found),
        attendance=_read_attendance(by_field["attendance"], found),
        partners=tuple(p for r in by_field["partners"] for p in read_partners(r.text)),
        notes=_read_notes(by_field["notes"], by_field["unknown"], found),
        errors=tuple(p for p in found if not P.is_warning(p)),
        warnings=tuple(p for p in found if P.is_warning(p)),
    )


def _first_of(
    values: Sequence[tuple[object, str]], field: str, label_id: str, label_en: str, found: list[Problem]
):
    """The first value; a different second one is reported (the officer must choose)."""
    if not values:
        return None
    first, first_raw = values[0]
    for value, raw in values[1:]:
        if value != first:
            found.append(P.conflict(field, label_id, label_en, first_raw, raw))
            break
    return first


def _read_type(routes: list[Routed], found: list[Problem]) -> str | None:
    if not routes:
        found.append(P.missing_type())
        return None
    values = []
    for r in routes:
        code, problem = read_activity_type(r.text)
        if problem:
            found.append(problem)
        elif code:
            values.append((code, r.text))
    return _first_of(values, "activity_type", "Jenis kegiatan", "Activity type", found)


def _read_when(
    date_routes: list[Routed], time_routes: list[Routed], today: date, found: list[Problem]
) -> tuple[date | None, time | None]:
    days: list[tuple[date, str]] = []
    times: list[tuple[time, str]] = []
    for r in (*date_routes, *time_routes):
        reading = read_date(r.text, today)
        found.extend(reading.problems)
        if not reading.found:
            found.append(P.unreadable_date(r.text) if r.field == "date" else P.invalid_time(r.text))
        if reading.day:
            days.append((reading.day, r.text))
        if reading.at:
            times.append((reading.at, r.text))
    if not days and not any(p.field == "activity_date" for p in found):
        found.append(P.missing_date())  # nothing written, or only a time ("Waktu: 19.30")
    day = _first_of(days, "activity_date", "Tanggal", "Date", found)
    at = _first_of(times, "activity_time", "Jam", "Time", found)
    return day, at


def _read_place(
    routes: list[Routed], resolve_place: PlaceResolver | None, found: list[Problem]
) -> Place | None:
    if not routes:
        found.append(P.missing_place())
        return None
    place = parse_place(", ".join(r.text for r in routes))
    if not place.named_levels():
        found.append(P.place_without_region(place.raw))
        return place
    if resolve_place is None:
        return place
    resolution = resolve_place(place)
    found.extend(place_problems(resolution))
    return replace(place, resolution=resolution)


def place_problems(resolution: PlaceResolution) -> list[Problem]:
    """Errors for names not found or found in several places; warnings for corrections."""
    found: list[Problem] = []
    parent_path: str | None = None
    for match in resolution.matches:
        if match.status == "unknown":
            found.append(P.unknown_place(match.level, match.text, parent_path))
        elif match.status == "ambiguous":
            paths = [c.path for c in match.candidates]
            found.append(P.ambiguous_place(match.level, match.text, paths, len(paths)))
        else:
            parent_path = match.candidates[0].path
            if match.corrected:
                found.append(P.corrected_place(match.level, match.text, match.candidates[0].name))
    outside = [m for m in resolution.matches if m.outside_area and m.status == "resolved"]
    if outside:
        found.append(P.outside_area(outside[-1].level, outside[-1].candidates[0].path))
    return found


def _read_figures(
    routes: list[Routed], activity_type: str | None, found: list[Problem]
) -> tuple[Figure, ...]:
    figures, problems = read_figures([(r.text, r.hint) for r in routes])
    found.extend(problems)
    if not figures and activity_type in VISIT_TYPES:
        term = next(t for t in ACTIVITY_TYPES if t.code == activity_type)
        found.append(P.missing_figures(term.label_id.lower(), term.label_en.lower()))
    return tuple(figures)


def _read_themes(routes: list[Routed], found: list[Problem]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    codes: list[str] = []
    extra: list[str] = []
    for r in routes:
        theme_codes, unknown, problems = read_themes(r.text)
        codes.extend(c for c in theme_codes if c not in codes)
        extra.extend(unknown)
        found.extend(problems)
    return tuple(codes), tuple(extra)


def _read_situation(routes: list[Routed], found: list[Problem]) -> str | None:
    codes = []
    for r in routes:
        code, problem = read_situation(r.text)
        if problem:
            found.append(problem)
        elif code:
            codes.append(code)
    return max(codes, key=_SEVERITY.index) if codes else None  # never under-report tension


def _read_attendance(routes: list[Routed], found: list[Problem]) -> int | None:
    values = []
    for r in routes:
        count, problem = read_attendance(r.text)
        if problem:
            found.append(problem)
        elif count is not None:
            values.append((count, r.text))
    return _first_of(values, "attendance", "Jumlah hadir", "Attendance", found)


def _read_notes(notes: list[Routed], unknown: list[Routed], found: list[Problem]) -> str | None:
    found.extend(P.unrecognized_segment(r.text) for r in unknown)
    texts = [r.text for r in (*notes, *unknown) if r.text]
    return "\n".join(texts) or None
