"""The site's error pages speak Indonesian and tell the user what happened to their input."""

import pytest
from django.test import Client

from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_an_unknown_page_is_a_404_in_indonesian_with_a_way_home(cast):
    response = client_for(cast["officer_a"]).get("/tidak-ada-halaman/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Halaman tidak ditemukan" in page and 'href="/"' in page


def test_a_form_sent_without_a_valid_csrf_token_says_nothing_was_saved(cast):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/masuk/", {"username": "officer_a", "password": "x"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Formulir sudah kedaluwarsa" in page and "Tidak ada yang tersimpan" in page


def test_the_server_error_page_renders_without_a_request_context():
    from django.template import loader
    from django.utils import translation

    with translation.override("id"):
        page = loader.get_template("500.html").render({})
    assert "Kesalahan server" in page and "Periksa apakah kiriman Anda sudah tersimpan" in page
