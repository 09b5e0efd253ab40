import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

from sejuk.core.jurisdiction import region_q
from sejuk.heat.config import BANDS
from sejuk.heat.services import DayResult, local_today, recompute_day
from sejuk.regions.choices import Level
from sejuk.regions.models import Region

STEPS = {
    "reading": "membaca data / reading",
    "scoring": "menilai / scoring",
    "writing": "menyimpan / writing",
}


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"Tanggal tidak sah / invalid date: {text!r} (YYYY-MM-DD)") from error


class Command(BaseCommand):
    help = (
        "Recompute the temperature of every kecamatan for one day (default: today, WIB) or a range of "
        "days, with its roll-ups; alerts go out only for today. --json prints each area's value, band "
        "and parts."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="the day, YYYY-MM-DD (default: today)")
        parser.add_argument("--from", dest="start", help="first day of a range, YYYY-MM-DD")
        parser.add_argument("--to", dest="end", help="last day of a range, YYYY-MM-DD")
        parser.add_argument("--json", action="store_true", help="print each area's value, band and parts")
        parser.add_argument("--no-alerts", action="store_true", help="do not notify anybody, even for today")
        parser.add_argument(
            "--region",
            action="append",
            default=[],
            help="only the kecamatan under this region code (repeatable), e.g. --region 32.15",
        )

    def _days(self, options) -> list[dt.date]:
        if options["start"] or options["end"]:
            if not (options["start"] and options["end"]) or options["date"]:
                raise CommandError("Pakai --from dan --to bersama, tanpa --date / use --from with --to")
            start, end = _date(options["start"]), _date(options["end"])
            if end < start:
                raise CommandError("--to sebelum --from / --to is before --from")
            return [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]
        return [_date(options["date"]) if options["date"] else local_today()]

    def handle(self, *args, **options):
        days = self._days(options)
        codes = _kecamatan_under(options["region"]) if options["region"] else None
        notify = False if options["no_alerts"] else None
        results = []
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TaskProgressColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        ) as bar:
            overall = bar.add_task("hari / days", total=len(days)) if len(days) > 1 else None
            task = bar.add_task(STEPS["reading"], total=None)

            def progress(step: str, done: int, total: int) -> None:
                bar.update(task, description=STEPS.get(step, step), completed=done, total=total)

            for day in days:
                result = recompute_day(day, codes=codes, progress=progress, notify=notify)
                results.append(result if options["json"] else None)
                if overall is not None:
                    bar.advance(overall)
                if not options["json"]:
                    self.stdout.write(_summary(result))
        if options["json"]:
            payload = [_as_json(r) for r in results]
            self.stdout.write(
                json.dumps(payload[0] if len(payload) == 1 else payload, ensure_ascii=False, indent=1)
            )


def _kecamatan_under(prefixes: list[str]) -> list[str]:
    codes = sorted(
        code
        for prefix in prefixes
        for code in Region.objects.filter(level=Level.KECAMATAN, retired=False)
        .filter(region_q("code", (prefix,)))
        .values_list("code", flat=True)
    )
    if not codes:
        raise CommandError(f"Tidak ada kecamatan di / no kecamatan under: {', '.join(prefixes)}")
    return codes


def _summary(result: DayResult) -> str:
    counts = {band: 0 for band in BANDS}
    for heat in result.heats.values():
        counts[heat.band] += 1
    bands = ", ".join(f"{n} {band}" for band, n in counts.items())
    return (
        f"{result.day:%d/%m/%Y}: {len(result.heats)} kecamatan ({bands}); {result.rollups} roll-up; "
        f"{result.notifications} notifikasi; {result.seconds.get('total', 0):.1f} s"
    )


def _as_json(result: DayResult) -> dict:
    names = dict(Region.objects.filter(code__in=list(result.heats)).values_list("code", "name"))
    areas = [
        {
            "code": heat.code,
            "name": names.get(heat.code, ""),
            "value": heat.value,
            "band": heat.band,
            "parts": [part.to_dict() for part in heat.parts],
        }
        for heat in sorted(result.heats.values(), key=lambda h: (-h.value, h.code))
    ]
    return {"day": result.day.isoformat(), "areas": areas}
