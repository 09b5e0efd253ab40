"""Readers for the small fields: activity type, appeal themes, situation, attendance, partners.

Each reader takes the text the router assigned to its field and returns values plus problems;
none of them raises. Lists are split on commas, "dan", "&" and "+" because that is how
officers enumerate ("kamtibmas, hoaks dan netral").
"""

from __future__ import annotations

import re

from . import problems as P
from .keywords import ACTIVITIES, PARTNERS, SITUATIONS_LEX, THEMES
from .lexicon import Lexicon
from .model import Partner, Problem

_ITEM_SPLIT = re.compile(r"\s*(?:[,+&]|\bdan\b|\bserta\b|\n)\s*", re.I)
_NUMBER = re.compile(r"(?<![0-9])([0-9]{1,6})(?![0-9])")
_SEVERITY = ("aman", "waspada", "rawan")  # the most severe word mentioned wins: never under-report
_ATTENDANCE_ONLY = re.compile(
    r"(?:±|\+-|sekitar|sktr|kurang lebih|kurleb|kl|lk|lebih dari|lebih kurang)?\s*[0-9]{1,5}\s*"
    r"(?:org|orang|peserta|warga|jiwa|pax|hadirin|undangan)\.?",
    re.I,
)
MAX_ATTENDANCE = 100_000


def split_items(text: str) -> list[str]:
    items = (i.strip(" .;:-/()") for i in _ITEM_SPLIT.split(text))
    return [i for i in items if i]


def is_list_of(text: str, lexicon: Lexicon, max_words: int = 4) -> bool:
    """True when every item is a short phrase containing a keyword (used to classify a segment
    that has no label, so it is strict: no fuzzy matching, no long sentences)."""
    items = split_items(text)
    return bool(items) and all(len(i.split()) <= max_words and lexicon.find_all(i) for i in items)


def looks_like_attendance(text: str) -> bool:
    return _ATTENDANCE_ONLY.fullmatch(text.strip()) is not None


def read_activity_type(text: str) -> tuple[str | None, Problem | None]:
    codes = ACTIVITIES.read(text)
    if codes:
        return codes[0], None
    return None, P.unknown_type(text)


def read_themes(text: str) -> tuple[list[str], list[str], list[Problem]]:
    """Theme codes, the items that matched none (kept for the narrative), and warnings."""
    codes: list[str] = []
    extra: list[str] = []
    problems: list[Problem] = []
    for item in split_items(text):
        found = THEMES.read(item)
        if found:
            codes.extend(c for c in found if c not in codes)
        else:
            extra.append(item)
            problems.append(P.unknown_theme(item))
    return codes, extra, problems


def read_situation(text: str) -> tuple[str | None, Problem | None]:
    codes = SITUATIONS_LEX.read(text)
    if not codes:
        return None, P.unknown_situation(text)
    return max(codes, key=_SEVERITY.index), None


def read_attendance(text: str) -> tuple[int | None, Problem | None]:
    m = _NUMBER.search(text)
    if m is None or not 0 < int(m.group(1)) <= MAX_ATTENDANCE:
        return None, P.unreadable_attendance(text)
    return int(m.group(1)), None


def read_partners(text: str) -> list[Partner]:
    partners = []
    for item in split_items(text):
        codes = PARTNERS.read(item) or ["other"]
        partners.extend(Partner(item, code) for code in codes)
    return partners
