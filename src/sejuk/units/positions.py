"""Polri positions (jabatan) as releases write them, and a parser that drops the unit name.

"Kanit Binmas Polsek Tambaksari" is the generic title "Kanit Binmas" held in a unit; the
generic title is what the registry and the press extractor store. Pure Python, no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Position:
    code: str  # stable key stored in the database
    title: str  # generic title, as releases write it
    full_name: str
    unit_levels: tuple[str, ...]  # unit levels where the position exists
    is_commander: bool = False
    function: str = ""  # binmas, intelkam, humas, propam, samapta, reskrim, lantas or ""


POSITIONS: tuple[Position, ...] = (
    Position("kapolri", "Kapolri", "Kepala Kepolisian Negara Republik Indonesia", ("mabes",), True),
    Position("kapolda", "Kapolda", "Kepala Kepolisian Daerah", ("polda",), True),
    Position("wakapolda", "Wakapolda", "Wakil Kepala Kepolisian Daerah", ("polda",)),
    Position("kabid_humas", "Kabid Humas", "Kepala Bidang Hubungan Masyarakat", ("polda",), function="humas"),
    Position("dirbinmas", "Dirbinmas", "Direktur Pembinaan Masyarakat", ("polda",), function="binmas"),
    Position("dirintelkam", "Dirintelkam", "Direktur Intelijen Keamanan", ("polda",), function="intelkam"),
    Position("kapolres", "Kapolres", "Kepala Kepolisian Resor", ("polres",), True),
    Position("kapolresta", "Kapolresta", "Kepala Kepolisian Resor Kota", ("polres",), True),
    Position("kapolrestabes", "Kapolrestabes", "Kepala Kepolisian Resor Kota Besar", ("polres",), True),
    Position("wakapolres", "Wakapolres", "Wakil Kepala Kepolisian Resor", ("polres",)),
    Position("wakapolresta", "Wakapolresta", "Wakil Kepala Kepolisian Resor Kota", ("polres",)),
    Position("kabag_ops", "Kabag Ops", "Kepala Bagian Operasi", ("polres",)),
    Position(
        "kasat_binmas", "Kasat Binmas", "Kepala Satuan Pembinaan Masyarakat", ("polres",), function="binmas"
    ),
    Position(
        "kasat_intelkam",
        "Kasat Intelkam",
        "Kepala Satuan Intelijen Keamanan",
        ("polres",),
        function="intelkam",
    ),
    Position("kasat_samapta", "Kasat Samapta", "Kepala Satuan Samapta", ("polres",), function="samapta"),
    Position(
        "kasat_reskrim", "Kasat Reskrim", "Kepala Satuan Reserse Kriminal", ("polres",), function="reskrim"
    ),
    Position("kasat_lantas", "Kasat Lantas", "Kepala Satuan Lalu Lintas", ("polres",), function="lantas"),
    Position("kasi_humas", "Kasi Humas", "Kepala Seksi Hubungan Masyarakat", ("polres",), function="humas"),
    Position(
        "kasi_propam", "Kasi Propam", "Kepala Seksi Profesi dan Pengamanan", ("polres",), function="propam"
    ),
    Position("kapolsek", "Kapolsek", "Kepala Kepolisian Sektor", ("polsek",), True),
    Position("kapolsekta", "Kapolsekta", "Kepala Kepolisian Sektor Kota", ("polsek",), True),
    Position("wakapolsek", "Wakapolsek", "Wakil Kepala Kepolisian Sektor", ("polsek",)),
    Position(
        "kanit_binmas", "Kanit Binmas", "Kepala Unit Pembinaan Masyarakat", ("polsek",), function="binmas"
    ),
    Position(
        "kanit_intelkam", "Kanit Intelkam", "Kepala Unit Intelijen Keamanan", ("polsek",), function="intelkam"
    ),
    Position("kanit_samapta", "Kanit Samapta", "Kepala Unit Samapta", ("polsek",), function="samapta"),
    Position(
        "kanit_reskrim", "Kanit Reskrim", "Kepala Unit Reserse Kriminal", ("polsek",), function="reskrim"
    ),
    Position(
        "kanit_propam", "Kanit Propam", "Kepala Unit Profesi dan Pengamanan", ("polsek",), function="propam"
    ),
    Position(
        "kasi_humas_polsek", "Kasi Humas Polsek", "Kepala Seksi Humas Polsek", ("polsek",), function="humas"
    ),
    Position(
        "bhabinkamtibmas",
        "Bhabinkamtibmas",
        "Bhayangkara Pembina Keamanan dan Ketertiban Masyarakat",
        ("polsek",),
        function="binmas",
    ),
    Position("anggota", "Anggota", "Anggota", ("mabes", "polda", "polres", "polsek")),
)

BY_CODE = {position.code: position for position in POSITIONS}
COMMANDER_CODES = frozenset(p.code for p in POSITIONS if p.is_commander)

_ALIASES = {
    "bhabin": "bhabinkamtibmas",
    "bhabinkamtibmas": "bhabinkamtibmas",
    "bhabinkamtibmas polri": "bhabinkamtibmas",
    "kasihumas": "kasi_humas",
    "kasubsi humas": "kasi_humas",
    "kasubsi penmas": "kasi_humas",
    "kasat binmas": "kasat_binmas",
    "kanit binmas": "kanit_binmas",
    "kanit sabhara": "kanit_samapta",
    "kasat sabhara": "kasat_samapta",
    "kanit intel": "kanit_intelkam",
    "kasat intel": "kasat_intelkam",
    "kabag ops": "kabag_ops",
    "kabagops": "kabag_ops",
}
for _position in POSITIONS:
    _ALIASES.setdefault(_position.title.lower(), _position.code)

_ALIASES_LONGEST_FIRST = sorted(_ALIASES, key=len, reverse=True)

_UNIT_TAIL = re.compile(
    r"\s+(polda|polres|polresta|polrestabes|polsek|polsekta|kelurahan|desa|kecamatan|kec\.?|kel\.?)\b.*$",
    re.IGNORECASE,
)


def parse_position(text: str | None) -> Position | None:
    """Return the generic position a title denotes, dropping the unit or place that follows it."""
    if not text:
        return None
    key = re.sub(r"\s+", " ", text.strip().rstrip(".").lower())
    if key in _ALIASES:
        return BY_CODE[_ALIASES[key]]
    head = _UNIT_TAIL.sub("", key).strip()
    if head in _ALIASES:
        return BY_CODE[_ALIASES[head]]
    # "Kapolsek Klari", "Kapolda Jabar": a title followed directly by the unit's name.
    for alias in _ALIASES_LONGEST_FIRST:
        if key.startswith(alias + " "):
            return BY_CODE[_ALIASES[alias]]
    return None


def position_alias_pattern() -> str:
    """A regex alternation of every known title, longest first, for text scanners."""
    parts = sorted(_ALIASES, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)
