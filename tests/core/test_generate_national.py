"""`sejuk generate_national` (#4): a small scale on the test database must be consistent."""

import datetime as dt
import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sejuk.core.national.plan import RegionRow, apportion, build_plan
from sejuk.core.national.timeline import Clock, day_weights

SCALE = "0.0005"


def _generate(*extra) -> str:
    out = io.StringIO()
    call_command(
        "generate_national", "--scale", SCALE, "--seed", "11", *extra, stdout=out, stderr=io.StringIO()
    )
    return out.getvalue()


def _plan():
    from sejuk.core.national.generate import region_rows

    return build_plan(region_rows(), float(SCALE), 11)


# --- pure parts -------------------------------------------------------------------------------


def _toy_regions(kecamatan_per_kabupaten: int = 10, desa_per_kecamatan: int = 4) -> list[RegionRow]:
    rows = [
        RegionRow("32", "Jawa Barat", 1, "provinsi", "WIB"),
        RegionRow("31", "DKI Jakarta", 1, "provinsi", "WIB"),
    ]
    for kab, kind in (("32.15", "kabupaten"), ("31.71", "kota")):
        rows.append(RegionRow(kab, f"Kab {kab}", 2, kind, "WIB"))
        for k in range(1, kecamatan_per_kabupaten + 1):
            kec = f"{kab}.{k:02d}"
            rows.append(RegionRow(kec, f"Kec {kec}", 3, "kecamatan", "WIB"))
            rows.extend(
                RegionRow(f"{kec}.{2000 + d}", f"Desa {d}", 4, "desa", "WIB")
                for d in range(desa_per_kecamatan)
            )
    return rows


def test_plan_maps_units_onto_regions():
    plan = build_plan(_toy_regions(), 1.0, 3)
    counts = plan.counts()
    assert counts["polda"] == 2 and counts["polres"] == 2
    # 20 kecamatan, about 5,500/7,285 of them get their own Polsek; the others share one.
    assert counts["polsek"] == 2 * round(10 * 5500 / 7285)
    assert counts["desa"] == 80
    assert 30 <= counts["bhabinkamtibmas"] <= 50  # one per ~2 desa
    jakarta = next(p for p in plan.polda if p.province == "31")
    assert jakarta.name == "Metro Jaya" and jakarta.polres[0].kind == "polres_metro"
    assert jakarta.polres[0].polsek[0].kind == "polsekta"
    for polsek in plan.all_polsek():
        assert 1 <= len(polsek.kecamatan) <= 2
        assert all(d[:8] in polsek.kecamatan for d in polsek.desa)
        assert polsek.code.startswith("gen-polsek-")
    assert build_plan(_toy_regions(), 1.0, 3).counts() == counts  # same seed, same plan


def test_apportion_and_peaks():
    assert sum(apportion(1000, [0.3, 1.7, 2.0, 0.01])) == 1000
    weights = day_weights(dt.date(2024, 11, 28), 90)
    assert weights[0] > 3 * min(weights)  # the day after the vote is a peak
    hot = day_weights(dt.date(2024, 11, 28), 90, hot=True)
    mk_final = (dt.date(2025, 2, 24) - dt.date(2024, 11, 28)).days
    assert hot[mk_final] > weights[mk_final]
    clock = Clock(dt.date(2024, 11, 28), 90, "")
    # 09:00 WITA on the first day is 01:00 UTC
    assert clock.at(Clock.local_to_utc(0, 9 * 60, "WITA")) == "2024-11-28 01:00:00"


# --- on the test database ---------------------------------------------------------------------


@pytest.mark.django_db
def test_generates_consistent_data_in_proportion_to_the_plan():
    from sejuk.activities.models import Activity
    from sejuk.figures.models import Figure
    from sejuk.incidents.models import Incident
    from sejuk.units.models import Officer, Unit

    plan = _plan()
    counts = plan.counts()
    output = _generate()
    assert "activity_themes" in output and "total" in output

    units = {u.pk: u for u in Unit.objects.filter(code__startswith="gen-")}
    by_level = Counter(u.level for u in units.values())
    assert by_level == {"polda": counts["polda"], "polres": counts["polres"], "polsek": counts["polsek"]}
    bhabins = Officer.objects.filter(unit__in=units, position="bhabinkamtibmas")
    assert bhabins.count() == counts["bhabinkamtibmas"]
    assert Figure.objects.filter(created_by__username__startswith="gen-").count() == plan.figures
    activities = Activity.objects.filter(unit__in=units)
    assert activities.count() == plan.activities == round(5_000_000 * float(SCALE))
    assert Incident.objects.filter(idempotency_key__startswith="gen-").count() == plan.incidents
    _assert_consistent(units, activities, plan.activities)


def _assert_consistent(units, activities, expected: int) -> None:
    """Places inside the unit's area, officers of the unit or below, links present, figures
    in kecamatan covered by a Polsek."""
    from sejuk.activities.models import Activity
    from sejuk.figures.models import Figure
    from sejuk.units.models import Officer, UnitArea

    areas: dict[int, list[str]] = {}
    for unit_id, code in UnitArea.objects.filter(unit__in=units).values_list("unit_id", "region_id"):
        areas.setdefault(unit_id, []).append(code)
    for unit_id, region in activities.values_list("unit_id", "region_id"):
        assert any(region == a or region.startswith(a + ".") for a in areas[unit_id])

    officer_unit = dict(Officer.objects.filter(unit__in=units).values_list("pk", "unit_id"))
    through = Activity.officers.through.objects.filter(activity__in=activities)
    for unit_id, officer_id in through.values_list("activity__unit_id", "officer_id"):
        assert units[officer_unit[officer_id]].path.startswith(units[unit_id].path)

    assert set(through.values_list("activity_id", flat=True)) == set(activities.values_list("pk", flat=True))
    themed = Activity.themes.through.objects.filter(activity__in=activities).values("activity_id").distinct()
    assert themed.count() == expected
    assert Activity.figures.through.objects.filter(activity__in=activities).count() > expected // 2

    covered = set(
        UnitArea.objects.filter(unit__in=units, unit__level="polsek").values_list("region_id", flat=True)
    )
    figures = Figure.objects.filter(created_by__username__startswith="gen-")
    assert set(figures.values_list("kecamatan_code", flat=True)) <= covered


@pytest.mark.django_db
def test_records_read_back_through_the_orm_like_real_ones():
    from sejuk.activities.models import Activity
    from sejuk.figures.models import Figure
    from sejuk.incidents.models import Incident
    from sejuk.units.names import normalize_person_name

    _generate()
    generated = Activity.objects.filter(unit__code__startswith="gen-")
    statuses = Counter(generated.values_list("status", flat=True))
    assert statuses["verified"] > 0.7 * sum(statuses.values())
    activity = generated.with_related().first()
    assert activity.occurred_at.tzinfo is not None and isinstance(activity.partners, list)
    assert dt.date(2024, 11, 27) <= activity.occurred_at.date() <= dt.date(2025, 2, 26)
    figure = Figure.objects.filter(created_by__username__startswith="gen-").first()
    assert figure.normalized_name == normalize_person_name(figure.name)
    assert figure.home_region_id.startswith(figure.kecamatan_code + ".")
    incidents = Incident.objects.filter(idempotency_key__startswith="gen-")
    assert all(i.kecamatan_code == i.region_id[:8] for i in incidents)
    assert not incidents.filter(status="rejected", rejection_reason="").exists()
    severities = Counter(incidents.values_list("severity", flat=True))
    assert severities["potensi_gangguan"] >= severities["gangguan_nyata"]


@pytest.mark.django_db
def test_refuses_without_regions():
    from sejuk.regions.models import Region

    Region.objects.update(retired=True)
    with pytest.raises(CommandError, match="load_regions"):
        _generate()


@pytest.mark.django_db
def test_refuses_a_second_run_and_replace_starts_over():
    from sejuk.accounts.models import ApiToken, User
    from sejuk.activities.models import Activity

    _generate()
    first_ids = set(Activity.objects.filter(unit__code__startswith="gen-").values_list("pk", flat=True))
    # Something made later that hangs off generated data goes with it (CASCADE).
    ApiToken.objects.create(user=User.objects.get(username="gen-mabes"), key_hash="x" * 64, prefix="x")
    with pytest.raises(CommandError, match="--replace"):
        _generate()
    _generate("--replace")
    again = set(Activity.objects.filter(unit__code__startswith="gen-").values_list("pk", flat=True))
    assert len(again) == len(first_ids) and not again & first_ids
    assert not ApiToken.objects.exists()
    assert User.objects.filter(username="officer_a").exists()  # the cast is untouched
