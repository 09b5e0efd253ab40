"""The field officer's and the commander's path through the product in a real browser (#6):
file an activity on a 360 px phone, see it on the dashboard, drill down, open the map (no tiles:
shapes on a plain background), download the day's PDF report."""

from __future__ import annotations

import re

import pytest
from django.urls import NoReverseMatch, reverse

from tests.browser.conftest import PHONE

pytestmark = pytest.mark.browser


def _pdf_route_exists() -> bool:
    try:
        reverse("dashboard:daily_report_pdf")
    except NoReverseMatch:
        return False
    return True


def file_activity(page, base: str) -> int:
    """Fill the phone form as an officer would and submit it; returns the new activity's id."""
    page.goto(f"{base}/kegiatan/baru/")
    page.select_option("#id_activity_type", "sambang")
    page.select_option("#id_region", "32.15.05.2001")  # Desa Duren, Kecamatan Klari
    page.click("#gps")
    page.wait_for_function("document.getElementById('id_latitude').value !== ''")
    page.check("input[name=themes][value=jaga_kamtibmas]")
    page.fill("#id_narrative", "Sambang tokoh masyarakat Desa Duren, menjaga kondusifitas pasca Pilkada.")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scroll
    page.click("button[name=submit]")
    page.wait_for_url(re.compile(r"/kegiatan/\d+/$"))
    return int(page.url.rstrip("/").rsplit("/", 1)[1])


def test_an_officer_files_on_a_phone_and_finds_it_on_the_dashboard_and_the_map(page_for, live_server):
    base = live_server.url
    page = page_for(
        "officer_a", geolocation={"latitude": -6.3640, "longitude": 107.3540}, permissions=["geolocation"]
    )
    pk = file_activity(page, base)

    page.goto(f"{base}/")  # the dashboard home: Polsek Klari
    assert page.locator("h1").inner_text() == "Polsek Klari"
    assert page.locator(f"#latest-activities a[href='/kegiatan/{pk}/']").count() == 1
    assert page.locator("[data-count=activities-7]").inner_text() == "1"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.click("#below a[href='/dasbor/wilayah/32.15.05/']")  # drill down: the kecamatan
    page.wait_for_url(f"{base}/dasbor/wilayah/32.15.05/")
    assert page.locator(".crumbs a[href='/dasbor/satuan/polsek-klari/']").count() == 1
    page.click("#below a[href='/dasbor/wilayah/32.15.05.2001/']")  # and the desa
    page.wait_for_url(f"{base}/dasbor/wilayah/32.15.05.2001/")
    assert page.locator(f"#latest-activities a[href='/kegiatan/{pk}/']").count() == 1

    page.goto(f"{base}/dasbor/peta/?unit=polsek-klari")
    map_box = page.locator("#full-map")
    page.wait_for_function("document.getElementById('full-map').dataset.drawn !== undefined")
    assert int(map_box.get_attribute("data-drawn")) >= 2  # Klari's marker and the new activity
    assert map_box.get_attribute("data-count-activities") == "1"
    assert page.locator("#full-map path.leaflet-interactive").count() >= 2  # drawn as vectors
    assert page.locator("#full-map img.leaflet-tile").count() == 0  # no tiles at all
    assert "Klari" in page.locator("#map-table").inner_text()


@pytest.mark.skipif(
    not _pdf_route_exists(), reason="the daily report route (dashboard:daily_report_pdf) is not built yet"
)
def test_a_commander_downloads_the_days_pdf_from_the_dashboard(page_for, live_server):
    page = page_for("kapolsek_a", viewport={"width": 1280, "height": 900})
    link = page.locator("#daily-report-pdf")
    assert link.count() == 1
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
