"""Shared fixtures: all regions and a fixed cast of users, built once per test session.

The cast (style guide): an officer of Polsek A (Klari), the Kapolsek of A, the Kapolres over A
and B, an officer of Polsek B (Cikampek), an auditor, an administrator, and an anonymous visitor;
Polres Purwakarta is a neighbouring area none of the Karawang users may see.
"""

import io
import os

import pytest

from tests.cast import CAST_OFFICERS_CSV, CAST_UNITS_CSV, build_cast_users

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from django.test import override_settings

    from sejuk.regions.services import load_regions
    from sejuk.units.importers import import_units
    from sejuk.units.officer_import import import_officers

    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        load_regions()
        assert import_units(io.StringIO(CAST_UNITS_CSV)).ok
        assert import_officers(io.StringIO(CAST_OFFICERS_CSV)).ok
        build_cast_users()


def pytest_configure(config):
    # Before the first password is hashed; no fixture needed, so pure-engine tests stay Django-free.
    from django.conf import settings

    if settings.configured or "DJANGO_SETTINGS_MODULE" in os.environ:
        settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture(autouse=True)
def _fresh_process_caches():
    """Each test starts with empty per-process caches (core/process_cache.py): a test's rows are
    rolled back, what a cache kept from them must not reach the next test."""
    from sejuk.core.process_cache import clear_all

    clear_all()


@pytest.fixture
def cast(db):
    from sejuk.accounts.models import User

    users = {u.username: u for u in User.objects.select_related("unit")}
    return users


def client_for(user):
    from django.test import Client

    client = Client()
    if user is not None:
        client.force_login(user)
    return client
