"""Reading the date and time of an activity from what officers type.

Indonesian order is always day/month (28/11/2024). A date without a year means the most recent
such day that is not after `today` (a report is about something that already happened). A
weekday, when given, is checked against the date because "Kamis (28/11/2024)" is the press
release habit and a mismatch usually means a mistyped day or month.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, time, timedelta

from . import problems as P
from .model import Problem

OLD_AFTER_DAYS = 30  # older reports are accepted, with a warning to check the year

_MONTH_NAMES = {
    1: ("januari", "january", "jan"),
    2: ("februari", "pebruari", "february", "feb", "peb"),
    3: ("maret", "march", "mar"),
    4: ("april", "apr"),
    5: ("mei", "may"),
    6: ("juni", "june", "jun"),
    7: ("juli", "july", "jul"),
    8: ("agustus", "august", "agus", "agt", "agu", "aug"),
    9: ("september", "sept", "sep"),
    10: ("oktober", "october", "okt", "oct"),
    11: ("november", "nopember", "nov", "nop"),
    12: ("desember", "december", "des", "dec"),
}
MONTHS = {name: number for number, names in _MONTH_NAMES.items() for name in names}
_MONTH_ID = (
    "",
    *"Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split(),
)
_WEEKDAY_NAMES = (
    ("senin", "monday"),
    ("selasa", "tuesday"),
    ("rabu", "wednesday"),
    ("kamis", "thursday"),
    ("jumat", "jum'at", "jumaat", "friday"),
    ("sabtu", "saturday"),
    ("minggu", "ahad", "sunday"),
)
WEEKDAYS = {name: number for number, names in enumerate(_WEEKDAY_NAMES) for name in names}
_RELATIVE_NAMES = {
    0: ("hari ini", "hr ini", "hri ini", "today", "tadi"),
    -1: ("kemarin", "kemaren", "kmrn", "kmarin", "kmren", "kmrin", "yesterday"),
    -2: ("kemarin lusa",),
    1: ("besok", "bsk", "tomorrow"),  # accepted as words, then refused as future dates
    2: ("lusa",),
}
RELATIVE_DAYS = {name: offset for offset, names in _RELATIVE_NAMES.items() for name in names}
# Words that may surround a date without meaning anything else ("Tgl. 28/11 pukul 19.30 WIB").
_FILLERS = tuple(
    "tanggal tgl hari hr pada pd wib wita wit sekitar sktr sekira pagi siang sore malam dini "
    "jam pukul pkl tahun thn th waktu".split()
)


def _words(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_NOT_DIGIT_AFTER = r"(?![0-9]|[.:][0-9])"
_MARKED_TIME = re.compile(
    r"(?<!\w)(?:jam|jm|pukul|pkl|pk)\.?\s*([0-9]{1,2})(?:\s*[.:]\s*([0-9]{1,2}))?(?![0-9])", re.I
)
_ZONED_TIME = re.compile(r"(?<![0-9.])([0-9]{1,2})[.:]([0-9]{2})\s*(?:wib|wita|wit)(?!\w)", re.I)
_COLON_TIME = re.compile(r"(?<![0-9.:/])([0-9]{1,2}):([0-9]{2})(?![0-9])")
_BARE_TIME = re.compile(r"(?<![0-9.:/\-])([0-9]{1,2})[.:]([0-9]{2})(?![0-9.:/\-])")
FULL_DATE = re.compile(
    r"(?<![0-9])([0-9]{1,2})\s?[/.\-]\s?([0-9]{1,2})\s?[/.\-]\s?([0-9]{2,4})" + _NOT_DIGIT_AFTER
)
NAMED_DATE = re.compile(
    rf"(?<![0-9])([0-9]{{1,2}})\s*[-/.]?\s*({_words(MONTHS)})\.?(?!\w)"
    rf"(?:\s*[-/,.]?\s*'?([0-9]{{4}}|[0-9]{{2}}){_NOT_DIGIT_AFTER})?",
    re.I,
)
_SHORT_DATE = re.compile(r"(?<![0-9])([0-9]{1,2})\s?[/\-]\s?([0-9]{1,2})(?![0-9]|\s?[/.\-]\s?[0-9])")
_HOUSE_NUMBER = re.compile(r"(?:rt|rw|no|nomor|blok)\.?\s*$", re.I)
RELATIVE = re.compile(rf"(?<!\w)(?:{_words(RELATIVE_DAYS)})(?!\w)", re.I)
WEEKDAY = re.compile(rf"(?<!\w)(?:{_words(WEEKDAYS)})(?!\w)", re.I)
_FILLER = re.compile(rf"(?<!\w)(?:{_words(_FILLERS)})(?!\w)\.?", re.I)
_PUNCT = re.compile(r"[()\[\],:]+")


@dataclass(frozen=True, slots=True)
class DateReading:
    day: date | None = None
    at: time | None = None
    found: bool = False  # some date, weekday or time expression was present
    leftover: str = ""  # the words that are not part of a date expression
    problems: tuple[Problem, ...] = ()


class _Scan:
    """The text with each recognised expression blanked out once it has been read."""

    def __init__(self, text: str):
        self.rest = text
        self.found = False
        self.problems: list[Problem] = []

    def take(self, pattern: re.Pattern[str], skip_house_numbers: bool = False) -> re.Match | None:
        for m in pattern.finditer(self.rest):
            if skip_house_numbers and _HOUSE_NUMBER.search(self.rest, 0, m.start()):
                continue  # "RT 02/03" is an address, not the 2nd of March
            self.rest = self.rest[: m.start()] + " " * (m.end() - m.start()) + self.rest[m.end() :]
            self.found = True
            return m
        return None


def full_year(written: str, today: date) -> int:
    """ "24" in "28/11/24" is 2024: the century that puts the year nearest before today (a year
    ahead is left ahead, so a typo for next year is reported as a future date)."""
    year = int(written)
    if len(written.lstrip("'")) > 2:
        return year
    year += today.year // 100 * 100
    return year - 100 if year > today.year + 1 else year


def make_date(year: int, month: int, day: int, raw: str) -> tuple[date | None, Problem | None]:
    """A calendar date, or a problem that says precisely why it cannot exist."""
    if not 1 <= month <= 12:
        return None, P.impossible_date(raw, f"bulan {month} tidak ada", f"there is no month {month}")
    if year < 1000:
        return None, P.impossible_date(raw, f"tahun {year} tidak lengkap", f"year {year} is incomplete")
    if not 1900 <= year <= 9999:
        return None, P.impossible_date(raw, f"tahun {year} tidak masuk akal", f"year {year} is implausible")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        month_en = calendar.month_name[month]
        return None, P.impossible_date(
            raw, f"{_MONTH_ID[month]} {year} hanya {days} hari", f"{month_en} {year} has only {days} days"
        )
    return date(year, month, day), None


def latest_not_after(day: int, month: int, today: date, raw: str) -> tuple[date | None, Problem | None]:
    """The most recent day/month on or before today (29/02 looks back to a leap year)."""
    for year in range(today.year, today.year - 9, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= today:
            return candidate, None
    return make_date(today.year, month, day, raw)  # never valid: report why


def shift(day: date, days: int) -> date | None:
    try:
        return day + timedelta(days=days)
    except OverflowError:  # only at the ends of the calendar, but never raise on input
        return None


def _read_time(scan: _Scan, patterns: tuple[re.Pattern[str], ...]) -> time | None:
    for pattern in patterns:
        m = scan.take(pattern)
        if m is None:
            continue
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if hour <= 23 and minute <= 59:
            return time(hour, minute)
        scan.problems.append(P.invalid_time(m.group(0)))
        return None
    return None


def _read_calendar_day(scan: _Scan, today: date) -> date | None:
    result: tuple[date | None, Problem | None] = (None, None)
    if m := scan.take(FULL_DATE):
        result = make_date(full_year(m.group(3), today), int(m.group(2)), int(m.group(1)), m.group(0))
    elif m := scan.take(NAMED_DATE):
        month, day = MONTHS[re.sub(r"\s+", " ", m.group(2).casefold())], int(m.group(1))
        if m.group(3):
            result = make_date(full_year(m.group(3), today), month, day, m.group(0))
        else:
            result = latest_not_after(day, month, today, m.group(0))
    elif m := scan.take(RELATIVE):
        result = (shift(today, RELATIVE_DAYS[re.sub(r"\s+", " ", m.group(0).casefold())]), None)
    elif m := scan.take(_SHORT_DATE, skip_house_numbers=True):
        result = latest_not_after(int(m.group(1)), int(m.group(2)), today, m.group(0))
    day, problem = result
    if problem:
        scan.problems.append(problem)
    return day


def _check(day: date | None, weekday: re.Match | None, today: date, scan: _Scan) -> date | None:
    given = WEEKDAYS[weekday.group(0).casefold()] if weekday else None
    if day is None and given is not None and not scan.problems:
        day = shift(today, -((today.weekday() - given) % 7))  # the latest such weekday
        if day is not None:
            scan.problems.append(P.weekday_only(day))
        return day
    if day is None:
        return None
    if given is not None and given != day.weekday():
        scan.problems.append(P.weekday_mismatch(weekday.group(0), day, given))
    if day > today:
        scan.problems.append(P.future_date(day, today))
    elif (today - day).days > OLD_AFTER_DAYS:
        scan.problems.append(P.old_date(day, (today - day).days))
    return day


def _leftover(rest: str) -> str:
    rest = _PUNCT.sub(" ", _FILLER.sub(" ", rest))
    return " ".join(rest.split()).strip(" .,-/")


def read_date(text: str, today: date) -> DateReading:
    """Find one date (and optionally one time) in a short text."""
    scan = _Scan(text)
    at = _read_time(scan, (_MARKED_TIME, _ZONED_TIME, _COLON_TIME))
    weekday = scan.take(WEEKDAY)
    day = _read_calendar_day(scan, today)
    if at is None:
        at = _read_time(scan, (_BARE_TIME,))
    day = _check(day, weekday, today, scan)
    return DateReading(day, at, scan.found, _leftover(scan.rest), tuple(scan.problems))
