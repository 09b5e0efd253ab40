"""Querysets compiled once per shape (#3): Django's own SQL and row conversion, reused.

Django turns a queryset into SQL every time it runs one. For the small look-ups each API
submission makes (its region, officers, figures and themes, the GPS reference point) that costs
0.3 to 1 ms of CPU apiece, several times what the database needs to answer (bench/README.md).
`CompiledQuery` builds the queryset once per *shape*, with marker values where the caller's values
go, keeps the SQL, columns and converters Django chose for it, and afterwards runs that SQL with
the real values: the same statement, the same rows, the same model instances (or tuples).

The shape key must name everything else the queryset depends on: for `restrict()` that is
`restriction_key(user, model)`; the number of values is added to it here. A marker that Django
transforms (a `startswith` pattern) cannot be found again: such values belong in the key.

`run_many` asks several look-ups in ONE statement on PostgreSQL: each becomes a subquery whose
rows come back as a JSON array of arrays (`json_agg`), turned back into what the database driver
would have returned (datetimes, decimals...) before Django's own converters run. One round trip
and one statement instead of several; elsewhere, or for a column type it cannot carry, it asks
them one after another.
"""

from __future__ import annotations

import json
import uuid
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from weakref import WeakKeyDictionary

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet
from django.db.models.query import FlatValuesListIterable, ModelIterable, ValuesListIterable

# Shapes kept per connection; the least recently used beyond this are compiled again when needed.
MAX_SHAPES = 512
_INT_MARKER_BASE = -(2**52)


def _markers(values: Sequence) -> list:
    markers = []
    for position, value in enumerate(values):
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise TypeError(f"CompiledQuery takes int and str values, not {type(value).__name__}")
        markers.append(_INT_MARKER_BASE - position if isinstance(value, int) else f"~marker-{position}~")
    return markers


class _Shape:
    """One compiled statement: SQL, which parameter takes which value, and how rows become results."""

    def __init__(self, queryset: QuerySet, markers: list):
        compiler = queryset.query.get_compiler(using=queryset.db)
        try:
            self.sql, params = compiler.as_sql()
        except EmptyResultSet:  # e.g. `restrict()` for a role that may not see the model
            self.sql = None
            return
        self.params = list(params)
        self.slots = [
            (index, markers.index(param))
            for index, param in enumerate(self.params)
            if type(param) in (int, str) and param in markers
        ]
        if sorted(slot for _, slot in self.slots) != list(range(len(markers))):
            raise ValueError("each value must reach the SQL once, unchanged; put the others in the key")
        self.compiler, self.iterable = compiler, queryset._iterable_class
        fields = [s[0] for s in compiler.select[: compiler.col_count]]
        self.converters = compiler.get_converters(fields)
        self.from_json, self.json_columns = _json_readers(fields)
        if self.iterable is ModelIterable:
            info = compiler.klass_info
            if info.get("related_klass_infos") or compiler.annotation_col_map:
                raise ValueError("no select_related() or annotations: rows map to one model")
            self.model, self.db = info["model"], queryset.db
            self.start, self.end = info["select_fields"][0], info["select_fields"][-1] + 1
            self.names = [f[0].target.attname for f in compiler.select[self.start : self.end]]
        elif self.iterable not in (ValuesListIterable, FlatValuesListIterable):
            raise ValueError("model instances or values_list() rows only")

    def bind(self, values: Sequence) -> list:
        params = list(self.params)
        for index, slot in self.slots:
            params[index] = values[slot]
        return params

    def run(self, connection, values: Sequence) -> list:
        if self.sql is None:
            return []
        with connection.cursor() as cursor:
            cursor.execute(self.sql, self.bind(values))
            rows = cursor.fetchall()
        return self.results(rows)

    def results(self, rows: list) -> list:
        if self.converters:
            rows = list(self.compiler.apply_converters(rows, self.converters))
        if self.iterable is ModelIterable:
            return [self.model.from_db(self.db, self.names, row[self.start : self.end]) for row in rows]
        if self.iterable is FlatValuesListIterable:
            return [row[0] for row in rows]
        return [tuple(row) for row in rows]


class CompiledQuery:
    """A look-up whose SQL is built once per shape; see the module's docstring."""

    def __init__(self, using: str = "default"):
        self.using = using
        # Per connection object: Django's converters are bound to the connection that compiled them.
        self._shapes: WeakKeyDictionary = WeakKeyDictionary()

    def run(self, key: Hashable, build: Callable[..., QuerySet], values: Sequence = ()) -> list:
        """The results of `build(*values)`, compiled from `build(*markers)` on the first run of
        this key and number of values."""
        connection = connections[self.using]
        return self._shape(connection, key, build, values).run(connection, values)

    def run_many(self, lookups: Sequence[tuple[Hashable, Callable[..., QuerySet], Sequence]]) -> list[list]:
        """The results of several `run(key, build, values)`, asked in one statement where it can."""
        connection = connections[self.using]
        pairs = [(self._shape(connection, key, build, values), values) for key, build, values in lookups]
        asked = [(shape, values) for shape, values in pairs if shape.sql is not None]
        if connection.vendor != "postgresql" or len(asked) < 2 or any(s.from_json is None for s, _ in asked):
            return [shape.run(connection, values) for shape, values in pairs]
        sql = _together_sql(tuple((shape.sql, shape.json_columns) for shape, _ in asked))
        with connection.cursor() as cursor:
            cursor.execute(sql, [param for shape, values in asked for param in shape.bind(values)])
            found = iter(cursor.fetchone())
        results = []
        for shape, _values in pairs:
            if shape.sql is None:
                results.append([])
                continue
            rows = [
                [read(v) for read, v in zip(shape.from_json, row, strict=True)] for row in next(found) or ()
            ]
            results.append(shape.results(rows))
        return results

    def _shape(self, connection, key: Hashable, build: Callable[..., QuerySet], values: Sequence) -> _Shape:
        shapes = self._shapes.setdefault(connection, OrderedDict())
        full_key = (key, len(values))
        shape = shapes.get(full_key)
        if shape is None:
            markers = _markers(values)
            queryset = build(*markers)
            if queryset.db != self.using:
                raise ValueError(f"the queryset runs on {queryset.db!r}, not {self.using!r}")
            shape = shapes[full_key] = _Shape(queryset, markers)
            if len(shapes) > MAX_SHAPES:
                shapes.popitem(last=False)
        else:
            shapes.move_to_end(full_key)
        return shape


def _as_is(value):
    return value


# What the driver returns for a column of each type, from its value in JSON. A column of any other
# type (binary, ranges, arrays...) makes `run_many` ask that look-up on its own.
_FROM_JSON: dict[str, Callable] = {
    "DateTimeField": lambda v: v if v is None else datetime.fromisoformat(v),
    "DateField": lambda v: v if v is None else date.fromisoformat(v),
    "TimeField": lambda v: v if v is None else time.fromisoformat(v),
    "DecimalField": lambda v: v if v is None else Decimal(v),  # sent as text: every digit kept
    "FloatField": lambda v: v if v is None else float(v),
    "UUIDField": lambda v: v if v is None else uuid.UUID(v),
    # jsonb comes from the driver as text, for JSONField to decode (Django's PostgreSQL backend).
    "JSONField": lambda v: v if v is None else json.dumps(v),
}
_PLAIN = {
    "AutoField", "BigAutoField", "SmallAutoField", "IntegerField", "BigIntegerField", "SmallIntegerField",
    "PositiveIntegerField", "PositiveBigIntegerField", "PositiveSmallIntegerField", "BooleanField",
    "CharField", "TextField", "SlugField", "EmailField", "URLField", "ForeignKey", "OneToOneField",
}  # fmt: skip


def _json_readers(columns) -> tuple[list[Callable] | None, tuple[str, ...]]:
    """How to read each column back from JSON, and how to put it into JSON (numeric as text, so
    that a decimal keeps its digits and its scale), or (None, ()) when a column cannot go."""
    readers, sent = [], []
    for number, column in enumerate(columns):
        field = getattr(column, "output_field", None)
        kind = field.get_internal_type() if field is not None else None
        if kind in ("ForeignKey", "OneToOneField"):
            kind = field.target_field.get_internal_type()
        if kind in _FROM_JSON:
            readers.append(_FROM_JSON[kind])
        elif kind in _PLAIN:
            readers.append(_as_is)
        else:
            return None, ()
        sent.append(f"c{number}::text" if kind == "DecimalField" else f"c{number}")
    return readers, tuple(sent)


_TOGETHER: dict[tuple, str] = {}


def _together_sql(statements: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    """One SELECT with a JSON array of rows (each row an array, in column order) per statement,
    given as (SQL, the columns as they go into JSON: `c0`, `c1::text`...).

    `json_agg` over a sorted subquery takes the rows in that order (PostgreSQL's documented
    practice for aggregates over an ordered subquery); the look-ups' order is kept."""
    if statements not in _TOGETHER:
        parts = []
        for number, (sql, columns) in enumerate(statements):
            names = ", ".join(f"c{i}" for i in range(len(columns)))
            values = ", ".join(f"q{number}.{column}" for column in columns)
            parts.append(f"(SELECT json_agg(json_build_array({values})) FROM ({sql}) AS q{number}({names}))")
        _TOGETHER[statements] = "SELECT " + ", ".join(parts)
    return _TOGETHER[statements]
