"""Fill Indonesian translations into a Django .po file from a JSON dictionary, then compile it.

Usage: python scripts/translate.py src/sejuk/locale/id/LC_MESSAGES/django.po scripts/id.json
Run `sejuk makemessages -l id` first; untranslated strings are listed so nothing is missed.
"""

import json
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po


def _has_text(string) -> bool:
    return bool(string) if isinstance(string, str) else any(string)


def main(po_path: str, dictionary_path: str) -> int:
    po_file = Path(po_path)
    translations = json.loads(Path(dictionary_path).read_text(encoding="utf-8"))
    with po_file.open("rb") as handle:
        catalog = read_po(handle, locale="id")
    missing = []
    for message in catalog:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        if key in translations:
            value = translations[key]
            message.string = tuple(value) if isinstance(message.id, tuple) else value
            message.flags.discard("fuzzy")
        elif message.fuzzy or not _has_text(message.string):
            # A fuzzy guess from makemessages is never shipped: it must be translated on purpose.
            missing.append(key)
    with po_file.open("wb") as handle:
        write_po(handle, catalog, width=100)
    with po_file.with_suffix(".mo").open("wb") as handle:
        write_mo(handle, catalog)
    for key in missing:
        print(f"untranslated: {key}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
