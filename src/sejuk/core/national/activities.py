"""Cooling activities with their officers, figures and appeal themes, in chunks of rows.

Most are Polsek activities led by the Bhabinkamtibmas of the desa (92 %), some Polres activities
led by the Kasat Binmas (7.5 %) and a few Polda activities led by the Kapolda (0.5 %). Every place
lies in the unit's area and every officer belongs to the unit or a unit below it; figures come
from the desa of the activity. Days follow `timeline.day_weights` (hot kabupaten peak on the MK
dates); hours are local (WIB/WITA/WIT) and stored in UTC. Status is mostly verified; the last
days of the window hold more drafts and submissions waiting for verification.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from sejuk.activities.vocabulary import APPEAL_THEMES
from sejuk.core.national.names import pick, weighted_table
from sejuk.core.national.people import UnitStaff
from sejuk.core.national.plan import apportion
from sejuk.core.national.timeline import Clock, day_weights, picking_table

ACTIVITY_FIELDS = (
    "id",
    "activity_type",
    "occurred_at",
    "region_id",
    "unit_id",
    "partners",
    "attendance",
    "narrative",
    "situation",
    "election_phase",
    "status",
    "return_note",
    "source",
    "created_by_id",
    "created_at",
    "updated_at",
    "submitted_at",
    "verified_at",
    "verified_by_id",
)
LEVEL_SHARES = (("polsek", 0.92), ("polres", 0.075), ("polda", 0.005))
RECENT_DAYS = 3
THEMES = tuple(t.code for t in APPEAL_THEMES)
_TYPES = weighted_table(
    (
        ("sambang", 0.38),
        ("dialog", 0.12),
        ("silaturahmi", 0.12),
        ("patroli_dialogis", 0.12),
        ("imbauan", 0.08),
        ("jumat_curhat", 0.04),
        ("doa_bersama", 0.04),
        ("penyuluhan", 0.03),
        ("rapat_koordinasi", 0.03),
        ("deklarasi_damai", 0.02),
        ("bakti_sosial", 0.015),
        ("other", 0.005),
    )
)
# (smallest, spread) of the attendance by type; a visit is a handful of people.
_ATTENDANCE = {"sambang": (1, 8), "silaturahmi": (2, 15), "dialog": (5, 40), "patroli_dialogis": (2, 20)}
_CROWD = (20, 180)
# Local hours: mornings and afternoons, and evenings after prayers (pengajian, ronda).
_HOUR_WEIGHTS = {7: 3, 8: 6, 9: 10, 10: 10, 11: 7, 13: 5, 14: 8, 15: 8, 16: 6, 17: 3, 19: 7, 20: 6, 21: 2}
_HOURS = weighted_table(tuple(_HOUR_WEIGHTS.items()), size=100)
_OFFICER_COUNT = weighted_table(((1, 0.45), (2, 0.4), (3, 0.15)))
_ORDERS = ((0, 1, 2), (0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 0, 1), (2, 1, 0))  # orders of the extras
_FIGURE_COUNT = weighted_table(((0, 0.2), (1, 0.45), (2, 0.25), (3, 0.1)))
_THEME_COUNT = weighted_table(((1, 0.2), (2, 0.35), (3, 0.3), (4, 0.15)))
_STATUS = weighted_table((("verified", 0.86), ("submitted", 0.07), ("draft", 0.04), ("returned", 0.03)))
_STATUS_RECENT = weighted_table((("verified", 0.4), ("submitted", 0.35), ("draft", 0.2), ("returned", 0.05)))
_SITUATION = weighted_table((("aman", 0.9), ("waspada", 0.08), ("rawan", 0.02)))
_SITUATION_HOT = weighted_table((("aman", 0.7), ("waspada", 0.22), ("rawan", 0.08)))
_PARTNERS = weighted_table(
    (
        ("[]", 0.45),
        ('["tni"]', 0.2),
        ('["kepala_desa"]', 0.12),
        ('["tni", "kepala_desa"]', 0.1),
        ('["camat"]', 0.04),
        ('["kpu_bawaslu"]', 0.04),
        ('["fkub_mui"]', 0.03),
        ('["karang_taruna"]', 0.02),
    )
)
_SOURCES = weighted_table((("form", 0.65), ("api", 0.2), ("chat", 0.12), ("press", 0.03)))
_NARRATIVES = (
    "Sambang kamtibmas dan penyampaian imbauan pasca pemungutan suara Pilkada 2024.",
    "Dialog dengan tokoh setempat agar warga tetap menjaga situasi yang kondusif.",
    "Silaturahmi dan ajakan menunggu hasil resmi rekapitulasi dari KPU.",
    "Imbauan agar warga tidak terprovokasi isu dan hoaks di media sosial.",
    "Cooling system: penyampaian pesan netralitas Polri dan ajakan menjaga persatuan.",
    "Patroli dialogis di permukiman warga; situasi terpantau aman.",
)
_RETURN_NOTES = ("Lengkapi nama tokoh yang ditemui.", "Tambahkan foto kegiatan.", "Periksa lokasi kegiatan.")
ELECTION_PHASE = "pasca Pilkada 2024"


@dataclass
class Chunk:
    activities: list[tuple] = field(default_factory=list)
    officers: list[tuple] = field(default_factory=list)
    figures: list[tuple] = field(default_factory=list)
    themes: list[tuple] = field(default_factory=list)


def allocate(polda: list[UnitStaff], total: int) -> list[tuple[str, UnitStaff, int]]:
    """(level, unit, how many activities) for every unit, by the number of desa (hot x1.4)."""
    levels = {
        "polda": polda,
        "polres": [r for d in polda for r in d.children],
        "polsek": [s for d in polda for r in d.children for s in r.children],
    }
    totals = apportion(total, [share for _, share in LEVEL_SHARES])
    result = []
    for (level, _), level_total in zip(LEVEL_SHARES, totals, strict=True):
        units = levels[level]
        weights = [len(u.places) * (1.4 if u.hot else 1.0) for u in units]
        result.extend((level, u, n) for u, n in zip(units, apportion(level_total, weights), strict=True) if n)
    return result


class ActivityMaker:
    def __init__(self, start, days: int, clock: Clock, figures: dict[str, tuple[int, int]], seed: int):
        self.rng = random.Random(seed + 6)
        self.clock = clock
        self.days = days
        self.figures = figures
        self.day_tables = {hot: picking_table(day_weights(start, days, hot)) for hot in (False, True)}
        # 4,096 ready-made theme sets: one random number per activity instead of a sample().
        self.theme_sets = [tuple(self.rng.sample(THEMES, pick(_THEME_COUNT, self.rng))) for _ in range(4096)]

    def chunks(
        self, polda: list[UnitStaff], total: int, first_id: int, size: int = 50_000
    ) -> Iterator[Chunk]:
        chunk, next_id = Chunk(), first_id
        for level, unit, count in allocate(polda, total):
            bhabins = sorted({officer for _, officer in unit.places})
            for _ in range(count):
                self._one(next_id, level, unit, bhabins, chunk)
                next_id += 1
                if len(chunk.activities) >= size:
                    yield chunk
                    chunk = Chunk()
        if chunk.activities:
            yield chunk

    def _officers(self, level: str, unit: UnitStaff, bhabin: int, bhabins: list[int]) -> list[int]:
        rng = self.rng
        if level == "polsek":
            lead, extras = (
                bhabin,
                [unit.binmas_id, unit.commander_id, bhabins[int(rng.random() * len(bhabins))]],
            )
        elif level == "polres":
            lead, extras = unit.binmas_id, [unit.commander_id, bhabin]
        else:
            lead, extras = unit.commander_id, [unit.binmas_id, bhabin]
        chosen = [lead]
        for position in _ORDERS[int(rng.random() * len(_ORDERS))][: pick(_OFFICER_COUNT, rng) - 1]:
            officer = extras[position] if position < len(extras) else lead
            if officer not in chosen:
                chosen.append(officer)
        return chosen

    def _one(self, activity_id: int, level: str, unit: UnitStaff, bhabins: list[int], chunk: Chunk) -> None:
        rng = self.rng
        days = self.day_tables[unit.hot]
        day = days[int(rng.random() * len(days))]
        occurred = Clock.local_to_utc(day, pick(_HOURS, rng) * 60 + int(rng.random() * 60), unit.timezone)
        desa, bhabin = unit.places[int(rng.random() * len(unit.places))]
        activity_type = pick(_TYPES, rng)
        chunk.officers.extend((activity_id, o) for o in self._officers(level, unit, bhabin, bhabins))
        first, count = self.figures.get(desa, (0, 0))
        if count:
            wanted = min(pick(_FIGURE_COUNT, rng), count)
            chosen = set()
            while len(chosen) < wanted:
                chosen.add(first + int(rng.random() * count))
            chunk.figures.extend((activity_id, f) for f in chosen)
        chunk.themes.extend(
            (activity_id, t) for t in self.theme_sets[int(rng.random() * len(self.theme_sets))]
        )
        status = pick(_STATUS_RECENT if day >= self.days - RECENT_DAYS else _STATUS, rng)
        chunk.activities.append(
            (activity_id, activity_type, self.clock.at(occurred), desa, unit.unit_id, pick(_PARTNERS, rng))
            + self._details(activity_type, unit.hot)
            + self._workflow(status, occurred, unit.user_id)
        )

    def _details(self, activity_type: str, hot: bool) -> tuple:
        rng = self.rng
        smallest, spread = _ATTENDANCE.get(activity_type, _CROWD)
        return (
            smallest + int(rng.random() * spread),
            _NARRATIVES[int(rng.random() * len(_NARRATIVES))],
            pick(_SITUATION_HOT if hot else _SITUATION, rng),
            ELECTION_PHASE,
        )

    def _workflow(self, status: str, occurred: int, user_id: int) -> tuple:
        """(status, return_note, source, created_by, created, updated, submitted, verified, verified_by)."""
        rng = self.rng
        at = self.clock.at
        created = occurred + 20 + int(rng.random() * 580)
        submitted = created + 5 + int(rng.random() * 235) if status != "draft" else None
        verified = submitted + 30 + int(rng.random() * 2850) if status == "verified" else None
        note = _RETURN_NOTES[int(rng.random() * len(_RETURN_NOTES))] if status == "returned" else ""
        last = next(m for m in (verified, submitted, created) if m is not None)
        return (
            status,
            note,
            pick(_SOURCES, rng),
            user_id,
            at(created),
            at(last),
            at(submitted) if submitted is not None else None,
            at(verified) if verified is not None else None,
            user_id if verified is not None else None,
        )
