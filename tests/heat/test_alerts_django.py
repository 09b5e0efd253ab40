"""Alerts: who is told when an area's band rises, in the app and by e-mail, and who never is."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from sejuk.accounts.models import User
from sejuk.heat import alerting
from sejuk.heat.config import HeatConfig
from sejuk.heat.models import HeatSettings, HeatSnapshot, Notification
from sejuk.heat.services import config_version, local_today, recompute_day, rescore_kecamatan
from sejuk.incidents import services as incident_services
from sejuk.units.models import Unit
from tests.heat.test_adapter import CIKAMPEK, CODES, DAY, KLARI, at, build_world, incident

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(cast):
    """The cast with e-mail addresses, plus commanders of Cikampek, Purwakarta and Mabes."""
    for name in ("kapolsek_a", "kapolres", "officer_a", "officer_b"):
        cast[name].email = f"{name}@polri.example"
        cast[name].save()
    for name, unit in (
        ("kapolsek_cikampek", "polsek-cikampek"),
        ("kapolres_purwakarta", "polres-purwakarta"),
        ("kapolri", "mabes"),
    ):
        cast[name] = User.objects.create(
            username=name, role="commander", unit=Unit.objects.get(code=unit), email=f"{name}@polri.example"
        )
    return cast


def klari_turns_panas(people, day=DAY, notify=True):
    """Klari is hangat; a clash report is verified as a gangguan nyata and the day is run again."""
    world = build_world(day)
    recompute_day(day, codes=CODES, notify=False)
    incident_services.verify_incident(people["kapolsek_a"], world.incidents["report"])
    return recompute_day(day, codes=CODES, notify=notify)


def told(notifications=None) -> set[str]:
    rows = notifications if notifications is not None else Notification.objects.all()
    return {User.objects.get(pk=n.user_id).username for n in rows}


def test_a_klari_rise_reaches_its_kapolsek_and_the_kapolres_and_nobody_else(people, mailoutbox):
    result = klari_turns_panas(people)
    assert [a.area_code for a in result.alerts] == [KLARI]
    assert told() == {"kapolsek_a", "kapolres"}  # not Cikampek's commander, officers, Purwakarta or Mabes
    assert sorted(m.to[0] for m in mailoutbox) == ["kapolres@polri.example", "kapolsek_a@polri.example"]


def test_the_alert_names_the_reasons_indonesian_first(people, mailoutbox):
    klari_turns_panas(people)
    notification = Notification.objects.filter(user=people["kapolsek_a"]).get()
    assert notification.kind == "band_rose" and notification.area_code == KLARI and notification.day == DAY
    assert notification.title.startswith("Suhu Klari naik ke Panas")
    assert [p["code"] for p in notification.parts] == ["incidents", "ikp", "unresolved"]
    body = notification.body
    assert "dari Hangat ke Panas" in body and "Kabupaten Karawang" in body
    assert body.index("Insiden terverifikasi") < body.index("Verified incidents")
    assert f"/suhu/{KLARI}/?date={DAY.isoformat()}" in body
    message = next(m for m in mailoutbox if m.to == ["kapolsek_a@polri.example"])
    assert message.subject == f"Sejuk: {notification.title}" and message.body == body


def test_a_commander_without_an_e_mail_address_is_still_told_in_the_app(people, mailoutbox):
    people["kapolres"].email = ""
    people["kapolres"].save()
    klari_turns_panas(people)
    assert told() == {"kapolsek_a", "kapolres"}
    assert [m.to for m in mailoutbox] == [["kapolsek_a@polri.example"]]


def test_running_the_same_day_again_tells_nobody_twice(people, mailoutbox):
    klari_turns_panas(people)
    again = recompute_day(DAY, codes=CODES, notify=True)
    assert again.alerts == [] and Notification.objects.count() == 2 and len(mailoutbox) == 2


def test_recomputing_a_past_day_notifies_nobody_unless_asked(people, mailoutbox):
    result = klari_turns_panas(people, notify=None)
    assert result.alerts and result.notifications == 0
    assert not Notification.objects.exists() and mailoutbox == []


def test_an_incident_verified_today_alerts_at_once(people, mailoutbox, django_capture_on_commit_callbacks):
    today = local_today()
    world = build_world(today)
    recompute_day(today, codes=CODES, notify=False)
    with django_capture_on_commit_callbacks(execute=True):
        incident_services.verify_incident(people["kapolsek_a"], world.incidents["report"])
    assert told() == {"kapolsek_a", "kapolres"}
    assert {m.to[0] for m in mailoutbox} == {"kapolsek_a@polri.example", "kapolres@polri.example"}


def test_a_failing_mail_server_does_not_undo_the_alerts(people, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr(alerting, "send_mass_mail", broken)
    result = klari_turns_panas(people)
    assert result.notifications == 2 and Notification.objects.count() == 2
    assert "could not be sent" in caplog.text


def test_one_e_mail_per_commander_lists_every_area_of_the_run(people, mailoutbox):
    world = build_world()
    incident_services.verify_incident(people["kapolsek_a"], world.incidents["report"])
    incident(CIKAMPEK, "gangguan_nyata", at(DAY, 7))
    recompute_day(DAY, codes=CODES, notify=True)  # first values: both start hot, so both alert
    kapolres = [n for n in Notification.objects.all() if n.user_id == people["kapolres"].pk]
    mail = [m for m in mailoutbox if m.to == ["kapolres@polri.example"]]
    assert len(kapolres) == 2 and len(mail) == 1
    assert mail[0].subject == "Sejuk: suhu naik di 2 wilayah / 2 areas hotter"
    for notification in kapolres:
        assert notification.body in mail[0].body


def test_notifications_are_read_by_their_own_user_only(people):
    klari_turns_panas(people)
    mine = Notification.objects.restrict(people["kapolsek_a"])
    assert mine.count() == 1 and Notification.objects.restrict(people["officer_b"]).count() == 0
    other = Notification.objects.get(user=people["kapolres"])
    assert alerting.mark_read(people["kapolsek_a"], other.pk) == 0
    assert alerting.mark_read(people["kapolsek_a"]) == 1
    assert mine.unread().count() == 0 and Notification.objects.get(pk=other.pk).read_at is None


def klari_was(day, value: float, band: str) -> None:
    """A stored value of Klari on an earlier day, as an earlier daily run would have left it."""
    config = HeatConfig()
    HeatSnapshot.objects.create(
        region_id=KLARI,
        day=day,
        value=value,
        band=band,
        parts=[],
        config_id=config_version(config),
        computed_at=timezone.now(),
    )


def test_a_band_reached_in_the_last_seven_days_does_not_alert_again(people, mailoutbox):
    klari_was(DAY - dt.timedelta(days=3), 64.0, "panas")
    klari_was(DAY - dt.timedelta(days=1), 50.0, "hangat")
    result = klari_turns_panas(people)
    assert result.alerts == [] and not Notification.objects.exists() and mailoutbox == []


def test_a_shorter_quiet_period_set_in_the_settings_lets_the_same_rise_alert(people):
    HeatSettings(values={"alert_quiet_days": 2}).save()
    klari_was(DAY - dt.timedelta(days=3), 64.0, "panas")  # before the 2-day quiet period
    klari_was(DAY - dt.timedelta(days=1), 50.0, "hangat")
    result = klari_turns_panas(people)
    assert [(a.area_code, a.previous_band, a.band) for a in result.alerts] == [(KLARI, "hangat", "panas")]
    assert told() == {"kapolsek_a", "kapolres"}


def test_the_incremental_update_keeps_the_same_quiet_period(people):
    world = build_world()
    recompute_day(DAY, codes=CODES, notify=False)
    klari_was(DAY - dt.timedelta(days=5), 66.0, "panas")
    incident_services.verify_incident(people["kapolsek_a"], world.incidents["report"])
    change = rescore_kecamatan(KLARI, DAY, email=False)
    assert (change.previous.band, change.current.band, change.alert) == ("hangat", "panas", None)
    HeatSnapshot.objects.filter(day__lt=DAY).delete()
    HeatSnapshot.objects.filter(region_id=KLARI, day=DAY).update(value=50.0, band="hangat")
    assert rescore_kecamatan(KLARI, DAY, email=False).alert.band == "panas"
    assert told() == {"kapolsek_a", "kapolres"}
