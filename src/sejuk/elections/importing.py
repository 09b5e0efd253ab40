"""Field readers shared by the election CSV imports: each error names row and column, in Indonesian."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from sejuk.core.csvimport import ImportReport, RowError
from sejuk.regions.models import Region

_VOTES = re.compile(r"^(\d+|\d{1,3}(\.\d{3})+)$")
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y")
_TIME_FORMATS = ("%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%d-%m-%Y %H:%M")


def normalise_key(text: str) -> str:
    return re.sub(r"[\s_-]+", "_", text.strip().lower())


class RowChecker:
    """One CSV row: typed readers that record an error and return None when a value is unusable."""

    def __init__(self, number: int, raw: dict):
        self.number, self.raw = number, raw
        self.errors: list[RowError] = []

    def error(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.number, column, message))

    def text(self, column: str) -> str:
        return self.raw.get(column, "").strip()

    def required(self, column: str, what: str) -> str:
        value = self.text(column)
        if not value:
            self.error(column, f"{what} wajib diisi.")
        return value

    def choice(self, column: str, aliases: dict[str, str], what: str) -> str | None:
        """A code from `aliases` (spelling -> code); empty gives None without an error."""
        value = self.text(column)
        if not value:
            return None
        code = aliases.get(normalise_key(value))
        if code is None:
            known = ", ".join(sorted(set(aliases.values())))
            self.error(column, f"{what} '{value}' tidak dikenal ({known}).")
        return code

    def date(self, column: str) -> dt.date | None:
        value = self.text(column)
        if not value:
            return None
        for fmt in _DATE_FORMATS:
            try:
                return dt.datetime.strptime(value, fmt).date()
            except ValueError:
                continue
        self.error(column, f"Tanggal '{value}' tidak terbaca: tulis 2024-11-27 atau 27/11/2024.")
        return None

    def moment(self, column: str, zone: ZoneInfo) -> dt.datetime | None:
        """A date and time; without an offset it is local time of `zone` (the contest's region)."""
        value = self.text(column)
        if not value:
            return None
        parsed = None
        try:
            parsed = dt.datetime.fromisoformat(value)
        except ValueError:
            for fmt in _TIME_FORMATS:
                try:
                    parsed = dt.datetime.strptime(value, fmt)
                    break
                except ValueError:
                    continue
        if parsed is None:
            self.error(column, f"Waktu '{value}' tidak terbaca: tulis 2024-11-27 16:00 (waktu setempat).")
            return None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)

    def whole_number(
        self, column: str, what: str, minimum: int = 0, maximum: int | None = None
    ) -> int | None:
        value = self.text(column).replace(" ", "")
        if not value:
            return None
        if value.startswith("-") and _VOTES.match(value[1:]):
            self.error(column, f"{what} tidak boleh negatif ({value}).")
            return None
        if not _VOTES.match(value):
            self.error(column, f"{what} '{value}' bukan bilangan bulat.")
            return None
        number = int(value.replace(".", ""))
        if number < minimum or (maximum is not None and number > maximum):
            limit = f"{minimum}–{maximum}" if maximum is not None else f"paling kecil {minimum}"
            self.error(column, f"{what} {number} di luar rentang ({limit}).")
            return None
        return number

    def share(self, column: str, what: str) -> Decimal | None:
        """A percentage 0..100; "48,7", "48.7" and "48,7%" are all accepted."""
        value = self.text(column).replace("%", "").replace(",", ".").strip()
        if not value:
            return None
        try:
            number = Decimal(value)
        except InvalidOperation:
            self.error(column, f"{what} '{self.text(column)}' bukan angka.")
            return None
        if not Decimal(0) <= number <= Decimal(100):
            self.error(column, f"{what} {value} harus antara 0 dan 100.")
            return None
        return number.quantize(Decimal("0.01"))

    def region(self, column: str, regions: dict[str, Region]) -> Region | None:
        code = self.text(column)
        if not code:
            return None
        region = regions.get(code)
        if region is None:
            self.error(column, f"Kode wilayah '{code}' tidak dikenal (kode Kemendagri, mis. 32.15).")
        return region


def load_regions(codes) -> dict[str, Region]:
    """The named regions that exist and are not retired, in one query."""
    wanted = {code for code in codes if code}
    return {r.code: r for r in Region.objects.filter(code__in=wanted, retired=False)}


def describe(region: Region) -> str:
    return f"{region.code} ({region.label}, {region.get_kind_display().lower()})"


def upsert(model, lookup: dict, values: dict, report: ImportReport, update: bool = True):
    """Create, update (only what differs) or leave one row; counted in `report`.

    `update=False` keeps existing rows as they are (the built-in calendar must not undo what an
    administrator corrected in the admin).
    """
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        report.created += 1
        return model.objects.create(**lookup, **values)
    changed = {key: value for key, value in values.items() if getattr(instance, key) != value}
    if not update or not changed:
        report.unchanged += 1
        return instance
    for key, value in changed.items():
        setattr(instance, key, value)
    instance.save()
    report.updated += 1
    return instance


def agree(seen: dict, key, values: dict, checker: RowChecker, what: str) -> None:
    """Rows repeating a record (an election, a contest, a pair) must not contradict each other."""
    earlier = seen.setdefault(key, {"row": checker.number, "values": {}})
    for column, value in values.items():
        if value in (None, ""):
            continue
        previous = earlier["values"].get(column)
        if previous is None:
            earlier["values"][column] = (value, checker.number)
        elif previous[0] != value:
            checker.error(column, f"{what} berbeda dengan baris {previous[1]} ('{previous[0]}').")
