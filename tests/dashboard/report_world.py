"""A small world around the 27 Nov 2024 vote for the report and roll-up tests.

Klari (32.15.05): two figures, the Paslon 1 supporter engaged on 25 and 28 Nov, the other on 28 Nov;
two submitted activities and a draft on 28 Nov, one more on 25 Nov; a clash on the evening of 28 Nov,
verified. Cikampek (32.15.13): one figure engaged on 28 Nov. Temperatures of 28 Nov for both.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sejuk.activities import services as activity_services
from sejuk.dashboard.dailystats import rebuild
from sejuk.heat.services import recompute_day
from sejuk.incidents import services as incident_services
from tests.activities.helpers import make_figure, seed_visit
from tests.dashboard.helpers import committed
from tests.incidents.helpers import report

KLARI, CIKAMPEK = "32.15.05", "32.15.13"
DAY = dt.date(2024, 11, 28)
PARTISAN = "Mari dukung paslon 01 agar menang."


@dataclass
class World:
    figures: dict = field(default_factory=dict)
    activities: dict = field(default_factory=dict)
    incident: object = None


def visit(user, figures, when: dt.datetime, submit: bool = True, **extra):
    data = seed_visit(
        figure_ids=[f.pk for f in figures], occurred_at=when, region_code=figures[0].home_region_id, **extra
    )
    with committed():
        activity, _ = activity_services.record_activity(user, data)
        if submit:
            activity_services.submit_activity(user, activity)
    return activity


def build(cast, aggregate: bool = True, heat: bool = True) -> World:
    world = World()
    f = world.figures
    f["aligned"] = make_figure(
        "H. Arif Kuspriyadi", "32.15.05.2001", alignment="aligned", aligned_with="Paslon 1"
    )
    f["neutral"] = make_figure("Ustadz Klari", "32.15.05.2002", kind="tokoh_agama", religion="islam")
    f["cikampek"] = make_figure("Ibu Cikampek", "32.15.13.2001", kind="tokoh_perempuan")
    a, officer_a = world.activities, cast["officer_a"]
    a["monday"] = visit(officer_a, [f["aligned"]], dt.datetime(2024, 11, 25, 9, 0))
    a["visit"] = visit(officer_a, [f["aligned"], f["neutral"]], dt.datetime(2024, 11, 28, 10, 0))
    a["dialog"] = visit(
        officer_a,
        [f["aligned"]],
        dt.datetime(2024, 11, 28, 14, 0),
        activity_type="dialog",
        narrative=PARTISAN,
    )
    a["draft"] = visit(officer_a, [f["neutral"]], dt.datetime(2024, 11, 28, 16, 0), submit=False)
    a["cikampek"] = visit(cast["officer_b"], [f["cikampek"]], dt.datetime(2024, 11, 28, 11, 0))
    with committed():
        world.incident = report(officer_a, occurred_at=dt.datetime(2024, 11, 28, 20, 0))
        incident_services.verify_incident(cast["kapolsek_a"], world.incident)
    if heat:
        recompute_day(DAY, codes=[KLARI, CIKAMPEK], notify=False)
    if aggregate:
        rebuild(DAY - dt.timedelta(days=30), DAY + dt.timedelta(days=30), [KLARI, CIKAMPEK])
    return world
