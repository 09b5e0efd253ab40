"""Pages, downloads, the public page, the Atom feed and the API of press releases, with the cast.

Until `sejuk/urls.py` includes `sejuk.press.urls` at "rilis/" and `sejuk/api.py` mounts the press
router at "/press", this module's own URLconf adds them, so the tests run either way.
"""

from __future__ import annotations

import io
import json
from xml.etree import ElementTree

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import NoReverseMatch, include, path, reverse
from ninja import NinjaAPI

from sejuk import api as project_api
from sejuk import urls as project_urls
from sejuk.press.api import router as press_router
from sejuk.press.models import PressRelease
from tests.conftest import client_for
from tests.press.test_releases import PHONE, release_for, verified_visit


def _mounted(name: str) -> bool:
    try:
        reverse(name, urlconf=project_urls)
    except NoReverseMatch:
        return False
    return True


urlpatterns = list(project_urls.urlpatterns)
if not _mounted("press:list"):
    urlpatterns.insert(0, path("rilis/", include("sejuk.press.urls")))
if not _mounted("api:list_releases"):
    _api = NinjaAPI(urls_namespace="press-test-api", docs_url=None)
    _api.add_router("/press", press_router)
    _api.add_exception_handler(ValidationError, project_api.validation_error)
    _api.add_exception_handler(PermissionDenied, project_api.permission_denied)
    urlpatterns.insert(0, path("api/v1/", _api.urls))

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]
API = "/api/v1/press/releases"


def test_the_humas_list_shows_releases_of_the_jurisdiction(cast):
    draft = release_for(cast)
    page = client_for(cast["humas"]).get("/rilis/").content.decode()
    assert draft.title in page
    assert "Tulis draf" in page or "Write draft" in page


def test_the_list_needs_a_login(client):
    response = client.get("/rilis/")
    assert response.status_code == 302 and "/masuk/" in response["Location"]


def test_a_field_officer_sees_only_published_releases(cast):
    draft = release_for(cast)
    published = release_for(cast, status="published")
    client = client_for(cast["officer_a"])
    page = client.get("/rilis/").content.decode()
    assert published.title in page
    assert client.get(f"/rilis/{draft.pk}/").status_code == 404
    assert client.get(f"/rilis/{published.pk}/").status_code == 200


def test_the_list_page_query_count_does_not_grow_with_releases(cast, django_assert_max_num_queries):
    for _ in range(4):
        release_for(cast)
    client = client_for(cast["humas"])
    with django_assert_max_num_queries(14):
        assert client.get("/rilis/").status_code == 200


@pytest.mark.parametrize(
    ("username", "status", "can_edit", "can_approve", "can_publish"),
    [
        ("humas", "draft", True, False, False),
        ("humas", "approved", True, False, True),
        ("kapolsek_a", "edited", True, True, False),
        ("kapolres", "draft", True, True, False),
        ("auditor", "draft", False, False, False),
        ("humas", "published", False, False, False),
    ],
)
def test_the_detail_page_offers_each_role_its_own_steps(
    cast, username, status, can_edit, can_approve, can_publish
):
    release = release_for(cast, status=status)
    page = client_for(cast[username]).get(f"/rilis/{release.pk}/").content.decode()
    assert (f"/rilis/{release.pk}/ubah/" in page) == can_edit
    assert (f"/rilis/{release.pk}/approve/" in page) == can_approve
    assert (f"/rilis/{release.pk}/publish/" in page) == can_publish
    assert "Polsek Klari Polres Karawang, Polda Jabar" in page


def test_a_release_goes_through_the_pages_from_activity_to_public(cast):
    activity = verified_visit(cast)
    humas, commander = client_for(cast["humas"]), client_for(cast["kapolsek_a"])
    response = humas.post("/rilis/tulis/kegiatan/", {"activity": activity.pk, "language": "id"})
    release = PressRelease.objects.get(activities=activity)
    assert response.status_code == 302 and response["Location"].endswith(f"/rilis/{release.pk}/")
    humas.post(f"/rilis/{release.pk}/ubah/", {"title": "Sambang Tokoh di Duren", "body": release.body})
    humas.post(f"/rilis/{release.pk}/approve/")  # refused: Humas does not approve
    release.refresh_from_db()
    assert (release.status, release.title) == ("edited", "Sambang Tokoh di Duren")
    commander.post(f"/rilis/{release.pk}/approve/")
    humas.post(f"/rilis/{release.pk}/publish/")
    release.refresh_from_db()
    assert release.status == "published"
    assert "Sambang Tokoh di Duren" in client_for(None).get("/rilis/publik/").content.decode()


def test_a_daily_release_is_drafted_from_the_list_page(cast):
    verified_visit(cast)
    response = client_for(cast["humas"]).post(
        "/rilis/tulis/harian/", {"unit": cast["kapolsek_a"].unit_id, "day": "2024-11-28", "language": "id"}
    )
    release = PressRelease.objects.get()
    assert response["Location"].endswith(f"/rilis/{release.pk}/")


def test_an_edit_with_a_phone_number_is_refused_on_the_page(cast):
    release = release_for(cast)
    client = client_for(cast["humas"])
    response = client.post(
        f"/rilis/{release.pk}/ubah/", {"title": release.title, "body": f"{release.body} {PHONE}"}
    )
    release.refresh_from_db()
    assert PHONE not in release.body
    assert '<li class="error">' in client.get(response["Location"]).content.decode()


def test_a_field_officer_cannot_draft_from_the_page(cast):
    activity = verified_visit(cast)
    client_for(cast["officer_a"]).post("/rilis/tulis/kegiatan/", {"activity": activity.pk, "language": "id"})
    assert not PressRelease.objects.exists()


def test_the_public_page_and_feed_show_only_published_releases(cast, client):
    draft, approved = release_for(cast), release_for(cast, status="approved")
    published = release_for(cast, status="published")
    PressRelease.objects.filter(pk=draft.pk).update(title="Judul draf rahasia")
    PressRelease.objects.filter(pk=approved.pk).update(title="Judul disetujui belum terbit")
    page = client.get("/rilis/publik/").content.decode()
    assert published.title in page
    assert "Judul draf rahasia" not in page and "Judul disetujui belum terbit" not in page
    assert client.get(f"/rilis/publik/{published.pk}/").status_code == 200
    assert client.get(f"/rilis/publik/{draft.pk}/").status_code == 404
    feed = client.get("/rilis/feed.atom")
    assert feed["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(feed.content)
    atom = "{http://www.w3.org/2005/Atom}"
    titles = [entry.find(f"{atom}title").text for entry in root.iter(f"{atom}entry")]
    assert titles == [published.title]
    assert "Polsek Klari Polres Karawang, Polda Jabar" in feed.content.decode()


def test_published_releases_download_for_anyone_in_three_formats(cast, client):
    release = release_for(cast, status="published")
    text = client.get(f"/rilis/{release.pk}.txt")
    assert text.status_code == 200 and text["Content-Type"].startswith("text/plain")
    assert text.content.decode().startswith(release.title + "\n\nKARAWANG \u2013 ")
    html = client.get(f"/rilis/{release.pk}.html").content.decode()
    assert f"<h1>{release.title}</h1>" in html and "<p>KARAWANG \u2013 " in html
    docx = pytest.importorskip("docx")
    response = client.get(f"/rilis/{release.pk}.docx")
    assert response["Content-Disposition"] == f'attachment; filename="rilis-{release.pk}.docx"'
    document = docx.Document(io.BytesIO(response.content))
    assert document.paragraphs[0].text == release.title
    assert any("Kamis (28/11/2024)" in p.text for p in document.paragraphs)


def test_html_download_escapes_an_edited_text(cast, client):
    release = release_for(cast)
    PressRelease.objects.filter(pk=release.pk).update(title="<script>x</script>", status="published")
    html = client.get(f"/rilis/{release.pk}.html").content.decode()
    assert "<script>x" not in html and "&lt;script&gt;x" in html


@pytest.mark.parametrize(
    ("username", "allowed"),
    [
        (None, False),
        ("officer_a", False),
        ("analyst", False),
        ("officer_purwakarta", False),
        ("humas", True),
        ("kapolsek_a", True),
        ("auditor", True),
    ],
)
def test_unpublished_downloads_are_only_for_the_press_roles_of_the_jurisdiction(cast, username, allowed):
    release = release_for(cast)
    client = client_for(cast[username] if username else None)
    for fmt in ("txt", "html", "docx"):
        assert client.get(f"/rilis/{release.pk}.{fmt}").status_code == (200 if allowed else 404)


def test_the_api_walks_the_workflow(cast):
    activity = verified_visit(cast)
    humas, commander = client_for(cast["humas"]), client_for(cast["kapolsek_a"])
    created = humas.post(
        f"{API}/from-activity", {"activity_id": activity.pk}, content_type="application/json"
    )
    assert created.status_code == 201, created.content
    release = created.json()
    assert release["status"] == "draft" and release["activity_ids"] == [activity.pk]
    assert "Kamis (28/11/2024)" in release["body"]
    url = f"{API}/{release['id']}"
    edited = humas.put(
        url, json.dumps({"title": "Judul", "body": release["body"]}), content_type="application/json"
    )
    assert edited.json()["status"] == "edited"
    assert humas.post(f"{url}/approve").status_code == 403
    assert humas.post(f"{url}/publish").status_code == 422
    assert commander.post(f"{url}/approve").json()["status"] == "approved"
    assert humas.post(f"{url}/publish").json()["status"] == "published"


def test_the_api_refuses_unverified_activities_and_foreign_rows(cast):
    from sejuk.activities import services as activity_services
    from tests.activities.helpers import seed_visit

    draft, _ = activity_services.record_activity(cast["officer_a"], seed_visit())
    humas = client_for(cast["humas"])
    response = humas.post(f"{API}/from-activity", {"activity_id": draft.pk}, content_type="application/json")
    assert response.status_code == 422
    release = release_for(cast)
    assert client_for(cast["officer_purwakarta"]).get(f"{API}/{release.pk}").status_code == 404
    assert client_for(cast["officer_a"]).get(f"{API}/{release.pk}").status_code == 404
    assert client_for(None).get(API).status_code == 401


def test_the_api_daily_draft_and_list(cast, django_assert_max_num_queries):
    verified_visit(cast)
    humas = client_for(cast["humas"])
    payload = {"unit_code": "polsek-klari", "date": "2024-11-28", "language": "en"}
    created = humas.post(f"{API}/daily", payload, content_type="application/json")
    assert created.status_code == 201 and created.json()["language"] == "en"
    for _ in range(3):
        release_for(cast)
    with django_assert_max_num_queries(8):
        rows = humas.get(API, {"status": "draft"}).json()
    assert len(rows) == 4
