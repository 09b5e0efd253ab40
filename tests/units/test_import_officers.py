import io
from pathlib import Path

import pytest

from sejuk.units.importers import import_units
from sejuk.units.models import Officer
from sejuk.units.officer_import import import_officers

HEADER = "nrp,name,rank,position,unit_code,desa_codes,phone,active\n"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "samples"


def run(text: str):
    return import_officers(io.StringIO(HEADER + text))


@pytest.mark.django_db
def test_an_officer_is_stored_with_titles_apart_rank_position_and_assigned_desa():
    report = run(
        '80000001,"Kopol H Andi Wijaya,SH",Kopol,Kanit Binmas Polsek Klari,polsek-klari,32.15.05.2002,'
        "0812-3456-7890,ya\n"
    )
    assert report.ok, report.summary()
    officer = Officer.objects.get(nrp="80000001")
    assert (officer.name, officer.front_titles, officer.degrees) == ("Andi Wijaya", "H.", "S.H.")
    assert (officer.rank_id, officer.position_id, officer.unit.code) == (
        "Kompol",
        "kanit_binmas",
        "polsek-klari",
    )
    assert list(officer.assigned_desa.values_list("code", flat=True)) == ["32.15.05.2002"]
    assert officer.phone == "+6281234567890"


@pytest.mark.django_db
def test_importing_the_same_officers_again_changes_nothing():
    text = "80000002,Budi,Bripka,Bhabinkamtibmas,polsek-klari,32.15.05.2003,,ya\n"
    run(text)
    second = run(text)
    assert (second.created, second.updated, second.unchanged) == (0, 0, 1)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        ("80000003,Budi,Kapten,,polsek-klari,,,ya", "rank", "Pangkat tidak dikenal: 'Kapten'"),
        ("8000003,Budi,Bripka,,polsek-klari,,,ya", "nrp", "8 angka"),
        ("80000003,Budi,Bripka,Juru Masak,polsek-klari,,,ya", "position", "Jabatan tidak dikenal"),
        ("80000003,Budi,Bripka,,polsek-entah,,,ya", "unit_code", "tidak ditemukan"),
        (
            "80000003,Budi,Bripka,Bhabinkamtibmas,polsek-klari,32.15.13.2001,,ya",
            "desa_codes",
            "di luar wilayah",
        ),
        ("80000003,Budi,Bripka,Bhabinkamtibmas,polsek-klari,32.15.05,,ya", "desa_codes", "Bukan kode desa"),
        ("80000003,Budi,Bripka,,polsek-klari,,12,ya", "phone", "tidak sah"),
        ("80000003,Budi,Bripka,,polsek-klari,,,mungkin", "active", "ya"),
        ("80000003,,Bripka,,polsek-klari,,,ya", "name", "wajib"),
    ],
)
def test_a_bad_officer_row_is_reported_and_nothing_is_stored(row, column, words):
    before = Officer.objects.count()
    report = run("80000009,Sah Sekali,Bripda,,polsek-klari,,,ya\n" + row + "\n")
    assert [(e.row, e.column) for e in report.errors] == [(3, column)]
    assert words in report.errors[0].message
    assert Officer.objects.count() == before


@pytest.mark.django_db
def test_a_duplicate_nrp_in_the_file_is_refused():
    report = run("80000004,Satu,Bripda,,polsek-klari,,,ya\n80000004,Dua,Bripda,,polsek-klari,,,ya\n")
    assert [(e.row, e.column) for e in report.errors] == [(3, "nrp")]
    assert not Officer.objects.filter(nrp="80000004").exists()


@pytest.mark.django_db
def test_the_sample_files_in_the_docs_import_cleanly():
    assert import_units(DOCS / "units.csv").ok
    report = import_officers(DOCS / "officers.csv")
    assert report.ok, report.summary()
