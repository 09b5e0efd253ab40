"""Fast region look-ups for the scanners, built once (lazily) on top of the project gazetteer.

The project gazetteer keys names with spaces ("palangka raya" misses "Palangkaraya"); releases
write names both ways ("Tegal Gede" / "Tegalgede"), so this index squashes spaces and
punctuation. Province aliases ("Jabar", "NTB") come from the gazetteer's own table.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from sejuk.regions import gazetteer

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6"}


def squash(name: str) -> str:
    """ "Palangka Raya" -> "palangkaraya"; "Desa Suka Maju II" keeps its level word."""
    words = name.lower().split()
    words = [_ROMAN.get(word, word) for word in words]
    return _NON_ALNUM.sub("", "".join(words))


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[tuple[str, int], ...]]:
    index: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for region in gazetteer.all_regions():
        index[squash(region.name)].append((region.code, region.level))
    for alias, code in gazetteer.PROVINCE_ALIASES.items():
        index[squash(alias)].append((code, gazetteer.PROVINSI))
    return {key: tuple(dict.fromkeys(codes)) for key, codes in index.items()}


def warm_up() -> None:
    """Build the index now (the first call takes about a second)."""
    _index()


def codes(name: str, level: int | None = None) -> list[str]:
    """Region codes whose official name (or province alias) squashes to the same key."""
    found = _index().get(squash(name), ())
    return [code for code, lvl in found if level is None or lvl == level]


def is_region(name: str) -> bool:
    return squash(name) in _index()


def contains(parent: str, child: str) -> bool:
    return child.startswith(parent + ".")


def province_codes(name: str) -> list[str]:
    return codes(name, gazetteer.PROVINSI)
