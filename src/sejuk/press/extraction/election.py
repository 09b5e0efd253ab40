"""Election kind, year and phase (rules 27-31).

- kind from the words: PSU / pemungutan suara ulang beats everything; otherwise the more
  frequent of Pilkada-words and Pemilu-words ("penyelenggara pemilu" is generic, not a kind);
- year: the year written next to the election word; for a PSU the year of the re-vote (the
  activity's year); else the scheduled election nearest to the activity date;
- phase: compare the activity date with the vote date (written in the text or scheduled);
  otherwise the first "menjelang"/"pasca"-type cue decides. "pesta demokrasi" alone gives a
  phase with a null kind; no election words at all gives three nulls.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import lru_cache

from .dates import find_mentions, resolve

_KIND_PATTERNS = {
    "psu": re.compile(r"pemungutan\s+suara\s+ulang|(?<![\w-])PSU\b|\bpilkada\s+ulang\b", re.I),
    "pilkada": re.compile(
        r"\b(?:pilkada|pilgub|pilbup|pilbub|pilwalkot|pilwako|pilwali|pemilukada)\b"
        r"|\bpemilihan\s+(?:kepala\s+daerah|gubernur"
        r"|bupati|wali\s*kota)",
        re.I,
    ),
    "pemilu": re.compile(r"\b(?:pemilu|pileg|pilpres)\b|\bpemilihan\s+(?:umum|presiden|legislatif)", re.I),
}
_GENERIC_PEMILU = re.compile(
    r"(?:penyelenggara|pengawas|peserta|saksi|panitia|badan\s+pengawas|tahapan)\s+pemilu\b", re.I
)
_ELECTION_WORDS = re.compile(
    r"\b(?:pilkada|pemilu|psu|pilgub|pilbup|pilbub|pilwalkot|pilwako|pilwali|pesta\s+demokrasi|pemilihan|pemungutan\s+suara|pencoblosan"
    r"|tps|rekapitulasi\s+suara|hitung\s+cepat|quick\s+count)\b",
    re.I,
)
# "Pilkada Serentak 2024", "Pemilu 14 Februari 2024", "Pilkada Bali 2024", "Pilkada Kabupaten Bogor 2024"
_YEAR_AFTER = re.compile(
    r"(?:\s+(?:serentak|tahun|nasional|(?-i:[A-Z][a-z]+))){0,3}\s+(?:\d{1,2}\s+[A-Za-z]+\s+)?(?P<year>20\d{2})\b",
    re.I,
)
_PRA = re.compile(
    r"\b(?:menjelang|jelang|menyongsong|sebelum\s+(?:hari\s+)?(?:pemungutan|pencoblosan|pelaksanaan|hari\s+h)"
    r"|pra-?\s?(?:pilkada|pemilu|psu)|masa\s+tenang|tahapan\s+pendaftaran)\b",
    re.I,
)
_PASCA = re.compile(
    r"\b(?:pasca\w*|usai|seusai|setelah\s+(?:hari\s+)?(?:pemungutan|pencoblosan|pelaksanaan|pilkada|pemilu|psu|pesta)|sesudah\s+"
    r"(?:pemungutan|pencoblosan)|hasil\s+(?:pilkada|pemilu|psu|pemungutan|penghitungan)|rekapitulasi|hitung\s+cepat"
    r"|quick\s+count|penetapan\s+(?:hasil|pemenang|calon\s+terpilih))\b",
    re.I,
)
# Vote days of the national and simultaneous regional elections.
_SCHEDULE = {
    "pilkada": [
        date(2015, 12, 9),
        date(2017, 2, 15),
        date(2018, 6, 27),
        date(2020, 12, 9),
        date(2024, 11, 27),
    ],
    "pemilu": [date(2014, 4, 9), date(2019, 4, 17), date(2024, 2, 14), date(2029, 2, 14)],
}


def election_kind(body: str, title: str = "") -> str | None:
    for text in (body, title):
        if _KIND_PATTERNS["psu"].search(text):
            return "psu"
        counts = {kind: len(_KIND_PATTERNS[kind].findall(text)) for kind in ("pilkada", "pemilu")}
        counts["pemilu"] -= len(_GENERIC_PEMILU.findall(text))
        if max(counts.values()) > 0:
            if counts["pilkada"] == counts["pemilu"]:
                first = {k: _KIND_PATTERNS[k].search(text).start() for k in counts}  # type: ignore[union-attr]
                return min(first, key=first.get)  # type: ignore[arg-type]
            return max(counts, key=counts.get)  # type: ignore[arg-type]
    return None


@lru_cache(maxsize=16)
def years_near_election_words(body: str) -> tuple[int, ...]:
    """Years written right after an election word ("Pilkada Serentak 2024", "Pemilu 14 Februari 2024")."""
    years: Counter[int] = Counter()
    for pattern in _KIND_PATTERNS.values():
        for match in pattern.finditer(body):
            if year := _YEAR_AFTER.match(body, match.end()):
                years[int(year.group("year"))] += 1
    return tuple(year for year, _ in years.most_common())


def vote_date(body: str, kind: str | None, year: int | None) -> date | None:
    """The vote date written in the text, else the scheduled one for (kind, year)."""
    for mention in find_mentions(body):
        if mention.role == "election" and mention.year and (year is None or mention.year == year):
            return resolve(mention, [])
    if kind in _SCHEDULE and year:
        return next((day for day in _SCHEDULE[kind] if day.year == year), None)
    return None


def _scheduled_year(kind: str, activity: date) -> int | None:
    """The scheduled election of that kind nearest to the activity."""
    votes = _SCHEDULE.get(kind, [])
    if not votes:
        return None
    return min(votes, key=lambda vote: abs((vote - activity).days)).year


def phase_cue(body: str, title: str = "") -> str | None:
    for text in (body, title):
        pra, pasca = _PRA.search(text), _PASCA.search(text)
        if pra or pasca:
            if pra and (not pasca or pra.start() < pasca.start()):
                return "pra"
            return "pasca"
    return None


def detect_election(body: str, title: str, activity: str | None) -> dict:
    """{"kind", "year", "phase"} for the article; all None without election words."""
    if not _ELECTION_WORDS.search(body) and not _ELECTION_WORDS.search(title):
        return {"kind": None, "year": None, "phase": None}
    kind = election_kind(body, title)
    cue = phase_cue(body, title)
    day = date.fromisoformat(activity) if activity else None
    year = _election_year(body, title, kind, day)
    phase = cue
    vote = vote_date(body, kind, year) if kind else None
    if day and vote and day != vote:
        phase = "pra" if day < vote else "pasca"
    return {"kind": kind, "year": year, "phase": phase}


def _election_year(body: str, title: str, kind: str | None, day: date | None) -> int | None:
    if kind is None:
        return None
    if kind == "psu":
        return day.year if day else next(iter(years_near_election_words(body + "\n" + title)), None)
    near = years_near_election_words(body) or years_near_election_words(title)
    if near:
        return near[0]
    return _scheduled_year(kind, day) if day else None
