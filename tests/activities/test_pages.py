import io

import pytest
from PIL import Image

from sejuk.activities.models import Activity
from tests.activities.helpers import make_figure
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "client_id": "c-1",
        "activity_type": "sambang",
        "occurred_date": "2024-11-28",
        "occurred_time": "10:00",
        "region": "32.15.05",
        "officers": [],
        "themes": ["jaga_kamtibmas", "hindari_provokasi"],
        "situation": "aman",
        "narrative": "Sambang tokoh.",
    }
    data.update(overrides)
    return data


def photo(fmt="JPEG", size=(800, 600)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "red").save(buffer, fmt)
    buffer.seek(0)
    buffer.name = f"foto.{fmt.lower()}"
    return buffer


def test_the_form_offers_only_places_officers_and_figures_of_the_users_area(cast):
    make_figure(name="Tokoh Klari")
    make_figure(name="Tokoh Cikampek", region="32.15.13.2001")
    page = client_for(cast["officer_a"]).get("/kegiatan/baru/").content.decode()
    assert "Duren" in page and "Dawuan Timur" not in page
    assert "Tokoh Klari" in page and "Tokoh Cikampek" not in page
    assert "Tes Bhabin A" in page and "Tes Bhabin B" not in page
    assert 'name="viewport"' in page and 'type="date"' in page


def test_a_valid_form_creates_a_draft_with_photos_and_a_double_tap_does_not_duplicate(cast):
    officer = cast["officer_a"]
    client = client_for(officer)
    data = form_data(officers=[officer.officer_id], photos=[photo()])
    first = client.post("/kegiatan/baru/", data)
    second = client.post("/kegiatan/baru/", form_data(officers=[officer.officer_id]))
    assert first.status_code == 302 and second["Location"] == first["Location"]
    activity = Activity.objects.get(idempotency_key="form:c-1")
    assert activity.source == "form" and activity.photos.count() == 1
    thumb = activity.photos.get()
    assert Image.open(thumb.thumbnail.path).size[0] <= 320
    assert client.get(f"/kegiatan/{activity.pk}/foto/{thumb.pk}/thumb/").status_code == 200
    assert (
        client_for(cast["officer_b"]).get(f"/kegiatan/{activity.pk}/foto/{thumb.pk}/full/").status_code == 404
    )


def test_errors_are_shown_beside_the_field_in_indonesian_and_nothing_is_stored(cast):
    client = client_for(cast["officer_a"])
    response = client.post("/kegiatan/baru/", form_data(occurred_date="2024-02-31", officers=[]))
    assert response.status_code == 422
    page = response.content.decode()
    assert 'id="id_occurred_date-error"' in page
    assert "Masukkan tanggal yang valid" in page
    assert not Activity.objects.filter(idempotency_key="form:c-1").exists()


@pytest.mark.parametrize(
    ("upload", "words"),
    [
        (lambda: io.BytesIO(b"%PDF-1.4 not an image"), "bukan foto"),
        (lambda: photo("GIF"), "bukan foto"),
    ],
)
def test_a_non_image_photo_is_refused_and_the_activity_is_not_stored(cast, upload, words):
    client = client_for(cast["officer_a"])
    file = upload()
    file.name = getattr(file, "name", "x.pdf")
    response = client.post(
        "/kegiatan/baru/", form_data(officers=[cast["officer_a"].officer_id], photos=[file])
    )
    assert response.status_code == 422 and words in response.content.decode()
    assert not Activity.objects.filter(idempotency_key="form:c-1").exists()


def test_an_oversize_photo_is_refused(cast, monkeypatch):
    from sejuk.activities import photos

    monkeypatch.setattr(photos, "MAX_BYTES", 1000)
    client = client_for(cast["officer_a"])
    response = client.post(
        "/kegiatan/baru/",
        form_data(officers=[cast["officer_a"].officer_id], photos=[photo(size=(1200, 900))]),
    )
    assert response.status_code == 422 and "8 MB" in response.content.decode()
    assert not Activity.objects.exists()


def test_commander_verifies_and_returns_from_the_detail_page(cast):
    officer = client_for(cast["officer_a"])
    officer.post("/kegiatan/baru/", form_data(officers=[cast["officer_a"].officer_id], submit="1"))
    activity = Activity.objects.get(idempotency_key="form:c-1")
    assert activity.status == "submitted"
    commander = client_for(cast["kapolsek_a"])
    assert "Verifikasi" in commander.get(f"/kegiatan/{activity.pk}/").content.decode()
    commander.post(f"/kegiatan/{activity.pk}/return/", {"note": "Tambahkan foto."})
    activity.refresh_from_db()
    assert (activity.status, activity.return_note) == ("returned", "Tambahkan foto.")
    assert officer.post(f"/kegiatan/{activity.pk}/verify/").status_code == 403
    activity.refresh_from_db()
    assert activity.status == "returned"  # a field officer's verify is refused


@pytest.mark.parametrize(
    ("username", "list_status", "detail_status"),
    [
        (None, 302, 302),
        ("officer_a", 200, 200),
        ("kapolres", 200, 200),
        ("officer_b", 200, 404),
        ("officer_purwakarta", 200, 404),
        ("auditor", 200, 200),
    ],
)
def test_activity_pages_follow_the_jurisdiction(cast, username, list_status, detail_status):
    client_for(cast["officer_a"]).post("/kegiatan/baru/", form_data(officers=[cast["officer_a"].officer_id]))
    activity = Activity.objects.get(idempotency_key="form:c-1")
    client = client_for(cast.get(username))
    listing = client.get("/kegiatan/")
    assert listing.status_code == list_status
    assert client.get(f"/kegiatan/{activity.pk}/").status_code == detail_status
    if list_status == 200:
        assert (f"/kegiatan/{activity.pk}/" in listing.content.decode()) is (detail_status == 200)


def test_roles_without_the_right_cannot_open_the_form(cast):
    assert client_for(cast["analyst"]).get("/kegiatan/baru/").status_code == 403
    assert client_for(cast["humas"]).get("/kegiatan/baru/").status_code == 403
