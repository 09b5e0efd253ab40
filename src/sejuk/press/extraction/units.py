"""Polri units named in the text: "Polsek Klari", "Polres Metro Jakarta Timur", "Kapolres Kubu Raya".

A unit named only through its commander ("Kapolres Kubu Raya") counts, Sat/Unit functions
(Binmas, Intelkam) do not, and TNI or government offices never match the pattern at all.
The name is kept as written, without the level word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import gazette
from .lexicon import NAME_STOP_WORDS, RANK_RE
from .names import name_key
from .text import title_case_if_shouted

_UNIT_RE = re.compile(
    r"(?<![\w-])(?:ka|waka|ma)?(?P<level>polrestabes|polresta|polres|polsekta|polsek|polda)\b"
    r"\.?[ ]+(?=[A-Z0-9])",
    re.I,
)
_MABES_RE = re.compile(r"(?<![\w-])Mabes\s+Polri\b", re.I)
# "sesuai instruksi Mabes Polri": the source of an order, not a unit taking part.
_INSTRUCTION_BEFORE = re.compile(
    r"\b(?:instruksi|arahan|perintah|program|kebijakan|sesuai|amanat)\b[^.,]{0,25}$", re.I
)
_TOKEN = re.compile(r"[A-Z][A-Za-z'\-]*|\d+")
_CONTINUE = re.compile(r" (?=[A-Z0-9])")
_AND_CONTINUE = re.compile(r" dan (?=[A-Z])")
_LEVELS = {"polsekta": "polsek"}
_MAX_TOKENS = 6


@dataclass(frozen=True)
class Unit:
    level: str
    name: str
    start: int
    end: int

    def as_dict(self) -> dict:
        return {"level": self.level, "name": self.name}


def _stops(text: str, pos: int, token: str, have: int) -> bool:
    if RANK_RE.match(text, pos):
        return True
    low = token.lower()
    return low in NAME_STOP_WORDS and not (low == "kota" and have)  # "Polresta Kupang Kota"


def _in_region_name(tokens: list[str], token: str) -> bool:
    """ "Polsek Tanjung Pura", "Polsek Teluk Dalam": a stop word ("pura" = temple, "dalam" =
    inside) that completes a region's name belongs to the unit's name."""
    return bool(tokens) and gazette.is_region(" ".join([*tokens, token]))


def _read_name(text: str, pos: int) -> tuple[list[str], int, bool]:
    """Capitalised tokens after the level word; also says whether a rank ended the run."""
    tokens: list[str] = []
    end = pos
    while len(tokens) < _MAX_TOKENS:
        match = _TOKEN.match(text, pos)
        if not match:
            break
        if _stops(text, pos, match.group(), len(tokens)) and not _in_region_name(tokens, match.group()):
            return tokens, end, RANK_RE.match(text, pos) is not None
        tokens.append(match.group())
        end = match.end()
        joiner = _AND_CONTINUE.match(text, end) if len(tokens) >= 2 else None
        if (
            joiner
            and (nxt := _TOKEN.match(text, joiner.end()))
            and not _stops(text, joiner.end(), nxt.group(), 1)
        ):
            tokens.append("dan")  # "Polresta Pulau Ambon dan Pulau-Pulau Lease"
            pos = joiner.end()
            continue
        if not (follow := _CONTINUE.match(text, end)):
            break
        pos = follow.end()
    return tokens, end, False


def _trim_person(tokens: list[str]) -> list[str]:
    """ "Kapolsek Klari Andryan Nugraha" (no rank): keep the region-like head, drop the person."""
    first = 1 if tokens[0].lower() == "metro" else 0  # "Polres Metro Jakarta Timur"
    if "dan" in tokens or gazette.is_region(" ".join(tokens[first:])):
        return tokens
    for cut in range(len(tokens) - 2, first, -1):
        head, tail = " ".join(tokens[first:cut]), " ".join(tokens[cut:])
        if gazette.is_region(head) and not gazette.is_region(tail):
            return tokens[:cut]
    return tokens


def find_units(body: str) -> list[Unit]:
    """Every unit mention in order of appearance (duplicates kept; see `distinct_units`)."""
    units = []
    for match in _UNIT_RE.finditer(body):
        tokens, end, by_rank = _read_name(body, match.end())
        while tokens and tokens[-1] == "dan":
            tokens.pop()
        if not tokens:
            continue
        if not by_rank and len(tokens) >= 3:
            tokens = _trim_person(tokens)
            end = match.end() + len(" ".join(tokens))
        level = match.group("level").lower()
        name = title_case_if_shouted(" ".join(tokens))
        units.append(Unit(_LEVELS.get(level, level), name, match.start(), end))
    for match in _MABES_RE.finditer(body):
        if not _INSTRUCTION_BEFORE.search(body, max(0, match.start() - 40), match.start()):
            units.append(Unit("mabes", "Polri", match.start(), match.end()))
    return sorted(units, key=lambda unit: unit.start)


def distinct_units(units: list[Unit]) -> list[dict]:
    seen: set[tuple[str, str]] = set()
    result = []
    for unit in units:
        key = (unit.level, name_key(unit.name))
        if key not in seen:
            seen.add(key)
            result.append(unit.as_dict())
    return result
