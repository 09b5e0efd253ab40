"""Administrative areas: a level word plus a name the gazetteer knows, chains, and the dateline.

- "Desa Tugu Selatan, Kecamatan Cisarua, Kabupaten Bogor": each level word opens a name; the
  longest run of capitalised words that the gazetteer knows at that level wins.
- A chain continues without level words when the next name is a higher region that contains the
  previous one: "Kecamatan Jatinegara, Jakarta Timur", "Kota Mataram, NTB".
- Collision-prone level words (kota, kampung, negeri) need a gazetteer match; "Kampung" is a
  village only outside Java (in Java it is a hamlet), "Negeri" only in Maluku.
- Unit names are masked before scanning: "Polsek Tambaksari" is not kecamatan Tambaksari.
- The dateline city counts when it is a kabupaten/kota consistent with the other places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import gazette
from .lexicon import LEVEL_WORDS, NAME_STOP_WORDS, RANK_RE, UNIT_WORDS
from .text import title_case_if_shouted

KEYS = {1: "provinsi", 2: "kabupaten_kota", 3: "kecamatan", 4: "desa"}
_LEVEL_RE = re.compile(
    r"(?:(?<=\bse-)|(?<![\w-]))(?P<word>provinsi|prov\.|kabupaten|kab\.|kotamadya|kota|kecamatan|kec\.|"
    r"distrik|kapanewon|kemantren|kelurahan|kalurahan|kel\.|desa|ds\.|gampong|nagari|pekon|kampung|negeri|lembang)"
    r"[ ]+(?=[A-Z0-9])",
    re.I,
)
_LEVEL_OF = {
    "provinsi": 1, "prov.": 1, "kabupaten": 2, "kab.": 2, "kota": 2, "kotamadya": 2,
    "kecamatan": 3, "kec.": 3, "distrik": 3, "kapanewon": 3, "kemantren": 3,  # DIY: kapanewon, kalurahan
}  # fmt: skip
_NEEDS_GAZETTEER = {"kota", "kotamadya", "kampung", "negeri", "lembang"}  # Lembang: Toraja's village word
# "Wali Kota X", "KPU Kabupaten X", "Universitas Negeri X": an office or institution, not a place.
_ORG_BEFORE = {
    "wali", "walikota", "pemerintah", "pemkot", "pemkab", "pemprov", "kpu", "kpud", "bawaslu",
    "panwaslu", "dprd", "pengadilan", "kejaksaan", "universitas", "sekolah", "sma", "smp", "smk",
    "sd", "man", "mts", "mtsn", "politeknik", "institut", "bank", "dalam", "luar", "rsud",
}  # fmt: skip
_NOT_A_NAME = {"adat", "wisata", "binaan", "siaga", "tangguh", "setempat", "lain", "sekitar", "tersebut"}
_RUN_STOPS = frozenset(LEVEL_WORDS | UNIT_WORDS)
_JAVA = {"31", "32", "33", "34", "35", "36"}
_MALUKU = {"81", "82"}
_TOKEN = re.compile(r"[A-Z][A-Za-z'\-]*|\d+")
_NEXT = re.compile(r" (?=[A-Z0-9])")
_JOIN = re.compile(r" dan (?=[A-Z])")
_CHAIN_JOIN = re.compile(r"\s*,\s*|\s+")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\W*$")
_VILLAGE_NEXT = re.compile(r"\s*,?\s*(?:desa|kelurahan)\s", re.I)
_AFTER_UNIT = re.compile(r"\|{4},\s*(?=[A-Z])")
_PROVINCE_END = re.compile(r"\s*(?:[,.;]|[\u2013-]\s|$)")


@dataclass
class Place:
    level: int
    name: str
    codes: list[str]
    start: int
    end: int


@dataclass
class _Places:
    found: list[Place] = field(default_factory=list)


def _tokens(
    text: str, pos: int, limit: int = 5, stops: frozenset[str] = _RUN_STOPS, joins: bool = True
) -> list[tuple[str, int]]:
    """(token, end) pairs of the capitalised run at `pos`; `stops` words end it (not first).

    Weekdays and months may sit inside a name ("Kelurahan Pasar Minggu"): the gazetteer's
    longest match decides, so only level, unit and rank words stop the run here. With `joins`,
    a lower-case "dan" between two capitalised words stays in the run ("Kabupaten Pangkajene
    dan Kepulauan"); only the gazetteer can then accept a name through it."""
    run: list[tuple[str, int]] = []
    while len(run) < limit:
        match = _TOKEN.match(text, pos)
        if not match or RANK_RE.match(text, pos):
            break
        if run and match.group().lower() in stops and not _completes_name(run, match.group()):
            break
        run.append((match.group(), match.end()))
        joined = joins and text.startswith(" dan ", match.end()) and _JOIN.match(text, match.end())
        if joined and len(run) < limit - 1:
            run.append(("dan", match.end() + 4))
            pos = joined.end()
            continue
        follow = _NEXT.match(text, match.end())
        if not follow:
            break
        pos = follow.end()
    return run


def _completes_name(run: list[tuple[str, int]], token: str) -> bool:
    """ "Kecamatan Bangkinang Kota": a level word that completes a region's name belongs to it."""
    return gazette.is_region(" ".join([*(word for word, _ in run), token]))


def _longest_match(text: str, pos: int, levels: tuple[int, ...]) -> tuple[str, int, int, list[str]] | None:
    """Longest capitalised run at `pos` that the gazetteer knows at one of `levels`."""
    run = _tokens(text, pos)
    for size in range(len(run), 0, -1):
        if run[size - 1][0] == "dan":
            continue
        name = " ".join(token for token, _ in run[:size])
        for level in levels:
            if found := gazette.codes(name, level):
                return name, run[size - 1][1], level, found
    return None


def _fallback(text: str, pos: int) -> tuple[str, int] | None:
    """An unknown name after a reliable level word (typos, new villages): at most 3 words."""
    run = _tokens(text, pos, limit=3, stops=frozenset(NAME_STOP_WORDS), joins=False)
    if not run or run[0][0].lower() in _NOT_A_NAME | NAME_STOP_WORDS:
        return None
    return " ".join(token for token, _ in run), run[-1][1]


def _accepts(word: str, codes: list[str], text: str, end: int) -> bool:
    if word == "kampung":  # a village in Papua, Lampung, Kalimantan; a hamlet in Java
        provinces = {code[:2] for code in codes}
        return bool(provinces - _JAVA) and not _VILLAGE_NEXT.match(text, end)
    if word == "negeri":
        return any(code[:2] in _MALUKU for code in codes)
    return True


def _at_level_word(text: str, match: re.Match, consumed: int = 0) -> Place | None:
    """The place a level word opens; `consumed` is where the previous place ended, so that the
    last word of "Desa Teluk Dalam, Kecamatan ..." is read as a name, not as "dalam" (inside)."""
    word = match.group("word").lower()
    before = _WORD_BEFORE.search(text, max(0, match.start() - 30), match.start())
    if before and before.start(1) >= consumed and before.group(1).lower() in _ORG_BEFORE:
        return None
    level = _LEVEL_OF.get(word, 4)
    if word == "kampung" and (whole := _longest_match(text, match.start(), (4,))) and " " in whole[0]:
        return Place(4, whole[0], whole[3], match.start(), whole[1])  # "Lurah Kampung Melayu"
    found = _longest_match(text, match.end(), (level,))
    if found and _accepts(word, found[3], text, found[1]):
        return Place(level, found[0], found[3], match.end(), found[1])
    if found or word in _NEEDS_GAZETTEER:
        return None
    if fallback := _fallback(text, match.end()):
        return Place(level, fallback[0], [], match.end(), fallback[1])
    return None


def _continue_chain(text: str, place: Place) -> Place | None:
    """A bare higher region right after `place` that contains it: ", Jakarta Timur", ", NTB"."""
    join = _CHAIN_JOIN.match(text, place.end)
    if not join or _LEVEL_RE.match(text, join.end()):
        return None
    higher = tuple(range(place.level - 1, 0, -1))
    found = _longest_match(text, join.end(), higher)
    if not found:
        return None
    name, end, level, codes = found
    if place.codes:
        codes = [c for c in codes if any(gazette.contains(c, child) for child in place.codes)]
    elif level != 1:
        return None
    return Place(level, name, codes, join.end(), end) if codes else None


def _province_after_unit(text: str) -> list[Place]:
    """ "Kepolisian Resor Lombok Timur, Nusa Tenggara Barat, menyambangi ...": a province written
    right after a (masked) unit name, as news agencies locate a unit."""
    found = []
    for match in _AFTER_UNIT.finditer(text):
        province = _longest_match(text, match.end(), (1,))
        if province and _PROVINCE_END.match(text, province[1]):
            found.append(Place(1, province[0], province[3], match.end(), province[1]))
    return found


def scan_places(text: str) -> list[Place]:
    """Places with a level word and their chains, in order; `text` has units masked out."""
    places: list[Place] = []
    consumed = 0
    for match in _LEVEL_RE.finditer(text):
        if match.start() < consumed:
            continue
        place = _at_level_word(text, match, consumed)
        while place is not None:
            places.append(place)
            consumed = place.end
            place = _continue_chain(text, place)
    if "|," in text:
        places += [
            p for p in _province_after_unit(text) if all(p.start >= q.end or p.end <= q.start for q in places)
        ]
    return places


def dateline_region(city: str | None, second: str | None) -> Place | None:
    """The province or kabupaten/kota written after the dateline city ("KUPANG, NTT –",
    "PRAYA, LOMBOK TENGAH –"), when it contains that city."""
    if not city or not second or any(ch.isdigit() for ch in second):
        return None
    children = gazette.codes(city)
    for level in (1, 2):
        codes = [
            c for c in gazette.codes(second.strip(), level) if any(gazette.contains(c, k) for k in children)
        ]
        if codes:
            return Place(level, title_case_if_shouted(second.strip()), codes, 0, 0)
    return None


def dateline_place(city: str | None, others: list[Place]) -> Place | None:
    """The dateline city as a kabupaten/kota, unless the article is plainly about another province."""
    if not city:
        return None
    codes = gazette.codes(city, 2)
    if not codes:
        return None
    provinces = {code[:2] for place in others for code in place.codes}
    if provinces and not provinces & {code[:2] for code in codes}:
        return None  # "JAKARTA –" from a national outlet about Kota Jayapura
    return Place(2, title_case_if_shouted(city), codes, 0, 0)


def places_record(places: list[Place]) -> dict[str, list[str]]:
    record: dict[str, list[str]] = {key: [] for key in ("desa", "kecamatan", "kabupaten_kota", "provinsi")}
    seen: set[tuple[int, str]] = set()
    for place in places:
        key = (place.level, gazette.squash(place.name))
        if key not in seen:
            seen.add(key)
            record[KEYS[place.level]].append(title_case_if_shouted(place.name))
    return record


def level_place_end(text: str, pos: int) -> int | None:
    """End of "Kecamatan Sungai Raya" (a level word and its name) starting at `pos`, if any."""
    match = _LEVEL_RE.match(text, pos)
    if not match:
        return None
    found = _longest_match(text, match.end(), (1, 2, 3, 4))
    if found:
        return found[1]
    fallback = _fallback(text, match.end())
    return fallback[1] if fallback else None


def bare_place(text: str, pos: int) -> tuple[int, int] | None:
    """(end, level) of the longest region name at `pos` without a level word ("Ubud", "NTB")."""
    found = _longest_match(text, pos, (1, 2, 3, 4))
    return (found[1], found[2]) if found else None
