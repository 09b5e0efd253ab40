"""The rows of bench_dashboard.py (issue #6): what each one measures, built as a callable to time.

Each builder does its setup (and a first call whose answer it checks) and returns `(run, info)`:
`run()` is what is timed, `info` what the results file records beside the times (queries of one
call, bytes of the answer). Django must be set up before any of these is called.
"""

from __future__ import annotations

import datetime as dt

POLDA_USER = "gen-polda-32"  # the generated commander of Polda Jawa Barat

ROLLUP_SQL = """
WITH kecamatan AS (
    SELECT code, name,
           CASE timezone WHEN 'WIB' THEN 'Asia/Jakarta' WHEN 'WITA' THEN 'Asia/Makassar'
                         ELSE 'Asia/Jayapura' END AS zone
    FROM regions_region
    WHERE level = 3 AND NOT retired
),
activity AS (
    SELECT k.code, count(*) AS n
    FROM activities_activity a
    JOIN kecamatan k ON k.code = substr(a.region_id, 1, 8)
    WHERE a.status <> 'draft'
      AND a.occurred_at >= %(first)s::date - 1 AND a.occurred_at < %(last)s::date + 2
      AND (a.occurred_at AT TIME ZONE k.zone)::date BETWEEN %(first)s AND %(last)s
    GROUP BY k.code
),
engaged AS (
    SELECT k.code, count(DISTINCT f.id) AS n
    FROM activities_activity_figures af
    JOIN activities_activity a ON a.id = af.activity_id
    JOIN figures_figure f ON f.id = af.figure_id
    JOIN kecamatan k ON k.code = f.kecamatan_code
    WHERE a.status <> 'draft' AND f.merged_into_id IS NULL
      AND a.occurred_at >= %(first)s::date - 1 AND a.occurred_at < %(last)s::date + 2
      AND (a.occurred_at AT TIME ZONE k.zone)::date BETWEEN %(first)s AND %(last)s
    GROUP BY k.code
),
incident AS (
    SELECT k.code, count(*) AS n
    FROM incidents_incident i
    JOIN kecamatan k ON k.code = i.kecamatan_code
    WHERE i.status IN ('verified', 'responding', 'resolved') AND i.merged_into_id IS NULL
      AND i.occurred_at >= %(first)s::date - 1 AND i.occurred_at < %(last)s::date + 2
      AND (i.occurred_at AT TIME ZONE k.zone)::date BETWEEN %(first)s AND %(last)s
    GROUP BY k.code
),
heat AS (
    SELECT region_id AS code, band
    FROM heat_heatsnapshot
    WHERE day = (SELECT max(day) FROM heat_heatsnapshot WHERE day BETWEEN %(first)s AND %(last)s)
)
SELECT k.code, k.name, coalesce(activity.n, 0), coalesce(engaged.n, 0), coalesce(incident.n, 0), heat.band
FROM kecamatan k
LEFT JOIN activity ON activity.code = k.code
LEFT JOIN engaged ON engaged.code = k.code
LEFT JOIN incident ON incident.code = k.code
LEFT JOIN heat ON heat.code = k.code
ORDER BY k.code
"""


def national_reader():
    from sejuk.accounts.models import User

    return User(username="bench-national", is_superuser=True, is_active=True)


def polda_user():
    from sejuk.accounts.models import User

    return User.objects.select_related("unit").get(username=POLDA_USER)


def sql_rollup(day: dt.date) -> list[tuple]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(ROLLUP_SQL, {"first": day - dt.timedelta(days=27), "last": day})
        return [tuple(row) for row in cursor.fetchall()]


def service_rollup(user, day: dt.date) -> list[tuple]:
    from sejuk.dashboard.rollup import area_rollup

    rows = area_rollup(user, day).rows
    return [(r.code, r.name, r.activities, r.figures, r.incidents, r.band) for r in rows]


def page(url: str, content_type: str = "text/html"):
    """GET `url` as the Polda commander through Django's test Client (whole middleware stack)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(polda_user())
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    if response.status_code != 200 or not response["Content-Type"].startswith(content_type):
        raise SystemExit(f"GET {url} answered {response.status_code} {response['Content-Type']}")

    def run():
        client.get(url)

    return run, {"url": url, "queries": len(queries), "bytes": len(response.content)}


def pages(day: dt.date) -> dict:
    """The pages and downloads of the Polda commander, each a row."""
    unit, on = POLDA_USER, f"{day:%Y-%m-%d}"
    pdf, xlsx = "application/pdf", "application/vnd.openxmlformats"
    return {
        "polda_home": lambda: page(f"/?date={on}"),
        "polda_scorecard": lambda: page(f"/dasbor/kinerja/?date={on}"),
        "polda_daily_pdf": lambda: page(f"/dasbor/laporan/harian.pdf?unit={unit}&date={on}", pdf),
        "polda_daily_xlsx": lambda: page(f"/dasbor/laporan/harian.xlsx?unit={unit}&date={on}", xlsx),
        "polda_weekly_pdf": lambda: page(f"/dasbor/laporan/mingguan.pdf?unit={unit}&date={on}", pdf),
    }


def submit_upkeep(day: dt.date):
    """What a submission leaves for after its commit, for the latest submitted activity naming figures
    in Kabupaten Karawang: the daily rows of its kecamatan and of its figures' homes recomputed over
    the 30 days whose windows hold it (dailystats.refresh), and its figures' engagement rows widened
    (one upsert). Both recompute what is already stored, so the data set does not change."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sejuk.activities.models import Activity
    from sejuk.dashboard import dailystats, engagement

    karawang = Activity.objects.filter(status="submitted", region__code__startswith="32.15.")
    named = karawang.filter(occurred_at__date__lte=day, figures__isnull=False)
    activity = named.order_by("-occurred_at", "-pk").first()
    links = list(
        Activity.figures.through.objects.filter(activity_id=activity.pk).values_list(
            "figure_id", "figure__home_region_id"
        )
    )
    moment = activity.occurred_at
    pairs = {(activity.region_id[:8], moment)} | {(home[:8], moment) for _pk, home in links}

    def run():
        dailystats.refresh(pairs)
        changes = engagement.Changes()
        for pk, home in links:
            changes.engage(pk, home, moment)
        engagement.apply(changes)

    with CaptureQueriesContext(connection) as queries:
        run()
    return run, {"activity": activity.pk, "figures": len(links), "queries": len(queries)}
