"""Daily and weekly reports: content, PDF and XLSX downloads, access with the cast, fixed query counts."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from sejuk.dashboard.reports import pdf
from sejuk.dashboard.reports.data import daily_report
from sejuk.dashboard.reports.weekly import weekly_report
from tests.conftest import client_for
from tests.dashboard.report_world import DAY, PARTISAN, build, visit

pytestmark = pytest.mark.django_db
DAILY = "/dasbor/laporan/harian"
WEEKLY = "/dasbor/laporan/mingguan"
QUERY = "?unit=polsek-klari&date=2024-11-28"


@pytest.fixture
def world(cast):
    return build(cast)


def pdf_text(content: bytes) -> str | None:
    """The PDF's text if a reader is at hand (pdftotext or pypdf), else None: CI may have neither."""
    if shutil.which("pdftotext"):
        run = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True)
        return run.stdout.decode()
    try:
        from pypdf import PdfReader
    except ImportError:
        return None
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_daily_report_holds_the_days_facts(cast, world):
    report = daily_report(cast["kapolsek_a"], "polsek-klari", DAY)
    html = pdf.render_html(pdf.DAILY_TEMPLATE, report)
    assert "Polsek Klari · Polres Karawang · Polda Jabar" in html
    assert "Kamis, 28 November 2024" in html
    assert (report.activities.total, report.activities.figures) == (2, 2)  # the draft is not counted
    assert [(code, n) for code, _label, n in report.activities.by_type] == [("dialog", 1), ("sambang", 1)]
    assert [line.time for line in report.activities.lines] == ["28/11/2024 10:00 WIB", "28/11/2024 14:00 WIB"]
    assert "H. Arif Kuspriyadi" in html and "Laporan situasi harian" in html
    assert (report.incidents.new, report.incidents.open, report.incidents.resolved) == (1, 1, 0)
    assert report.incidents.lines[0].reference == world.incident.reference
    assert report.temperature.day == DAY and report.temperature.hottest[0].code == "32.15.05"
    assert report.coverage.counts.figures == 2 and len(report.coverage.to_visit) == 2
    assert [sentence for _r, sentence, _why in report.neutrality.wording] == [PARTISAN]
    assert "<svg" in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")


def test_the_routes_are_named_and_live_under_dasbor():
    assert reverse("dashboard:daily_report_pdf") == f"{DAILY}.pdf"
    assert reverse("dashboard:weekly_report_xlsx") == f"{WEEKLY}.xlsx"


def test_the_pdf_download_is_a_pdf_with_the_unit_and_the_date(cast, world):
    response = client_for(cast["kapolsek_a"]).get(f"{DAILY}.pdf{QUERY}")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert 'filename="laporan-harian-polsek-klari-2024-11-28.pdf"' in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    if text is not None:
        assert "Polsek Klari" in text and "28 November 2024" in text


def trimmed(row) -> list:
    cells = list(row)
    while cells and cells[-1] is None:
        cells.pop()
    return cells


def sheets(response) -> dict[str, list[list]]:
    workbook = load_workbook(io.BytesIO(response.content))
    return {ws.title: [trimmed(r) for r in ws.iter_rows(values_only=True)] for ws in workbook.worksheets}


def test_the_xlsx_download_has_one_sheet_per_section(cast, world):
    response = client_for(cast["kapolsek_a"]).get(f"{DAILY}.xlsx{QUERY}")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxml")
    book = sheets(response)
    assert list(book) == ["Ringkasan", "Suhu", "Kegiatan", "Insiden", "Cakupan", "Netralitas"]
    assert ["Kegiatan", 2] in book["Ringkasan"] and book["Ringkasan"][0] == ["Laporan situasi harian"]
    assert [row[1] for row in book["Kegiatan"] if row and row[0] in (world.activities["visit"].pk,)] == [
        "28/11/2024 10:00 WIB"
    ]
    assert any(row[0] == world.incident.reference for row in book["Insiden"] if row)


def test_an_english_reader_gets_an_english_document(cast, world):
    client = client_for(cast["kapolsek_a"])
    client.cookies["django_language"] = "en"
    assert list(sheets(client.get(f"{DAILY}.xlsx{QUERY}")))[:2] == ["Summary", "Temperature"]
    with translation.override("en"):
        report = daily_report(cast["kapolsek_a"], "polsek-klari", DAY)
        html = pdf.render_html(pdf.DAILY_TEMPLATE, report)
    assert report.header.date_text == "Thursday, 28 November 2024" and "Daily situation report" in html
    assert report.activities.by_type[0][1] == "Dialogue"


@pytest.mark.parametrize(
    ("username", "status"),
    [
        ("officer_a", 200),
        ("kapolsek_a", 200),
        ("kapolres", 200),
        ("analyst", 200),
        ("humas", 200),
        ("auditor", 200),
        ("admin", 200),
        ("officer_b", 404),  # Cikampek's officer may not read Klari
        ("officer_purwakarta", 404),
        (None, 302),  # to the login page
    ],
)
def test_who_may_download_the_klari_report(cast, world, username, status):
    user = cast[username] if username else None
    assert client_for(user).get(f"{DAILY}.xlsx{QUERY}").status_code == status


def test_a_polsek_commander_may_not_read_the_polres_report(cast, world):
    response = client_for(cast["kapolsek_a"]).get(f"{DAILY}.xlsx?unit=polres-karawang&date=2024-11-28")
    assert response.status_code == 404
    unknown = client_for(cast["kapolsek_a"]).get(f"{DAILY}.xlsx?unit=polsek-atlantis&date=2024-11-28")
    assert unknown.status_code == 404


@pytest.mark.parametrize("query", ["?date=2024-11-28", "?unit=polsek-klari&date=28-11-2024"])
def test_a_missing_unit_or_a_bad_date_is_a_bad_request(cast, query):
    assert client_for(cast["kapolsek_a"]).get(f"{DAILY}.pdf{query}").status_code == 400


def test_the_weekly_summary_is_refused_for_a_polsek(cast, world):
    response = client_for(cast["kapolres"]).get(f"{WEEKLY}.pdf{QUERY}")
    assert response.status_code == 400
    assert "Polres" in response.content.decode() and "Polsek Klari" in response.content.decode()


def test_the_weekly_summary_of_a_polres_compares_its_polsek(cast, world):
    client = client_for(cast["kapolres"])
    query = "?unit=polres-karawang&date=2024-11-28"
    response = client.get(f"{WEEKLY}.pdf{query}")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    book = sheets(client.get(f"{WEEKLY}.xlsx{query}"))
    assert list(book)[:2] == ["Ringkasan", "Perbandingan"]
    comparison = book["Perbandingan"]
    assert comparison[1][:3] == ["Kegiatan", 4, 0]  # this week against the week before, in the area
    units = [row[0] for row in comparison if row and str(row[0]).startswith("Polsek")]
    assert {"Polsek Klari", "Polsek Cikampek"} <= set(units)
    report = weekly_report(cast["kapolres"], "polres-karawang", DAY)
    assert report.header.period_text == "22/11/2024 – 28/11/2024"
    assert "<svg" in report.per_day and report.activities.lines == []
    rows = {name: [(c.current, c.previous) for c in comparisons] for name, comparisons in report.score_rows()}
    # Klari this week: three activities, two figures, the clash; nothing the week before.
    assert rows["Polsek Klari"][:3] == [(3, 0), (2, 0), (1, 0)]
    assert rows["Polsek Cikampek"][:2] == [(1, 0), (1, 0)]


def test_the_daily_report_takes_the_same_queries_however_many_records(cast, world):
    user = cast["kapolsek_a"]
    with CaptureQueriesContext(connection) as first:
        daily_report(user, "polsek-klari", DAY)
    for hour in (7, 8, 9):
        visit(cast["officer_a"], [world.figures["neutral"]], dt.datetime(2024, 11, 28, hour, 0))
    with CaptureQueriesContext(connection) as second:
        daily_report(user, "polsek-klari", DAY)
    # unit and area (3), header (2), temperature (6), activities (5: the lines' officers and figures,
    # not their themes), incidents (3), coverage (3: daily rows, engagement store, whom to visit),
    # neutrality (4: the balance, then the report's own narratives; not the panel's text reviews,
    # which the report does not show)
    assert len(second) == len(first) == 26


def test_reports_fetch_nothing_from_the_network_or_the_disk():
    with pytest.raises(pdf.RefusedURL):
        pdf.html_to_pdf('<p>x</p><img src="http://127.0.0.1:9/x.png">')
    with pytest.raises(pdf.RefusedURL):
        pdf.html_to_pdf('<link rel="stylesheet" href="file:///etc/passwd">')
    pixel = "data:image/gif;base64,R0lGODlhAQABAAAAACw="
    assert pdf.html_to_pdf(f'<img src="{pixel}">').startswith(b"%PDF")


def test_a_report_made_for_the_pdf_reads_only_the_lines_it_prints_and_counts_the_rest(cast, world):
    full = daily_report(cast["kapolsek_a"], "polsek-klari", DAY)
    short = daily_report(cast["kapolsek_a"], "polsek-klari", DAY, list_limit=1)
    assert (full.activities.total, len(full.activities.lines)) == (2, 2)
    assert (short.activities.total, len(short.activities.lines)) == (2, 1)
    assert short.activities.lines[0] == full.activities.lines[0]
    assert short.coverage == full.coverage and short.incidents.new == full.incidents.new
