"""The dateline: "BOGOR –", "MATARAM, 10 Oktober 2024 –", "KARAWANG - KARAWANG.BINMAS.ID".

It gives a city (a place only when it is a kabupaten/kota, see places.py) and sometimes a date
(a weak activity-date candidate, see dates.py). A unit dateline ("Polresta Samarinda, Polda
Kaltim –") is not a city: the unit scanner reads it from the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import NAME_STOP_WORDS
from .text import Document

_OUTLET_PREFIX = r"(?:[\w.\-]+\.(?i:com|id|net|co)\s*[,\u2013-]\s*)?"  # "TRIBUNJATIM.COM, JEMBER -"
_UPPER = re.compile(
    r"^" + _OUTLET_PREFIX + r"(?P<city>[A-Z][A-Z.'\-]*(?: [A-Z][A-Z.'\-]*){0,3})"
    r"(?:\s*\([^)]{1,40}\))?(?:\s*,\s*(?P<date>[^\u2013\-]{4,40}?))?\s*[\u2013-]+(?:\s|$)"
)
_TITLE = re.compile(
    r"^(?P<city>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(?:\s*\([^)]{1,40}\))?"
    r"(?:\s*,\s*(?P<date>[^\u2013\-]{4,40}?))?\s*[\u2013-]+\s"
)


@dataclass(frozen=True)
class Dateline:
    city: str | None
    date_text: str | None  # what follows the city before the dash: a date, or a province
    body_end: int  # characters of the first body paragraph the dateline occupies (0 if in header)


def _city_ok(city: str) -> bool:
    words = city.lower().replace(".", " ").split()
    return bool(words) and not any(word in NAME_STOP_WORDS for word in words)


def _parse(line: str) -> tuple[str, str | None, int] | None:
    for pattern in (_UPPER, _TITLE):
        match = pattern.match(line)
        if match and _city_ok(match.group("city")):
            city = match.group("city").strip(" .")
            return city, match.group("date"), match.end()
    return None


def find_dateline(doc: Document) -> Dateline:
    """Look in the first body paragraph, then in the header lines (site-style datelines)."""
    if doc.paragraphs and (found := _parse(doc.paragraphs[0])):
        return Dateline(found[0], found[1], found[2])
    for line in doc.header:
        if found := _parse(line):
            return Dateline(found[0], None, 0)
    return Dateline(None, None, 0)
