"""Coverage: known answers on a hand-built Klari/Cikampek data set, access for the cast, query counts.

The reference date is Sunday 1/12/2024 (passed explicitly, nothing freezes the clock). In Klari:
  - Pak Recent (influence 3, Duren) visited Thu 28/11, submitted: engaged in 7 and 30 days, 3 days ago;
  - Pak Month (influence 4, Pancawati) visited 10/11, verified, two officers: 30 days only, 21 days ago,
    and again on 3/12, after the reference date, which must be ignored;
  - Pak Old (influence 2, Duren) visited 1/9: engaged once, 91 days ago (capped at 60);
  - Pak Never (influence 5, Walahar): never engaged;
  - Pak Draft (influence 1, recorded at kecamatan level): only a draft on 30/11, so never engaged.
In Cikampek, Pak Cikampek (officer_b) visited 29/11.
"""

from datetime import date, datetime

import pytest
from django.core.exceptions import ValidationError
from ninja.testing import TestClient

from sejuk.accounts.models import User
from sejuk.activities import services
from sejuk.activities.coverage import coverage_report, narrow
from sejuk.activities.coverage_api import router
from tests.activities.helpers import make_figure, seed_visit
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

ON = date(2024, 12, 1)


def visit(user, figures, when, *, submit=True, activity_type="sambang", region=None, **extra):
    data = seed_visit(
        figure_ids=[f.pk for f in figures],
        occurred_at=when,
        activity_type=activity_type,
        region_code=region or figures[0].home_region_id,
        **extra,
    )
    activity, _ = services.record_activity(user, data)
    if submit:
        services.submit_activity(user, activity)
    return activity


@pytest.fixture
def klari(cast):
    officer_a, kapolsek = cast["officer_a"], cast["kapolsek_a"]
    f = {
        "recent": make_figure("Pak Recent", "32.15.05.2001", influence=3),
        "month": make_figure("Pak Month", "32.15.05.2002", influence=4),
        "old": make_figure("Pak Old", "32.15.05.2001", influence=2),
        "never": make_figure("Pak Never", "32.15.05.2003", influence=5),
        "draft": make_figure("Pak Draft", "32.15.05", influence=1),
        "cikampek": make_figure("Pak Cikampek", "32.15.13.2001", influence=3),
    }
    visit(officer_a, [f["recent"]], datetime(2024, 11, 28, 10, 0))
    two_officers = [officer_a.officer_id, kapolsek.officer_id]
    month = visit(
        kapolsek, [f["month"]], datetime(2024, 11, 10, 9, 0), activity_type="dialog", officer_ids=two_officers
    )
    services.verify_activity(kapolsek, month)
    visit(officer_a, [f["month"]], datetime(2024, 12, 3, 9, 0))
    visit(officer_a, [f["old"]], datetime(2024, 9, 1, 9, 0))
    visit(officer_a, [f["draft"]], datetime(2024, 11, 30, 9, 0), submit=False)
    visit(cast["officer_b"], [f["cikampek"]], datetime(2024, 11, 29, 9, 0))
    return f


def test_engagement_counts_every_activity_except_drafts_in_7_and_30_days(cast, klari):
    summary = coverage_report(cast["officer_a"], on=ON).summary
    assert (summary.figures, summary.engaged_7, summary.engaged_30, summary.never_engaged) == (5, 1, 2, 2)
    assert (summary.activities_7, summary.activities_30) == (1, 2)
    assert summary.share_engaged_30 == 40


def test_activities_after_the_reference_date_are_ignored(cast, klari):
    later = coverage_report(cast["officer_a"], on=date(2024, 12, 3)).summary
    assert (later.engaged_7, later.activities_7) == (2, 2)
    assert coverage_report(cast["officer_a"], on=ON).summary.engaged_7 == 1


def test_a_kecamatan_is_broken_down_per_desa_with_figures_recorded_without_a_desa_apart(cast, klari):
    rows = {row.code: row for row in coverage_report(cast["officer_a"], on=ON).areas}
    duren, pancawati, walahar = rows["32.15.05.2001"], rows["32.15.05.2002"], rows["32.15.05.2003"]
    assert (duren.counts.figures, duren.counts.engaged_7, duren.counts.never_engaged) == (2, 1, 0)
    assert (pancawati.counts.engaged_30, pancawati.counts.activities_30) == (1, 1)
    assert walahar.counts.never_engaged == 1
    assert (
        rows["32.15.05"].counts.never_engaged == 1
        and rows["32.15.05"].name == "Klari (tanpa desa / kelurahan)"
    )
    assert len(rows) == 14  # the 13 desa of Klari are all listed, even those without figures
    assert not duren.drillable


def test_a_kabupaten_is_broken_down_per_kecamatan_with_drill_down(cast, klari):
    report = coverage_report(cast["kapolres"], on=ON)
    rows = {row.code: row for row in report.areas}
    assert rows["32.15.05"].counts.figures == 5 and rows["32.15.05"].drillable
    assert (rows["32.15.13"].counts.figures, rows["32.15.13"].counts.engaged_7) == (1, 1)
    assert report.summary.figures == 6 and len(rows) == 30


def test_narrowing_to_an_area_or_a_unit(cast, klari):
    by_area = coverage_report(cast["kapolres"], area_code="32.15.05", on=ON)
    assert by_area.summary.figures == 5 and [r.code for r in by_area.trail] == ["32.15"]
    by_unit = coverage_report(cast["kapolres"], unit_code="polsek-cikampek", on=ON)
    assert by_unit.summary.figures == 1 and [d.name for d in by_unit.to_visit] == ["Pak Cikampek"]


def test_activities_per_officer_and_per_type_in_the_period(cast, klari):
    report = coverage_report(cast["officer_a"], on=ON)
    assert [(o.name, o.activities, o.figures) for o in report.officers] == [
        ("Bripka Tes Bhabin A", 2, 2),
        ("Kompol Tes Kapolsek A", 1, 1),
    ]
    assert {(t.code, t.label, t.activities) for t in report.types} == {
        ("sambang", "Sambang", 1),
        ("dialog", "Dialog", 1),
    }


def test_the_to_visit_list_ranks_influence_times_staleness_and_says_why(cast, klari):
    to_visit = coverage_report(cast["officer_a"], on=ON).to_visit
    assert [(d.name, d.priority, d.days_since) for d in to_visit] == [
        ("Pak Never", 300, None),
        ("Pak Old", 120, 91),
        ("Pak Month", 84, 21),
        ("Pak Draft", 60, None),
        ("Pak Recent", 9, 3),
    ]
    assert [d.reason for d in to_visit[:3]] == [
        "Belum pernah dilibatkan, pengaruh 5 dari 5",
        "Tidak dilibatkan selama 91 hari (dihitung 60), pengaruh 2 dari 5",
        "Terakhir dilibatkan 21 hari lalu, pengaruh 4 dari 5",
    ]
    assert to_visit[4].last_engaged_text == "28/11/2024 10:00 WIB"


def test_officer_b_cannot_see_klari_and_purwakarta_sees_nothing_of_karawang(cast, klari):
    report_b = coverage_report(cast["officer_b"], on=ON)
    assert report_b.summary.figures == 1 and all(r.code.startswith("32.15.13") for r in report_b.areas)
    with pytest.raises(ValidationError):
        coverage_report(cast["officer_b"], area_code="32.15.05", on=ON)
    with pytest.raises(ValidationError):
        coverage_report(cast["officer_b"], unit_code="polsek-klari", on=ON)
    purwakarta = coverage_report(cast["officer_purwakarta"], on=ON)
    assert purwakarta.summary.figures == 0 and purwakarta.to_visit == [] and purwakarta.officers == []


@pytest.mark.parametrize(
    ("outer", "inner", "expected"),
    [
        (None, ("32.15",), ("32.15",)),
        (("32.15",), None, ("32.15",)),
        (("32.15",), ("32.15.05",), ("32.15.05",)),
        (("32.15.05",), ("32.15",), ("32.15.05",)),
        (("32.15.05",), ("32.15.13",), ()),
        (("32.15.05", "32.15.13"), ("32.15",), ("32.15.05", "32.15.13")),
        (("32.1",), ("32.15",), ()),  # a prefix is a whole code, not a string prefix
    ],
)
def test_narrowing_keeps_only_codes_inside_both(outer, inner, expected):
    assert narrow(outer, inner) == expected


def _populate(cast, size):
    figures = [make_figure(f"Tokoh {i}", f"32.15.05.20{i % 8 + 1:02d}") for i in range(size)]
    for i in range(size):
        visit(cast["officer_a"], figures[i : i + 2], datetime(2024, 11, 1 + i % 28, 9, 0))


def _fresh(username):
    return User.objects.select_related("unit").get(username=username)


@pytest.mark.parametrize("size", [2, 12])
def test_the_report_takes_a_fixed_number_of_queries_whatever_the_data_size(
    cast, size, django_assert_num_queries
):
    _populate(cast, size)
    user = _fresh("kapolres")
    # unit areas, zone, figures per area, activities per area, area names, officers, types, to-visit
    with django_assert_num_queries(8):
        report = coverage_report(user, on=ON)
    assert report.summary.figures == size
    user = _fresh("kapolres")
    with django_assert_num_queries(10):  # + the area and the trail above it
        coverage_report(user, area_code="32.15.05", on=ON)


@pytest.mark.parametrize("size", [2, 12])
def test_the_page_takes_a_fixed_number_of_queries_whatever_the_data_size(
    cast, size, django_assert_num_queries
):
    _populate(cast, size)
    client = client_for(cast["kapolres"])
    # session, user, unit, unit areas, zone, the report's six, the unit choices
    with django_assert_num_queries(12):
        response = client.get("/kegiatan/cakupan/?date=2024-12-01")
    assert response.status_code == 200


def test_the_page_shows_the_numbers_and_links_each_kecamatan(cast, klari):
    response = client_for(cast["kapolres"]).get("/kegiatan/cakupan/?date=2024-12-01")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Pak Never" in html and "?area=32.15.05&amp;" in html and "Cikampek" in html
    assert "/kegiatan/ekspor/kegiatan.csv?" in html


def test_the_page_drills_down_into_a_kecamatan(cast, klari):
    response = client_for(cast["kapolres"]).get("/kegiatan/cakupan/?area=32.15.05&date=2024-12-01")
    html = response.content.decode()
    assert "Duren" in html and "Pak Cikampek" not in html and "?area=32.15&amp;" in html


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get("/kegiatan/cakupan/")
    assert response.status_code == 302 and "/masuk/" in response["Location"]


def test_the_page_answers_404_for_an_area_outside_the_jurisdiction_or_unknown(cast, klari):
    client = client_for(cast["officer_b"])
    assert client.get("/kegiatan/cakupan/?area=32.15.05").status_code == 404
    assert client.get("/kegiatan/cakupan/?area=99.99").status_code == 404
    assert client_for(cast["officer_purwakarta"]).get("/kegiatan/cakupan/?area=32.15").status_code == 404


def test_officer_b_page_does_not_show_klari_figures(cast, klari):
    html = client_for(cast["officer_b"]).get("/kegiatan/cakupan/?date=2024-12-01").content.decode()
    assert "Pak Cikampek" in html and "Pak Never" not in html and "Pak Recent" not in html


def test_a_bad_date_is_reported_and_today_used(cast, klari):
    response = client_for(cast["officer_a"]).get("/kegiatan/cakupan/?date=2024-02-31")
    assert response.status_code == 200 and response.context["form"].errors


def test_the_page_hides_export_links_from_roles_that_cannot_export(cast, klari):
    html = client_for(cast["humas"]).get("/kegiatan/cakupan/").content.decode()
    assert "ekspor" not in html


def test_the_api_returns_the_same_numbers_as_the_page(cast, klari):
    body = TestClient(router).get("?date=2024-12-01", user=cast["officer_a"]).json()
    assert body["summary"]["figures"] == 5 and body["summary"]["never_engaged"] == 2
    assert body["scope"]["reference_date"] == "2024-12-01" and body["scope"]["group_level"] == 4
    assert [d["name"] for d in body["to_visit"]][:2] == ["Pak Never", "Pak Old"]
    assert {r["code"] for r in body["areas"]} >= {"32.15.05.2001", "32.15.05"}


def test_the_api_narrows_by_area_and_limits_the_to_visit_list(cast, klari):
    body = TestClient(router).get("?date=2024-12-01&area=32.15.13&limit=1", user=cast["kapolres"]).json()
    assert body["summary"]["figures"] == 1 and len(body["to_visit"]) == 1


def test_the_api_refuses_anonymous_callers_and_other_areas(cast, klari):
    assert TestClient(router).get("").status_code == 401
    assert TestClient(router).get("?area=32.15.05", user=cast["officer_b"]).status_code == 404
    body = TestClient(router).get("?date=2024-12-01", user=cast["officer_purwakarta"]).json()
    assert body["summary"]["figures"] == 0
