"""CSV import of contests, pairs and results: row/column errors, all or nothing, idempotent."""

import io
from pathlib import Path

import pytest

from sejuk.elections import services
from sejuk.elections.calendar import load_election_calendar
from sejuk.elections.importers import import_elections
from sejuk.elections.models import CandidatePair, Contest, Result
from sejuk.elections.result_import import import_results

pytestmark = pytest.mark.django_db
DOCS = Path(__file__).resolve().parents[2] / "docs" / "samples"
HEADER = (
    "election,region_code,office,status,pair_number,candidate,running_mate,coalition,"
    "result_kind,source,reported_at,votes,percentage,result_region_code\n"
)
PAIRS = (
    "pilkada-2024,32.15,bupati,,1,Calon Satu,Wakil Satu,Koalisi A\n"
    "pilkada-2024,32.15,bupati,,2,Calon Dua,Wakil Dua,Koalisi B\n"
)
OFFICIAL = (
    "pilkada-2024,32.15,bupati,,1,,,,official,KPU Karawang,2024-12-05 15:00,512.340,,\n"
    "pilkada-2024,32.15,bupati,,2,,,,official,KPU Karawang,2024-12-05 15:00,487905,,\n"
)


@pytest.fixture(autouse=True)
def calendar(db):
    load_election_calendar()


def run(text: str):
    return import_results(io.StringIO(HEADER + text))


def test_a_valid_file_creates_the_contest_pairs_and_results():
    report = run(
        PAIRS + OFFICIAL + 'pilkada-2024,32.15,bupati,,1,,,,hitung cepat,Cakra,2024-11-27 18:30,,"40,95",\n'
    )
    assert report.ok, report.summary()
    contest = Contest.objects.get(region_id="32.15")
    assert (contest.office, contest.status, contest.election.code) == ("regent", "normal", "pilkada-2024")
    assert list(contest.pairs.values_list("number", "candidate")) == [(1, "Calon Satu"), (2, "Calon Dua")]
    official = Result.objects.get(kind="official", pair__number=1)
    assert official.votes == 512_340
    assert official.reported_at.isoformat() == "2024-12-05T08:00:00+00:00"  # 15:00 WIB
    assert str(Result.objects.get(kind="quick_count").percentage) == "40.95"
    assert services.margin(contest) == pytest.approx(100 * 24_435 / 1_000_245, abs=0.005)
    assert report.created == 1 + 2 + 3


def test_importing_the_same_file_twice_changes_nothing():
    run(PAIRS + OFFICIAL)
    second = run(PAIRS + OFFICIAL)
    assert (second.created, second.updated, second.unchanged) == (0, 0, 5)


def test_a_later_file_can_set_the_status_and_refer_to_pairs_by_number_only():
    run(PAIRS)
    report = import_results(
        io.StringIO(
            "election,region_code,office,status,dispute_filed_on,pair_number,result_kind,source,reported_at,votes\n"
            "pilkada-2024,32.15,regent,sengketa,09/12/2024,,,,,\n"
            "pilkada-2024,32.15,regent,,,2,official,PPK Klari,2024-12-02 14:00,40.050\n"
        )
    )
    assert report.ok, report.summary()
    contest = Contest.objects.get(region_id="32.15")
    assert (contest.status, str(contest.dispute_filed_on)) == ("disputed", "2024-12-09")
    assert contest.pairs.get(number=1).candidate == "Calon Satu"  # an empty name never clears one


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        ("pilkada-2024,99.15,bupati,,,,,,,,,,,", "region_code", "tidak dikenal"),
        (
            "pilkada-2024,32.15.05,bupati,,,,,,,,,,,",
            "region_code",
            "Kontes bupati harus di tingkat kabupaten, bukan 32.15.05 (Klari, kecamatan)",
        ),
        ("pilkada-2024,32.73,bupati,,,,,,,,,,,", "region_code", "bukan 32.73 (Kota Bandung, kota)"),
        (
            "pilkada-2024,32.15,gubernur,,,,,,,,,,,",
            "region_code",
            "Kontes gubernur harus di tingkat provinsi",
        ),
        (
            "pilkada-2024,32.15,bupati,,1,,,,official,KPU,2024-12-05 15:00,-5,,",
            "votes",
            "tidak boleh negatif",
        ),
        (
            "pilkada-2024,32.15,bupati,,1,,,,official,KPU,2024-12-05 15:00,,101,",
            "percentage",
            "antara 0 dan 100",
        ),
        (
            "pilkada-2024,32.15,bupati,,7,,,,official,KPU,2024-12-05 15:00,10,,",
            "pair_number",
            "Pasangan nomor 7 tidak ada",
        ),
        (
            "pilkada-2024,32.15,bupati,,1,,,,official,KPU,2024-12-05 15:00,10,,32.14.02",
            "result_region_code",
            "tidak berada di Kabupaten Karawang",
        ),
        (
            "pilkada-2024,32.15,bupati,,1,,,,official,KPU,2024-12-05 15:00,10,,32.15.05.2001",
            "result_region_code",
            "bukan desa",
        ),
        ("pilkada-2024,32.15,bupati,,1,,,,,KPU,2024-12-05 15:00,10,,", "result_kind", "wajib"),
        ("pilkada-2024,32.15,bupati,,1,,,,official,,2024-12-05 15:00,10,,", "source", "wajib"),
        ("pilkada-2024,32.15,bupati,,1,,,,official,KPU,kemarin,10,,", "reported_at", "tidak terbaca"),
        ("pilkada-2024,32.15,bupati,,1,,,,official,KPU,2024-12-05 15:00,,,", "votes", "persentase"),
        ("pilkada-2024,32.15,bupati,,1,Nama Lain,,,,,,,,", "candidate", "berbeda dengan baris 2"),
        ("pilkada-2024,32.15,bupati,dibatalkan,,,,,,,,,,", "status", "tidak dikenal"),
        ("pilkada-2024,32.15,presiden,,,,,,,,,,,", "office", "Jabatan 'presiden' tidak dikenal"),
        ("pilkada-2099,32.15,bupati,,,,,,,,,,,", "election", "impor kalendernya dulu"),
        ("pemilu-2024,32.15,bupati,,,,,,,,,,,", "election", "Pemilu tidak punya kontes"),
    ],
)
def test_a_bad_row_is_reported_by_row_and_column_in_indonesian_and_nothing_is_stored(row, column, words):
    report = run(PAIRS.splitlines()[0] + "\n" + row + "\n")
    assert not report.ok
    error = report.errors[0]
    assert (error.row, error.column) == (3, column), report.summary()
    assert words in error.message
    assert not Contest.objects.exists() and not CandidatePair.objects.exists()


def test_a_decision_before_the_filing_is_refused():
    report = import_results(
        io.StringIO(
            "election,region_code,office,dispute_filed_on,dispute_decided_on\n"
            "pilkada-2024,32.15,regent,2024-12-09,2024-12-01\n"
        )
    )
    assert [(e.row, e.column) for e in report.errors] == [(2, "dispute_decided_on")]


def test_the_sample_results_in_the_docs_import_cleanly():
    assert import_elections(DOCS / "elections.csv").ok
    report = import_results(DOCS / "results.csv")
    assert report.ok, report.summary()
    contest = Contest.objects.get(region_id="32.15", office="regent")
    assert contest.status == "disputed"
    assert services.margin(contest) == 1.96
    assert contest.results.filter(region_id="32.15.05").count() == 3
