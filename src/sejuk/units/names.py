"""Split a person's name from the honorifics before it and the degrees after it.

"Kopol H Andryan Nugraha,SH" is rank Kompol, honorific "H.", name "Andryan Nugraha", degree "S.H.".
Noble and customary name elements (I Gusti Ngurah, Teuku, Lalu, Andi) are part of the name.
Pure Python; shared by the importers, the figure registry and the press extractor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Honorifics and religious titles written before a name, with their canonical spelling.
FRONT_TITLES = {
    "h": "H.",
    "hj": "Hj.",
    "hajah": "Hj.",
    "haji": "H.",
    "dr": "Dr.",
    "drs": "Drs.",
    "dra": "Dra.",
    "ir": "Ir.",
    "prof": "Prof.",
    "kh": "KH",
    "kyai": "Kyai",
    "kiai": "Kiai",
    "tgh": "TGH",
    "tgk": "Tgk.",
    "ustadz": "Ustadz",
    "ustad": "Ustadz",
    "ust": "Ustadz",
    "ustadzah": "Ustadzah",
    "ustazah": "Ustadzah",
    "habib": "Habib",
    "buya": "Buya",
    "ajengan": "Ajengan",
    "pdt": "Pdt.",
    "pendeta": "Pendeta",
    "romo": "Romo",
    "pastor": "Pastor",
    "pandita": "Pandita",
    "pinandita": "Pinandita",
    "jro mangku": "Jro Mangku",
    "ida bagus pedanda": "Ida Pedanda",
    "bhiksu": "Bhiksu",
    "gus": "Gus",
}

# Academic degrees written after a name, keyed by their letters without dots or spaces.
DEGREES = {
    "sh": "S.H.",
    "sik": "S.I.K.",
    "mh": "M.H.",
    "msi": "M.Si.",
    "ssos": "S.Sos.",
    "mm": "M.M.",
    "se": "S.E.",
    "spd": "S.Pd.",
    "sag": "S.Ag.",
    "sth": "S.Th.",
    "mth": "M.Th.",
    "lc": "Lc.",
    "ma": "M.A.",
    "st": "S.T.",
    "sip": "S.IP.",
    "mkn": "M.Kn.",
    "skom": "S.Kom.",
    "sh mh": "S.H., M.H.",
    "mpd": "M.Pd.",
    "spdi": "S.Pd.I.",
    "shi": "S.H.I.",
    "sstk": "S.St.K.",
    "mhum": "M.Hum.",
    "mag": "M.Ag.",
    "ssi": "S.Si.",
    "sap": "S.AP.",
    "skm": "S.K.M.",
    "mkes": "M.Kes.",
    "phd": "Ph.D.",
    "mba": "M.B.A.",
    "sik mh": "S.I.K., M.H.",
    "ofmcap": "OFMCap",
    "msc": "M.Sc.",
    "mik": "M.I.K.",
    "stk": "S.T.K.",
}

_FRONT_PATTERN = re.compile(
    r"^(?P<title>"
    + "|".join(sorted((re.escape(t).replace(r"\ ", r"\s+") for t in FRONT_TITLES), key=len, reverse=True))
    + r")\.?(?:\s+|(?<=\.)(?=\S))",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class PersonName:
    name: str
    front_titles: tuple[str, ...] = ()
    degrees: tuple[str, ...] = ()

    @property
    def front(self) -> str:
        return " ".join(self.front_titles)

    @property
    def back(self) -> str:
        return ", ".join(self.degrees)

    @property
    def formal(self) -> str:
        text = f"{self.front} {self.name}".strip()
        return f"{text}, {self.back}" if self.degrees else text


def _degree_key(token: str) -> str:
    return re.sub(r"[.\s]", "", token).lower()


def _split_degrees(text: str) -> tuple[str, tuple[str, ...]]:
    """Peel degrees off the end: "Nugraha,SH" / "Saputra, S.I.K., M.H." / "Hendra SH MH"."""
    degrees: list[str] = []
    parts = [p.strip() for p in text.split(",")]
    while len(parts) > 1 and _degree_key(parts[-1]) in DEGREES:
        degrees.insert(0, DEGREES[_degree_key(parts.pop())])
    name = ", ".join(parts)
    words = name.split()
    # Degrees written without a comma ("Andryan Nugraha SH"): only when dotted or all capitals,
    # so that a real name like "Se" or "Ma" is left alone.
    while len(words) > 1:
        last = words[-1]
        if _degree_key(last) in DEGREES and ("." in last or (last.isupper() and len(last) > 1)):
            degrees.insert(0, DEGREES[_degree_key(words.pop())])
        else:
            break
    return " ".join(words), tuple(degrees)


def strip_rank(text: str) -> tuple[str | None, str]:
    """("Kompol", "H Andryan Nugraha,SH") from "Kopol H Andryan Nugraha,SH"; (None, text) if no rank."""
    from sejuk.units.ranks import parse_rank

    words = text.split()
    for size in (3, 2, 1):
        if len(words) > size:
            rank = parse_rank(" ".join(words[:size]))
            if rank is not None:
                return rank.abbreviation, " ".join(words[size:])
    return None, text


def split_name(text: str) -> PersonName:
    """Hold honorifics and degrees apart from the name itself (a leading rank is dropped)."""
    text = re.sub(r"\s+", " ", (text or "").strip().strip(","))
    text = strip_rank(text)[1]
    fronts: list[str] = []
    while True:
        match = _FRONT_PATTERN.match(text)
        if not match or len(text) == match.end():
            break
        key = re.sub(r"\s+", " ", match.group("title").lower())
        fronts.append(FRONT_TITLES[key])
        text = text[match.end() :].lstrip()
    name, degrees = _split_degrees(text)
    return PersonName(name=name.strip(" ,"), front_titles=tuple(fronts), degrees=degrees)


def normalize_person_name(text: str) -> str:
    """A key for duplicate detection: no titles, no punctuation, lower case, single spaces."""
    name = split_name(text).name.lower()
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]", " ", name)).strip()
