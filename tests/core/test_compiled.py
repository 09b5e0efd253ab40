"""Querysets compiled once per shape give what the ORM gives, for every shape and value."""

import pytest

from sejuk.core.compiled import CompiledQuery
from sejuk.core.jurisdiction import restriction_key
from sejuk.figures.models import Figure
from sejuk.regions.models import Region
from sejuk.units.models import Officer
from tests.activities.helpers import make_figure

pytestmark = pytest.mark.django_db


def fields(instances) -> list[dict]:
    return [{k: v for k, v in vars(i).items() if not k.startswith("_")} for i in instances]


def scoped_officers(user):
    return lambda *pks: Officer.objects.restrict(user).filter(pk__in=pks, active=True)


@pytest.mark.parametrize("username", ["officer_a", "kapolres", "officer_purwakarta", "auditor"])
def test_scoped_instances_equal_the_orms_for_each_user_and_each_set_of_ids(cast, username):
    user, query = cast[username], CompiledQuery()
    all_ids = sorted(Officer.objects.values_list("pk", flat=True))
    for ids in (all_ids, all_ids[:2], all_ids[3:], [all_ids[0]], all_ids[:2]):  # the last one: a reused shape
        expected = list(scoped_officers(user)(*ids))
        found = query.run(restriction_key(user, Officer), scoped_officers(user), ids)
        assert fields(found) == fields(expected)
        assert all(type(o) is Officer and not o._state.adding for o in found)


def test_a_compiled_shape_is_reused_with_new_values_and_still_applies_the_users_area(cast):
    query = CompiledQuery()
    klari = make_figure(name="Tokoh Klari", region="32.15.05.2001")
    cikampek = make_figure(name="Tokoh Cikampek", region="32.15.13.2001")
    officer = cast["officer_a"]

    def visible(*ids):
        return query.run(
            restriction_key(officer, Figure),
            lambda *pks: Figure.objects.restrict(officer).current().filter(pk__in=pks),
            ids,
        )

    assert visible(klari.pk) == [klari]
    assert visible(cikampek.pk) == []  # same shape, another value: still outside officer A's area
    assert visible(klari.pk, cikampek.pk) == [klari]


def test_values_list_rows_and_flat_values_are_converted_like_the_orms():
    query = CompiledQuery()
    codes = ["32.15.05", "32.15.13"]

    def rows(*wanted):
        return Region.objects.filter(code__in=wanted).values_list("code", "level", "retired")

    assert query.run("rows", rows, codes) == list(rows(*codes))
    flat = query.run(
        "flat", lambda *w: Region.objects.filter(code__in=w).values_list("name", flat=True), codes
    )
    assert sorted(flat) == sorted(Region.objects.filter(code__in=codes).values_list("name", flat=True))


def test_nothing_to_look_up_and_a_role_without_the_right_give_empty_lists(cast):
    query = CompiledQuery()
    officer = cast["officer_a"]
    assert query.run("none", lambda *pks: Officer.objects.filter(pk__in=pks), []) == []
    users = type(officer).objects  # field officers may not see user accounts: restrict() is none()
    key = restriction_key(officer, users.model)
    assert query.run(key, lambda *pks: users.restrict(officer).filter(pk__in=pks), [officer.pk]) == []
    admin = cast["admin"]
    key = restriction_key(admin, users.model)
    assert query.run(key, lambda *pks: users.restrict(admin).filter(pk__in=pks), [officer.pk]) == [officer]


def test_a_value_django_transforms_must_be_part_of_the_key_not_a_value():
    query = CompiledQuery()
    with pytest.raises(ValueError, match="unchanged"):
        query.run("prefix", lambda code: Region.objects.filter(code__startswith=code), ["32.15"])


def test_keys_of_different_jurisdictions_differ_and_those_of_colleagues_match(cast):
    assert restriction_key(cast["officer_a"], Officer) == restriction_key(cast["kapolsek_a"], Officer)
    assert restriction_key(cast["officer_a"], Officer) != restriction_key(cast["officer_b"], Officer)
    assert restriction_key(cast["officer_a"], Officer) != restriction_key(cast["officer_a"], Figure)


def _activity_and_incident_shapes():
    from sejuk.activities.models import Activity
    from sejuk.incidents.models import Incident

    return [
        ("activities", lambda *pks: Activity.objects.filter(pk__in=pks)),
        ("incidents", lambda *pks: Incident.objects.filter(pk__in=pks)),
    ]


def test_several_look_ups_asked_together_give_what_each_gives_alone(cast, django_assert_num_queries):
    from datetime import date
    from decimal import Decimal

    from django.db import connection

    from sejuk.activities import services
    from tests.activities.helpers import seed_visit
    from tests.incidents.helpers import report

    user = cast["officer_a"]
    figures = [make_figure(name=n, alignment_date=date(2024, 11, 2)) for n in ("Zaenal", "Abdul", "Maman")]
    activity, _ = services.record_activity(
        user,
        seed_visit(
            partners=["tni"], latitude=-6.3801, longitude=107.3312, figure_ids=[f.pk for f in figures]
        ),
    )
    incident = report(user, latitude=-6.3801, longitude=107.3312)
    lookups = [
        (
            restriction_key(user, Officer),
            scoped_officers(user),
            sorted(Officer.objects.values_list("pk", flat=True)),
        ),
        ("none", lambda *pks: Officer.objects.filter(pk__in=pks), []),  # nothing asked: not in the statement
        (
            restriction_key(user, Figure),
            lambda *pks: Figure.objects.restrict(user).current().filter(pk__in=pks),
            sorted(f.pk for f in figures),
        ),
        (
            "rows",
            lambda *w: Region.objects.filter(code__in=w).values_list("code", "level", "retired"),
            ["32.15.05"],
        ),
    ]
    shapes = _activity_and_incident_shapes()
    lookups += [
        (key, build, [pk]) for (key, build), pk in zip(shapes, [activity.pk, incident.pk], strict=True)
    ]
    query = CompiledQuery()
    expected = [CompiledQuery().run(key, build, values) for key, build, values in lookups]
    statements = 1 if connection.vendor == "postgresql" else len([v for _k, _b, v in lookups if v])
    with django_assert_num_queries(statements):
        together = query.run_many(lookups)
    assert [fields(r) if r and hasattr(r[0], "_state") else r for r in together] == [
        fields(r) if r and hasattr(r[0], "_state") else r for r in expected
    ]
    assert [f.name for f in together[2]] == [f.name for f in expected[2]]  # the model's order kept
    found_activity = together[4][0]
    assert found_activity.partners == ["tni"] and isinstance(found_activity.latitude, Decimal | float)
    assert found_activity.occurred_at == activity.occurred_at and together[2][0].alignment_date == date(
        2024, 11, 2
    )
    found_incident = together[5][0]
    assert found_incident.occurred_at == incident.occurred_at
    assert found_incident.latitude == Decimal("-6.3801")
    # Every digit and the scale, as the driver gives them (not a float's shortest form).
    assert str(found_incident.latitude) == str(expected[5][0].latitude) == "-6.380100"


def test_a_column_json_cannot_carry_makes_its_look_up_run_alone(django_assert_num_queries):
    from datetime import timedelta

    from django.db import connection
    from django.db.models import DurationField, Value

    def durations(*codes):
        return (
            Region.objects.filter(code__in=codes)
            .annotate(span=Value(timedelta(days=2), output_field=DurationField()))
            .values_list("code", "span")
        )

    lookups = [
        ("durations", durations, ["32.15.05"]),
        ("rows", lambda *w: Region.objects.filter(code__in=w).values_list("code"), ["32.15"]),
    ]
    with django_assert_num_queries(2):
        found = CompiledQuery().run_many(lookups)
    assert found == [[("32.15.05", timedelta(days=2))], [("32.15",)]]
    assert connection.vendor in ("postgresql", "sqlite")
