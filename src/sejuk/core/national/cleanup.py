"""Finding and removing generated data (`--replace`).

Generated rows are recognised by their markers: units whose code starts with "gen-", users
whose username starts with "gen-", and what hangs off them (officers of those units, figures
they created, activities of those units, incidents with a "gen-" key or pointing at them).
Rows that other people made and that point at generated rows are handled as their foreign key
says (CASCADE: deleted through the ORM, with the audit trail; SET_NULL: cleared; PROTECT:
the run stops and says which). The generated rows themselves go with plain DELETEs.
"""

from __future__ import annotations

from django.db import connection, models, transaction
from django.db.models import Q

from sejuk.accounts.models import User
from sejuk.activities.models import Activity
from sejuk.core.national.plan import UNIT_PREFIX
from sejuk.core.national.writers import relax_constraints
from sejuk.figures.models import Figure
from sejuk.incidents.models import Incident
from sejuk.units.models import Officer, Unit, UnitArea


class GeneratedDataInUse(Exception):
    pass


def generated() -> dict[type[models.Model], Q]:
    """Each model that holds generated rows, with the condition that picks them (deletion order).

    Conditions, not querysets, so that "points at generated rows but is not generated" stays a
    condition on the same row (never a NOT IN over millions of ids).
    """
    units = Unit.objects.filter(code__startswith=UNIT_PREFIX)
    users = User.objects.filter(Q(username__startswith=UNIT_PREFIX) | Q(unit__in=units))
    officers = Officer.objects.filter(unit__in=units)
    return {
        Incident: Q(idempotency_key__startswith=UNIT_PREFIX)
        | Q(reported_by__in=users)
        | Q(assigned_unit__in=units)
        | Q(escalated_to__in=units)
        | Q(assigned_officer__in=officers),
        Activity: Q(unit__in=units) | Q(created_by__in=users),
        Figure: Q(created_by__in=users),
        User: Q(username__startswith=UNIT_PREFIX) | Q(unit__in=units),
        Officer: Q(unit__in=units),
        UnitArea: Q(unit__in=units),
        Unit: Q(code__startswith=UNIT_PREFIX),
    }


def has_generated_data() -> bool:
    return Unit.objects.filter(code__startswith=UNIT_PREFIX).exists()


def _outside_references(sets) -> list[tuple[models.ForeignKey, models.QuerySet]]:
    """Foreign keys from rows that are not generated to rows that are."""
    found = []
    for model, condition in sets.items():
        for relation in model._meta.related_objects:
            if relation.many_to_many or not relation.field.concrete:
                continue
            rows = model.objects.filter(condition)
            referencing = relation.related_model.objects.filter(**{f"{relation.field.name}__in": rows})
            if relation.related_model in sets:
                referencing = referencing.exclude(sets[relation.related_model])
            found.append((relation.field, referencing))
    return found


def _settle_outside_references(sets) -> None:
    for field, referencing in _outside_references(sets):
        if not referencing.exists():
            continue
        on_delete = field.remote_field.on_delete
        if on_delete is models.CASCADE:
            referencing.delete()
        elif on_delete is models.SET_NULL:
            referencing.update(**{field.name: None})
        else:
            model = field.model._meta.label
            raise GeneratedDataInUse(
                f"{referencing.count()} baris {model} merujuk data sintetis ({field.name}); hapus dulu."
            )


def _through_models(sets) -> set[type[models.Model]]:
    throughs = set()
    for model in sets:
        throughs.update(f.remote_field.through for f in model._meta.local_many_to_many)
        throughs.update(r.through for r in model._meta.related_objects if r.many_to_many)
    return {t for t in throughs if t._meta.auto_created}


def _delete_through_rows(sets) -> None:
    # One statement per side: "a IN (...) OR b IN (...)" would defeat PostgreSQL's semi-joins.
    for through in _through_models(sets):
        for fk in through._meta.fields:
            target = fk.related_model if fk.is_relation else None
            if target in sets:
                rows = target.objects.filter(sets[target])
                through.objects.filter(**{f"{fk.name}__in": rows})._raw_delete(connection.alias)


def remove_generated() -> dict[str, int]:
    """Delete every generated row (one transaction); returns rows deleted per table."""
    deleted: dict[str, int] = {}
    with transaction.atomic():
        sets = generated()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL work_mem = '256MB'")  # hashed sub-selects over generated ids
        _settle_outside_references(sets)
        _delete_through_rows(sets)
        with connection.cursor() as cursor:
            relax_constraints(cursor)
        # In this order each condition's markers (units, users) are still there when it runs.
        for model, condition in sets.items():
            deleted[model._meta.db_table] = model.objects.filter(condition)._raw_delete(connection.alias)
    return deleted


def vacuum() -> None:
    """Reclaim the space of deleted rows (PostgreSQL, outside a transaction only)."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    sets = generated()
    with connection.cursor() as cursor:
        for model in [*sets, *_through_models(sets)]:
            cursor.execute(f'VACUUM (ANALYZE) "{model._meta.db_table}"')
