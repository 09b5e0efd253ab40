"""Base classes for management commands that share a shape."""

from contextlib import nullcontext
from pathlib import Path

from auditlog.context import set_actor
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class ImportCommand(BaseCommand):
    """`sejuk import_x FILE.csv [--as USERNAME]`: validates every row, stores all or nothing."""

    importer = None

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="CSV file (UTF-8, comma or semicolon separated)")
        parser.add_argument("--as", dest="actor", help="username recorded as the author in the audit trail")

    def handle(self, *args, file: Path, actor: str | None = None, **options):
        if not file.exists():
            raise CommandError(f"Berkas tidak ditemukan: {file}")
        user = None
        if actor:
            user = get_user_model().objects.filter(username=actor).first()
            if user is None:
                raise CommandError(f"Pengguna tidak ditemukan: {actor}")
        with set_actor(user) if user else nullcontext():
            report = type(self).importer(file)
        if not report.ok:
            raise CommandError(report.summary())
        self.stdout.write(report.summary())
