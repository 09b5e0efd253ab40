"""Reading a person's name out of running text: honorifics before, degrees after.

"Kopol H Andryan Nugraha,SH" -> name "Andryan Nugraha", honorific "H", degree "SH";
"Zulkifli Dt. Rajo Intan" -> name "Zulkifli", suffix "Dt. Rajo Intan" (a Minang gelar is a title);
"Iptu Muh. Yunus" keeps "Muh." because a short dotted token is an abbreviation, while
"Bripda Rizal Fahmi. Di setiap ..." stops at the full stop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import NAME_STOP_WORDS
from .text import title_case_if_shouted

_TOKEN = re.compile(r"[A-Z][A-Za-z'\-]*\.?")
# Honorifics before a name: hajj titles and degrees, and the plain "Mr/Mrs" forms (Bapak, Ibu, Sdr.).
HONORIFIC_RE = _HONORIFIC = re.compile(
    r"(?:Hj|H|Haji|Hajjah|Dr|Drs|Dra|Ir|Prof|Ny|Bapak|Bpk|Pak|Ibu|Bu|Sdr|Sdri|Saudara|Saudari|Mama|Bapa)"
    r"(?:\.\s*|\s+)(?=[A-Z])"
)
# A title inside a capitalised run starts another name: "tokoh masyarakat Temindung Hj. Siti Rahmah",
# "Pendeta Resort GKPS Pamatang Raya Pdt. Jannes Saragih".
_INNER_TITLE = re.compile(
    r"(?:K\.\s?H\.|KH\.?|TGH\.?|AGH\.?|Tgk\.|Pdt\.|Pnt\.|Hj\.?|H\.|Haji|Hajjah|Ust\.|Ustadzah|Ustadz|Habib|Buya"
    r"|Romo|Kiai|Kyai|Pendeta)\s+(?=[A-Z])"
)
_SPACE_RUN = re.compile(r"\s+")
_NEXT_IS_NAME = re.compile(r" (?P<bin>(?:bin|binti) )?(?=[A-Z])")
_GELAR = re.compile(r"(?:Dt|Datuk|Datuak)\.?(?:\s+[A-Z][A-Za-z'\-]*){1,4}")
_DEGREE = (
    r"(?:S\.?\s?H\.?\s?I|S\.?\s?I\.?\s?K|S\.?\s?(?:H|Sos|Th|Ag|Pd|E|Kom|T|IP|Psi|Hum|Pi|Si|Kep|Ked|Farm|Ak|Kes|Tr)"
    r"|M\.?\s?(?:H|Si|M|Th|Ag|Pd|Kn|T|Hum|Kes|A|Sc|Psi|IK|AP|Tr|Han)|Lc|MA|MBA|Ph\.?\s?D|OFM\s?Cap|OFM|SJ"
    r"|SVD|MSC|Pr|A\.?\s?Md|Amd|B\.?\s?Sc|SH|SIK|MH|MM|MSi|SE|ST|SPd|SAg|MAg|MPd|SSos|SPdI)\.?(?![A-Za-z])"
)
DEGREE_RE = re.compile(_DEGREE)
_DEGREE_AFTER = re.compile(r"(?:\s*,\s*|\s+)(" + _DEGREE + ")")
# Dotted short forms of given names ("Muh. Yunus", "Moh. Rofiki", "Abd. Rahman").
_NAME_ABBREVIATIONS = {"muh", "moh", "mhd", "moch", "mochd", "muhd", "mohd", "abd", "ach", "ahm", "sy", "st"}
# Religious-order suffixes are kept in a figure's role; academic degrees are dropped.
ORDER_SUFFIXES = {"OFMCap", "OFM Cap", "OFM", "SJ", "SVD", "MSC", "Pr"}


@dataclass
class ParsedName:
    name: str
    start: int  # where the name tokens begin (after honorifics)
    end: int  # end of the last token, degree or gelar consumed
    raw: str = ""  # the tokens as written, before shouted names are title-cased
    honorifics: list[str] = field(default_factory=list)
    suffixes: list[str] = field(default_factory=list)  # gelar and order suffixes, for roles


def _is_abbreviation(token: str) -> bool:
    core = token[:-1]
    return len(core) <= 2 or core.lower() in _NAME_ABBREVIATIONS


def _is_stop(token: str) -> bool:
    core = token.rstrip(".")
    return core.lower() in NAME_STOP_WORDS or DEGREE_RE.fullmatch(token) is not None


def _read_tokens(text: str, pos: int, max_tokens: int) -> tuple[list[str], int]:
    """Capitalised tokens from `pos`; returns the tokens and where the last one ends."""
    tokens: list[str] = []
    end = pos
    while len(tokens) < max_tokens:
        match = _TOKEN.match(text, pos)
        if not match or _is_stop(match.group()) or (tokens and _INNER_TITLE.match(text, pos)):
            break
        token = match.group()
        follow = _NEXT_IS_NAME.match(text, match.end())
        if token.endswith(".") and not (_is_abbreviation(token) and follow):
            tokens.append(token[:-1])  # a full stop after a long word ends the sentence
            end = match.end() - 1
            break
        tokens.append(token)
        end = match.end()
        if not follow or _GELAR.match(text, follow.end()):
            break
        if follow.group("bin"):  # "Ali bin Umar Alattas": the patronymic is part of the name
            tokens.append(follow.group("bin").strip())
        pos = follow.end()
    return tokens, end


def _read_honorifics(text: str, pos: int) -> tuple[list[str], int]:
    honorifics = []
    while match := _HONORIFIC.match(text, pos):
        honorifics.append(match.group())
        pos = match.end()
        while pos < len(text) and text[pos] == " ":
            pos += 1
    return honorifics, pos


def _read_suffixes(text: str, end: int) -> tuple[list[str], int]:
    """Gelar ("Dt. Rajo Intan") and degrees after the name, in any order."""
    suffixes = []
    while True:
        gelar = _SPACE_RUN.match(text, end)
        if gelar and (match := _GELAR.match(text, gelar.end())):
            suffixes.append(match.group())
            end = match.end()
            continue
        match = _DEGREE_AFTER.match(text, end)
        if not match:
            return suffixes, end
        if match.group(1).replace(" ", "").rstrip(".") in {s.replace(" ", "") for s in ORDER_SUFFIXES}:
            suffixes.append(match.group(1).rstrip("."))
        end = match.end()


def parse_name(text: str, pos: int, max_tokens: int = 6) -> ParsedName | None:
    """Read honorifics, a name and its degrees starting at `pos` (spaces allowed before)."""
    while pos < len(text) and text[pos] == " ":
        pos += 1
    honorifics, start = _read_honorifics(text, pos)
    tokens, end = _read_tokens(text, start, max_tokens)
    while tokens and tokens[-1] in ("bin", "binti"):
        tokens.pop()
    if not tokens:
        return None
    suffixes, end = _read_suffixes(text, end)
    raw = " ".join(tokens)
    return ParsedName(title_case_if_shouted(raw), start, end, raw, honorifics, suffixes)


def name_key(name: str) -> str:
    """Comparison key: lower case, letters and spaces only ("Moh. Rofiki" == "moh rofiki")."""
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", name.lower()).split())


def same_person(a: str, b: str) -> bool:
    """Equal names, or one name's words all inside the other ("Yosua" in "Yosua Hadi Santoso")."""
    ka, kb = name_key(a).split(), name_key(b).split()
    if not ka or not kb:
        return False
    short, long = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    return set(short) <= set(long)
