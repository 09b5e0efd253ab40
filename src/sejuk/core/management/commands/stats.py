import json

from django.core.management.base import BaseCommand

from sejuk.core.stats import collect_stats


class Command(BaseCommand):
    help = "Print counts per region level and per kind of record, to check an installation."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="print JSON")

    def handle(self, *args, json: bool = False, **options):
        stats = collect_stats()
        if json:
            self.stdout.write(_dumps(stats))
            return
        for section, counts in stats.items():
            if isinstance(counts, dict):
                self.stdout.write(f"{section}:")
                for key, value in counts.items():
                    self.stdout.write(f"  {key:<22} {value:>10}")
            else:
                self.stdout.write(f"{section}: {counts}")


def _dumps(data) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)
