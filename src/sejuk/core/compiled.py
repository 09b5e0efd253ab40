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
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
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
        if self.iterable is ModelIterable:
            info = compiler.klass_info
            if info.get("related_klass_infos") or compiler.annotation_col_map:
                raise ValueError("no select_related() or annotations: rows map to one model")
            self.model, self.db = info["model"], queryset.db
            self.start, self.end = info["select_fields"][0], info["select_fields"][-1] + 1
            self.names = [f[0].target.attname for f in compiler.select[self.start : self.end]]
        elif self.iterable not in (ValuesListIterable, FlatValuesListIterable):
            raise ValueError("model instances or values_list() rows only")

    def run(self, connection, values: Sequence) -> list:
        if self.sql is None:
            return []
        params = list(self.params)
        for index, slot in self.slots:
            params[index] = values[slot]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
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
        return shape.run(connection, values)
