"""Polri ranks (pangkat) and a tolerant parser for how press releases write them.

Pure Python, no Django: the press extractor and the CSV importers share it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rank:
    order: int  # 1 = highest
    abbreviation: str  # canonical, as the corpus schema writes it
    full_name: str
    group: str  # pati, pamen, pama, bintara, tamtama


RANKS: tuple[Rank, ...] = (
    Rank(1, "Jenderal Polisi", "Jenderal Polisi", "pati"),
    Rank(2, "Komjen", "Komisaris Jenderal Polisi", "pati"),
    Rank(3, "Irjen", "Inspektur Jenderal Polisi", "pati"),
    Rank(4, "Brigjen", "Brigadir Jenderal Polisi", "pati"),
    Rank(5, "Kombes", "Komisaris Besar Polisi", "pamen"),
    Rank(6, "AKBP", "Ajun Komisaris Besar Polisi", "pamen"),
    Rank(7, "Kompol", "Komisaris Polisi", "pamen"),
    Rank(8, "AKP", "Ajun Komisaris Polisi", "pama"),
    Rank(9, "Iptu", "Inspektur Polisi Satu", "pama"),
    Rank(10, "Ipda", "Inspektur Polisi Dua", "pama"),
    Rank(11, "Aiptu", "Ajun Inspektur Polisi Satu", "bintara"),
    Rank(12, "Aipda", "Ajun Inspektur Polisi Dua", "bintara"),
    Rank(13, "Bripka", "Brigadir Polisi Kepala", "bintara"),
    Rank(14, "Brigpol", "Brigadir Polisi", "bintara"),
    Rank(15, "Briptu", "Brigadir Polisi Satu", "bintara"),
    Rank(16, "Bripda", "Brigadir Polisi Dua", "bintara"),
    Rank(17, "Abripol", "Ajun Brigadir Polisi", "tamtama"),
    Rank(18, "Abriptu", "Ajun Brigadir Polisi Satu", "tamtama"),
    Rank(19, "Abripda", "Ajun Brigadir Polisi Dua", "tamtama"),
    Rank(20, "Bharaka", "Bhayangkara Kepala", "tamtama"),
    Rank(21, "Bharatu", "Bhayangkara Satu", "tamtama"),
    Rank(22, "Bharada", "Bhayangkara Dua", "tamtama"),
)

RANK_GROUP_LABELS = {
    "pati": "Perwira Tinggi",
    "pamen": "Perwira Menengah",
    "pama": "Perwira Pertama",
    "bintara": "Bintara",
    "tamtama": "Tamtama",
}

BY_ABBREVIATION = {rank.abbreviation: rank for rank in RANKS}

# Spellings seen in real releases, already lower-cased and without dots or a "Pol" suffix.
_ALIASES = {
    "jenderal": "Jenderal Polisi",
    "jendral": "Jenderal Polisi",
    "jenderal polisi": "Jenderal Polisi",
    "kopol": "Kompol",  # the seed's misspelling
    "kompol": "Kompol",
    "brigadir": "Brigpol",
    "brigpol": "Brigpol",
    "brig": "Brigpol",
    "kombes": "Kombes",
    "kombespol": "Kombes",
    "komjen": "Komjen",
    "komjenpol": "Komjen",
    "irjen": "Irjen",
    "irjenpol": "Irjen",
    "brigjen": "Brigjen",
    "brigjenpol": "Brigjen",
    "akbp": "AKBP",
    "akp": "AKP",
    "iptu": "Iptu",
    "ipda": "Ipda",
    "aiptu": "Aiptu",
    "aipda": "Aipda",
    "bripka": "Bripka",
    "briptu": "Briptu",
    "bripda": "Bripda",
    "abripol": "Abripol",
    "abriptu": "Abriptu",
    "abripda": "Abripda",
    "bharaka": "Bharaka",
    "bharatu": "Bharatu",
    "bharada": "Bharada",
}
for _rank in RANKS:
    _ALIASES.setdefault(_rank.full_name.lower(), _rank.abbreviation)

_NOISE = re.compile(r"[.\s]+")
_POL_SUFFIX = re.compile(r"\s*pol(isi)?\.?$")


def _key(text: str) -> str:
    text = text.strip().lower().rstrip(".")
    text = _NOISE.sub(" ", text).strip()
    return text


def parse_rank(text: str | None) -> Rank | None:
    """Return the rank a spelling denotes ("AIPDA", "Kombes Pol", "Kopol", "Iptu."), or None."""
    if not text:
        return None
    key = _key(text)
    if key in _ALIASES:
        return BY_ABBREVIATION[_ALIASES[key]]
    stripped = _POL_SUFFIX.sub("", key).strip()
    if stripped in _ALIASES:
        return BY_ABBREVIATION[_ALIASES[stripped]]
    squashed = key.replace(" ", "")
    if squashed in _ALIASES:
        return BY_ABBREVIATION[_ALIASES[squashed]]
    return None


def rank_alias_pattern() -> str:
    """A regex alternation of every known spelling, longest first, for text scanners."""
    spellings = set(_ALIASES) | {rank.abbreviation.lower() for rank in RANKS}
    parts = sorted(spellings, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)
