"""CSV import of elections and phases, and of IKP bands: row/column errors, all or nothing, idempotent."""

import io
from pathlib import Path

import pytest

from sejuk.elections.importers import import_elections, import_ikp
from sejuk.elections.models import Election, ElectionPhase, IkpRating

pytestmark = pytest.mark.django_db
DOCS = Path(__file__).resolve().parents[2] / "docs" / "samples"
HEADER = "election,kind,year,name,vote_date,phase,label,start,end,region_prefix\n"
FIRST = "psu-2025,psu,2025,PSU Contoh 2025,2025-04-19,pemungutan,,19/04/2025,,32.06\n"


def run(text: str):
    return import_elections(io.StringIO(HEADER + text))


def test_a_valid_file_creates_the_election_and_its_phases():
    report = run(FIRST + "psu-2025,,,,,rekapitulasi,tingkat kecamatan,2025-04-20,2025-04-22,32.06\n")
    assert report.ok, report.summary()
    election = Election.objects.get(code="psu-2025")
    assert (election.kind, election.year, election.name) == ("psu", 2025, "PSU Contoh 2025")
    phases = list(election.phases.values_list("kind", "start", "end", "region_prefix"))
    assert [p[0] for p in phases] == ["pemungutan", "rekapitulasi"]
    assert phases[0][1] == phases[0][2]  # a one-day phase when the end is left empty
    assert report.created == 3


def test_importing_the_same_file_twice_changes_nothing_and_a_new_date_updates():
    text = FIRST + "psu-2025,,,,,rekapitulasi,,2025-04-20,2025-04-22,32.06\n"
    run(text)
    second = run(text)
    assert (second.created, second.updated, second.unchanged) == (0, 0, 3)
    third = run(text.replace("2025-04-22", "2025-04-23"))
    assert (third.created, third.updated) == (0, 1)
    assert ElectionPhase.objects.get(kind="rekapitulasi").end.day == 23


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        ("psu-2025,,,,,kerusuhan,,2025-04-20,,", "phase", "Tahapan 'kerusuhan' tidak dikenal"),
        ("psu-2025,,,,,rekapitulasi,,2025-04-22,2025-04-20,", "end", "sebelum tanggal mulai"),
        ("psu-2025,,,,,psu,,2025-04-20,,99.99", "region_prefix", "tidak dikenal"),
        ("psu-2025,,,,,psu,,20 April,,", "start", "tidak terbaca"),
        ("psu-2025,,,,,psu,,,,", "start", "wajib"),
        ("psu-2025,pemilihan,,,,,,,,", "kind", "Jenis pemilihan"),
        ("psu-2025,,,Nama Lain,,,,,,", "name", "berbeda dengan baris 2"),
        ("PSU 2025!,,,,,,,,,", "election", "tidak sah"),
        ("psu-2025,,,,,pemungutan,,2025-04-19,,32.06", "phase", "sudah ada di baris 2"),
        ("baru-2026,pilkada,,Pilkada Baru,,,,,,", "vote_date", "wajib diisi untuk pemilihan baru"),
    ],
)
def test_a_bad_row_is_reported_by_row_and_column_in_indonesian_and_nothing_is_stored(row, column, words):
    report = run(FIRST + row + "\n")
    assert not report.ok
    error = report.errors[0]
    assert (error.row, error.column) == (3, column), report.summary()
    assert words in error.message
    assert "tidak ada data yang disimpan" in report.summary()
    assert not Election.objects.filter(code="psu-2025").exists()


def test_the_sample_calendar_in_the_docs_imports_cleanly():
    report = import_elections(DOCS / "elections.csv")
    assert report.ok, report.summary()
    assert ElectionPhase.objects.filter(election__code="pilkada-2024").count() >= 10


IKP_HEADER = "region_code,year,band,score,source\n"


def run_ikp(text: str):
    return import_ikp(io.StringIO(IKP_HEADER + text))


def test_ikp_bands_are_imported_per_kabupaten_and_year_and_reimport_changes_nothing():
    text = '32.15,2024,Rawan Tinggi,"64,5",Bawaslu\n32.14,2024,sedang,,Bawaslu\n'
    assert run_ikp(text).created == 2
    karawang = IkpRating.objects.get(region_id="32.15")
    assert (karawang.band, str(karawang.score)) == ("tinggi", "64.50")
    again = run_ikp(text)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert run_ikp("32.15,2024,sedang,,Bawaslu\n").updated == 1


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        ("32.15.05,2024,tinggi,,", "region_code", "per kabupaten/kota, bukan 32.15.05 (Klari, kecamatan)"),
        ("99.99,2024,tinggi,,", "region_code", "tidak dikenal"),
        ("32.14,2024,parah,,", "band", "tidak dikenal"),
        ("32.14,1900,sedang,,", "year", "di luar rentang"),
        ("32.14,2024,sedang,120,", "score", "antara 0 dan 100"),
        ("32.15,2024,sedang,,", "region_code", "sudah ada di baris 2"),
    ],
)
def test_a_bad_ikp_row_stores_nothing(row, column, words):
    report = run_ikp("32.15,2024,tinggi,,\n" + row + "\n")
    assert [(e.row, e.column) for e in report.errors] == [(3, column)], report.summary()
    assert words in report.errors[0].message
    assert not IkpRating.objects.exists()


def test_the_sample_ikp_file_imports_cleanly():
    report = import_ikp(DOCS / "ikp.csv")
    assert report.ok, report.summary()
    assert IkpRating.objects.get(region_id="32.73").band == "rendah"
