"""How the national data set is shaped: sizes, and how units map onto real regions. Pure Python.

- One Polda per province (38). Polda Metro Jaya is the Polda of DKI Jakarta only: its real area
  also takes in Bekasi, Depok and Tangerang, which here stay with Polda Jabar and Polda Banten.
- One Polres per kabupaten/kota (514): Polres for a kabupaten, Polresta for a kota, Polres Metro
  for the kota of Jakarta.
- Polsek per kecamatan, about 5,500 for 7,285 kecamatan: in each kabupaten some neighbouring
  kecamatan (by code) share one Polsek, named after the first.
- One Bhabinkamtibmas per one to three desa (about two on average: ~41,000).

`--scale` below 1 keeps a seeded share of kabupaten/kota (whole, with all their kecamatan and
desa) until they hold that share of all desa, so every area keeps realistic densities; the
record totals (figures, activities, incidents) are the national totals times the scale.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field

from sejuk.regions.gazetteer import PROVINCE_ALIASES

NATIONAL_POLSEK = 5500
NATIONAL_KECAMATAN = 7285
NATIONAL_FIGURES = 800_000
NATIONAL_ACTIVITIES = 5_000_000
NATIONAL_INCIDENTS = 60_000
HOT_SHARE = 0.05  # share of kabupaten/kota disputed at the MK: more activity, most incidents
# Kabupaten with a re-vote (PSU) in the built-in election calendar: always hot when present.
PSU_KABUPATEN = ("32.06", "36.04")
BHABIN_GROUP_SIZES = ((1, 0.2), (2, 0.55), (3, 0.25))
UNIT_PREFIX = "gen-"


@dataclass(frozen=True, slots=True)
class RegionRow:
    code: str
    name: str
    level: int
    kind: str
    timezone: str


@dataclass(slots=True)
class PolsekPlan:
    code: str
    name: str
    kind: str
    kecamatan: tuple[str, ...]
    # Bhabinkamtibmas areas: each a tuple of desa codes (a kecamatan without desa stands for one).
    bhabin_groups: tuple[tuple[str, ...], ...]

    @property
    def desa(self) -> tuple[str, ...]:
        return tuple(code for group in self.bhabin_groups for code in group)


@dataclass(slots=True)
class PolresPlan:
    code: str
    name: str
    kind: str
    kabupaten: str
    timezone: str
    hot: bool
    polsek: list[PolsekPlan] = field(default_factory=list)

    @property
    def desa_count(self) -> int:
        return sum(len(p.desa) for p in self.polsek)


@dataclass(slots=True)
class PoldaPlan:
    code: str
    name: str
    short_name: str
    province: str
    polres: list[PolresPlan] = field(default_factory=list)


@dataclass(slots=True)
class Plan:
    scale: float
    seed: int
    polda: list[PoldaPlan]
    figures: int
    activities: int
    incidents: int
    region_names: dict[str, str]

    def all_polres(self) -> list[PolresPlan]:
        return [r for d in self.polda for r in d.polres]

    def all_polsek(self) -> list[PolsekPlan]:
        return [s for r in self.all_polres() for s in r.polsek]

    def counts(self) -> dict[str, int]:
        polsek = self.all_polsek()
        return {
            "polda": len(self.polda),
            "polres": len(self.all_polres()),
            "polsek": len(polsek),
            "bhabinkamtibmas": sum(len(p.bhabin_groups) for p in polsek),
            "desa": sum(len(p.desa) for p in polsek),
            "figures": self.figures,
            "activities": self.activities,
            "incidents": self.incidents,
        }


def unit_code(kind: str, region_code: str) -> str:
    return f"{UNIT_PREFIX}{kind}-{region_code.replace('.', '-')}"


def province_short_name(code: str, name: str) -> str:
    if code == "31":
        return "Metro Jaya"
    alias = next((a for a, c in PROVINCE_ALIASES.items() if c == code), None)
    if alias is None:
        return name
    return alias.upper() if len(alias) <= 3 else alias.title()


def apportion(total: int, weights: list[float]) -> list[int]:
    """Split `total` over `weights` with whole numbers that add up exactly (largest remainder)."""
    weight_sum = sum(weights)
    if total <= 0 or weight_sum <= 0:
        return [0] * len(weights)
    shares = [total * w / weight_sum for w in weights]
    counts = [int(s) for s in shares]
    missing = total - sum(counts)
    by_remainder = sorted(range(len(weights)), key=lambda i: counts[i] - shares[i])
    for i in by_remainder[:missing]:
        counts[i] += 1
    return counts


def _children(rows: list[RegionRow]) -> dict[str, list[RegionRow]]:
    children: dict[str, list[RegionRow]] = defaultdict(list)
    for row in rows:
        if row.level > 1:
            children[row.code.rsplit(".", 1)[0]].append(row)
    for values in children.values():
        values.sort(key=lambda r: r.code)
    return children


def _choose_kabupaten(kabupaten: list[RegionRow], desa_count: dict[str, int], scale: float, rng) -> set[str]:
    if scale >= 1:
        return {k.code for k in kabupaten}
    order = [k.code for k in kabupaten]
    rng.shuffle(order)
    wanted = scale * sum(desa_count.values())
    chosen: set[str] = set()
    held = 0
    for code in order:
        if chosen and held >= wanted:
            break
        chosen.add(code)
        held += desa_count[code]
    return chosen


def _pair_kecamatan(kecamatan: list[RegionRow], rng) -> list[tuple[RegionRow, ...]]:
    """Group a kabupaten's kecamatan into Polsek areas: most alone, some neighbours in pairs."""
    n = len(kecamatan)
    target = max(1, round(n * NATIONAL_POLSEK / NATIONAL_KECAMATAN))
    pairs_wanted = n - target
    starts = list(range(n - 1))
    rng.shuffle(starts)
    used: set[int] = set()
    pair_starts: set[int] = set()
    for i in starts:
        if len(pair_starts) >= pairs_wanted:
            break
        if i not in used and i + 1 not in used:
            used.update((i, i + 1))
            pair_starts.add(i)
    groups, i = [], 0
    while i < n:
        size = 2 if i in pair_starts else 1
        groups.append(tuple(kecamatan[i : i + size]))
        i += size
    return groups


def _bhabin_groups(desa: list[str], rng) -> tuple[tuple[str, ...], ...]:
    sizes, weights = zip(*BHABIN_GROUP_SIZES, strict=True)
    groups, i = [], 0
    while i < len(desa):
        size = rng.choices(sizes, weights)[0]
        groups.append(tuple(desa[i : i + size]))
        i += size
    return tuple(groups)


def _polres_kind(province: str, kabupaten: RegionRow) -> tuple[str, str]:
    """(Polres kind, Polsek kind) for a kabupaten/kota."""
    if kabupaten.kind == "kota":
        return ("polres_metro" if province == "31" else "polresta"), "polsekta"
    return "polres", "polsek"


def _plan_polres(province: str, kab: RegionRow, children, hot: bool, rng) -> PolresPlan:
    polres_kind, polsek_kind = _polres_kind(province, kab)
    polres = PolresPlan(
        code=unit_code("polres", kab.code),
        name=kab.name,
        kind=polres_kind,
        kabupaten=kab.code,
        timezone=kab.timezone,
        hot=hot,
    )
    for group in _pair_kecamatan(children[kab.code], rng):
        desa = [d.code for k in group for d in children.get(k.code, [])] or [group[0].code]
        polres.polsek.append(
            PolsekPlan(
                code=unit_code("polsek", group[0].code),
                name=group[0].name,
                kind=polsek_kind,
                kecamatan=tuple(k.code for k in group),
                bhabin_groups=_bhabin_groups(desa, rng),
            )
        )
    return polres


def _hot_kabupaten(chosen: set[str], rng) -> set[str]:
    wanted = max(1, round(len(chosen) * HOT_SHARE))
    hot = {code for code in PSU_KABUPATEN if code in chosen}
    rest = sorted(chosen - hot)
    rng.shuffle(rest)
    return hot | set(rest[: max(0, wanted - len(hot))])


def build_plan(rows: list[RegionRow], scale: float = 1.0, seed: int = 2024) -> Plan:
    """The units and totals for `scale` (1.0 = national) from the loaded regions."""
    if scale <= 0:
        raise ValueError("scale must be positive")
    rng = random.Random(seed)
    children = _children(rows)
    provinces = sorted((r for r in rows if r.level == 1), key=lambda r: r.code)
    kabupaten = [k for p in provinces for k in children.get(p.code, [])]
    desa_count = {
        k.code: sum(len(children.get(c.code, [])) or 1 for c in children.get(k.code, [])) for k in kabupaten
    }
    chosen = _choose_kabupaten(kabupaten, desa_count, scale, rng)
    hot = _hot_kabupaten(chosen, rng)
    polda_list = []
    for province in provinces:
        kabs = [k for k in children.get(province.code, []) if k.code in chosen]
        if not kabs:
            continue
        polda = PoldaPlan(
            code=unit_code("polda", province.code),
            name="Metro Jaya" if province.code == "31" else province.name,
            short_name=province_short_name(province.code, province.name),
            province=province.code,
        )
        polda.polres = [_plan_polres(province.code, k, children, k.code in hot, rng) for k in kabs]
        polda_list.append(polda)
    return Plan(
        scale=scale,
        seed=seed,
        polda=polda_list,
        figures=round(NATIONAL_FIGURES * scale),
        activities=round(NATIONAL_ACTIVITIES * scale),
        incidents=round(NATIONAL_INCIDENTS * scale),
        region_names={r.code: r.name for r in rows if r.level >= 3},
    )
