import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sejuk.incidents.importers import import_incidents
from sejuk.incidents.models import Incident

pytestmark = pytest.mark.django_db
SAMPLE = Path(__file__).resolve().parents[2] / "docs" / "samples" / "incidents.csv"
HEADER = (
    ",".join(
        ["ref", "type", "severity", "source", "region_code", "occurred_at", "description"]
        + ["dead", "injured", "verified", "resolved", "resolved_on"]
    )
    + "\n"
)


def run(rows: str):
    return import_incidents(io.StringIO(HEADER + rows))


def test_the_sample_imports_and_a_second_run_changes_nothing():
    first = import_incidents(SAMPLE)
    assert first.ok and first.created == 3, first.summary()
    clash = Incident.objects.get(idempotency_key="import:MON-2024-0130")
    assert (clash.status, clash.severity, clash.injured, clash.buildings_damaged) == (
        "resolved",
        "gangguan_nyata",
        3,
        1,
    )
    assert clash.occurred_at.isoformat() == "2024-12-04T08:30:00+00:00" and clash.reported_by is None
    money = Incident.objects.get(idempotency_key="import:MON-2024-0121")
    assert money.status == "verified" and money.occurred_at.hour == 5  # 12:00 WIB: a date alone is noon
    second = import_incidents(SAMPLE)
    assert (second.created, second.unchanged) == (0, 3)
    assert Incident.objects.count() == 3


def test_short_forms_semicolons_and_indonesian_dates_are_understood():
    text = (
        "ref;type;severity;region_code;occurred_at;description\n"
        "X-1;Money-Politics;GN;32.15.05;27/11/2024 07:15;Serangan fajar.\n"
    )
    report = import_incidents(io.StringIO(text))
    assert report.ok, report.summary()
    incident = Incident.objects.get()
    assert (incident.incident_type, incident.severity, incident.source) == (
        "money_politics",
        "gangguan_nyata",
        "media",
    )


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        ("A,riot,pg,media,32.15.05,2024-11-28 10:00,x,0,0,,,\n", "type", "Jenis insiden tidak dikenal"),
        ("A,hoax,gawat,media,32.15.05,2024-11-28 10:00,x,0,0,,,\n", "severity", "Tingkat gangguan"),
        ("A,hoax,pg,gossip,32.15.05,2024-11-28 10:00,x,0,0,,,\n", "source", "Sumber tidak dikenal"),
        ("A,hoax,pg,media,99.99.99,2024-11-28 10:00,x,0,0,,,\n", "region_code", "tidak dikenal"),
        ("A,hoax,pg,media,32.15,2024-11-28 10:00,x,0,0,,,\n", "region_code", "bukan satu kabupaten"),
        ("A,hoax,pg,media,32.15.05,28 Nov 2024,x,0,0,,,\n", "occurred_at", "tidak terbaca"),
        ("A,hoax,pg,media,32.15.05,2024-11-28 25:00,x,0,0,,,\n", "occurred_at", "tidak terbaca"),
        ("A,hoax,pg,media,32.15.05,2099-01-01 10:00,x,0,0,,,\n", "occurred_at", "masa depan"),
        ("A,hoax,pg,media,32.15.05,2024-11-28 10:00,,0,0,,,\n", "description", "Uraikan"),
        ("A,hoax,pg,media,32.15.05,2024-11-28 10:00,x,-1,0,,,\n", "dead", "bilangan bulat"),
        ("A,hoax,pg,media,32.15.05,2024-11-28 10:00,x,0,dua,,,\n", "injured", "bilangan bulat"),
        ("A,hoax,pg,media,32.15.05,2024-11-28 10:00,x,0,0,mungkin,,\n", "verified", "'ya' atau 'tidak'"),
        ("A,hoax,pg,media,32.15.05,2024-11-28 10:00,x,0,0,tidak,ya,\n", "resolved", "terverifikasi"),
        ("A,hoax,pg,media,32.15.05,2024-11-28 10:00,x,0,0,ya,ya,2024-11-01\n", "resolved_on", "sebelum"),
        ("A,hoax,pg,media,32.15.05,2024-11-28 10:00,x,0,0,ya,ya,kemarin\n", "resolved_on", "tidak terbaca"),
        (",hoax,pg,media,32.15.05,2024-11-28 10:00,x,0,0,,,\n", "ref", "wajib"),
    ],
)
def test_a_bad_row_is_named_by_row_and_column_and_nothing_is_stored(row, column, words):
    good = "OK-1,hoax,pg,media,32.15.05,2024-11-28 09:00,Hoaks.,0,0,ya,,\n"
    report = run(good + row)
    assert not report.ok and report.created == 0
    messages = [str(e) for e in report.errors if e.row == 3 and e.column == column]
    assert messages and words in " ".join(messages), report.summary()
    assert not Incident.objects.exists()


def test_a_ref_twice_in_one_file_is_an_error():
    row = "R-1,hoax,pg,media,32.15.05,2024-11-28 09:00,Hoaks.,0,0,,,\n"
    report = run(row + row)
    assert [(e.row, e.column) for e in report.errors] == [(3, "ref")]


def test_a_missing_column_is_reported_on_the_header_row():
    report = import_incidents(io.StringIO("ref,type,region_code\nA,hoax,32.15.05\n"))
    assert {(e.row, e.column) for e in report.errors} == {
        (1, "severity"),
        (1, "occurred_at"),
        (1, "description"),
    }


def test_the_command_reports_errors_in_indonesian_and_fails(tmp_path):
    bad = tmp_path / "incidents.csv"
    bad.write_text(HEADER + "A,riot,pg,media,32.15.05,2024-11-28 10:00,x,0,0,,,\n")
    with pytest.raises(CommandError, match="Baris 2, kolom 'type'"):
        call_command("import_incidents", str(bad))
    call_command("import_incidents", str(SAMPLE))
    assert Incident.objects.count() == 3
