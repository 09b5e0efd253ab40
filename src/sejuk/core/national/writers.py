"""Fast bulk insertion: COPY on PostgreSQL (psycopg 3), executemany on SQLite, one transaction.

Rows are tuples in the order of the field names given (attnames: "unit_id"); every other column
gets the field's default, so a field another app adds later (with a default) needs no change here.
Nothing goes through `Model.save()` or signals: generated rows are not row-audited by auditlog.

On PostgreSQL the session runs with `session_replication_role = replica` when the role is a
superuser: foreign-key triggers are skipped (the generator writes consistent keys by
construction; unique indexes still hold), which avoids queueing tens of millions of deferred
checks until commit. Without superuser rights constraints are checked per statement instead.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice

from django.db import connection, transaction

BATCH = 20_000


def _batches(rows: Iterable[tuple], size: int) -> Iterator[list[tuple]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


class Writer:
    """Base: column mapping, defaults, timing. Subclasses write batches and reserve ids."""

    timestamp_suffix = ""

    def __init__(self):
        self.cursor = None
        self.stats: dict[str, list[float]] = {}

    @staticmethod
    def table_of(model) -> str:
        return model._meta.db_table

    def _columns(self, model, fields: tuple[str, ...]) -> tuple[list[str], tuple]:
        """Columns for `fields` plus the columns left out, with their default values."""
        by_attname = {f.attname: f for f in model._meta.concrete_fields}
        unknown = set(fields) - set(by_attname)
        if unknown:
            raise ValueError(f"{model.__name__} has no fields {sorted(unknown)}")
        columns = [by_attname[name].column for name in fields]
        defaults = []
        for name, field in by_attname.items():
            if name in fields or field.primary_key:
                continue
            value = field.get_default()
            if value is None and not field.null:
                raise ValueError(f"{model.__name__}.{name} has no default: the generator must fill it")
            columns.append(field.column)
            defaults.append(field.get_db_prep_save(value, connection))
        return columns, tuple(defaults)

    def insert(
        self,
        model,
        fields: tuple[str, ...],
        rows: Iterable[tuple],
        progress: Callable[[int], None] | None = None,
        label: str | None = None,
    ) -> int:
        """Write `rows` into the model's table; the time spent (generating lazy rows included)
        is added to `stats[label]`."""
        label = label or self.table_of(model)
        began = time.perf_counter()
        columns, defaults = self._columns(model, fields)
        written = 0
        for batch in _batches(rows, BATCH):
            if defaults:
                batch = [row + defaults for row in batch]
            self._write(self.table_of(model), columns, batch)
            written += len(batch)
            if progress:
                progress(len(batch))
        self.add_time(label, written, time.perf_counter() - began)
        return written

    def add_time(self, label: str, rows: int, seconds: float) -> None:
        entry = self.stats.setdefault(label, [0, 0.0])
        entry[0] += rows
        entry[1] += seconds

    def _write(self, table: str, columns: list[str], batch: list[tuple]) -> None:
        raise NotImplementedError

    def reserve_ids(self, model, count: int) -> int:
        raise NotImplementedError

    def setup(self) -> None:
        pass

    @contextmanager
    def indexes_deferred(self, planned) -> Iterator[None]:
        yield

    def analyze(self, models) -> None:
        pass


_PLAIN_INDEXES = """
    SELECT index_class.relname, pg_get_indexdef(x.indexrelid)
    FROM pg_index x JOIN pg_class index_class ON index_class.oid = x.indexrelid
    WHERE x.indrelid = %s::regclass AND NOT EXISTS (
        SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.conrelid = x.indrelid
    )
"""


class PostgresWriter(Writer):
    timestamp_suffix = "+00"

    def setup(self) -> None:
        self.cursor.execute("SET LOCAL synchronous_commit = off")
        self.cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        self.cursor.execute("SET LOCAL work_mem = '256MB'")
        relax_constraints(self.cursor)

    @contextmanager
    def indexes_deferred(self, planned) -> Iterator[None]:
        """Drop the plain (non-constraint) indexes of the tables about to grow more than they
        hold ((model, rows to insert) pairs) and build them again afterwards: one sorted build is
        many times faster than millions of random index insertions. Inside the transaction, so a
        failure restores them; the tables stay locked until commit."""
        definitions = []
        for model, rows in planned:
            self.cursor.execute(
                "SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [self.table_of(model)]
            )
            if self.cursor.fetchone()[0] > rows:
                continue
            self.cursor.execute(_PLAIN_INDEXES, [self.table_of(model)])
            for name, definition in self.cursor.fetchall():
                definitions.append(definition)
                self.cursor.execute(f'DROP INDEX "{name}"')
        yield
        began = time.perf_counter()
        for definition in definitions:
            self.cursor.execute(definition)
        self.add_time("indexes", 0, time.perf_counter() - began)

    def _write(self, table, columns, batch) -> None:
        quoted = ", ".join(f'"{c}"' for c in columns)
        with self.cursor.cursor.copy(f'COPY "{table}" ({quoted}) FROM STDIN') as copy:
            write_row = copy.write_row
            for row in batch:
                write_row(row)

    def reserve_ids(self, model, count: int) -> int:
        table = self.table_of(model)
        self.cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
        sequence = self.cursor.fetchone()[0]
        self.cursor.execute(
            f'SELECT setval(%s, GREATEST((SELECT COALESCE(MAX(id), 0) FROM "{table}"), '
            f"(SELECT last_value FROM {sequence})) + %s)",
            [sequence, max(count, 1)],
        )
        return self.cursor.fetchone()[0] - max(count, 1) + 1

    def analyze(self, models) -> None:
        for model in models:
            self.cursor.execute(f'ANALYZE "{self.table_of(model)}"')


class SqliteWriter(Writer):
    def _write(self, table, columns, batch) -> None:
        quoted = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        connection.connection.executemany(f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})', batch)

    def reserve_ids(self, model, count: int) -> int:
        # AUTOINCREMENT tables never reuse an id: take the larger of MAX(id) and sqlite_sequence.
        table = self.table_of(model)
        self.cursor.execute(
            f'SELECT MAX(COALESCE((SELECT MAX(id) FROM "{table}"), 0), '
            "COALESCE((SELECT seq FROM sqlite_sequence WHERE name = %s), 0))",
            [table],
        )
        return self.cursor.fetchone()[0] + 1

    def analyze(self, models) -> None:
        self.cursor.execute("ANALYZE")


def relax_constraints(cursor) -> None:
    """For the rest of the transaction, skip foreign-key triggers (PostgreSQL superuser) or
    check them per statement; SQLite checks its deferred keys at commit, cheaply."""
    if connection.vendor != "postgresql":
        return
    cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    if cursor.fetchone()[0]:
        cursor.execute("SET LOCAL session_replication_role = replica")
    else:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


@contextmanager
def open_writer() -> Iterator[Writer]:
    """A writer for the default database, inside one transaction: all or nothing."""
    writer = PostgresWriter() if connection.vendor == "postgresql" else SqliteWriter()
    with transaction.atomic(), connection.cursor() as cursor:
        writer.cursor = cursor
        writer.setup()
        yield writer
