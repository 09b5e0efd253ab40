"""Fill Indonesian translations into a Django .po file from a JSON dictionary, then compile it.

Usage: python scripts/translate.py src/sejuk/locale/id/LC_MESSAGES/django.po scripts/id.json
Run `sejuk makemessages -l id` first; untranslated strings are listed so nothing is missed.
"""

import json
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po


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
        else:
            # id.json is the only source of translations: a guess left by makemessages (fuzzy or
            # not) is cleared so that it never ships; the string is listed to be translated.
            message.string = ("",) * len(message.string) if isinstance(message.id, tuple) else ""
            message.flags.discard("fuzzy")
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
