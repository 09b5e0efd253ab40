"""Demo figures (fictional names) and several weeks of cooling activities around the 27 Nov 2024 vote.

Generated from a fixed seed through the same services the product uses, so the demo obeys every
rule a real entry does. Idempotent: figures are matched by name and kecamatan, activities by
their idempotency key.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sejuk.accounts.models import User
from sejuk.activities import services
from sejuk.figures.models import Figure
from sejuk.regions.models import Region
from sejuk.units.names import split_name

# (name with titles, kind, religion, desa code, role, influence, alignment, aligned_with, consent)
DEMO_FIGURES = (
    (
        "H. Arifin Kusnadi",
        "tokoh_masyarakat",
        "",
        "32.15.05.2001",
        "sesepuh Desa Duren",
        4,
        "neutral",
        "",
        True,
    ),
    (
        "KH. Maman Abdurrahman",
        "tokoh_agama",
        "islam",
        "32.15.05.2002",
        "pengasuh pesantren",
        5,
        "neutral",
        "",
        True,
    ),
    (
        "Ustadz Rohmat Hidayat",
        "tokoh_agama",
        "islam",
        "32.15.05.2003",
        "imam Masjid Jami",
        3,
        "unknown",
        "",
        True,
    ),
    (
        "Dede Supriadi",
        "tokoh_pemuda",
        "",
        "32.15.05.2007",
        "Ketua Karang Taruna",
        3,
        "aligned",
        "Paslon 01",
        False,
    ),
    (
        "Hj. Euis Komariah",
        "tokoh_perempuan",
        "",
        "32.15.05.2008",
        "Ketua majelis taklim",
        3,
        "neutral",
        "",
        True,
    ),
    (
        "Pdt. Yosua Manurung",
        "tokoh_agama",
        "kristen",
        "32.15.05.2016",
        "gembala jemaat",
        3,
        "neutral",
        "",
        True,
    ),
    (
        "Asep Saepudin",
        "tokoh_masyarakat",
        "",
        "32.15.05.2004",
        "tokoh masyarakat",
        2,
        "aligned",
        "Paslon 02",
        False,
    ),
    ("Abah Odang Suparman", "tokoh_adat", "", "32.15.05.2005", "sesepuh adat", 4, "unknown", "", True),
    (
        "H. Cecep Mulyadi",
        "tokoh_masyarakat",
        "",
        "32.15.13.2001",
        "tokoh masyarakat Dawuan",
        4,
        "neutral",
        "",
        True,
    ),
    (
        "KH. Ahmad Fauzi",
        "tokoh_agama",
        "islam",
        "32.15.13.2002",
        "pengasuh pesantren",
        5,
        "unknown",
        "",
        True,
    ),
    (
        "Rizal Maulana",
        "tokoh_pemuda",
        "",
        "32.15.13.2003",
        "Ketua Karang Taruna",
        3,
        "aligned",
        "Paslon 01",
        True,
    ),
    (
        "Ustadzah Nining Kurniasih",
        "tokoh_agama",
        "islam",
        "32.15.13.2004",
        "pengajar majelis taklim",
        2,
        "neutral",
        "",
        True,
    ),
)

THEME_SETS = (
    ["jaga_kamtibmas", "hindari_provokasi", "netralitas_polri"],
    ["jaga_kamtibmas", "tolak_hoaks", "bijak_medsos"],
    ["hormati_hasil", "persatuan", "netralitas_polri"],
    ["jaga_kamtibmas", "lapor_polisi", "patuhi_hukum"],
)
TYPES = (
    "sambang",
    "sambang",
    "sambang",
    "dialog",
    "silaturahmi",
    "imbauan",
    "patroli_dialogis",
    "doa_bersama",
)
VOTE_DAY = datetime(2024, 11, 27)


def ensure_figures() -> list[Figure]:
    figures = []
    for name, kind, religion, desa, role, influence, alignment, aligned_with, consent in DEMO_FIGURES:
        region = Region.objects.get(code=desa)
        person = split_name(name)
        figure = Figure.objects.filter(name=person.name, kecamatan_code=desa[:8]).first()
        if figure is None:
            figure = Figure(
                name=person.name,
                front_titles=person.front,
                kind=kind,
                religion=religion,
                home_region=region,
                role=role,
                influence=influence,
                alignment=alignment,
                aligned_with=aligned_with,
                alignment_source="catatan Bhabinkamtibmas" if aligned_with else "",
                public_consent=consent,
            )
            figure.full_clean()
            figure.save()
        figures.append(figure)
    return figures


def ensure_activities(figures: list[Figure], count: int = 60) -> int:
    """Activities from three weeks before to three weeks after the vote; returns how many were new."""
    rng = random.Random(20241127)
    officers = {u.username: u for u in User.objects.filter(username__in=["bhabin.klari", "bhabin.cikampek"])}
    commanders = {
        u.username: u for u in User.objects.filter(username__in=["kapolsek.klari", "kapolres.karawang"])
    }
    created = 0
    for number in range(count):
        username = "bhabin.klari" if number % 3 else "bhabin.cikampek"
        user = officers[username]
        kecamatan = "32.15.05" if username == "bhabin.klari" else "32.15.13"
        local = [f for f in figures if f.kecamatan_code == kecamatan]
        engaged = rng.sample(local, k=rng.randint(1, 2))
        day = VOTE_DAY + timedelta(days=rng.randint(-21, 21), hours=rng.choice([9, 10, 14, 16, 19]))
        data = services.ActivityInput(
            activity_type=rng.choice(TYPES),
            region_code=engaged[0].home_region_id,
            occurred_at=day,
            figure_ids=[f.pk for f in engaged],
            theme_codes=rng.choice(THEME_SETS),
            partners=rng.sample(["tni", "kepala_desa", "camat", "fkub_mui"], k=rng.randint(0, 2)),
            attendance=rng.randint(3, 60),
            situation=rng.choices(["aman", "waspada", "rawan"], [85, 12, 3])[0],
            narrative="Sambang dan dialog kamtibmas menjelang dan pasca Pilkada Serentak 2024.",
        )
        activity, is_new = services.record_activity(user, data, idempotency_key=f"demo-{number}")
        if not is_new:
            continue
        created += 1
        if number % 5 != 4:
            services.submit_activity(user, activity)
            commander = commanders["kapolsek.klari" if username == "bhabin.klari" else "kapolres.karawang"]
            if number % 7:
                services.verify_activity(commander, activity)
    return created


def load_demo_activities() -> tuple[int, int]:
    figures = ensure_figures()
    return len(figures), ensure_activities(figures)
