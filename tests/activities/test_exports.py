"""Exports: who may download what, personal columns and their audit, formats, streaming, query counts."""

import csv
import io
from datetime import UTC, datetime

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from openpyxl import load_workbook

from sejuk.activities import services
from sejuk.activities.exports import local_time
from sejuk.figures.models import Figure
from sejuk.regions.models import Region
from tests.activities.helpers import make_figure, seed_visit
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

EXPORTS = ["kegiatan.csv", "kegiatan.xlsx", "tokoh.csv", "tokoh.xlsx"]


def visit(user, figures, when, **extra):
    data = seed_visit(
        figure_ids=[f.pk for f in figures], occurred_at=when, region_code=figures[0].home_region_id
    )
    for name, value in extra.items():
        setattr(data, name, value)
    activity, _ = services.record_activity(user, data)
    services.submit_activity(user, activity)
    return activity


@pytest.fixture
def area(cast):
    klari = make_figure(
        "H. Arif Kuspriyadi",
        "32.15.05.2001",
        phone="+6281234500000",
        address="Jl. Contoh 1",
        alignment="aligned",
        aligned_with="Paslon 2",
    )
    cikampek = make_figure("Ustadz Cikampek", "32.15.13.2001", kind="tokoh_agama", religion="islam")
    visit(cast["officer_a"], [klari], datetime(2024, 11, 28, 10, 0))
    visit(cast["officer_a"], [klari], datetime(2024, 10, 1, 8, 30), narrative='=HYPERLINK("http://x")')
    visit(cast["officer_b"], [cikampek], datetime(2024, 11, 29, 9, 0))
    return {"klari": klari, "cikampek": cikampek}


def csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def xlsx_rows(response) -> list[list]:
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


def get(user, name, query=""):
    return client_for(user).get(f"/kegiatan/ekspor/{name}{query}")


def test_the_activity_csv_streams_with_indonesian_headers_and_local_times(cast, area):
    response = get(cast["officer_a"], "kegiatan.csv")
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"].startswith("text/csv") and "attachment" in response["Content-Disposition"]
    header, *rows = csv_rows(response)
    assert header[:4] == ["ID kegiatan", "Waktu", "Jenis kegiatan", "Status"]
    assert [r[1] for r in rows] == ["01/10/2024 08:30 WIB", "28/11/2024 10:00 WIB"]
    assert rows[1][2:4] == ["Sambang", "Dikirim"] and rows[1][15] == "Formulir web"
    assert "H. Arif Kuspriyadi" in rows[1][8] and "Bripka Tes Bhabin A" in rows[1][7]


def test_text_that_looks_like_a_formula_is_neutralised(cast, area):
    rows = csv_rows(get(cast["officer_a"], "kegiatan.csv"))
    assert rows[1][14].startswith("'=HYPERLINK")
    workbook = load_workbook(io.BytesIO(b"".join(get(cast["officer_a"], "kegiatan.xlsx").streaming_content)))
    cell = workbook.active["O2"]
    assert cell.value.startswith("=HYPERLINK") and cell.data_type == "s"


def test_the_activity_xlsx_opens_with_the_expected_rows(cast, area):
    response = get(cast["kapolres"], "kegiatan.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    header, *rows = xlsx_rows(response)
    assert header[1] == "Waktu" and len(rows) == 3
    assert [r[5] for r in rows] == ["32.15.05.2001", "32.15.05.2001", "32.15.13.2001"]


def test_date_and_area_filters_narrow_the_activity_export(cast, area):
    rows = csv_rows(get(cast["kapolres"], "kegiatan.csv", "?date_from=2024-11-01&date_to=2024-11-28"))[1:]
    assert [r[1] for r in rows] == ["28/11/2024 10:00 WIB"]
    rows = csv_rows(get(cast["kapolres"], "kegiatan.csv", "?area=32.15.13"))[1:]
    assert [r[5] for r in rows] == ["32.15.13.2001"]


def test_bad_filters_get_400(cast, area):
    assert (
        get(cast["kapolres"], "kegiatan.csv", "?date_from=2024-12-01&date_to=2024-11-01").status_code == 400
    )
    assert get(cast["kapolres"], "kegiatan.csv", "?date_from=kemarin").status_code == 400


def test_officer_b_gets_no_klari_rows_and_cannot_ask_for_klari(cast, area):
    rows = csv_rows(get(cast["officer_b"], "kegiatan.csv"))[1:]
    assert [r[5] for r in rows] == ["32.15.13.2001"]
    figures = csv_rows(get(cast["officer_b"], "tokoh.csv"))[1:]
    assert [r[1] for r in figures] == ["Ustadz Cikampek"]
    assert get(cast["officer_b"], "kegiatan.csv", "?area=32.15.05").status_code == 400


def test_officer_of_purwakarta_exports_nothing_of_karawang(cast, area):
    assert csv_rows(get(cast["officer_purwakarta"], "kegiatan.csv"))[1:] == []
    assert xlsx_rows(get(cast["officer_purwakarta"], "tokoh.xlsx"))[1:] == []


def test_the_analyst_exports_figures_without_personal_data_or_alignment(cast, area):
    before = LogEntry.objects.filter(action=LogEntry.Action.ACCESS).count()
    response = get(cast["analyst"], "tokoh.csv")
    header, *rows = csv_rows(response)
    assert "Telepon" not in header and "Alamat" not in header and "Keberpihakan" not in header
    assert len(rows) == 2
    text = "".join(",".join(r) for r in rows)
    assert "+6281234500000" not in text and "Paslon 2" not in text
    assert LogEntry.objects.filter(action=LogEntry.Action.ACCESS).count() == before


def test_the_administrator_gets_personal_columns_and_each_figure_read_is_audited(cast, area):
    response = get(cast["admin"], "tokoh.xlsx")
    header, *rows = xlsx_rows(response)
    assert header[-5:] == ["Telepon", "Alamat", "Keberpihakan", "Berpihak kepada", "Sumber keberpihakan"]
    arif = next(r for r in rows if r[1] == "H. Arif Kuspriyadi")
    assert arif[13:15] == ["+6281234500000", "Jl. Contoh 1"] and arif[16] == "Paslon 2"
    assert arif[11] == 2 and arif[12] == "28/11/2024 10:00 WIB"
    entries = LogEntry.objects.filter(
        action=LogEntry.Action.ACCESS, content_type=ContentType.objects.get_for_model(Figure)
    )
    assert {e.object_id for e in entries} == {area["klari"].pk, area["cikampek"].pk}
    assert {e.actor.username for e in entries} == {"admin"}


def test_the_figure_export_counts_engagements_in_the_period(cast, area):
    rows = csv_rows(get(cast["officer_a"], "tokoh.csv", "?date_from=2024-11-01"))[1:]
    assert [(r[1], r[11], r[12]) for r in rows] == [("H. Arif Kuspriyadi", "1", "28/11/2024 10:00 WIB")]


@pytest.mark.parametrize("name", EXPORTS)
def test_humas_may_not_export(cast, name):
    assert get(cast["humas"], name).status_code == 403


@pytest.mark.parametrize("name", EXPORTS)
def test_anonymous_visitors_are_sent_to_the_login_page(client, name):
    response = client.get(f"/kegiatan/ekspor/{name}")
    assert response.status_code == 302 and "/masuk/" in response["Location"]


@pytest.mark.parametrize("name", EXPORTS)
def test_the_auditor_may_export(cast, area, name):
    assert get(cast["auditor"], name).status_code == 200


def test_times_are_shown_in_the_zone_of_the_place():
    bali = Region.objects.get(code="51.03")
    moment = datetime(2024, 11, 28, 2, 0, tzinfo=UTC)
    assert local_time(moment, bali) == "28/11/2024 10:00 WITA"
    assert local_time(moment, Region.objects.get(code="32.15")) == "28/11/2024 09:00 WIB"
    assert local_time(None, bali) == ""


def _populate(cast, size):
    figures = [make_figure(f"Tokoh {i}", "32.15.05.2002") for i in range(size)]
    for i in range(size):
        visit(cast["officer_a"], figures[i : i + 2], datetime(2024, 11, 1 + i, 9, 0))


@pytest.mark.parametrize("size", [2, 12])
def test_exports_take_a_fixed_number_of_queries_below_one_chunk(cast, size, django_assert_num_queries):
    _populate(cast, size)
    client = client_for(cast["kapolres"])
    # session, user, unit, unit areas, zone, activities, officers, ranks, figures, themes
    with django_assert_num_queries(10):
        rows = csv_rows(client.get("/kegiatan/ekspor/kegiatan.csv"))
    assert len(rows) == size + 1
    # session, user, unit, unit areas, zone, figures with their engagement
    with django_assert_num_queries(6):
        rows = csv_rows(client.get("/kegiatan/ekspor/tokoh.csv"))
    assert len(rows) == size + 1
