"""`sejuk report` writes the file, with national rights or a named user's, and refuses what the web does."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from tests.dashboard.report_world import build

pytestmark = pytest.mark.django_db


def test_the_daily_report_is_written_to_the_file_asked_for(cast, tmp_path):
    build(cast)
    target = tmp_path / "klari.pdf"
    out = io.StringIO()
    call_command(
        "report", "daily", "--unit", "polsek-klari", "--date", "2024-11-28", "--output", target, stdout=out
    )
    assert target.read_bytes().startswith(b"%PDF") and str(target) in out.getvalue()


def test_without_output_the_file_is_named_after_the_report(cast, tmp_path, monkeypatch):
    build(cast)
    monkeypatch.chdir(tmp_path)
    call_command(
        "report",
        "weekly",
        "--unit=polres-karawang",
        "--date=2024-11-28",
        "--format=xlsx",
        stdout=io.StringIO(),
    )
    workbook = load_workbook(tmp_path / "laporan-mingguan-polres-karawang-2024-11-28.xlsx")
    assert workbook.sheetnames[:2] == ["Ringkasan", "Perbandingan"]


def test_english_on_request(cast, tmp_path):
    build(cast)
    target = tmp_path / "klari.xlsx"
    args = [
        "--unit=polsek-klari",
        "--date=2024-11-28",
        "--format=xlsx",
        "--language=en",
        f"--output={target}",
    ]
    call_command("report", "daily", *args, stdout=io.StringIO())
    assert load_workbook(target).sheetnames[0] == "Summary"


@pytest.mark.parametrize(
    "args",
    [
        ["daily", "--unit=polsek-klari", "--as=officer_b"],  # outside Cikampek's officer's jurisdiction
        ["daily", "--unit=polsek-atlantis"],
        ["daily", "--unit=polsek-klari", "--as=nobody"],
        ["daily", "--unit=polsek-klari", "--date=28/11/2024"],
        ["weekly", "--unit=polsek-klari"],  # weekly summaries are for Polres and Polda
    ],
)
def test_what_the_web_refuses_the_command_refuses(cast, tmp_path, args):
    with pytest.raises(CommandError):
        call_command("report", *args, f"--output={tmp_path / 'x'}", stdout=io.StringIO())
