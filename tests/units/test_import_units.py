import io
from pathlib import Path

import pytest

from sejuk.units.importers import import_units
from sejuk.units.models import Unit

HEADER = "code,kind,name,short_name,parent_code,area_codes\n"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "samples"


def run(text: str):
    return import_units(io.StringIO(HEADER + text))


@pytest.mark.django_db
def test_a_valid_file_creates_units_with_their_area_and_place_in_the_tree():
    report = run(
        "polsek-pedes,polsek,Pedes,,polres-karawang,32.15.10\n"
        "polsek-batujaya,polsek,Batujaya,,polres-karawang,32.15.08;32.15.09\n"
    )
    assert report.ok, report.summary()
    assert report.created == 2
    batujaya = Unit.objects.get(code="polsek-batujaya")
    assert batujaya.area_codes() == ("32.15.08", "32.15.09")
    assert batujaya.path == "/mabes/polda-jabar/polres-karawang/polsek-batujaya/"
    assert batujaya.level == "polsek"
    assert str(batujaya) == "Polsek Batujaya"


@pytest.mark.django_db
def test_importing_the_same_file_twice_changes_nothing():
    text = "polsek-pedes,polsek,Pedes,,polres-karawang,32.15.10\n"
    run(text)
    second = run(text)
    assert (second.created, second.updated, second.unchanged) == (0, 0, 1)


@pytest.mark.django_db
def test_a_second_import_updates_names_and_areas():
    run("polsek-pedes,polsek,Pedes,,polres-karawang,32.15.10\n")
    report = run("polsek-pedes,polsekta,Pedes Kota,,polres-karawang,32.15.10;32.15.11\n")
    assert report.updated == 1
    unit = Unit.objects.get(code="polsek-pedes")
    assert (unit.kind, unit.name, unit.area_codes()) == ("polsekta", "Pedes Kota", ("32.15.10", "32.15.11"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        ("polsek-x,polsek,X,,polres-karawang,32.15.99", "area_codes", "tidak dikenal"),
        ("polsek-x,polsek,X,,polres-karawang,32.14.01", "area_codes", "di luar wilayah satuan induk"),
        ("polsek-x,kodim,X,,polres-karawang,32.15.10", "kind", "Jenis satuan"),
        ("polsek-x,polsek,X,,polres-tidak-ada,32.15.10", "parent_code", "tidak ditemukan"),
        ("polsek-x,polsek,X,,polda-jabar,32.15.10", "parent_code", "harus polres"),
        ("Polsek X!,polsek,X,,polres-karawang,32.15.10", "code", "tidak sah"),
        ("polsek-x,polsek,,,polres-karawang,32.15.10", "name", "wajib"),
        ("polsek-x,polsek,X,,polres-karawang,", "area_codes", "wajib"),
    ],
)
def test_a_bad_row_is_reported_by_row_and_column_in_indonesian_and_nothing_is_stored(row, column, words):
    before = Unit.objects.count()
    report = run("polsek-ok,polsek,Ok,,polres-karawang,32.15.20\n" + row + "\n")
    assert not report.ok
    error = report.errors[0]
    assert (error.row, error.column) == (3, column)
    assert words in error.message
    assert "Baris 3" in report.summary() and "tidak ada data yang disimpan" in report.summary()
    assert Unit.objects.count() == before


@pytest.mark.django_db
def test_a_code_repeated_in_the_file_is_an_error():
    report = run("polsek-x,polsek,X,,polres-karawang,32.15.10\npolsek-x,polsek,Y,,polres-karawang,32.15.11\n")
    assert [e.column for e in report.errors] == ["code"]
    assert not Unit.objects.filter(code="polsek-x").exists()


@pytest.mark.django_db
def test_a_file_with_a_missing_column_or_no_rows_is_refused():
    assert import_units(io.StringIO("code,name\nx,y\n")).errors[0].column == "kind"
    assert not import_units(io.StringIO("")).ok
    assert not import_units(io.StringIO(HEADER)).ok


@pytest.mark.django_db
def test_semicolon_separated_files_from_excel_are_accepted():
    report = import_units(
        io.StringIO(HEADER.replace(",", ";") + "polsek-pedes;polsek;Pedes;;polres-karawang;32.15.10\n")
    )
    assert report.ok, report.summary()


@pytest.mark.django_db
def test_the_sample_file_in_the_docs_imports_cleanly():
    report = import_units(DOCS / "units.csv")
    assert report.ok, report.summary()
    assert report.created + report.updated + report.unchanged > 3
