"""Splitting a written place into the level words the officer used.

"Desa Duren Kec. Klari" -> desa "Duren", kecamatan "Klari". Words below the desa ("Kp. Pasir",
"RT 02/03") and venues ("Masjid Al-Ikhlas", "rumah H. Arif") are kept as details: they help
the narrative but are not in the Kemendagri list. Names without a level word are read
smallest-first, like an address ("Duren, Klari, Karawang"), and marked as guessed so a resolver
may try another level when the guess finds nothing.
"""

from __future__ import annotations

import re

from .model import DESA, KABUPATEN, KECAMATAN, LEVELS, PROVINSI, Place

_LEVEL_WORDS = {
    **dict.fromkeys(("desa", "ds", "kelurahan", "kel", "kalurahan", "gampong", "nagari", "pekon"), DESA),
    **dict.fromkeys(("kecamatan", "kec", "kcm", "distrik", "kapanewon", "kemantren"), KECAMATAN),
    **dict.fromkeys(("kabupaten", "kab", "kota", "kodya", "kotamadya"), KABUPATEN),
    **dict.fromkeys(("provinsi", "prov", "propinsi"), PROVINSI),
}
_KOTA_WORDS = frozenset({"kota", "kodya", "kotamadya"})
_KAMPUNG = "kampung"  # a desa in Papua, a hamlet inside a desa in Java: decided by context
# Below the desa (hamlets, addresses) or a venue: kept as details, never looked up.
_DETAIL_WORDS = tuple(
    "kp kmp dusun dsn dukuh rt rw jl jln jalan gg gang blok perum perumahan komplek kompleks "
    "lingkungan lingk link masjid mesjid musholla mushola musala langgar surau gereja pura vihara "
    "klenteng balai kantor rumah kediaman pondok ponpes pesantren sekolah aula lapangan warung "
    "posko pos gedung pendopo pasar mako".split()
)
_ALL_MARKERS = sorted((*_LEVEL_WORDS, _KAMPUNG, *_DETAIL_WORDS), key=len, reverse=True)
_MARKER = re.compile(rf"(?<!\w)({'|'.join(_ALL_MARKERS)})(?!\w)\.?\s*", re.I)
_LEAD = re.compile(r"^(?:(?:bertempat|berlokasi)\s+)?(?:di|lokasi|tempat|tkp)\s*[:.]?\s+", re.I)
_PART_SPLIT = re.compile(r"[,\n]")


def starts_with_place_word(text: str) -> bool:
    """True for "Desa Duren", "Kec. Klari", "Kp. Pasir", "Masjid Al-Ikhlas" ..."""
    return _MARKER.match(text.strip()) is not None


def _marker_kind(word: str, has_desa_word: bool) -> str:
    word = word.casefold()
    if word == _KAMPUNG:
        return "detail" if has_desa_word else DESA
    return _LEVEL_WORDS.get(word, "detail")


def _markers(part: str, has_desa_word: bool) -> list[re.Match[str]]:
    """Level and detail words in order; a level word right after another level word is part of
    the name ("Desa Kota Baru")."""
    markers: list[re.Match[str]] = []
    for m in _MARKER.finditer(part):
        previous = markers[-1] if markers else None
        if (
            previous is not None
            and not part[previous.end() : m.start()].strip()
            and _marker_kind(previous.group(1), has_desa_word) != "detail"
        ):
            continue
        markers.append(m)
    return markers


def _chunks(part: str, has_desa_word: bool) -> list[tuple[str | None, str, str]]:
    """(kind, marker text, name) for one comma-separated part."""
    markers = _markers(part, has_desa_word)
    chunks: list[tuple[str | None, str, str]] = []
    head = part[: markers[0].start()] if markers else part
    if head.strip():
        chunks.append((None, "", head))
    for i, m in enumerate(markers):
        end = markers[i + 1].start() if i + 1 < len(markers) else len(part)
        kind, name = _marker_kind(m.group(1), has_desa_word), part[m.end() : end]
        previous = chunks[-1] if chunks else None
        if kind == "detail" and previous is not None and previous[0] == "detail":
            chunks[-1] = ("detail", previous[1], previous[2] + " " + m.group(0) + name)  # "Kp. X RT 02"
            continue
        if previous is not None and previous[0] == "detail" and not previous[2].strip():
            # "Kantor Kecamatan Klari": the venue keeps its full name, the level is read too
            chunks[-1] = ("detail", previous[1], m.group(0) + name)
        chunks.append((kind, m.group(0), name))
    return chunks


def _clean(name: str) -> str:
    return " ".join(name.split()).strip(" .,:;-/()")


def parse_place(text: str) -> Place:
    raw = " ".join(text.split())
    body = _LEAD.sub("", raw)
    has_desa_word = any(_LEVEL_WORDS.get(m.group(1).casefold()) == DESA for m in _MARKER.finditer(body))
    values: dict[str, str | None] = dict.fromkeys(LEVELS)
    details: list[str] = []
    unlabeled: list[str] = []
    is_kota: bool | None = None
    for part in _PART_SPLIT.split(body):
        for kind, marker, name in _chunks(part, has_desa_word):
            name = _clean(name)
            if kind is None:
                unlabeled.append(name)
            elif kind in values and name and values[kind] is None:
                values[kind] = name
                if kind == KABUPATEN:
                    is_kota = marker.strip(". ").casefold() in _KOTA_WORDS
            elif name or kind == "detail":
                details.append(_clean(marker + name))
    guessed = set()
    for name in filter(None, unlabeled):
        level = next((lv for lv in reversed(LEVELS) if values[lv] is None), None)
        if level is None:
            details.append(name)
            continue
        values[level] = name
        guessed.add(level)
    return Place(
        raw=raw,
        desa=values[DESA],
        kecamatan=values[KECAMATAN],
        kabupaten=values[KABUPATEN],
        provinsi=values[PROVINSI],
        is_kota=is_kota,
        details=tuple(details),
        guessed=frozenset(guessed),
    )
