"""Community figures (tokoh): about ten per desa, fictional names, realistic mixes.

Influence is skewed (most 2-3, few 5); alignment mostly unknown or neutral, some aligned with a
candidate pair; religion follows the province (Bali mostly Hindu, NTT Catholic, Papua and
North Sulawesi Protestant, ...). `normalized_name` and `kecamatan_code`, which `Figure.save()`
computes, are computed here because bulk writes bypass save().
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import lru_cache

from sejuk.core.national.names import NameMaker, pick, weighted_table
from sejuk.core.national.people import UnitStaff
from sejuk.core.national.plan import apportion
from sejuk.core.national.timeline import Clock
from sejuk.units.names import normalize_person_name

FIGURE_FIELDS = (
    "id",
    "kind",
    "name",
    "front_titles",
    "degrees",
    "normalized_name",
    "role",
    "organisation_kind",
    "religion",
    "home_region_id",
    "kecamatan_code",
    "influence",
    "influence_reason",
    "alignment",
    "aligned_with",
    "alignment_source",
    "alignment_date",
    "public_consent",
    "phone",
    "created_by_id",
    "created_at",
    "updated_at",
)
_KINDS = weighted_table(
    (
        ("tokoh_masyarakat", 0.40),
        ("tokoh_agama", 0.30),
        ("tokoh_pemuda", 0.12),
        ("tokoh_adat", 0.08),
        ("tokoh_perempuan", 0.09),
        ("other", 0.01),
    )
)
_INFLUENCE = weighted_table(((1, 0.08), (2, 0.37), (3, 0.38), (4, 0.13), (5, 0.04)))
_ALIGNMENT = weighted_table((("unknown", 0.6), ("neutral", 0.3), ("aligned", 0.1)))
_PAIRS = ("Paslon 01", "Paslon 02", "Paslon 03")
_DEFAULT_RELIGION = (("islam", 0.87), ("kristen", 0.07), ("katolik", 0.03), ("hindu", 0.02), ("buddha", 0.01))
_PROVINCE_RELIGION = {
    "12": (("islam", 0.62), ("kristen", 0.32), ("katolik", 0.05), ("buddha", 0.01)),
    "51": (("hindu", 0.85), ("islam", 0.1), ("kristen", 0.03), ("buddha", 0.02)),
    "53": (("katolik", 0.55), ("kristen", 0.35), ("islam", 0.1)),
    "61": (("islam", 0.6), ("katolik", 0.2), ("kristen", 0.1), ("buddha", 0.08), ("konghucu", 0.02)),
    "71": (("kristen", 0.65), ("islam", 0.3), ("katolik", 0.05)),
    "81": (("islam", 0.5), ("kristen", 0.45), ("katolik", 0.05)),
    **{
        p: (("kristen", 0.65), ("katolik", 0.2), ("islam", 0.15))
        for p in ("91", "92", "93", "94", "95", "96")
    },
}
_RELIGIOUS_ROLES = {
    "islam": (("imam masjid", "masjid"), ("pengasuh pondok pesantren", "pesantren"), ("ketua DKM", "masjid")),
    "kristen": (("gembala jemaat", "gereja"), ("ketua majelis jemaat", "gereja")),
    "katolik": (("ketua dewan paroki", "gereja"), ("ketua lingkungan", "gereja")),
    "hindu": (("pemangku pura", "pura_vihara"),),
    "buddha": (("pengurus vihara", "pura_vihara"),),
    "konghucu": (("pengurus klenteng", "pura_vihara"),),
}
_ROLES = {
    "tokoh_masyarakat": (
        ("sesepuh desa", ""),
        ("ketua RW", ""),
        ("mantan kepala desa", ""),
        ("ketua LPM", ""),
    ),
    "tokoh_pemuda": (("Ketua Karang Taruna", "karang_taruna"), ("ketua remaja masjid", "ormas")),
    "tokoh_adat": (("ketua lembaga adat", "lembaga_adat"), ("sesepuh adat", "lembaga_adat")),
    "tokoh_perempuan": (("Ketua TP PKK desa", "pkk"), ("ketua majelis taklim", "ormas")),
    "other": (("pengurus ormas", "ormas"),),
}
_INFLUENCE_REASONS = ("", "", "dihormati warga", "pengikut banyak", "dituakan di desa")


@lru_cache(maxsize=200_000)
def _normalized(name: str) -> str:
    return normalize_person_name(name)


def figure_index(polsek: list[UnitStaff], total: int, start_id: int, seed: int) -> dict[str, tuple[int, int]]:
    """For every desa: (first figure id, how many). About the same number per desa, +-50%."""
    rng = random.Random(seed + 3)
    places = [desa for unit in polsek for desa, _ in unit.places]
    counts = apportion(total, [0.5 + rng.random() for _ in places])
    index, next_id = {}, start_id
    for desa, count in zip(places, counts, strict=True):
        index[desa] = (next_id, count)
        next_id += count
    return index


class FigureMaker:
    def __init__(self, seed: int, clock: Clock):
        self.rng = random.Random(seed + 4)
        self.names = NameMaker(seed + 5)
        self.clock = clock
        self.religions = {p: weighted_table(r) for p, r in _PROVINCE_RELIGION.items()}
        self.default_religion = weighted_table(_DEFAULT_RELIGION)

    def rows(self, polsek: list[UnitStaff], index: dict[str, tuple[int, int]]) -> Iterator[tuple]:
        for unit in polsek:
            for desa, _ in unit.places:
                first, count = index[desa]
                for figure_id in range(first, first + count):
                    yield self._row(figure_id, desa, unit.user_id)

    def _row(self, figure_id: int, desa: str, user_id: int) -> tuple:
        rng = self.rng
        kind = pick(_KINDS, rng)
        female = kind == "tokoh_perempuan" or rng.random() < 0.08
        religion = pick(self.religions.get(desa[:2], self.default_religion), rng)
        if kind == "tokoh_agama":
            role, org_kind = rng.choice(_RELIGIOUS_ROLES.get(religion, _RELIGIOUS_ROLES["islam"]))
            front = self.names.religious_title(rng, religion, female)
        else:
            role, org_kind = rng.choice(_ROLES[kind])
            religion = religion if rng.random() < 0.5 else ""
            front = "H." if religion == "islam" and rng.random() < 0.15 else ""
        name = self.names.person(rng, female)
        alignment = pick(_ALIGNMENT, rng)
        created = self.clock.at(-int((1 + rng.random() * 119) * 1440))  # registered before the window
        aligned = alignment == "aligned"
        return (
            figure_id,
            kind,
            name,
            front,
            self.names.degree(rng),
            _normalized(name),
            role,
            org_kind,
            religion,
            desa,
            desa[:8],
            pick(_INFLUENCE, rng),
            rng.choice(_INFLUENCE_REASONS),
            alignment,
            rng.choice(_PAIRS) if aligned else "",
            "catatan Bhabinkamtibmas" if aligned else "",
            created[:10] if aligned else None,
            rng.random() < 0.6,
            f"0813{figure_id % 100_000_000:08d}" if rng.random() < 0.5 else "",
            user_id,
            created,
            created,
        )
