"""Nobody sees or changes anything outside their area: every page and endpoint against the cast."""

import pytest

from sejuk.units.models import Officer, Unit
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

KARAWANG_SUBTREE = {"polres-karawang", "polsek-klari", "polsek-cikampek"}


@pytest.mark.parametrize(
    ("username", "visible"),
    [
        ("officer_a", {"polsek-klari"}),
        ("kapolsek_a", {"polsek-klari"}),
        ("officer_b", {"polsek-cikampek"}),
        ("kapolres", KARAWANG_SUBTREE),
        ("analyst", KARAWANG_SUBTREE),
        ("auditor", KARAWANG_SUBTREE | {"polda-jabar", "polres-purwakarta", "polsek-campaka"}),
    ],
)
def test_each_user_sees_only_the_units_of_their_own_subtree(cast, username, visible):
    assert set(Unit.objects.restrict(cast[username]).values_list("code", flat=True)) == visible


def test_an_anonymous_visitor_and_an_inactive_user_see_nothing(cast):
    from django.contrib.auth.models import AnonymousUser

    assert not Unit.objects.restrict(AnonymousUser()).exists()
    user = cast["kapolres"]
    user.is_active = False
    assert not Unit.objects.restrict(user).exists()


def test_officers_follow_their_unit(cast):
    names = set(Officer.objects.restrict(cast["officer_a"]).values_list("nrp", flat=True))
    assert names == {"70000002", "70000003"}
    assert "70000004" in set(Officer.objects.restrict(cast["kapolres"]).values_list("nrp", flat=True))


@pytest.mark.parametrize(
    ("username", "code", "status"),
    [
        (None, "polsek-klari", 302),
        ("officer_a", "polsek-klari", 200),
        ("officer_a", "polsek-cikampek", 404),
        ("officer_a", "polres-karawang", 404),
        ("kapolsek_a", "polsek-cikampek", 404),
        ("officer_b", "polsek-klari", 404),
        ("kapolres", "polsek-klari", 200),
        ("kapolres", "polsek-cikampek", 200),
        ("kapolres", "polres-purwakarta", 404),
        ("auditor", "polsek-campaka", 200),
    ],
)
def test_unit_pages_are_served_only_inside_the_jurisdiction(cast, username, code, status):
    client = client_for(cast.get(username))
    assert client.get(f"/satuan/{code}/").status_code == status


@pytest.mark.parametrize("username", [None, "officer_a", "kapolres", "auditor"])
def test_home_and_region_pages_need_a_login_and_show_only_the_own_area(cast, username):
    client = client_for(cast.get(username))
    response = client.get("/")
    if username is None:
        assert response.status_code == 302 and "/masuk/" in response["Location"]
        assert client.get("/wilayah/?q=klari").status_code == 302
        return
    assert response.status_code == 200
    # The unit list moved from the home page to /dasbor/satuan/ when the dashboard took "/" (#6).
    body = client.get("/dasbor/satuan/").content.decode()
    assert ("Polsek Campaka" in body) is (username == "auditor")
    assert client.get("/wilayah/32.15.05/").status_code == 200


def test_phone_numbers_are_shown_only_to_roles_that_need_them(cast):
    page = client_for(cast["kapolsek_a"]).get("/satuan/polsek-klari/").content.decode()
    assert "+6281200000003" in page
    page = client_for(cast["auditor"]).get("/satuan/polsek-klari/").content.decode()
    assert "+6281200000003" not in page and "Tes Bhabin A" in page


@pytest.mark.parametrize(
    ("username", "expected"),
    [
        ("officer_a", {"polsek-klari"}),
        ("kapolres", KARAWANG_SUBTREE),
        ("officer_purwakarta", {"polsek-campaka"}),
    ],
)
def test_the_units_api_lists_only_the_callers_units(cast, username, expected):
    response = client_for(cast[username]).get("/api/v1/units")
    assert response.status_code == 200
    assert {u["code"] for u in response.json()} == expected


def test_the_api_refuses_anonymous_callers(client):
    assert client.get("/api/v1/units").status_code == 401
    assert client.get("/api/v1/regions?q=klari").status_code == 401


@pytest.mark.parametrize(
    ("username", "path", "status"),
    [
        ("admin", "/admin/units/officer/", 200),
        ("auditor", "/admin/units/officer/", 200),
        ("auditor", "/admin/auditlog/logentry/", 200),
        ("admin", "/admin/auditlog/logentry/", 200),
        ("officer_a", "/admin/units/officer/", 302),
    ],
)
def test_admin_screens_follow_the_role_matrix(cast, username, path, status):
    assert client_for(cast[username]).get(path).status_code == status


def test_the_admin_lists_only_rows_inside_the_jurisdiction(cast):
    from sejuk.accounts.models import User

    outsider = User.objects.create(
        username="admin_purwakarta",
        role="administrator",
        is_staff=True,
        unit=Unit.objects.get(code="polres-purwakarta"),
    )
    page = client_for(outsider).get("/admin/units/officer/").content.decode()
    assert "Tes Kapolsek Campaka" in page and "Tes Bhabin A" not in page
    klari_officer = Officer.objects.get(nrp="70000003")
    assert client_for(outsider).get(f"/admin/units/officer/{klari_officer.pk}/change/").status_code in (
        302,
        403,
        404,
    )


def test_an_auditor_can_read_but_not_change(cast):
    client = client_for(cast["auditor"])
    officer = Officer.objects.get(nrp="70000003")
    response = client.post(f"/admin/units/officer/{officer.pk}/change/", {"name": "Diubah"})
    assert response.status_code == 403
    officer.refresh_from_db()
    assert officer.name == "Tes Bhabin A"


def test_no_user_can_change_or_delete_the_audit_trail(cast):
    from auditlog.models import LogEntry

    officer = Officer.objects.get(nrp="70000003")
    officer.name = "Nama Baru"
    officer.save()
    entry = LogEntry.objects.get_for_object(officer).first()
    for username in ("admin", "auditor"):
        client = client_for(cast[username])
        assert client.post(f"/admin/auditlog/logentry/{entry.pk}/delete/", {"post": "yes"}).status_code == 403
        assert client.post(f"/admin/auditlog/logentry/{entry.pk}/change/", {}).status_code == 403
    assert LogEntry.objects.filter(pk=entry.pk).exists()
