import datetime as dt

import pytest

from sejuk.activities.models import Activity
from sejuk.dashboard.home import area_overview
from sejuk.incidents import services as incident_services
from tests.activities.helpers import make_figure
from tests.conftest import client_for
from tests.dashboard.helpers import DAY, DUREN, incident, karawang_heat, some_records, visit

pytestmark = pytest.mark.django_db
ON = "?date=2024-11-28"


def rows(overview):
    return {child.key: child.rows["tally"] for child in overview.focus.children}


def test_the_kapolres_home_is_his_area_with_each_polsek_below(cast):
    karawang_heat()
    page = client_for(cast["kapolres"]).get("/" + ON).content.decode()
    assert "Polres Karawang" in page
    assert "/dasbor/satuan/polsek-klari/" in page and "/dasbor/satuan/polsek-cikampek/" in page
    assert "polsek-campaka" not in page  # Purwakarta is not his
    assert 'class="heat-band panas"' in page and "/dasbor/peta/lapisan.json?unit=polres-karawang" in page


def test_counts_take_engaging_activities_and_open_incidents_only_and_fold_onto_the_units_below(cast):
    officer = cast["officer_a"]
    visit(officer)  # submitted: counts
    visit(officer, submit=False)  # a draft: does not
    visit(officer, day=DAY - dt.timedelta(days=20))  # inside 30 days, not 7
    visit(cast["officer_b"], region="32.15.13.2001")
    incident(officer)
    resolved = incident(officer, region="32.15.05.2002")
    incident_services.verify_incident(cast["kapolsek_a"], resolved)
    incident_services.resolve_incident(cast["kapolsek_a"], resolved, "Sudah damai.")
    overview = area_overview(cast["kapolres"], on=DAY)
    total = overview.area.rows["tally"]
    assert (total.activities_7, total.activities_30, total.open_incidents) == (2, 3, 1)
    below = rows(overview)
    assert (below["polsek-klari"].activities_7, below["polsek-klari"].activities_30) == (1, 2)
    assert below["polsek-klari"].open_incidents == 1
    assert below["polsek-cikampek"].activities_7 == 1


def test_figures_not_engaged_for_longest_come_first_never_engaged_first(cast):
    engaged = make_figure(name="Sudah Disambangi")
    make_figure(name="Belum Pernah", influence=2)
    make_figure(name="Belum Pernah Berpengaruh", influence=5)
    visit(cast["officer_a"], figures=[engaged])
    overview = area_overview(cast["kapolsek_a"], on=DAY)
    assert [f.name for f in overview.stale] == [
        "Belum Pernah Berpengaruh",
        "Belum Pernah",
        "Sudah Disambangi",
    ]
    tally = overview.area.rows["tally"]
    assert (tally.figures, tally.engaged_30, tally.never_engaged, tally.coverage) == (3, 1, 2, 33)


def test_the_drill_down_goes_polres_polsek_kecamatan_desa_with_breadcrumbs(cast):
    client = client_for(cast["kapolres"])
    polsek = client.get("/dasbor/satuan/polsek-klari/" + ON).content.decode()
    assert "/dasbor/wilayah/32.15.05/" in polsek and 'href="/dasbor/satuan/polres-karawang/"' in polsek
    kecamatan = client.get("/dasbor/wilayah/32.15.05/" + ON).content.decode()
    assert "/dasbor/wilayah/32.15.05.2001/" in kecamatan  # Duren, a desa of Klari
    assert 'href="/dasbor/satuan/polsek-klari/"' in kecamatan
    desa = client.get("/dasbor/wilayah/32.15.05.2001/" + ON).content.decode()
    crumbs = desa.split('class="crumbs"')[1].split("</nav>")[0]
    assert crumbs.index("Polres Karawang") < crumbs.index("Polsek Klari") < crumbs.index("Klari</a>")
    assert "Duren" in crumbs


def test_every_number_links_to_exactly_the_records_behind_it(cast):
    officer = cast["officer_a"]
    counted = visit(officer)
    draft = visit(officer, submit=False)
    elsewhere = visit(cast["officer_b"], region="32.15.13.2001")
    open_one = incident(officer)
    overview = area_overview(cast["kapolres"], on=DAY)
    klari = next(c for c in overview.focus.children if c.key == "polsek-klari")
    client = client_for(cast["kapolres"])
    listed = client.get(klari.rows["links"]["activities_7"]).content.decode()
    assert f"/kegiatan/{counted.pk}/" in listed
    assert f"/kegiatan/{draft.pk}/" not in listed and f"/kegiatan/{elsewhere.pk}/" not in listed
    incidents = client.get(klari.rows["links"]["incidents"]).content.decode()
    assert f"/insiden/{open_one.pk}/" in incidents
    assert client.get(klari.rows["links"]["coverage"]).status_code == 200
    assert client.get(klari.rows["links"]["heat"]).status_code == 200


def test_the_band_counts_come_from_the_roll_up(cast):
    karawang_heat()
    overview = area_overview(cast["kapolres"], on=DAY)
    assert overview.band_rows == [("panas", 1), ("hangat", 0), ("sejuk", 1)]
    below = {c.key: c.rows.get("heat") for c in overview.focus.children}
    assert below["polsek-klari"].band == "panas" and below["polsek-cikampek"].band == "sejuk"
    kecamatan = area_overview(cast["kapolres"], region_code="32.15", on=DAY)
    bands = {c.key: c.rows.get("heat") for c in kecamatan.focus.children}
    assert bands["32.15.05"].value == 72.0 and bands["32.15.13"].band == "sejuk"


def test_the_latest_activities_leave_out_drafts_and_other_areas(cast):
    shown = visit(cast["officer_a"])
    draft = visit(cast["officer_a"], submit=False)
    visit(cast["officer_b"], region="32.15.13.2001")
    overview = area_overview(cast["officer_a"], on=DAY)
    assert [a.pk for a in overview.latest] == [shown.pk]
    assert Activity.objects.filter(pk=draft.pk).exists()


@pytest.mark.parametrize(
    ("username", "url", "status"),
    [
        ("officer_b", "/dasbor/satuan/polsek-klari/", 404),
        ("officer_b", "/dasbor/wilayah/32.15.05/", 404),
        ("officer_purwakarta", "/dasbor/satuan/polres-karawang/", 404),
        ("officer_purwakarta", "/dasbor/wilayah/32.15/", 404),
        ("kapolsek_a", "/dasbor/wilayah/32.15.13/", 404),
        ("kapolsek_a", "/dasbor/wilayah/32.15.05.2001/", 200),
        ("auditor", "/dasbor/satuan/polsek-cikampek/", 200),
        ("auditor", "/dasbor/wilayah/32/", 200),
        ("kapolres", "/dasbor/wilayah/99.99/", 404),
    ],
)
def test_areas_outside_the_jurisdiction_are_not_found(cast, username, url, status):
    assert client_for(cast[username]).get(url).status_code == status


def test_a_user_without_a_unit_is_told_so(cast):
    from sejuk.accounts.models import User

    lost = User.objects.create_user("tanpa-satuan", password="x-very-long-1", role="analyst")
    response = client_for(lost).get("/")
    assert response.status_code == 200 and 'class="notice"' in response.content.decode()


@pytest.mark.parametrize("size", [1, 6])
def test_the_home_takes_a_fixed_number_of_queries(cast, size, django_assert_num_queries):
    karawang_heat()
    some_records(cast, size)
    client = client_for(cast["kapolres"])
    # session, user, unit, its area, units below, their areas, crumbs, daily counts (activities and
    # figures engaged), incidents, figures (engagement store), heat day, roll-ups, latest activities,
    # and the figures not engaged for longest in three index-ordered reads (never engaged; by last
    # engagement; the final order with what a past day needs): two more than one read of every link
    # of the area, which took 1.4 s for a Polda on the national data set (bench/README.md).
    with django_assert_num_queries(16):
        assert client.get("/" + ON).status_code == 200


@pytest.mark.parametrize("size", [1, 6])
def test_a_region_page_takes_a_fixed_number_of_queries(cast, size, django_assert_num_queries):
    karawang_heat()
    some_records(cast, size)
    client = client_for(cast["kapolres"])
    # As the home page, with the region, its parent and children, and kecamatan temperatures.
    with django_assert_num_queries(18):
        assert client.get("/dasbor/wilayah/32.15/" + ON).status_code == 200


def test_a_figure_outside_the_focus_is_not_listed(cast):
    make_figure(name="Tokoh Cikampek", region="32.15.13.2001")
    overview = area_overview(cast["kapolres"], unit_code="polsek-klari", on=DAY)
    assert not overview.stale
    assert DUREN.startswith(overview.area.prefixes[0])
