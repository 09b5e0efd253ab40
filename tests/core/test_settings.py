import re
from pathlib import Path

import pytest

from sejuk import env

ROOT = Path(__file__).resolve().parents[2]


def test_every_environment_variable_read_by_the_code_is_documented():
    sources = "\n".join(p.read_text() for p in (ROOT / "src" / "sejuk").rglob("*.py"))
    names = set(re.findall(r'env_(?:str|bool|int|list)\("([A-Z_]+)"', sources))
    documented = (ROOT / "docs" / "configuration.md").read_text()
    assert names, "no variables found: the pattern is out of date"
    missing = sorted(name for name in names if f"`{name}`" not in documented)
    assert not missing, f"document these in docs/configuration.md: {missing}"


def test_every_management_command_is_in_the_readme_or_docs():
    commands = {
        p.stem for p in (ROOT / "src" / "sejuk").glob("*/management/commands/*.py") if p.stem != "__init__"
    }
    text = (ROOT / "README.md").read_text() + (ROOT / "docs" / "operations.md").read_text()
    assert sorted(c for c in commands if c not in text) == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", True), ("true", True), ("ya", True), ("0", False), ("off", False), ("", False)],
)
def test_booleans_are_read_the_way_operators_write_them(monkeypatch, raw, expected):
    monkeypatch.setenv("SOME_FLAG", raw)
    assert env.env_bool("SOME_FLAG") is expected


def test_secrets_can_come_from_a_file(monkeypatch, tmp_path):
    secret = tmp_path / "key"
    secret.write_text("from-a-file\n")
    monkeypatch.setenv("SECRET_KEY_FILE", str(secret))
    assert env.env_str("SECRET_KEY") == "from-a-file"


def test_a_missing_secret_key_is_a_system_check_error(settings):
    from sejuk.core.checks import secret_key_is_set

    settings.SECRET_KEY_MISSING = True
    assert [e.id for e in secret_key_is_set(None)] == ["sejuk.E001"]
    settings.SECRET_KEY_MISSING = False
    assert secret_key_is_set(None) == []


def test_debug_is_off_by_default(settings):
    from django.conf import settings as live

    assert live.DEBUG is False


@pytest.mark.django_db
def test_the_suite_runs_on_the_database_that_database_url_names():
    import os

    from django.db import connection

    url = os.environ.get("DATABASE_URL", "sqlite")
    assert connection.vendor == ("postgresql" if url.startswith("postgres") else "sqlite")
