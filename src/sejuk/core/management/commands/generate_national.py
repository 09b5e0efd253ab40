import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from sejuk.core.national.cleanup import GeneratedDataInUse
from sejuk.core.national.generate import DEFAULT_START, GenerationError, Options, generate_national


class RichProgress:
    """One bar per table for generate_national."""

    def __init__(self, progress: Progress):
        self.progress = progress
        self.tasks = {}

    def start(self, label: str, total: int | None) -> None:
        self.tasks[label] = self.progress.add_task(label, total=total)

    def advance(self, label: str, n: int) -> None:
        self.progress.advance(self.tasks[label], n)


class Command(BaseCommand):
    help = (
        "Generate a national-scale synthetic data set (units, officers, figures, activities, incidents) "
        "for benchmarks; needs `sejuk load_regions`. Generated rows are marked 'gen-'."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=float, default=1.0, help="1.0 = national size; 0.01 for quick runs"
        )
        parser.add_argument("--seed", type=int, default=2024)
        parser.add_argument(
            "--start",
            type=dt.date.fromisoformat,
            default=DEFAULT_START,
            help="first day, YYYY-MM-DD (90 days)",
        )
        parser.add_argument("--replace", action="store_true", help="delete generated data first")
        parser.add_argument(
            "--password", help="password of the generated 'gen-...' logins (default: unusable)"
        )

    def handle(self, *args, scale, seed, start, replace, password, **options):
        if not 0 < scale <= 1.5:
            raise CommandError("--scale harus di antara 0 dan 1.5.")
        console = Console(file=getattr(self.stderr, "_out", self.stderr))  # bars on stderr
        columns = (
            TextColumn("{task.description:<18}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
        )
        options = Options(scale=scale, seed=seed, start=start, replace=replace, password=password)
        try:
            with Progress(*columns, console=console, transient=not console.is_terminal) as bars:
                result = generate_national(options, RichProgress(bars))
        except (GenerationError, GeneratedDataInUse) as error:
            raise CommandError(str(error)) from error
        self._summary(result)

    def _summary(self, result: dict) -> None:
        plan = ", ".join(f"{key} {value:,}" for key, value in result["plan"].items())
        self.stdout.write(f"Rencana / plan: {plan}")
        self.stdout.write(f"{'tabel / table':<20} {'baris / rows':>14} {'detik / s':>10}")
        for label, (rows, seconds) in result["tables"].items():
            self.stdout.write(f"{label:<20} {rows:>14,} {seconds:>10.1f}")
        self.stdout.write(f"{'total':<20} {'':>14} {result['seconds']:>10.1f}")
