import datetime as dt
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from sejuk.dashboard import engagement
from sejuk.dashboard.dailystats import rebuild
from sejuk.dashboard.models import DailyAreaStats, FigureEngagement
from sejuk.regions.choices import Level
from sejuk.regions.models import Region

DEFAULT_DAYS = 90


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"Tanggal tidak sah / invalid date: {text!r} (YYYY-MM-DD)") from error


class Command(BaseCommand):
    help = (
        "Rebuild the daily counts per kecamatan (activities, distinct figures engaged, confirmed "
        "incidents, each also over 7, 28 and 30 days) that the national roll-up and the dashboard "
        f"read, from the base tables (default: the last {DEFAULT_DAYS} days up to today), and each "
        "figure's first and last engagement (all time). Run after bulk loads such as "
        "generate_national; saves through the application keep both current on their own."
    )

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="end", help="last day, YYYY-MM-DD (default: today)")
        parser.add_argument(
            "--region",
            action="append",
            default=[],
            help="only the kecamatan under this region code (repeatable), e.g. --region 32.15",
        )

    def handle(self, *args, start=None, end=None, region=(), **options):
        last = _date(end) if end else timezone.localdate()
        first = _date(start) if start else last - dt.timedelta(days=DEFAULT_DAYS - 1)
        if last < first:
            raise CommandError("--to sebelum --from / --to is before --from")
        codes = _kecamatan_under(region) if region else None
        began = time.perf_counter()
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("wilayah / areas", total=None)
            rows = rebuild(
                first, last, codes, lambda done, total: bar.update(task, completed=done, total=total)
            )
            bar.add_task("tokoh / figures", total=None)
            figures = engagement.rebuild(tuple(region) if region else None)
        _tidy()
        self.stdout.write(
            f"{first:%d/%m/%Y}–{last:%d/%m/%Y}: {rows} baris / rows, {figures} tokoh / figures; "
            f"{time.perf_counter() - began:.1f} s"
        )


def _tidy() -> None:
    """Fresh statistics for the planner, and (PostgreSQL) the engagement store's visibility map, so
    that the dashboard's counts over it read the index alone."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {DailyAreaStats._meta.db_table}")
        # VACUUM cannot run inside a transaction (the command called from one, as in tests).
        vacuum = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
        cursor.execute(f"{vacuum} {FigureEngagement._meta.db_table}")


def _kecamatan_under(prefixes) -> list[str]:
    codes = set()
    for prefix in prefixes:
        kecamatan = Region.objects.filter(level=Level.KECAMATAN, retired=False)
        codes |= set(kecamatan.filter(code__startswith=prefix).values_list("code", flat=True))
    codes = {c for c in codes if any(c == p or c.startswith(p + ".") for p in prefixes)}
    if not codes:
        raise CommandError(f"Tidak ada kecamatan di / no kecamatan under: {', '.join(prefixes)}")
    return sorted(codes)
