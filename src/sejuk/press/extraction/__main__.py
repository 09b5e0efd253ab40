"""`python -m sejuk.press.extraction ...` runs the extraction command line."""

import sys

from .cli import run

raise SystemExit(run(sys.argv[1:], sys.stdin, sys.stdout, sys.stderr))
