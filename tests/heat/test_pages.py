"""Temperature pages and API: what each member of the fixed cast may open, and what it shows."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sejuk.heat.models import Notification
from sejuk.heat.services import recompute_day
from sejuk.regions.models import Region
from tests.conftest import client_for
from tests.heat.test_adapter import CAMPAKA, CIKAMPEK, CODES, DAY, KLARI, build_world

pytestmark = pytest.mark.django_db
ON = f"?date={DAY.isoformat()}"
EVERYONE = ("officer_a", "kapolsek_a", "kapolres", "officer_b", "analyst", "humas", "auditor", "admin")
EVERYONE += ("officer_purwakarta",)
KARAWANG_ALL = {"kapolres", "analyst", "humas", "auditor", "admin"}


@pytest.fixture
def history(cast):
    build_world()
    for back in (2, 1, 0):
        recompute_day(DAY - dt.timedelta(days=back), codes=CODES, notify=False)
    return cast


def status(user, url: str) -> int:
    return client_for(user).get(url).status_code


@pytest.mark.parametrize(
    ("code", "allowed"),
    [
        (KLARI, {"officer_a", "kapolsek_a"} | KARAWANG_ALL),
        (CIKAMPEK, {"officer_b"} | KARAWANG_ALL),
        ("32.15", KARAWANG_ALL),
        ("32", {"auditor", "admin"}),
        (CAMPAKA, {"officer_purwakarta", "auditor", "admin"}),
    ],
)
def test_an_area_page_and_its_api_open_only_inside_the_jurisdiction(history, code, allowed):
    for name in EVERYONE:
        user = history[name]
        expected = 200 if name in allowed else 404
        assert status(user, f"/suhu/{code}/{ON}") == expected, name
        assert status(user, f"/api/v1/heat/{code}{ON}") == expected, name
    assert status(None, f"/suhu/{code}/") == 302
    assert status(None, f"/api/v1/heat/{code}") == 401


def test_an_unknown_or_desa_code_is_not_found(history):
    for code in ("99.99.99", "32.15.05.2001", "bukan-kode"):
        assert status(history["admin"], f"/suhu/{code}/") == 404


def test_the_list_shows_each_user_their_own_kecamatan_hottest_first(history):
    for name in EVERYONE:
        assert status(history[name], f"/suhu/{ON}") == 200
    assert status(None, "/suhu/") == 302
    page = client_for(history["kapolres"]).get(f"/suhu/{ON}").content.decode()
    assert page.index(f"/suhu/{KLARI}/") < page.index(f"/suhu/{CIKAMPEK}/")
    assert "/suhu/32.15/" in page and "Polres Karawang" in page and CAMPAKA not in page
    own = client_for(history["officer_b"]).get(f"/suhu/{ON}").content.decode()
    assert f"/suhu/{CIKAMPEK}/" in own and f"/suhu/{KLARI}/" not in own


def test_a_national_user_sees_indonesia_and_a_user_without_a_unit_sees_nothing(history):
    from sejuk.accounts.models import User

    root = User.objects.create_superuser("root", "root@polri.example", "x")
    page = client_for(root).get(f"/suhu/{ON}").content.decode()
    assert "Indonesia" in page and f"/suhu/{KLARI}/" in page and f"/suhu/{CAMPAKA}/" in page
    loose = User.objects.create_user("tanpa-satuan", password="x", role="commander")
    assert status(loose, f"/suhu/{ON}") == 200 and status(loose, f"/suhu/{KLARI}/") == 404


def test_the_list_falls_back_to_the_latest_day_with_values(history):
    page = client_for(history["officer_a"]).get("/suhu/?date=2025-01-10").content.decode()
    assert "28/11/2024" in page and f"/suhu/{KLARI}/" in page


def test_a_kecamatan_page_explains_its_value_and_draws_its_history(history):
    page = client_for(history["officer_a"]).get(f"/suhu/{KLARI}/{ON}").content.decode()
    chart = page[page.index('<div class="heat-chart-box">') : page.index("</svg>")]
    assert "<svg" in chart and "<script" not in chart and "stroke-dasharray" in chart  # no JS, no CDN
    assert "Kerawanan dasar (IKP Bawaslu)" in page and "Insiden terverifikasi" in page
    assert "Pendinginan: pelibatan tokoh" in page
    assert page.count('<circle cx="') == 3  # three days of history


def test_a_kabupaten_page_shows_its_hottest_kecamatan_and_why(history):
    page = client_for(history["kapolres"]).get(f"/suhu/32.15/{ON}").content.decode()
    assert "Klari" in page and "Cikampek" in page and "Insiden terverifikasi" in page
    assert page.count("<polyline") == 2  # the hottest and the mean


def test_the_api_lists_only_what_the_user_may_see(history):
    def codes(name: str, level: str = "kecamatan") -> list[str]:
        response = client_for(history[name]).get(f"/api/v1/heat{ON}&level={level}")
        assert response.status_code == 200
        return [item["code"] for item in response.json()["items"]]

    assert codes("officer_b") == [CIKAMPEK]
    assert codes("kapolres") == [KLARI, CIKAMPEK]
    assert codes("officer_purwakarta") == [CAMPAKA]
    assert codes("officer_a", "kabupaten") == [] and codes("kapolres", "kabupaten") == ["32.15"]
    assert codes("kapolsek_a", "unit") == ["polsek-klari"]
    assert set(codes("kapolres", "unit")) == {"polres-karawang", "polsek-klari", "polsek-cikampek"}
    assert codes("auditor", "nation") == []
    assert client_for(None).get("/api/v1/heat").status_code == 401


def test_the_api_area_carries_value_parts_and_history(history):
    data = client_for(history["kapolres"]).get(f"/api/v1/heat/{KLARI}{ON}").json()
    assert data["date"] == DAY.isoformat() and data["parts_of"] == KLARI
    assert round(sum(p["points"] for p in data["parts"]), 1) == data["value"]
    assert [h["date"] for h in data["history"]][-1] == DAY.isoformat() and len(data["history"]) == 3
    kabupaten = client_for(history["kapolres"]).get(f"/api/v1/heat/32.15{ON}").json()
    assert kabupaten["summary"]["hottest_code"] == KLARI and kabupaten["parts_of"] == KLARI
    assert kabupaten["value"] == data["value"]


def test_the_api_list_costs_the_same_queries_for_more_areas(history):
    user = history["kapolres"]
    counts = []
    for codes in (
        CODES,
        list(Region.objects.filter(level=3, code__startswith="32.15.").values_list("code", flat=True)),
    ):
        recompute_day(DAY, codes=codes, notify=False)
        with CaptureQueriesContext(connection) as queries:
            assert client_for(user).get(f"/api/v1/heat{ON}").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_notifications_are_listed_opened_and_read_by_their_own_user_only(history):
    mine = Notification.objects.create(
        user=history["kapolsek_a"],
        kind="band_rose",
        title="Suhu Klari naik ke Panas",
        body="…",
        area_code=KLARI,
        day=DAY,
    )
    assert (
        "Suhu Klari naik ke Panas" in client_for(history["kapolsek_a"]).get("/notifikasi/").content.decode()
    )
    assert "Suhu Klari" not in client_for(history["officer_b"]).get("/notifikasi/").content.decode()
    assert client_for(history["officer_b"]).post(f"/notifikasi/{mine.pk}/buka/").status_code == 404
    assert client_for(None).get("/notifikasi/").status_code == 302
    response = client_for(history["kapolsek_a"]).post(f"/notifikasi/{mine.pk}/buka/")
    assert response.status_code == 302 and response.url == f"/suhu/{KLARI}/{ON}"
    mine.refresh_from_db()
    assert mine.read_at is not None
    Notification.objects.filter(pk=mine.pk).update(read_at=None)
    assert client_for(history["kapolsek_a"]).post("/notifikasi/baca-semua/").status_code == 302
    assert Notification.objects.restrict(history["kapolsek_a"]).unread().count() == 0
    assert client_for(history["kapolsek_a"]).get("/notifikasi/baca-semua/").status_code == 405


def test_only_a_national_administrator_changes_the_settings_and_only_to_valid_ones(history):
    from sejuk.accounts.models import User
    from sejuk.heat.models import HeatSettings

    url = "/admin/heat/heatsettings/add/"
    assert status(history["admin"], "/admin/heat/heatsettings/") == 200  # Polda administrator: reads
    assert status(history["admin"], url) == 403
    assert status(history["kapolres"], "/admin/heat/heatsettings/") == 302  # not staff: to the login
    root = User.objects.create_superuser("root", "root@polri.example", "x")
    refused = client_for(root).post(url, {"hangat_from": "70", "panas_from": "60"})
    assert refused.status_code == 200 and not HeatSettings.objects.exists()
    saved = client_for(root).post(url, {"hangat_from": "30", "panas_from": "60", "cooling_points_max": "15"})
    assert saved.status_code == 302
    assert HeatSettings.objects.get().values == {"hangat_from": 30.0}  # only what differs from the default
    assert HeatSettings.current_config().hangat_from == 30
