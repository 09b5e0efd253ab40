"""Press-release extraction: Indonesian police "cooling system" releases -> structured records.

Pure Python (no Django). The public API:

- `extract(text, article_id=None, title=None) -> dict`: one record in the corpus schema
  (id, activity_date, units, officers, figures, places, activity_types, election, messages);
- `evaluate(gold, predicted) -> dict`: precision/recall/F1 per field and overall
  (scoring rules in `evaluate.py`);
- `run(argv, stdin, stdout, stderr) -> int`: the `extract` command line (see `cli.HELP`).

Rules, not models: regular expressions over a cleaned text, the Kemendagri gazetteer for
places, and the project's rank and position tables for officers.
"""

from .cli import HELP, run
from .evaluate import FIELDS, evaluate, format_table
from .extractor import empty_record, extract
from .gazette import warm_up

__all__ = ["FIELDS", "HELP", "empty_record", "evaluate", "extract", "format_table", "run", "warm_up"]
