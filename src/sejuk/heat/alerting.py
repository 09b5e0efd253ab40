"""Alerts when an area's band rises (#4): an in-app notification and an e-mail naming the reasons.

Who is told: every active user with the commander role whose unit's area (its region prefixes)
covers the kecamatan: the Kapolsek, the Kapolres and the Kapolda above it. Nobody hears about an
area outside their own: a commander of a neighbouring Polsek is not told, field officers are not
told, and Mabes commanders (whose area is the whole country) are not told kecamatan by kecamatan;
they read the national page. Everyone entitled gets the notification; those with an e-mail address
also get one e-mail per run listing their areas, so a busy night is one message, not dozens.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mass_mail
from django.urls import reverse
from django.utils import timezone

from sejuk.accounts.models import User
from sejuk.accounts.roles import Role
from sejuk.heat.alerts import Alert
from sejuk.heat.config import BAND_LABELS
from sejuk.heat.day import Change
from sejuk.heat.models import Notification, NotificationKind
from sejuk.heat.rollup import unit_index, units_containing
from sejuk.regions.models import Region
from sejuk.units.models import UnitArea

logger = logging.getLogger(__name__)


def responsible_commanders() -> dict[int, list[str]]:
    """Commanders (user id) and the region prefixes of their unit's area: two queries."""
    users = dict(
        User.objects.filter(role=Role.COMMANDER, is_active=True, unit__active=True).values_list(
            "pk", "unit_id"
        )
    )
    areas: defaultdict[int, list[str]] = defaultdict(list)
    for unit_id, region in UnitArea.objects.filter(unit_id__in=set(users.values())).values_list(
        "unit_id", "region_id"
    ):
        areas[unit_id].append(region)
    return {user: areas[unit] for user, unit in users.items() if areas.get(unit)}


def _place_names(codes: set[str]) -> dict[str, str]:
    wanted = codes | {code[:5] for code in codes}
    return {r.code: r.label for r in Region.objects.filter(code__in=wanted).only("code", "name", "kind")}


def _band(band: str | None, language: int) -> str:
    return BAND_LABELS[band][language] if band else ""


def alert_text(alert: Alert, names: dict[str, str]) -> tuple[str, str]:
    """(title, body) for one alert: Indonesian first, English second, the reasons with their points."""
    place = names.get(alert.area_code, alert.area_code)
    where = f"{place}, {names.get(alert.area_code[:5], alert.area_code[:5])}"
    day = alert.day.strftime("%d/%m/%Y")
    new_id, new_en = _band(alert.band, 0), _band(alert.band, 1)
    title = f"Suhu {place} naik ke {new_id} ({alert.value:g}) / {place} rose to {new_en.lower()}"
    rose_id = f"dari {_band(alert.previous_band, 0)} " if alert.previous_band else ""
    rose_en = f"from {_band(alert.previous_band, 1).lower()} " if alert.previous_band else ""
    reasons_id = [
        f"- {p.label_id}: {p.points:g}" + (f" ({p.note_id})" if p.note_id else "") for p in alert.reasons
    ]
    reasons_en = [
        f"- {p.label_en}: {p.points:g}" + (f" ({p.note_en})" if p.note_en else "") for p in alert.reasons
    ]
    link = reverse("heat:area", args=[alert.area_code]) + f"?date={alert.day.isoformat()}"
    body = "\n".join(
        [
            f"{where}, {day}: suhu naik {rose_id}ke {new_id}, {alert.value:g}.",
            "Penyebab utama:",
            *reasons_id,
            "",
            f"{where}, {day}: the temperature rose {rose_en}to {new_en.lower()}, {alert.value:g}.",
            "Main reasons:",
            *reasons_en,
            "",
            f"Lihat / see: {link}",
        ]
    )
    return title[:200], body


def alerts_for(changes: Iterable[Change], *, email: bool = True) -> list[Notification]:
    """Notify the responsible commanders of every change whose band rose; returns the notifications."""
    alerts = [change.alert for change in changes if change.alert is not None]
    if not alerts:
        return []
    index = unit_index({str(user): prefixes for user, prefixes in responsible_commanders().items()})
    names = _place_names({alert.area_code for alert in alerts})
    notifications = []
    for alert in alerts:
        title, body = alert_text(alert, names)
        for user in sorted({int(u) for u in units_containing(alert.area_code, index)}):
            notifications.append(
                Notification(
                    user_id=user,
                    kind=NotificationKind.BAND_ROSE,
                    title=title,
                    body=body,
                    area_code=alert.area_code,
                    day=alert.day,
                    parts=[part.to_dict() for part in alert.reasons],
                )
            )
    Notification.objects.bulk_create(notifications)
    if email:
        send_alert_mail(notifications)
    return notifications


def send_alert_mail(notifications: list[Notification]) -> int:
    """One e-mail per recipient with an address, over one connection. A mail server failure is
    logged, never raised: the notifications are stored and the run must not be undone by SMTP."""
    by_user: defaultdict[int, list[Notification]] = defaultdict(list)
    for notification in notifications:
        by_user[notification.user_id].append(notification)
    addresses = dict(User.objects.filter(pk__in=by_user).exclude(email="").values_list("pk", "email"))
    messages = []
    for user, items in sorted(by_user.items()):
        if user not in addresses:
            continue
        if len(items) == 1:
            subject = f"Sejuk: {items[0].title}"
        else:
            subject = f"Sejuk: suhu naik di {len(items)} wilayah / {len(items)} areas hotter"
        text = "\n\n----\n\n".join(item.body for item in items)
        messages.append((subject, text, settings.DEFAULT_FROM_EMAIL, [addresses[user]]))
    try:
        return send_mass_mail(messages, fail_silently=False)
    except Exception:  # any transport error: the alerts are stored already
        logger.exception("temperature alert e-mail could not be sent")
        return 0


def mark_read(user, pk: int | None = None) -> int:
    """Mark one of the user's notifications (or all unread ones) read; another user's stays as it is."""
    notifications = Notification.objects.restrict(user).unread()
    if pk is not None:
        notifications = notifications.filter(pk=pk)
    return notifications.update(read_at=timezone.now())
