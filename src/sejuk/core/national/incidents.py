"""Incidents and early warnings: mostly potensi gangguan, some ambang, few nyata; most in hot kabupaten.

40 % of incidents fall in the hot (MK-disputed) kabupaten, the rest spread by number of desa.
Statuses are mostly verified or resolved, with the workflow times and units filled as the
services would (verified, assigned to the Polsek and its Bhabinkamtibmas, actual disturbances
escalated to the Polres, resolved). Every generated incident carries the idempotency key
"gen-<id>", which is how `--replace` finds public tips that have no reporter.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from sejuk.core.national.names import pick, weighted_table
from sejuk.core.national.people import UnitStaff
from sejuk.core.national.plan import apportion
from sejuk.core.national.timeline import Clock, day_weights, picking_table
from sejuk.incidents.models import REFERENCE_ALPHABET

INCIDENT_FIELDS = (
    "id",
    "reference",
    "incident_type",
    "severity",
    "source",
    "region_id",
    "kecamatan_code",
    "occurred_at",
    "actors",
    "candidate_camps",
    "dead",
    "injured",
    "buildings_damaged",
    "description",
    "status",
    "rejection_reason",
    "verified_at",
    "verified_by_id",
    "assigned_unit_id",
    "assigned_officer_id",
    "assigned_at",
    "escalated_to_id",
    "escalation_note",
    "escalated_at",
    "escalated_by_id",
    "resolved_at",
    "resolution_note",
    "resolved_by_id",
    "reported_by_id",
    "idempotency_key",
    "created_at",
    "updated_at",
)
HOT_INCIDENT_SHARE = 0.4
_TYPES = weighted_table(
    (
        ("provocation", 0.15),
        ("hoax", 0.2),
        ("hate_speech", 0.08),
        ("intimidation", 0.07),
        ("money_politics", 0.1),
        ("mass_gathering", 0.15),
        ("supporter_clash", 0.08),
        ("vandalism", 0.05),
        ("threat_to_officials", 0.07),
        ("other", 0.05),
    )
)
_SEVERITY = weighted_table((("potensi_gangguan", 0.78), ("ambang_gangguan", 0.18), ("gangguan_nyata", 0.04)))
_SEVERITY_HOT = weighted_table((("potensi_gangguan", 0.6), ("ambang_gangguan", 0.3), ("gangguan_nyata", 0.1)))
_STATUS = weighted_table(
    (("reported", 0.08), ("verified", 0.25), ("responding", 0.07), ("resolved", 0.52), ("rejected", 0.08))
)
_SOURCES = weighted_table((("officer", 0.45), ("public_tip", 0.2), ("media", 0.15), ("social_media", 0.2)))
_CAMPS = ("Paslon 01", "Paslon 02", "Paslon 03", "Paslon 01, Paslon 02")
_DESCRIPTIONS = {
    "provocation": "Ajakan provokatif kepada pendukung paslon untuk mendatangi kantor PPK.",
    "hoax": "Beredar kabar bohong tentang kecurangan penghitungan suara di media sosial.",
    "hate_speech": "Unggahan bernada kebencian terhadap pendukung paslon lain.",
    "intimidation": "Warga mengaku diintimidasi terkait pilihan politiknya.",
    "money_politics": "Dugaan pembagian uang kepada warga menjelang rekapitulasi.",
    "mass_gathering": "Massa berkumpul di depan kantor penyelenggara pemilu menuntut penghitungan ulang.",
    "supporter_clash": "Adu mulut dan saling dorong antarpendukung paslon.",
    "vandalism": "Perusakan baliho dan posko pemenangan.",
    "threat_to_officials": "Ancaman terhadap petugas PPS saat pengiriman logistik.",
    "other": "Gangguan kamtibmas terkait pilkada.",
}
_REJECTIONS = ("Tidak terbukti setelah dicek di lapangan.", "Laporan ganda; kejadian sudah tercatat.")
_RESOLUTIONS = ("Mediasi dengan tokoh setempat; situasi kondusif.", "Para pihak sepakat berdamai.")
_STRIDE = 104_729  # prime, not a multiple of 31: n -> n * stride is a bijection modulo 31**6


def reference(number: int, offset: int) -> str:
    value = (offset + number * _STRIDE) % len(REFERENCE_ALPHABET) ** 6
    letters = []
    for _ in range(6):
        value, digit = divmod(value, len(REFERENCE_ALPHABET))
        letters.append(REFERENCE_ALPHABET[digit])
    return "INS-" + "".join(letters)


def allocate(polres: list[UnitStaff], total: int) -> list[int]:
    hot_total = round(total * HOT_INCIDENT_SHARE) if any(p.hot for p in polres) else 0
    spread = apportion(total - hot_total, [len(p.places) for p in polres])
    hot = apportion(hot_total, [len(p.places) if p.hot else 0 for p in polres])
    return [a + b for a, b in zip(spread, hot, strict=True)]


class IncidentMaker:
    def __init__(self, start, days: int, clock: Clock, seed: int, taken_references: set[str]):
        self.rng = random.Random(seed + 7)
        self.clock = clock
        self.offset = seed * 7919
        self.taken = taken_references
        self.number = 0
        self.day_tables = {hot: picking_table(day_weights(start, days, hot, 1.5)) for hot in (False, True)}

    def _reference(self) -> str:
        while True:
            self.number += 1
            value = reference(self.number, self.offset)
            if value not in self.taken:
                return value

    def rows(self, polres: list[UnitStaff], total: int, first_id: int) -> Iterator[tuple]:
        next_id = first_id
        for unit, count in zip(polres, allocate(polres, total), strict=True):
            polsek_of = {desa: child for child in unit.children for desa, _ in child.places}
            for _ in range(count):
                desa, bhabin = unit.places[int(self.rng.random() * len(unit.places))]
                yield self._row(next_id, unit, polsek_of[desa], desa, bhabin)
                next_id += 1

    def _row(self, incident_id: int, polres: UnitStaff, polsek: UnitStaff, desa: str, bhabin: int) -> tuple:
        rng = self.rng
        days = self.day_tables[polres.hot]
        day = days[int(rng.random() * len(days))]
        occurred = Clock.local_to_utc(day, int(rng.random() * 1440), polres.timezone)
        kind = pick(_TYPES, rng)
        severity = pick(_SEVERITY_HOT if polres.hot else _SEVERITY, rng)
        source = pick(_SOURCES, rng)
        crowd = kind in ("mass_gathering", "supporter_clash")
        workflow, stamps = self._workflow(pick(_STATUS, rng), severity, occurred, polres, polsek, bhabin)
        return (
            (incident_id, self._reference(), kind, severity, source, desa, desa[:8], self.clock.at(occurred))
            + (
                "Massa pendukung paslon" if crowd else "",
                rng.choice(_CAMPS) if crowd or rng.random() < 0.3 else "",
            )
            + self._harm(kind, severity)
            + (_DESCRIPTIONS[kind],)
            + workflow
            + (polsek.user_id if source == "officer" else None, f"gen-{incident_id}")
            + stamps
        )

    def _harm(self, kind: str, severity: str) -> tuple[int, int, int]:
        if severity != "gangguan_nyata":
            return (0, 0, 0)
        rng = self.rng
        dead = 1 if rng.random() < 0.01 else 0
        damaged = int(rng.random() * 3) if kind in ("vandalism", "supporter_clash") else 0
        return (dead, int(rng.random() * 5), damaged)

    def _workflow(self, status, severity, occurred, polres: UnitStaff, polsek: UnitStaff, bhabin) -> tuple:
        """From status to resolved_by, then created_at and updated_at, in INCIDENT_FIELDS order."""
        rng, at = self.rng, self.clock.at
        created = occurred + 10 + int(rng.random() * 230)
        verified = assigned = escalated = resolved = None
        if status not in ("reported", "rejected"):
            verified = created + 30 + int(rng.random() * 720)
            if severity == "gangguan_nyata":
                escalated = verified + 20 + int(rng.random() * 100)
        if status in ("responding", "resolved"):
            assigned = verified + 10 + int(rng.random() * 230)
        if status == "resolved":
            resolved = assigned + 600 + int(rng.random() * 6600)
        last = max(m for m in (created, verified, assigned, escalated, resolved) if m is not None)
        user = polsek.user_id
        return (
            status,
            rng.choice(_REJECTIONS) if status == "rejected" else "",
            _at(at, verified),
            user if verified is not None else None,
            polsek.unit_id if assigned is not None else None,
            bhabin if assigned is not None else None,
            _at(at, assigned),
            polres.unit_id if escalated is not None else None,
            "Gangguan nyata: perlu dukungan Polres." if escalated is not None else "",
            _at(at, escalated),
            user if escalated is not None else None,
            _at(at, resolved),
            rng.choice(_RESOLUTIONS) if resolved is not None else "",
            user if resolved is not None else None,
        ), (at(created), at(last))


def _at(at, minute: int | None) -> str | None:
    return None if minute is None else at(minute)
