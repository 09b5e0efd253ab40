"""Fictional incidents in Karawang around the 27 Nov 2024 Pilkada vote, for the demo (#4).

Idempotent: each incident carries a fixed idempotency key and its workflow runs only when it is
created. Needs the demo users (sejuk.core.demo.loader) and, for the linked response, the demo
activities; without activities the hoax simply has no linked response.
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from sejuk.accounts.models import User
from sejuk.activities.models import Activity
from sejuk.incidents import services
from sejuk.incidents.models import Incident
from sejuk.incidents.validation import IncidentInput
from sejuk.units.models import Unit

USERNAMES = ("bhabin.klari", "kapolsek.klari", "kapolres.karawang")


def _report(user, key: str, **fields) -> tuple[Incident, bool]:
    return services.report_incident(user, IncidentInput(**fields), idempotency_key=key)


def _backdate(incident: Incident, **moments: datetime) -> None:
    """Put the workflow's timestamps on the story's dates (the services stamp 'now')."""
    zone = incident.region.tzinfo
    Incident.objects.filter(pk=incident.pk).update(
        **{name: timezone.make_aware(value, zone) for name, value in moments.items()}
    )


def _hoax(users) -> int:
    incident, created = _report(
        users["bhabin.klari"],
        "demo-incident-hoax",
        incident_type="hoax",
        source="social_media",
        region_code="32.15.05",
        occurred_at=datetime(2024, 11, 26, 19, 30),
        description="Pesan berantai di grup WhatsApp warga: surat suara di TPS Desa Duren disebut sudah "
        "dicoblos sebelum hari pemungutan. Tidak benar menurut PPS.",
        source_url="https://example.org/tangkapan-layar/hoaks-tps",
        actors="akun anonim",
    )
    if not created:
        return 0
    commander, officer = users["kapolsek.klari"], users["bhabin.klari"]
    services.verify_incident(commander, incident)
    services.assign_response(commander, incident, officer=officer.officer)
    response = (
        Activity.objects.filter(region__code__startswith="32.15.05", occurred_at__gte=incident.occurred_at)
        .order_by("occurred_at")
        .first()
    )
    if response is not None:
        services.link_response_activity(commander, incident, response)
    services.resolve_incident(
        officer,
        incident,
        "Klarifikasi bersama PPS dan tokoh masyarakat; warga diimbau tidak menyebarkan hoaks.",
    )
    _backdate(incident, resolved_at=datetime(2024, 11, 27, 9, 0))
    return 1


def _hoax_tip() -> int:
    # The same hoax sent by a resident the next morning: the detail page suggests merging it.
    _, created = services.submit_public_tip(
        IncidentInput(
            incident_type="hoax",
            region_code="32.15.05",
            occurred_at=datetime(2024, 11, 27, 6, 45),
            description="Ada kabar di WA bahwa surat suara di TPS dekat rumah sudah dicoblos. Mohon dicek.",
            place_detail="Desa Duren",
        ),
        idempotency_key="demo-hoax-tip",
    )
    return int(created)


def _money_politics() -> int:
    _, created = services.submit_public_tip(
        IncidentInput(
            incident_type="money_politics",
            region_code="32.15.13.2003",
            occurred_at=datetime(2024, 11, 26, 22, 0),
            description="Malam sebelum pencoblosan ada orang membagikan amplop berisi uang dari rumah "
            "ke rumah sambil menyebut nama salah satu pasangan calon.",
            place_detail="Gang dekat masjid, Cikampek Kota",
        ),
        contact="0812-0000-7777 (fiktif)",
        idempotency_key="demo-money-politics-tip",
    )
    return int(created)


def _gathering(users) -> int:
    kapolres = users["kapolres.karawang"]
    incident, created = _report(
        kapolres,
        "demo-incident-kpu",
        incident_type="mass_gathering",
        severity="ambang_gangguan",
        region_code="32.15.01",
        occurred_at=datetime(2024, 12, 4, 10, 0),
        place_detail="Kantor KPU Kabupaten Karawang",
        description="Sekitar 150 pendukung salah satu pasangan calon berkumpul di depan kantor KPU saat "
        "rekapitulasi tingkat kabupaten, menuntut penghitungan ulang.",
        actors="massa pendukung",
        candidate_camps="Paslon 2",
    )
    if not created:
        return 0
    services.verify_incident(kapolres, incident)
    unit = Unit.objects.filter(code="polsek-karawang-barat").first()
    services.assign_response(kapolres, incident, unit=unit or kapolres.unit)
    return 1


def _clash(users) -> int:
    officer, commander, kapolres = (users[name] for name in USERNAMES)
    incident, created = _report(
        officer,
        "demo-incident-clash",
        incident_type="supporter_clash",
        severity="gangguan_nyata",
        region_code="32.15.05.2001",
        occurred_at=datetime(2024, 11, 28, 21, 0),
        place_detail="Lapangan desa",
        description="Saling ejek antarpendukung setelah hasil hitung cepat berujung perkelahian; dua warga "
        "luka ringan, satu warung rusak.",
        actors="pemuda dua kampung",
        candidate_camps="Paslon 1; Paslon 2",
        injured=2,
        buildings_damaged=1,
    )
    if not created:
        return 0
    services.verify_incident(commander, incident)
    services.assign_response(commander, incident, unit=commander.unit)
    services.escalate_incident(
        commander, incident, "Massa dari luar kecamatan berdatangan; perlu dukungan Polres."
    )
    services.resolve_incident(
        kapolres,
        incident,
        "Mediasi dengan tokoh kedua kampung dan Forkopimcam; kedua pihak sepakat berdamai.",
    )
    _backdate(incident, resolved_at=datetime(2024, 11, 30, 16, 0))
    return 1


def load_demo_incidents() -> int:
    """Create the demo incidents that are missing; returns how many were new (0 on a second run)."""
    users = {
        u.username: u for u in User.objects.select_related("unit", "officer").filter(username__in=USERNAMES)
    }
    if len(users) < len(USERNAMES):
        return 0  # the demo users come first (sejuk.core.demo.loader.load_demo)
    return _hoax(users) + _hoax_tip() + _money_politics() + _gathering(users) + _clash(users)
