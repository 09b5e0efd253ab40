"""Browser tests (#6): Playwright driving Debian's chromium against pytest-django's live server.

The live server needs a transactional database, and pytest-django flushes every table after each
transactional test. Two consequences, handled here:

- These tests rebuild what they need (`world`): the regions (`load_regions`, about 5 s, only when a
  flush emptied the table), the fixed cast (tests/cast.py) and the demo's map points.
- Nothing may need the session's data after them. pytest-django already runs transactional tests
  (and so every test using `live_server`) after all the ordinary database tests, and the tests
  left after them touch no database; the `browser` marker lets CI or a developer run them alone
  (`pytest -m browser`) or skip them (`-m "not browser"`).

Chromium comes from Debian (`apt-get install chromium`, done by .ci/run), never from Playwright's
own download; without /usr/bin/chromium the tests are skipped with the reason.
"""

from __future__ import annotations

import io
import os
from importlib import resources
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("SEJUK_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def browser(django_db_setup):
    """One chromium per module. Playwright's sync API keeps an event loop running in this thread, which
    Django's ORM takes for an async context: the tests' own queries are allowed for the module only."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_api.sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield launched
            launched.close()


@pytest.fixture
def world(transactional_db, django_db_blocker):
    """Regions, the cast and the demo's map points, rebuilt if an earlier flush removed them."""
    from django.test import override_settings

    from sejuk.accounts.models import User
    from sejuk.dashboard.geometry import load_geometry
    from sejuk.regions.models import Region
    from sejuk.regions.services import load_regions
    from sejuk.units.importers import import_units
    from sejuk.units.models import Unit
    from sejuk.units.officer_import import import_officers
    from tests.cast import CAST_OFFICERS_CSV, CAST_UNITS_CSV, build_cast_users
    from tests.conftest import FAST_HASHERS

    with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        if not Region.objects.filter(code="32.15.05").exists():
            load_regions()
        if not Unit.objects.filter(code="polsek-klari").exists():
            assert import_units(io.StringIO(CAST_UNITS_CSV)).ok
            assert import_officers(io.StringIO(CAST_OFFICERS_CSV)).ok
        if not User.objects.filter(username="officer_a").exists():
            build_cast_users()
    points = resources.files("sejuk.core.demo").joinpath("geometry.geojson").read_bytes()
    assert load_geometry(points, source="demo").ok
    return {u.username: u for u in User.objects.all()}


@pytest.fixture
def page_for(browser, live_server, world):
    """A logged-in page: page_for("officer_a", viewport=PHONE)."""
    from tests.cast import PASSWORD

    contexts = []

    def open_page(username: str, viewport=PHONE, **options):
        context = browser.new_context(viewport=viewport, locale="id-ID", **options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15000)
        page.goto(f"{live_server.url}/masuk/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        page.click("form button[type=submit]")
        page.wait_for_url(f"{live_server.url}/")
        return page

    yield open_page
    for context in contexts:
        context.close()
