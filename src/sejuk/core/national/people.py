"""Units, their areas, officers (with Bhabinkamtibmas villages) and one login per unit.

Everything generated hangs off units whose code starts with "gen-" and users whose username
starts with "gen-" (one per unit, named like the unit, holding its commander): that is how
`--replace` finds the rows again. Logins have an unusable password unless `--password` is given.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from sejuk.core.national.names import NameMaker, pick, weighted_table
from sejuk.core.national.plan import Plan, PolresPlan, PolsekPlan

UNIT_FIELDS = ("id", "code", "kind", "level", "name", "short_name", "parent_id", "path", "active")
OFFICER_FIELDS = (
    "id",
    "nrp",
    "name",
    "front_titles",
    "degrees",
    "rank_id",
    "unit_id",
    "position_id",
    "phone",
)
USER_FIELDS = (
    "id",
    "password",
    "username",
    "first_name",
    "is_active",
    "date_joined",
    "role",
    "unit_id",
    "officer_id",
)
_COMMANDER_RANKS = {
    "polda": weighted_table((("Irjen", 0.6), ("Brigjen", 0.4))),
    "polres": weighted_table((("AKBP", 0.85), ("Kombes", 0.15))),
    "polsek": weighted_table((("AKP", 0.5), ("Iptu", 0.35), ("Kompol", 0.15))),
}
_STAFF = {
    # level: ((position, rank table), ...) besides the commander; the Binmas head comes first
    "polda": (("dirbinmas", (("Kombes", 1.0),)), ("kabid_humas", (("Kombes", 1.0),))),
    "polres": (
        ("kasat_binmas", (("AKP", 0.6), ("Kompol", 0.4))),
        ("kasat_intelkam", (("AKP", 0.6), ("Kompol", 0.4))),
        ("kasi_humas", (("AKP", 0.5), ("Iptu", 0.5))),
    ),
    "polsek": (("kanit_binmas", (("Ipda", 0.4), ("Iptu", 0.3), ("Aiptu", 0.3))),),
}
_STAFF_TABLES = {
    level: tuple((position, weighted_table(ranks)) for position, ranks in staff)
    for level, staff in _STAFF.items()
}
_BHABIN_RANKS = weighted_table(
    (("Aiptu", 0.15), ("Aipda", 0.25), ("Bripka", 0.35), ("Brigpol", 0.2), ("Briptu", 0.05))
)
_COMMANDER_POSITION = {
    "polda": "kapolda",
    "polres": "kapolres",
    "polresta": "kapolresta",
    "polres_metro": "kapolres",
    "polsek": "kapolsek",
    "polsekta": "kapolsekta",
}
_OFFICER_DEGREES = weighted_table((("S.I.K.", 0.4), ("S.H.", 0.3), ("S.I.K., M.H.", 0.2), ("", 0.1)))


@dataclass(slots=True)
class UnitStaff:
    """Ids the record generators need for one unit."""

    unit_id: int
    user_id: int
    commander_id: int
    binmas_id: int  # Dirbinmas, Kasat Binmas or Kanit Binmas
    timezone: str = "WIB"
    hot: bool = False
    # (desa code, Bhabinkamtibmas officer id) for every desa in the unit's area
    places: list[tuple[str, int]] = field(default_factory=list)
    children: list[UnitStaff] = field(default_factory=list)


@dataclass
class PeopleRows:
    units: list[tuple] = field(default_factory=list)
    areas: list[tuple] = field(default_factory=list)
    officers: list[tuple] = field(default_factory=list)
    officer_desa: list[tuple] = field(default_factory=list)
    users: list[tuple] = field(default_factory=list)
    polda: list[UnitStaff] = field(default_factory=list)


class PeopleBuilder:
    """Builds rows for units, areas, officers and users with ids from reserved ranges."""

    def __init__(self, plan: Plan, ids: dict[str, int], mabes: tuple[int, str], context):
        self.plan = plan
        self.rng = random.Random(plan.seed + 1)
        self.names = NameMaker(plan.seed + 2)
        self.next_id = dict(ids)
        self.mabes_id, self.mabes_path = mabes
        self.ctx = context  # password hash, join time text, taken NRPs
        self.rows = PeopleRows()
        self._nrp_index = 0

    def _take(self, table: str) -> int:
        value = self.next_id[table]
        self.next_id[table] += 1
        return value

    def _nrp(self) -> str:
        while True:
            i = self._nrp_index
            self._nrp_index += 1
            nrp = f"{60 + i % 40:02d}{1 + (i // 40) % 12:02d}{i // 480:04d}"
            if nrp not in self.ctx.taken_nrps:
                return nrp

    def _officer(self, unit_id: int, position: str, rank: str, degrees: str = "") -> int:
        officer_id = self._take("officer")
        name = self.names.person(self.rng, female=self.rng.random() < 0.12)
        front = "H." if self.rng.random() < 0.08 else ""
        phone = f"0812{officer_id % 100_000_000:08d}"
        self.rows.officers.append(
            (officer_id, self._nrp(), name, front, degrees, rank, unit_id, position, phone)
        )
        return officer_id

    def _unit(self, code, kind, level, name, short_name, parent_id, parent_path) -> tuple[int, str]:
        unit_id = self._take("unit")
        path = f"{parent_path}{code}/"
        self.rows.units.append((unit_id, code, kind, level, name, short_name, parent_id, path, True))
        return unit_id, path

    def _staffed(self, unit_id: int, code: str, kind: str, level: str, name: str) -> UnitStaff:
        rng = self.rng
        commander = self._officer(
            unit_id,
            _COMMANDER_POSITION[kind],
            pick(_COMMANDER_RANKS[level], rng),
            pick(_OFFICER_DEGREES, rng),
        )
        staff_ids = [
            self._officer(unit_id, position, pick(ranks, rng), pick(_OFFICER_DEGREES, rng))
            for position, ranks in _STAFF_TABLES[level]
        ]
        user_id = self._user(code, unit_id, commander, name)
        return UnitStaff(unit_id=unit_id, user_id=user_id, commander_id=commander, binmas_id=staff_ids[0])

    def _user(self, username: str, unit_id: int, officer_id: int | None, name: str, role="commander") -> int:
        user_id = self._take("user")
        self.rows.users.append(
            (user_id, self.ctx.password, username, name, True, self.ctx.joined, role, unit_id, officer_id)
        )
        return user_id

    def build(self) -> PeopleRows:
        self._user("gen-mabes", self.mabes_id, None, "Analis Mabes (data sintetis)", role="analyst")
        for polda in self.plan.polda:
            unit_id, path = self._unit(
                polda.code, "polda", "polda", polda.name, polda.short_name, self.mabes_id, self.mabes_path
            )
            self.rows.areas.append((unit_id, polda.province))
            staff = self._staffed(unit_id, polda.code, "polda", "polda", f"Polda {polda.name}")
            staff.children = [self._polres(p, unit_id, path) for p in polda.polres]
            staff.timezone = staff.children[0].timezone
            staff.places = [place for child in staff.children for place in child.places]
            self.rows.polda.append(staff)
        return self.rows

    def _polres(self, polres: PolresPlan, parent_id: int, parent_path: str) -> UnitStaff:
        unit_id, path = self._unit(
            polres.code, polres.kind, "polres", polres.name, "", parent_id, parent_path
        )
        self.rows.areas.append((unit_id, polres.kabupaten))
        staff = self._staffed(unit_id, polres.code, polres.kind, "polres", f"Polres {polres.name}")
        staff.timezone, staff.hot = polres.timezone, polres.hot
        for polsek in polres.polsek:
            child = self._polsek(polsek, unit_id, path)
            child.timezone, child.hot = polres.timezone, polres.hot
            staff.children.append(child)
        staff.places = [place for child in staff.children for place in child.places]
        return staff

    def _polsek(self, polsek: PolsekPlan, parent_id: int, parent_path: str) -> UnitStaff:
        unit_id, _ = self._unit(polsek.code, polsek.kind, "polsek", polsek.name, "", parent_id, parent_path)
        self.rows.areas.extend((unit_id, code) for code in polsek.kecamatan)
        staff = self._staffed(unit_id, polsek.code, polsek.kind, "polsek", f"Polsek {polsek.name}")
        for group in polsek.bhabin_groups:
            bhabin = self._officer(unit_id, "bhabinkamtibmas", pick(_BHABIN_RANKS, self.rng))
            self.rows.officer_desa.extend((bhabin, desa) for desa in group)
            staff.places.extend((desa, bhabin) for desa in group)
        return staff
