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

# "Polsek Klari", "Kapolres Bone", "(Kapolsek) Menes" after a long form written out.
_UNIT_RE = re.compile(
    r"(?<![\w-])(?:ka|waka|ma)?(?P<level>polrestabes|polresta|polres|polsekta|polsek|polda)\b"
    r"\)?\.?[ ]+(?=[A-Z0-9])",
    re.I,
)
# The long forms news agencies write: "Kepolisian Resor Lombok Timur", "Kepolisian Sektor (Polsek) Limboto".
_LONG_UNIT_RE = re.compile(
    r"(?<![\w-])kepolisian\s+(?P<kind>daerah|resort?\s+kota\s+besar|resort?\s+kota|resort?|sektor(?:\s+kota)?)"
    r"(?:\s*\(\s*[A-Za-z]{3,12}\s*\))?[ ]+(?=[A-Z0-9])",
    re.I,
)
_LONG_LEVELS = {"daerah": "polda", "kota besar": "polrestabes", "kota": "polresta", "resor": "polres",
                "resort": "polres", "sektor": "polsek"}  # fmt: skip
_MABES_RE = re.compile(r"(?<![\w-])Mabes\s+Polri\b", re.I)
# "sesuai instruksi Mabes Polri": the source of an order, not a unit taking part.
_INSTRUCTION_BEFORE = re.compile(
    r"\b(?:instruksi|arahan|perintah|program|kebijakan|sesuai|amanat)\b[^.,]{0,25}$", re.I
)
_TOKEN = re.compile(r"[A-Z][A-Za-z'\-]*|\d+")
_CAPITAL_AFTER = re.compile(r" [A-Z]")
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
    # "Polresta Kupang Kota", "Polsek Kota Ruteng": "Kota" belongs to the unit's name
    return low in NAME_STOP_WORDS and not (low == "kota" and (have or _CAPITAL_AFTER.match(text, pos + 4)))


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


def _long_level(kind: str) -> str:
    words = kind.lower().split()
    if words[0] == "sektor":
        return "polsek"
    return _LONG_LEVELS[" ".join(words[1:])] if len(words) > 1 else _LONG_LEVELS[words[0]]


def _unit_at(body: str, match: re.Match, level: str) -> Unit | None:
    tokens, end, by_rank = _read_name(body, match.end())
    while tokens and tokens[-1] == "dan":
        tokens.pop()
    if not tokens:
        return None
    if not by_rank and len(tokens) >= 3:
        tokens = _trim_person(tokens)
        end = match.end() + len(" ".join(tokens))
    return Unit(level, title_case_if_shouted(" ".join(tokens)), match.start(), end)


def find_units(body: str) -> list[Unit]:
    """Every unit mention in order of appearance (duplicates kept; see `distinct_units`)."""
    units = []
    for match in _UNIT_RE.finditer(body):
        level = match.group("level").lower()
        if unit := _unit_at(body, match, _LEVELS.get(level, level)):
            units.append(unit)
    if "epolisian" in body:
        for match in _LONG_UNIT_RE.finditer(body):
            if unit := _unit_at(body, match, _long_level(match.group("kind"))):
                units.append(unit)
    for match in _MABES_RE.finditer(body):
        if not _INSTRUCTION_BEFORE.search(body, max(0, match.start() - 40), match.start()):
            units.append(Unit("mabes", "Polri", match.start(), match.end()))
    return sorted(units, key=lambda unit: unit.start)


def _one_typo_apart(a: str, b: str) -> bool:
    """One letter inserted, dropped, changed or two swapped ("Klarii"/"Klari")."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
        return len(diff) == 1 or swapped
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _abbreviates(short: str, words: list[str]) -> bool:
    """ "kotim" for ["kotawaringin", "timur"], "tts" for ["timor", "tengah", "selatan"]: the
    short form is a prefix of every word in turn."""
    if not words:
        return not short
    if not short:
        return False
    head, rest = words[0], words[1:]
    return any(
        short[:size] == head[:size] and _abbreviates(short[size:], rest)
        for size in range(1, min(len(head), len(short)) + 1)
    )


def _same_unit(kept: Unit, other: Unit) -> bool:
    """The same unit written twice: a typo of a known name, or the short form of the full name
    ("Polres Kotawaringin Timur" ... "Polres Kotim")."""
    if kept.level != other.level:
        return False
    a, b = name_key(kept.name), name_key(other.name)
    if a == b:
        return True
    if min(len(a), len(b)) >= 5 and _one_typo_apart(a, b):
        return gazette.is_region(kept.name) != gazette.is_region(other.name)
    long, short = (a, b) if len(a) > len(b) else (b, a)
    words = [w for w in long.split() if w != "metro"]
    short = short.removeprefix("metro ")
    return " " not in short and len(words) >= 2 and len(short) >= 3 and _abbreviates(short, words)


def _preferred(a: Unit, b: Unit) -> Unit:
    """The spelling to keep: the one the gazetteer knows, else the longer (full) one."""
    known_a, known_b = gazette.is_region(a.name), gazette.is_region(b.name)
    if known_a != known_b:
        return a if known_a else b
    return a if len(a.name) >= len(b.name) else b


def distinct_units(units: list[Unit]) -> list[dict]:
    result: list[Unit] = []
    for unit in units:
        for index, kept in enumerate(result):
            if _same_unit(kept, unit):
                result[index] = _preferred(kept, unit)
                break
        else:
            result.append(unit)
    return [unit.as_dict() for unit in result]
