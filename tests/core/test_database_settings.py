"""The database settings read from the environment (docs/configuration.md)."""

import pytest

from sejuk import settings

PG = "postgres://sejuk:secret@db.example:5432/sejuk"


def test_postgresql_binds_on_the_server_and_prepares_repeated_statements_by_default(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", PG)
    monkeypatch.delenv("DATABASE_PREPARED_STATEMENTS", raising=False)
    monkeypatch.delenv("DATABASE_CONN_MAX_AGE", raising=False)
    config = settings._database()
    assert config["OPTIONS"] == {"server_side_binding": True, "prepare_threshold": 5}
    assert config["CONN_MAX_AGE"] == 60


@pytest.mark.parametrize("raw", ["0", "off"])
def test_prepared_statements_can_be_turned_off_for_a_transaction_pooler(monkeypatch, raw):
    monkeypatch.setenv("DATABASE_URL", PG)
    monkeypatch.setenv("DATABASE_PREPARED_STATEMENTS", raw)
    monkeypatch.setenv("DATABASE_CONN_MAX_AGE", "600")
    config = settings._database()
    assert "server_side_binding" not in config.get("OPTIONS", {})
    assert config["CONN_MAX_AGE"] == 600


def test_sqlite_reconnects_per_request_and_knows_nothing_of_prepared_statements(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'x.sqlite3'}")
    monkeypatch.setenv("DATABASE_CONN_MAX_AGE", "600")
    config = settings._database()
    assert config["CONN_MAX_AGE"] == 0 and "server_side_binding" not in config["OPTIONS"]
