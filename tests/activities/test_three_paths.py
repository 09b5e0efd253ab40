"""The seed's visit entered by form, by API and by chat yields the same activity."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sejuk.activities.models import Activity
from tests.activities.helpers import make_figure
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

THEMES = ["jaga_kamtibmas", "hindari_provokasi", "netralitas_polri"]


def essence(activity: Activity) -> tuple:
    return (
        activity.activity_type,
        activity.region_id,
        activity.occurred_at,
        activity.unit.code,
        sorted(o.nrp for o in activity.officers.all()),
        sorted(f.pk for f in activity.figures.all()),
        sorted(t.code for t in activity.themes.all()),
        activity.situation,
        activity.status,
    )


def test_form_api_and_chat_give_the_same_record(cast, settings):
    figure = make_figure(name="Arif Kuspriyadi", region="32.15.05.2001")
    user = cast["officer_a"]
    client = client_for(user)
    client.post(
        "/kegiatan/baru/",
        {
            "client_id": "seed",
            "activity_type": "sambang",
            "occurred_date": "2024-11-28",
            "occurred_time": "12:00",
            "region": "32.15.05.2001",
            "officers": [user.officer_id],
            "figures": [figure.pk],
            "themes": THEMES,
            "situation": "aman",
        },
    )
    client.post(
        "/api/v1/activities",
        {
            "activity_type": "sambang",
            "region_code": "32.15.05.2001",
            "occurred_at": "2024-11-28T12:00:00",
            "figure_ids": [figure.pk],
            "theme_codes": THEMES,
            "situation": "aman",
        },
        content_type="application/json",
        headers={"Idempotency-Key": "seed"},
    )
    settings.INTAKE_GATEWAY_TOKENS = {"sms": "s"}
    client.post(
        "/api/v1/intake/message",
        {
            "message_id": "seed",
            "sender": "081200000003",
            "text": "sambang | 28/11/2024 | Desa Duren, Kec. Klari | tokoh: Arif Kuspriyadi (tomas) | "
            "imbauan: kamtibmas, jangan terprovokasi, polri netral | situasi aman",
        },
        content_type="application/json",
        headers={"Authorization": "Bearer s"},
    )
    records = {a.source: essence(a) for a in Activity.objects.all()}
    assert set(records) == {"form", "api", "chat"}
    assert records["form"] == records["api"] == records["chat"]


def test_the_cli_uses_the_same_lifecycle_services(cast, capsys):
    make_figure()
    client_for(cast["officer_a"]).post(
        "/api/v1/activities",
        {
            "activity_type": "sambang",
            "region_code": "32.15.05",
            "occurred_at": "2024-11-28T10:00:00",
        },
        content_type="application/json",
    )
    activity = Activity.objects.get()
    call_command("activity", "submit", str(activity.pk), "--as", "officer_a")
    with pytest.raises(CommandError, match="tidak berwenang"):
        call_command("activity", "verify", str(activity.pk), "--as", "officer_a")
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("activity", "verify", str(activity.pk), "--as", "officer_b")
    call_command("activity", "verify", str(activity.pk), "--as", "kapolsek_a")
    activity.refresh_from_db()
    assert activity.status == "verified" and "Terverifikasi" in capsys.readouterr().out
