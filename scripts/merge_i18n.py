"""Merge JSON dictionaries of new Indonesian translations into scripts/id.json.

Usage: python scripts/merge_i18n.py NEW.json [NEW2.json ...]
The existing order is kept and new keys are appended; an existing key with another value is
reported, not replaced.
"""

import json
import sys
from pathlib import Path

TARGET = Path(__file__).with_name("id.json")


def main(paths: list[str]) -> int:
    translations = json.loads(TARGET.read_text(encoding="utf-8"))
    conflicts = 0
    for path in paths:
        for key, value in json.loads(Path(path).read_text(encoding="utf-8")).items():
            if key in translations and translations[key] != value:
                print(f"kept existing for {key!r}: {translations[key]!r} (new: {value!r})")
                conflicts += 1
                continue
            translations[key] = value
    TARGET.write_text(json.dumps(translations, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(translations)} translations, {conflicts} conflicts")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
