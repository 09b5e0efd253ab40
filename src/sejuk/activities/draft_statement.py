"""A new draft in ONE statement on PostgreSQL: the activity, its three link tables and its audit entry.

The API's submissions (#3) spend more on round trips and on Django preparing five INSERTs (the row,
officers, figures, themes, the audit entry) wrapped in BEGIN and COMMIT than on anything the
database does. PostgreSQL takes data-modifying CTEs, so the five INSERTs become one statement that
is atomic by itself: no transaction to open and close in autocommit, nothing half-written when any
part fails (a repeated idempotency key fails the whole statement). The statement's text depends
only on the models, so it is built once and runs as a server-side prepared statement.

Other databases (SQLite in development and tests) take the plain path in services._insert; the
tests run on both, and compare the two paths' rows on PostgreSQL.
"""

from __future__ import annotations

from functools import cache, lru_cache

from auditlog.models import LogEntry

from sejuk.activities.models import Activity
from sejuk.core.audit import creation_entry
from sejuk.core.rows import insert_fields, insert_values

LINKS = ("officers", "figures", "themes")
# Filled by the statement from the new row's id.
_ENTRY_FROM_ID = ("object_pk", "object_id", "changes")


def supported(connection) -> bool:
    return connection.vendor == "postgresql"


@cache
def _link_table(name: str) -> tuple[str, str, str, str]:
    relation = Activity._meta.get_field(name)
    through = relation.remote_field.through._meta
    source = through.get_field(relation.m2m_field_name()).column
    target = through.get_field(relation.m2m_reverse_field_name())
    return through.db_table, source, target.column, target


@cache
def _entry_fields() -> tuple:
    return tuple(f for f in insert_fields(LogEntry) if f.name not in _ENTRY_FROM_ID)


def _link_types(vendor: str, connection) -> tuple[str, ...]:
    """The column types of the linked ids (bigint, varchar(40)...), worked out once per vendor."""
    types = _LINK_TYPES.get(vendor)
    if types is None:
        types = _LINK_TYPES[vendor] = tuple(_link_table(name)[3].db_type(connection) for name in LINKS)
    return types


_LINK_TYPES: dict[str, tuple[str, ...]] = {}


@lru_cache(maxsize=16)  # per connection's quoting function and link column types
def _sql(quote, vendor_types: tuple[str, ...]) -> str:
    fields = insert_fields(Activity)
    columns = ", ".join(quote(f.column) for f in fields)
    parts = [
        f"new AS (INSERT INTO {quote(Activity._meta.db_table)} ({columns}) "
        f"VALUES ({', '.join(['%s'] * len(fields))}) RETURNING {quote(Activity._meta.pk.column)} AS id)"
    ]
    for name, db_type in zip(LINKS, vendor_types, strict=True):
        table, source, target, _field = _link_table(name)
        parts.append(
            f"{name} AS (INSERT INTO {quote(table)} ({quote(source)}, {quote(target)}) "
            f"SELECT new.id, linked FROM new, unnest(%s::{db_type}[]) AS linked)"
        )
    entry_fields = _entry_fields()
    entry_columns = [quote(f.column) for f in entry_fields]
    entry_columns += [quote(LogEntry._meta.get_field(name).column) for name in _ENTRY_FROM_ID]
    entry_values = ["%s"] * len(entry_fields)
    entry_values += ["new.id::text", "new.id", "jsonb_set(%s, '{id}', jsonb_build_array(NULL, new.id))"]
    parts.append(
        f"entry AS (INSERT INTO {quote(LogEntry._meta.db_table)} ({', '.join(entry_columns)}) "
        f"SELECT {', '.join(entry_values)} FROM new)"
    )
    return "WITH " + ", ".join(parts) + " SELECT id FROM new"


def insert_draft(connection, activity: Activity, links: dict[str, list]) -> int:
    """Insert `activity`, its `links` (officers, figures, themes) and its one audit entry
    (core/audit.creation_entry, the id filled in by the statement) in one statement; returns the
    new id. Raises IntegrityError, with nothing stored, when any part breaks a constraint."""
    sql = _sql(connection.ops.quote_name, _link_types(connection.vendor, connection))
    params = insert_values(activity, insert_fields(Activity), connection)  # sets the timestamps
    entry = creation_entry(activity, links)
    params += [[obj.pk for obj in links[name]] for name in LINKS]
    params += insert_values(entry, _entry_fields(), connection)
    params.append(LogEntry._meta.get_field("changes").get_db_prep_save(entry.changes, connection))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        (activity_id,) = cursor.fetchone()
    return activity_id
