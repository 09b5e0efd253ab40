"""CSV import of contests, candidate pairs and results (docs/samples/results.csv).

One row per result; a row may also carry only a pair, or only a contest's status. Contest and
pair columns repeat from row to row and must agree. Names of a pair may be left empty once the
pair is known (earlier in the database or anywhere in the file). Columns:

- the contest (required): election, region_code, office; optional status, dispute_filed_on,
  dispute_decided_on, revote_ordered_on, revote_held_on, dispute_notes;
- the pair: pair_number, candidate, running_mate, coalition;
- the result: result_kind, source, reported_at (local time of the region unless an offset is
  given), votes and/or percentage, result_region_code (a step of the tiered recapitulation).

A value left empty never clears a stored one; clear it in the admin.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sejuk.core.csvimport import ImportReport, RowError, read_rows, write_all_or_nothing
from sejuk.elections.choices import ContestStatus, ElectionKind, Office, ResultKind
from sejuk.elections.importing import RowChecker, agree, describe, load_regions, upsert
from sejuk.elections.models import CandidatePair, Contest, Election, Result, region_fits_office
from sejuk.regions.choices import Level

RESULT_COLUMNS = ("election", "region_code", "office")
CONTEST_DATES = ("dispute_filed_on", "dispute_decided_on", "revote_ordered_on", "revote_held_on")
PAIR_NAMES = ("candidate", "running_mate", "coalition")

OFFICES = {code: code for code in Office.values} | {
    "gubernur": Office.GOVERNOR,
    "pilgub": Office.GOVERNOR,
    "bupati": Office.REGENT,
    "pilbup": Office.REGENT,
    "wali_kota": Office.MAYOR,
    "walikota": Office.MAYOR,
    "pilwalkot": Office.MAYOR,
}
STATUSES = {code: code for code in ContestStatus.values} | {
    "sengketa": ContestStatus.DISPUTED,
    "sengketa_mk": ContestStatus.DISPUTED,
    "psu": ContestStatus.REVOTE_ORDERED,
    "psu_selesai": ContestStatus.REVOTED,
    "selesai": ContestStatus.FINAL,
}
RESULT_KINDS = {code: code for code in ResultKind.values} | {
    "hitung_cepat": ResultKind.QUICK_COUNT,
    "qc": ResultKind.QUICK_COUNT,
    "resmi": ResultKind.OFFICIAL,
    "kpu": ResultKind.OFFICIAL,
    "rekapitulasi": ResultKind.OFFICIAL,
}
OFFICE_WORDS = {Office.GOVERNOR: "gubernur", Office.REGENT: "bupati", Office.MAYOR: "wali kota"}
AREA_WORDS = {Office.GOVERNOR: "provinsi", Office.REGENT: "kabupaten", Office.MAYOR: "kota"}


@dataclass
class _Context:
    elections: dict[str, Election]
    regions: dict
    known_pairs: set
    contests: dict = field(default_factory=dict)
    pairs: dict = field(default_factory=dict)
    pair_refs: list = field(default_factory=list)
    results: dict = field(default_factory=dict)


class _ResultRow(RowChecker):
    def validate(self, ctx: _Context) -> dict | None:
        key = self._contest(ctx)
        if key is None:
            return None
        number = self._pair(ctx, key)
        return self._result(ctx, key, number)

    def _contest(self, ctx: _Context) -> tuple | None:
        code = self.required("election", "Kode pemilihan").lower()
        election = ctx.elections.get(code)
        if code and election is None:
            self.error(
                "election",
                f"Pemilihan '{code}' tidak dikenal: impor kalendernya dulu "
                "(sejuk import_elections atau sejuk load_election_calendar).",
            )
        elif election is not None and election.kind == ElectionKind.PEMILU:
            self.error(
                "election", "Pemilu tidak punya kontes kepala daerah; pakai pemilihan Pilkada atau PSU."
            )
        office = self.choice("office", OFFICES, "Jabatan") if self.required("office", "Jabatan") else None
        region = (
            self.region("region_code", ctx.regions) if self.required("region_code", "Kode wilayah") else None
        )
        if region is not None and office is not None and not region_fits_office(office, region):
            self.error(
                "region_code",
                f"Kontes {OFFICE_WORDS[office]} harus di tingkat {AREA_WORDS[office]}, "
                f"bukan {describe(region)}.",
            )
        values = {"status": self.choice("status", STATUSES, "Status kontes")}
        values |= {column: self.date(column) for column in CONTEST_DATES}
        for first, then in (CONTEST_DATES[:2], CONTEST_DATES[2:]):
            if values[first] and values[then] and values[then] < values[first]:
                self.error(
                    then, f"Tanggal {values[then]:%d/%m/%Y} sebelum {values[first]:%d/%m/%Y} ({first})."
                )
        values["dispute_notes"] = self.text("dispute_notes")
        if self.errors:
            return None
        key = (code, region.code, office)
        agree(ctx.contests, key, values, self, "Data kontes")
        return key

    def _pair(self, ctx: _Context, key: tuple) -> int | None:
        names = {column: self.text(column) for column in PAIR_NAMES}
        if not self.text("pair_number"):
            if any(names.values()):
                self.error("pair_number", "Nomor urut wajib diisi bila nama pasangan diisi.")
            return None
        number = self.whole_number("pair_number", "Nomor urut", 1, 99)
        if number is None:
            return None
        if names["candidate"]:
            agree(ctx.pairs, (key, number), names, self, "Data pasangan")
        elif names["running_mate"] or names["coalition"]:
            self.error("candidate", "Nama calon wajib diisi bila wakil atau koalisi diisi.")
        else:
            ctx.pair_refs.append((self.number, key, number))
        return number

    def _result(self, ctx: _Context, key: tuple, number: int | None) -> dict | None:
        kind = self.choice("result_kind", RESULT_KINDS, "Jenis hasil")
        if kind is None:
            given = [c for c in ("source", "reported_at", "votes", "percentage") if self.text(c)]
            if given and not self.text("result_kind"):
                self.error("result_kind", "Jenis hasil wajib diisi (quick_count atau official).")
            return None
        if number is None and not self.text("pair_number"):
            self.error("pair_number", "Nomor urut pasangan wajib diisi untuk hasil.")
        contest_region = ctx.regions[key[1]]
        source = self.required("source", "Sumber")
        reported_at = self.moment("reported_at", contest_region.tzinfo)
        if not self.text("reported_at"):
            self.error("reported_at", "Waktu laporan wajib diisi.")
        votes = self.whole_number("votes", "Jumlah suara")
        percentage = self.share("percentage", "Persentase")
        if not self.text("votes") and not self.text("percentage"):
            self.error("votes", "Isi jumlah suara, persentase, atau keduanya.")
        area = self._area(ctx, contest_region)
        if self.errors:
            return None
        result_key = (key, number, kind, source, reported_at, area)
        if result_key in ctx.results:
            self.error("reported_at", f"Hasil yang sama sudah ada di baris {ctx.results[result_key]}.")
            return None
        ctx.results[result_key] = self.number
        return {
            "contest": key,
            "pair": number,
            "lookup": {"kind": kind, "source": source, "reported_at": reported_at, "region_id": area},
            "values": {"votes": votes, "percentage": percentage},
        }

    def _area(self, ctx: _Context, contest_region) -> str | None:
        area = self.region("result_region_code", ctx.regions)
        if area is None or area.code == contest_region.code:
            return None
        if not area.code.startswith(contest_region.code + "."):
            self.error("result_region_code", f"{describe(area)} tidak berada di {contest_region.label}.")
        elif area.level > Level.KECAMATAN:
            self.error("result_region_code", "Rekapitulasi dicatat sampai tingkat kecamatan, bukan desa.")
        return area.code


def _context(rows: list[dict]) -> _Context:
    codes = {raw.get("election", "").strip().lower() for raw in rows}
    elections = {e.code: e for e in Election.objects.filter(code__in=codes)}
    region_codes = [raw.get(c, "") for raw in rows for c in ("region_code", "result_region_code")]
    known_pairs = set(
        CandidatePair.objects.filter(contest__election__code__in=codes).values_list(
            "contest__election__code", "contest__region_id", "contest__office", "number"
        )
    )
    return _Context(elections, load_regions(region_codes), known_pairs)


def import_results(source) -> ImportReport:
    """Create or update contests, candidate pairs and results; all rows or none."""
    rows, errors = read_rows(source, RESULT_COLUMNS)
    report = ImportReport(errors=errors)
    ctx = _context(rows)
    valid = []
    for number, raw in enumerate(rows, start=2):
        checker = _ResultRow(number, raw)
        cleaned = checker.validate(ctx)
        report.errors.extend(checker.errors)
        if cleaned:
            valid.append(cleaned)
    for row, key, number in ctx.pair_refs:
        if (key, number) not in ctx.pairs and (*key, number) not in ctx.known_pairs:
            where = f"{OFFICE_WORDS[key[2]]} {ctx.regions[key[1]].label}"
            report.errors.append(
                RowError(row, "pair_number", f"Pasangan nomor {number} tidak ada dalam kontes {where}.")
            )
    report.errors.sort(key=lambda e: e.row)
    return write_all_or_nothing(report, lambda r: _write(ctx, valid, r))


def _write(ctx: _Context, valid: list[dict], report: ImportReport) -> None:
    contests = {}
    for key, entry in ctx.contests.items():
        code, region, office = key
        lookup = {"election": ctx.elections[code], "region_id": region, "office": office}
        values = {column: value for column, (value, _row) in entry["values"].items()}
        contests[key] = upsert(Contest, lookup, values, report)
    pairs = {}
    for (key, number), entry in ctx.pairs.items():
        values = {column: value for column, (value, _row) in entry["values"].items()}
        pairs[(key, number)] = upsert(
            CandidatePair, {"contest": contests[key], "number": number}, values, report
        )
    for row in valid:
        pair_key = (row["contest"], row["pair"])
        if pair_key not in pairs:
            pairs[pair_key] = CandidatePair.objects.get(contest=contests[row["contest"]], number=row["pair"])
        values = {"contest_id": contests[row["contest"]].pk, **row["values"]}
        upsert(Result, {"pair": pairs[pair_key], **row["lookup"]}, values, report)
