"""The activity date (rules 1-6): find every date mention, decide what each one dates, resolve.

Forms: "Kamis (28/11/2024)", "Rabu, 4/12/2024", "Sabtu (07/09/24)", "Jumat (19/1)", "pada 9
Desember", "Kamis, 28 November 2024", "MATARAM, 10 Oktober 2024 –". Each mention gets a role
from the words before it in its sentence:
- election: the vote's own date ("Pilkada Serentak 27 November 2024"), context only;
- statement: a later confirmation or written statement ("saat dikonfirmasi, Selasa (3/12)") - never used;
- quote: the date after "ujar X di sela kegiatan" - used when nothing better exists (rule 3);
- dateline: the date in the dateline - weakest;
- activity: everything else; the first one wins.
A missing year comes from the other dates and the election named, choosing the year whose
weekday matches; a weekday that matches no candidate year is a contradiction and gives null.
Header lines (publication stamps like "Nov 28, 2024 - 11:58") are never scanned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .lexicon import MONTH_PATTERN, MONTHS, WEEKDAY_PATTERN, WEEKDAYS, scan

_NUM = r"(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})(?:\s*[/.\-]\s*(?P<y>\d{4}|\d{2}))?(?![\d:/]|\.\d)"
_TXT = rf"(?P<td>\d{{1,2}})\s+(?P<mon>{MONTH_PATTERN})\b\.?(?:\s+(?P<ty>\d{{4}}))?"
_PATTERNS = (
    re.compile(
        rf"\b(?P<wd>{WEEKDAY_PATTERN})\b(?:\s+(?:pagi|siang|sore|petang|malam))?\s*,?\s*(?:\(\s*)?"
        rf"(?:tanggal\s+|tgl\.?\s+)?(?:{_NUM}|{_TXT})\s*\)?",
        re.I,
    ),
    re.compile(rf"\(\s*{_NUM}\s*\)"),
    re.compile(rf"\b(?:pada|tanggal|tgl\.?|sejak)\s+(?:hari\s+ini\s+)?(?:{_TXT}|{_NUM})", re.I),
    re.compile(rf"\b{_TXT}", re.I),
    re.compile(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b"),
)
_ELECTION_BEFORE = re.compile(
    r"(?:pilkada|pemilu|pilgub|pilbup|pilwalkot|pilwako|pilwali|psu|pemungutan\s+suara(?:\s+ulang)?|pencoblosan|pemilihan)"
    r"(?:\s+(?:serentak|tahun|ulang|nasional|umum|legislatif|presiden))?\s*(?:pada\s+|tanggal\s+)?$"
    # "PSU Pilkada Kota Serang 2024 yang digelar pada 19 April 2025"
    r"|(?:pilkada|pemilu|psu|pemungutan\s+suara)\b[^.,;]{0,40}\byang\s+(?:akan\s+)?(?:digelar|dilaksanakan"
    r"|berlangsung|dijadwalkan|jatuh)\s+(?:pada\s+)?(?:tanggal\s+)?$",
    re.I,
)
_STATEMENT_BEFORE = re.compile(
    r"dikonfirmasi|konfirmasi|keterangan|siaran\s+pers|rilis|dihubungi|ditemui|kepada\s+(?:wartawan|awak\s+media"
    r"|media)|di\s+ruang\s+kerja|secara\s+terpisah|wawancara|diterbitkan|dipublikasikan|diposting|diperbarui",
    re.I,
)
_QUOTE_BEFORE = re.compile(
    r"\b(?:kata|ujar|ucap|tutur|tegas|jelas|ungkap|terang|papar|imbuh)(?:nya)?\b[^.]{0,60}$", re.I
)
_FUTURE_BEFORE = re.compile(r"\b(?:akan|rencananya|dijadwalkan|direncanakan)\b[^.,]{0,30}$", re.I)
_BARE_WEEKDAY = re.compile(
    rf"\b(?P<wd>{WEEKDAY_PATTERN})\s+(?:pagi|siang|sore|petang|malam|dini\s+hari)\b"
    rf"|\bpada\s+(?:hari\s+)?(?P<wd2>{WEEKDAY_PATTERN})\b(?!\s*[,(]?\s*\d)",
    re.I,
)
_SENTENCE_START = re.compile(r"[.!?]\s+(?=[A-Z\"])|\n")


@dataclass(frozen=True)
class DateMention:
    start: int
    day: int
    month: int
    year: int | None
    weekday: int | None
    role: str


def _fields(match: re.Match) -> tuple[int, int, int | None, int | None] | None:
    groups = match.groupdict()
    if groups.get("td"):
        day, month, year = int(groups["td"]), MONTHS[groups["mon"].lower()], groups.get("ty")
    else:
        day, month, year = int(groups["d"]), int(groups["m"]), groups.get("y")
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    year_value = None if year is None else int(year) + (2000 if len(year) == 2 else 0)
    weekday = groups.get("wd")
    weekday_value = WEEKDAYS[weekday.lower().replace("'", "")] if weekday else None
    return day, month, year_value, weekday_value


def _role(body: str, start: int, dateline_end: int, weekday: int | None) -> str:
    if start < dateline_end:
        return "dateline"
    boundary = max((m.end() for m in _SENTENCE_START.finditer(body, max(0, start - 300), start)), default=0)
    before = body[max(boundary, start - 120) : start]
    if weekday is None and _ELECTION_BEFORE.search(before[-90:]):
        return "election"
    if _STATEMENT_BEFORE.search(before[-90:]):
        return "statement"
    if _FUTURE_BEFORE.search(before):
        return "future"
    if _QUOTE_BEFORE.search(before):
        return "quote"
    return "activity"


@lru_cache(maxsize=16)
def find_mentions(body: str, dateline_end: int = 0) -> tuple[DateMention, ...]:
    """Every date mention in the body, first pattern wins where spans overlap."""
    taken: list[tuple[int, int]] = []
    mentions = []
    for pattern in _PATTERNS:
        for match in scan(pattern, body):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            fields = _fields(match)
            if fields is None:
                continue
            taken.append((match.start(), match.end()))
            role = _role(body, match.start(), dateline_end, fields[3])
            mentions.append(DateMention(match.start(), *fields, role))
    return tuple(sorted(mentions, key=lambda mention: mention.start))


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve(mention: DateMention, context_years: list[int]) -> date | None:
    """The calendar date, taking a missing year from context; None if the weekday contradicts."""
    if mention.year is not None:
        candidates = [mention.year]
    else:
        candidates = list(
            dict.fromkeys([*context_years, *(y - 1 for y in context_years), *(y + 1 for y in context_years)])
        )
    for year in candidates:
        found = _valid(year, mention.month, mention.day)
        if found and (mention.weekday is None or found.weekday() == mention.weekday):
            return found
    return None


def _bare_weekdays(body: str) -> set[int]:
    names = (m.group("wd") or m.group("wd2") for m in _BARE_WEEKDAY.finditer(body))
    return {WEEKDAYS[name.lower().replace("'", "")] for name in names}


def activity_date(body: str, dateline_end: int, election_years: list[int]) -> str | None:
    """ISO date of the activity, or None when absent, only a statement date, or contradictory."""
    mentions = find_mentions(body, dateline_end)
    context = list(dict.fromkeys([*(m.year for m in mentions if m.year), *election_years]))
    for role in ("activity", "quote", "dateline"):
        chosen = [m for m in mentions if m.role == role]
        if not chosen:
            continue
        resolved = resolve(chosen[0], context)
        if resolved is None:
            return None
        if chosen[0].weekday is None and _bare_weekdays(body) - {resolved.weekday()}:
            return None  # "MATARAM, 10 Oktober 2024" (a Thursday) but the body says "Sabtu pagi"
        return resolved.isoformat()
    return None
