"""Fictional Indonesian-sounding names built from syllables (fixed seed: the same run, the same names).

No real person is named: given names and family names are assembled from syllables and endings,
so a generated name can only match a real one by chance. Pure Python.
"""

from __future__ import annotations

import random

_ONSETS = ("", "b", "d", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "w", "y", "nd", "ng", "sr")
_VOWELS = ("a", "a", "i", "u", "e", "o")
_MALE_ENDINGS = ("di", "to", "man", "an", "ri", "yo", "din", "ton", "nto", "wan", "mat", "ndi")
_FEMALE_ENDINGS = ("ti", "ni", "wati", "yani", "sih", "ah", "na", "ri", "ningsih", "lia")
_FAMILY_ENDINGS = ("jo", "harjo", "wijaya", "kusuma", "putra", "saputra", "nata", "diningrat", "santoso")

_RELIGIOUS_TITLES = {
    "islam": (("KH.", 0.15), ("Ustadz", 0.45), ("H.", 0.3), ("", 0.1)),
    "kristen": (("Pdt.", 0.8), ("", 0.2)),
    "katolik": (("Romo", 0.6), ("", 0.4)),
    "hindu": (("Ida Bagus", 0.3), ("Jero Mangku", 0.5), ("", 0.2)),
    "buddha": (("Bhiksu", 0.6), ("", 0.4)),
    "konghucu": (("Ws.", 0.6), ("", 0.4)),
    "kepercayaan": (("", 1.0),),
}
_DEGREES = (("", 0.7), ("S.Pd.", 0.08), ("S.Ag.", 0.06), ("S.H.", 0.06), ("S.Sos.", 0.06), ("M.Si.", 0.04))


class NameMaker:
    """Makes names from syllables; keeps a pool so that generating 800,000 names stays fast."""

    def __init__(self, seed: int, pool_size: int = 4000):
        self.rng = random.Random(seed)
        self.male = [self._given(_MALE_ENDINGS) for _ in range(pool_size)]
        self.female = [self._given(_FEMALE_ENDINGS) for _ in range(pool_size)]
        self.family = [self._family() for _ in range(pool_size)]
        self._title_tables = {k: weighted_table(v) for k, v in _RELIGIOUS_TITLES.items()}
        self._degrees = weighted_table(_DEGREES)

    def _syllables(self, count: int) -> str:
        rng = self.rng
        return "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(count))

    def _given(self, endings) -> str:
        stem = self._syllables(self.rng.choice((1, 1, 2)))
        return (stem + self.rng.choice(endings)).capitalize()

    def _family(self) -> str:
        return (self._syllables(self.rng.choice((1, 2))) + self.rng.choice(_FAMILY_ENDINGS)).capitalize()

    def person(self, rng: random.Random, female: bool = False) -> str:
        given = rng.choice(self.female if female else self.male)
        if rng.random() < 0.25:
            return given
        return f"{given} {rng.choice(self.family)}"

    def religious_title(self, rng: random.Random, religion: str, female: bool) -> str:
        title = pick(self._title_tables.get(religion, ("",)), rng)
        if female and title == "Ustadz":
            return "Ustadzah"
        if female and title in ("KH.", "H."):
            return "Hj."
        return title

    def degree(self, rng: random.Random) -> str:
        return pick(self._degrees, rng)


def weighted_table(weighted, size: int = 1000) -> tuple:
    """A look-up table for picking by weight with one random number (see `pick`)."""
    table = []
    for value, weight in weighted:
        table.extend([value] * round(weight * size))
    return tuple(table)


def pick(table: tuple, rng: random.Random):
    return table[int(rng.random() * len(table))]
