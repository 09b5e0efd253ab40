"""A model instance's column values as Django's own INSERT sends them, for statements written by hand
(several INSERTs in one statement, activities/draft_statement.py)."""

from __future__ import annotations

from functools import cache


@cache
def insert_fields(model) -> tuple:
    """The columns an INSERT of `model` names: every concrete field but an auto-incremented key."""
    auto = model._meta.auto_field
    return tuple(f for f in model._meta.local_concrete_fields if f is not auto)


def insert_values(instance, fields, connection) -> list:
    """The values of `fields` for a new row, after `pre_save` (`auto_now_add`, `auto_now`), as
    `Model.save()` prepares them for `connection`."""
    return [f.get_db_prep_save(f.pre_save(instance, True), connection) for f in fields]
