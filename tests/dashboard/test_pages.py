import datetime as dt

import pytest

from sejuk.activities.models import AppealTheme
from tests.conftest import client_for
from tests.dashboard.helpers import DAY, incident, karawang_heat, some_records, visit

pytestmark = pytest.mark.django_db
ON = "date=2024-11-28"

PAGES = ["/", "/dasbor/", "/dasbor/peta/", "/dasbor/kinerja/", "/dasbor/netralitas/", "/dasbor/satuan/"]
CAST = ["officer_a", "kapolsek_a", "kapolres", "officer_b", "analyst", "humas", "auditor", "admin"]


@pytest.mark.parametrize("url", PAGES + ["/dasbor/peta/lapisan.json", "/dasbor/peta/unggah/"])
def test_anonymous_visitors_are_sent_to_log_in(url):
    from django.test import Client

    response = Client().get(url)
    assert response.status_code == 302 and response["Location"].startswith("/masuk/")


def test_the_public_page_needs_no_login(db):
    from django.test import Client

    assert Client().get("/publik/").status_code == 200


@pytest.mark.parametrize("username", [*CAST, "officer_purwakarta"])
@pytest.mark.parametrize("url", PAGES)
def test_every_cast_member_opens_every_page_of_their_own_area(cast, username, url):
    assert client_for(cast[username]).get(url).status_code == 200


@pytest.mark.parametrize(
    ("username", "url", "status"),
    [
        ("kapolres", "/dasbor/kinerja/?unit=polsek-klari", 200),
        ("officer_b", "/dasbor/kinerja/?unit=polsek-klari", 404),
        ("officer_purwakarta", "/dasbor/kinerja/?unit=polres-karawang", 404),
        ("kapolres", "/dasbor/netralitas/?area=32.15.05", 200),
        ("officer_b", "/dasbor/netralitas/?area=32.15.05", 404),
        ("officer_purwakarta", "/dasbor/peta/?area=32.15", 404),
        ("auditor", "/dasbor/peta/?unit=polsek-cikampek", 200),
    ],
)
def test_pages_about_another_area_are_not_found(cast, username, url, status):
    assert client_for(cast[username]).get(url).status_code == status


def test_the_scorecard_compares_each_polsek_with_the_period_before(cast):
    officer = cast["officer_a"]
    for days_ago in (0, 1, 2):
        visit(officer, day=DAY - dt.timedelta(days=days_ago))
    visit(officer, day=DAY - dt.timedelta(days=9))
    page = client_for(cast["kapolres"]).get(f"/dasbor/kinerja/?{ON}").content.decode()
    table = page.split('id="scorecard"')[1]
    klari = table.split("Polsek Klari")[1].split("</tr>")[0]
    assert "<strong>3</strong>" in klari and "+200%" in klari
    link = klari.split('class="n" href="')[1].split('"')[0].replace("&amp;", "&")
    listed = client_for(cast["kapolres"]).get(link).content.decode()
    assert listed.count('<li><a href="/kegiatan/') == 3


def test_the_scorecard_drills_down_to_a_polsek_and_offers_28_days(cast):
    client = client_for(cast["kapolres"])
    page = client.get(f"/dasbor/kinerja/?unit=polsek-klari&days=28&{ON}").content.decode()
    assert "Polsek Klari" in page and 'value="28" selected' in page


@pytest.mark.parametrize("size", [1, 6])
def test_the_scorecard_takes_a_fixed_number_of_queries(cast, size, django_assert_num_queries):
    some_records(cast, size)
    client = client_for(cast["kapolres"])
    # session, user, unit, its area, units below, their areas (one query), daily counts, incidents, crumbs
    with django_assert_num_queries(9):
        client.get(f"/dasbor/kinerja/?{ON}")


def test_the_neutrality_panel_flags_partisan_wording_and_one_sided_engagement(cast):
    from tests.activities.helpers import make_figure

    ours = make_figure(name="Pendukung Satu", alignment="aligned", aligned_with="Paslon 01")
    make_figure(name="Pendukung Dua", region="32.15.05.2002", alignment="aligned", aligned_with="Paslon 02")
    flagged = visit(
        cast["officer_a"], figures=[ours], narrative="Warga diajak mendukung paslon nomor urut 01."
    )
    page = client_for(cast["kapolres"]).get(f"/dasbor/netralitas/?{ON}").content.decode()
    flags = page.split('id="neutrality-flags"')[1].split("</ul>")[0]
    assert f"/kegiatan/{flagged.pk}/" in flags and "mendukung" in flags
    areas = page.split('id="neutrality-areas"')[1].split("</table>")[0]
    assert 'class="flagged"' in areas and "Paslon 02" in areas


@pytest.mark.parametrize("size", [1, 6])
def test_the_neutrality_panel_takes_a_fixed_number_of_queries(cast, size, django_assert_num_queries):
    some_records(cast, size)
    AppealTheme.objects.get_or_create(code="jaga_kamtibmas")
    client = client_for(cast["kapolres"])
    # session, user, unit, area, figures, engagements, candidate names, narratives, themes, release drafts
    # (a commander may change releases), region names
    with django_assert_num_queries(11):
        client.get(f"/dasbor/netralitas/?{ON}")


def test_the_activity_list_filters_by_area_unit_days_and_statuses(cast):
    officer = cast["officer_a"]
    recent = visit(officer)
    old = visit(officer, day=DAY - dt.timedelta(days=20))
    draft = visit(officer, submit=False)
    other = visit(cast["officer_b"], region="32.15.13.2001")
    client = client_for(cast["kapolres"])

    def listed(query):
        page = client.get(f"/kegiatan/?{query}").content.decode()
        return {a.pk for a in (recent, old, draft, other) if f"/kegiatan/{a.pk}/" in page}

    assert listed("area=32.15.05") == {recent.pk, old.pk, draft.pk}
    assert listed("area=32.15.05&area=32.15.13&status=submitted") == {recent.pk, old.pk, other.pk}
    assert listed("unit=polsek-cikampek") == {other.pk}
    assert listed("since=2024-11-22&until=2024-11-28&status=submitted&status=verified") == {
        recent.pk,
        other.pk,
    }
    assert listed("unit=polsek-campaka") == {recent.pk, old.pk, draft.pk, other.pk}  # not his: ignored


def test_the_incident_list_filters_by_area_and_open(cast):
    from sejuk.incidents import services

    open_one = incident(cast["officer_a"])
    closed = incident(cast["officer_a"], region="32.15.05.2002")
    services.reject_incident(cast["kapolsek_a"], closed, "Hoaks.")
    elsewhere = incident(cast["officer_b"], region="32.15.13.2001")
    page = client_for(cast["kapolres"]).get("/insiden/?area=32.15.05&open=1").content.decode()
    assert f"/insiden/{open_one.pk}/" in page
    assert f"/insiden/{closed.pk}/" not in page and f"/insiden/{elsewhere.pk}/" not in page


def test_the_unit_list_stays_reachable_from_the_dashboard(cast):
    page = client_for(cast["kapolres"]).get("/").content.decode()
    assert 'href="/dasbor/satuan/"' in page
    units = client_for(cast["kapolres"]).get("/dasbor/satuan/").content.decode()
    assert "/satuan/polsek-klari/" in units


def test_the_dashboard_speaks_english_when_chosen(cast):
    karawang_heat()
    client = client_for(cast["kapolres"])
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get(f"/?{ON}").content.decode()
    assert "Open incidents" in page and "Units below" in page and "Not engaged for longest" in page
