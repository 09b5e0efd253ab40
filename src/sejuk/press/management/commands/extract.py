"""`sejuk extract [FILE ...]` and `sejuk extract --evaluate GOLD ARTICLES`: a door to the extractor."""

import sys

from django.core.management.base import BaseCommand

from sejuk.press.extraction import HELP, run


class Command(BaseCommand):
    help = "Extract cooling-activity records from press releases (one JSON object per article), or evaluate."

    def run_from_argv(self, argv):
        # The extractor parses its own arguments (files, stdin, --evaluate) so the CLI, `python -m` and
        # this command behave the same; Django's option parser would reject its free-form arguments.
        sys.exit(run(argv[2:], sys.stdin, sys.stdout, sys.stderr))

    def print_help(self, prog_name, subcommand):
        self.stdout.write(HELP)

    def handle(self, *args, **options):  # pragma: no cover - run_from_argv bypasses it
        raise SystemExit(run(list(args), sys.stdin, sys.stdout, sys.stderr))
