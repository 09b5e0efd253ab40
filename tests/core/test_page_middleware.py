"""API calls pass over the page-only middleware (core/page_middleware.py); what those protected
still holds: CSRF for session-authenticated API writes, messages and htmx on pages."""

import pytest
from django.test import Client

from tests.activities.helpers import seed_visit

pytestmark = pytest.mark.django_db


def visit_body() -> dict:
    data = seed_visit()
    return {
        "activity_type": data.activity_type,
        "region_code": data.region_code,
        "occurred_at": data.occurred_at.isoformat(),
        "theme_codes": data.theme_codes,
    }


def test_a_session_authenticated_api_write_without_the_csrf_token_is_refused(cast):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(cast["officer_a"])
    refused = browser.post("/api/v1/activities", visit_body(), content_type="application/json")
    assert refused.status_code == 403
    browser.get("/kegiatan/")  # a page sets the CSRF cookie
    token = browser.cookies["csrftoken"].value
    accepted = browser.post(
        "/api/v1/activities", visit_body(), content_type="application/json", headers={"X-CSRFToken": token}
    )
    assert accepted.status_code == 201, accepted.content


def test_pages_still_get_htmx_and_messages_and_api_calls_no_redirects(cast):
    browser = Client()
    browser.force_login(cast["officer_a"])
    page = browser.get("/kegiatan/", headers={"HX-Request": "true"})
    assert page.status_code == 200 and page.wsgi_request.htmx and hasattr(page.wsgi_request, "_messages")
    api = browser.get("/api/v1/units/")  # an unknown API address: the API's own JSON 404
    assert api.status_code == 404 and api["Content-Type"].startswith("application/json")
    assert not hasattr(api.wsgi_request, "_messages")
    assert browser.get("/kegiatan").status_code == 301  # pages keep APPEND_SLASH
