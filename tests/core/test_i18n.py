import pytest

from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_the_interface_speaks_indonesian_by_default(cast):
    page = client_for(cast["kapolres"]).get("/").content.decode()
    assert 'lang="id"' in page
    assert "Beranda" in page and "Keluar" in page


def test_english_is_used_when_chosen(cast):
    client = client_for(cast["kapolres"])
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get("/").content.decode()
    assert 'lang="en"' in page and "Home" in page and "Log out" in page


def test_the_login_page_is_in_indonesian(client):
    page = client.get("/masuk/").content.decode()
    assert "Masuk" in page and "Kata sandi" in page


def test_a_browser_asking_for_english_still_gets_indonesian_until_the_user_chooses(cast):
    client = client_for(cast["kapolres"])
    page = client.get("/", headers={"Accept-Language": "en-US,en;q=0.9"}).content.decode()
    assert 'lang="id"' in page and "Beranda" in page


def test_the_stylesheet_is_served(client):
    response = client.get("/static/sejuk/sejuk.css")
    assert response.status_code == 200
