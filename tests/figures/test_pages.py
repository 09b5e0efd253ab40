import pytest
from auditlog.models import LogEntry

from sejuk.figures.models import Figure
from tests.activities.helpers import make_figure
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def form(**overrides):
    data = {
        "name": "H. Arif Kuspriyadi",
        "kind": "tokoh_masyarakat",
        "home_region_code": "32.15.05.2001",
        "influence": "4",
        "alignment": "unknown",
    }
    data.update(overrides)
    return data


def test_registering_shows_the_existing_figure_before_creating_a_second(cast):
    existing = make_figure()
    client = client_for(cast["officer_a"])
    response = client.post("/tokoh/baru/", form(home_region_code="32.15.05.2002"))
    assert response.status_code == 409
    assert f"/tokoh/{existing.pk}/" in response.content.decode()
    assert Figure.objects.filter(normalized_name="arif kuspriyadi").count() == 1
    confirmed = client.post("/tokoh/baru/", form(home_region_code="32.15.05.2002", confirm_new="on"))
    assert confirmed.status_code == 302
    assert Figure.objects.filter(normalized_name="arif kuspriyadi").count() == 2


def test_a_bad_figure_form_shows_errors_in_indonesian(cast):
    response = client_for(cast["officer_a"]).post(
        "/tokoh/baru/", form(kind="tokoh_agama", alignment="aligned")
    )
    page = response.content.decode()
    assert response.status_code == 422
    assert "Tokoh agama wajib diisi agamanya" in page or "Sebutkan calon atau partai" in page
    assert not Figure.objects.exists()


def test_personal_data_on_the_profile_is_for_entitled_roles_and_each_view_is_audited(cast):
    figure = make_figure(phone="+6281299990000", address="Kp. Duren RT 01")
    before = LogEntry.objects.filter(action=LogEntry.Action.ACCESS).count()
    assert "+6281299990000" in client_for(cast["kapolsek_a"]).get(f"/tokoh/{figure.pk}/").content.decode()
    assert LogEntry.objects.filter(action=LogEntry.Action.ACCESS).count() == before + 1
    page = client_for(cast["analyst"]).get(f"/tokoh/{figure.pk}/").content.decode()
    assert "+6281299990000" not in page and figure.name in page
    assert "Telepon" not in client_for(cast["humas"]).get("/tokoh/baru/").content.decode()


def test_a_commander_merges_duplicates_from_the_profile(cast):
    keep, duplicate = make_figure(), make_figure(region="32.15.05.2002")
    page = client_for(cast["kapolsek_a"]).get(f"/tokoh/{keep.pk}/").content.decode()
    assert f"/tokoh/{keep.pk}/gabung/{duplicate.pk}/" in page
    client_for(cast["kapolsek_a"]).post(f"/tokoh/{keep.pk}/gabung/{duplicate.pk}/")
    duplicate.refresh_from_db()
    assert duplicate.merged_into == keep


@pytest.mark.parametrize(
    ("username", "list_status", "detail_status"),
    [
        (None, 302, 302),
        ("officer_a", 200, 200),
        ("kapolres", 200, 200),
        ("officer_b", 200, 404),
        ("officer_purwakarta", 200, 404),
        ("auditor", 200, 200),
        ("humas", 200, 200),
    ],
)
def test_figure_pages_follow_the_jurisdiction(cast, username, list_status, detail_status):
    figure = make_figure(name="Tokoh Rahasia")
    client = client_for(cast.get(username))
    listing = client.get("/tokoh/?q=rahasia")
    assert listing.status_code == list_status
    assert client.get(f"/tokoh/{figure.pk}/").status_code == detail_status
    if list_status == 200:
        assert ("Tokoh Rahasia" in listing.content.decode()) is (detail_status == 200)


def test_only_roles_that_add_records_may_register_figures(cast):
    assert client_for(cast["analyst"]).get("/tokoh/baru/").status_code == 403
    assert client_for(cast["officer_a"]).get("/tokoh/baru/").status_code == 200
