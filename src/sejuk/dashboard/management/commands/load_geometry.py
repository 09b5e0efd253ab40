from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sejuk.dashboard.geometry import load_geometry


class Command(BaseCommand):
    help = "Load region boundaries or points from a GeoJSON file keyed by Kemendagri code (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--source", default="", help="where the geometry comes from (shown on the map)")

    def handle(self, *args, file: Path, source: str, **options):
        if not file.exists():
            raise CommandError(f"Berkas tidak ditemukan: {file}")
        report = load_geometry(file.read_bytes(), source=source or file.name)
        if not report.ok:
            raise CommandError(report.summary())
        self.stdout.write(report.summary())
