"""Personal API tokens: issue, check, revoke."""

from __future__ import annotations

import hashlib
import secrets
from weakref import WeakKeyDictionary

from django.contrib.auth import authenticate
from django.db import connections
from django.db.models import Model
from django.utils import timezone

from sejuk.accounts.models import ApiToken, User
from sejuk.core.jurisdiction import unit_jurisdiction
from sejuk.units.models import Unit, UnitArea

# How often the token's last use is written: on every request it would serialise all API calls
# of one token on one row; once a minute is enough to see which tokens are alive.
LAST_USED_RESOLUTION_SECONDS = 60


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def issue_token(username: str, password: str, name: str = "") -> tuple[ApiToken, str] | None:
    """Exchange a username and password for a new token; returns (token, key) or None."""
    user = authenticate(username=username, password=password)
    if user is None or not user.is_active:
        return None
    key = "sjk_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name[:80], key_hash=_digest(key), prefix=key[4:12])
    return token, key


class _Columns:
    """The concrete columns of a model in one SELECT, and Django's converters for their values."""

    def __init__(self, model: type[Model], alias: str, connection, only: tuple[str, ...] = ()):
        quote = connection.ops.quote_name
        fields = model._meta.concrete_fields
        self.model, self.fields = model, [f for f in fields if f.attname in only] if only else fields
        self.names = [f.attname for f in self.fields]
        self.sql = ", ".join(f"{alias}.{quote(f.column)}" for f in self.fields)
        self.converters = []
        for f in self.fields:
            column = f.get_col(model._meta.db_table)
            found = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
            self.converters.append((found, column))

    def convert(self, values, connection) -> list:
        converted = []
        for value, (converters, column) in zip(values, self.converters, strict=True):
            for convert in converters:
                value = convert(value, column, connection)
            converted.append(value)
        return converted

    def build(self, values, connection) -> Model:
        return self.model.from_db(connection.alias, self.names, self.convert(values, connection))


_LOOKUPS: WeakKeyDictionary = WeakKeyDictionary()  # per connection object: converters bind to it


def _lookup(connection) -> tuple[str, _Columns, _Columns, _Columns]:
    if connection not in _LOOKUPS:
        _LOOKUPS[connection] = _build_lookup(connection)
    return _LOOKUPS[connection]


def _build_lookup(connection) -> tuple[str, _Columns, _Columns, _Columns]:
    """Token, user, unit and the unit's area codes in one statement (one row per area code).

    Written by hand (once per connection): every API request runs it, and Django's ORM spends about
    1 ms of CPU building the SQL of a select_related query, five times what the database needs
    to answer it (bench/README.md). Plain joins, so it runs on SQLite and PostgreSQL alike."""
    quote = connection.ops.quote_name
    token = _Columns(ApiToken, "t", connection, only=("id", "last_used_at"))
    user, unit = _Columns(User, "u", connection), _Columns(Unit, "n", connection)
    token_table, area_table = quote(ApiToken._meta.db_table), quote(UnitArea._meta.db_table)
    sql = (
        f"SELECT {token.sql}, {user.sql}, {unit.sql}, a.{quote('region_id')}"
        f" FROM {token_table} t"
        f" INNER JOIN {quote(User._meta.db_table)} u ON u.{quote('id')} = t.{quote('user_id')}"
        f" LEFT OUTER JOIN {quote(Unit._meta.db_table)} n ON n.{quote('id')} = u.{quote('unit_id')}"
        f" LEFT OUTER JOIN {area_table} a ON a.{quote('unit_id')} = n.{quote('id')}"
        f" WHERE t.{quote('key_hash')} = %s AND t.{quote('revoked_at')} IS NULL"
        f" AND u.{quote('is_active')} = %s"
    )
    return sql, token, user, unit


def user_for_key(key: str, using: str = "default") -> User | None:
    """The active owner of an unrevoked token, with the unit and its area already read, so that
    `jurisdiction_of(user)` needs no further query."""
    connection = connections[using]
    sql, token_columns, user_columns, unit_columns = _lookup(connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, [_digest(key), True])
        rows = cursor.fetchall()
    if not rows:
        return None
    first = rows[0]
    token_id, last_used_at = token_columns.convert(first[:2], connection)
    user_end = 2 + len(user_columns.names)
    user = user_columns.build(first[2:user_end], connection)
    unit_values = first[user_end:-1]
    if user.unit_id is not None:
        unit = unit_columns.build(unit_values, connection)
        User._meta.get_field("unit").set_cached_value(user, unit)
        unit_jurisdiction(unit, area_codes=[row[-1] for row in rows if row[-1] is not None])
    _touch(token_id, last_used_at)
    return user


def _touch(token_id: int, last_used_at) -> None:
    now = timezone.now()
    if last_used_at is None or (now - last_used_at).total_seconds() > LAST_USED_RESOLUTION_SECONDS:
        ApiToken.objects.filter(pk=token_id).update(last_used_at=now)


def revoke_token(token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
