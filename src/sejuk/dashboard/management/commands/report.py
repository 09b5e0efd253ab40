"""`sejuk report daily|weekly --unit CODE --date YYYY-MM-DD [--format pdf|xlsx] [--output FILE] [--as USER]`.

Without `--as` the command reads with national rights (an unsaved superuser that exists only in
this process): whoever can run it on the server can read the database anyway. With `--as USER`
the report holds exactly what that user would download from the web.
"""

import datetime as dt
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.http import Http404
from django.utils import timezone, translation

from sejuk.dashboard.reports import pdf, xlsx
from sejuk.dashboard.reports.common import WrongLevel
from sejuk.dashboard.reports.data import daily_report
from sejuk.dashboard.reports.sections import PDF_LINES
from sejuk.dashboard.reports.weekly import weekly_report

KINDS = {
    "daily": (daily_report, pdf.daily_pdf, xlsx.daily_xlsx),
    "weekly": (weekly_report, pdf.weekly_pdf, xlsx.weekly_xlsx),
}


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"Tanggal tidak sah / invalid date: {text!r} (YYYY-MM-DD)") from error


def national_reader():
    """Reads everything; never saved, so it cannot sign in anywhere."""
    return get_user_model()(username="sejuk-report", is_superuser=True, is_active=True)


class Command(BaseCommand):
    help = (
        "Write the daily situation report of a unit, or the weekly summary of a Polres or Polda, as PDF "
        "or XLSX. Reads with national rights unless --as names a user."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(KINDS), help="daily (any unit) or weekly (Polres, Polda)")
        parser.add_argument("--unit", required=True, help="unit code, e.g. polsek-klari")
        parser.add_argument("--date", help="the day (weekly: the week's last day), YYYY-MM-DD; default today")
        parser.add_argument("--format", choices=("pdf", "xlsx"), default="pdf")
        parser.add_argument("--output", type=Path, help="file to write (default: NAME.pdf in this directory)")
        parser.add_argument("--as", dest="actor", help="username whose jurisdiction applies")
        parser.add_argument("--language", choices=("id", "en"), default="id")

    def _reader(self, actor: str | None):
        if not actor:
            return national_reader()
        user = get_user_model().objects.filter(username=actor, is_active=True).select_related("unit").first()
        if user is None:
            raise CommandError(f"Pengguna tidak ditemukan / unknown user: {actor}")
        return user

    def handle(self, *args, kind, unit, date, format, output, actor, language, **options):
        build, to_pdf, to_xlsx = KINDS[kind]
        day = _date(date) if date else timezone.localdate()
        user = self._reader(actor)
        with translation.override(language):
            try:
                # The PDF lists the first PDF_LINES activities and incidents: only those are read.
                report = build(user, unit, day, **({"list_limit": PDF_LINES} if format == "pdf" else {}))
            except Http404 as error:
                raise CommandError(f"Satuan tidak ditemukan / unknown unit: {unit} ({error})") from error
            except WrongLevel as error:
                raise CommandError(str(error)) from error
            content = to_pdf(report) if format == "pdf" else to_xlsx(report)
        path = output or Path(f"{report.filename_stem}.{format}")
        path.write_bytes(content)
        self.stdout.write(f"{path} ({len(content):,} bytes)")
