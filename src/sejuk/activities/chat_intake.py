"""Turn a gateway's chat message into a draft activity (or a precise list of what is wrong).

The gateway is authenticated by its token; the sender is matched to a registered officer by phone
number; a retried message (same gateway message id) returns the first answer and never creates a
second draft. Unknown figures become candidates to confirm, never silent new records.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, time

from django.db import transaction
from django.utils import timezone

from sejuk.activities import services
from sejuk.activities.choices import Source
from sejuk.activities.intake import format_reply, make_gazetteer_resolver, parse_message
from sejuk.activities.models import FigureCandidate, IntakeMessage
from sejuk.core.jurisdiction import jurisdiction_of
from sejuk.figures.models import Figure
from sejuk.units.models import Officer
from sejuk.units.names import normalize_person_name
from sejuk.units.officer_import import normalize_phone

# A message that names no time is filed at midday local time of the place.
DEFAULT_TIME = time(12, 0)


@dataclass
class IntakeResult:
    reply: str
    activity_id: int | None
    duplicate: bool = False


def _dedupe_key(gateway: str, message_id: str | None, sender: str, text: str) -> str:
    basis = message_id or hashlib.sha256(f"{sender}\n{text}".encode()).hexdigest()
    return f"{gateway}:{basis}"[:128]


def _officer_user(sender: str):
    phone = normalize_phone(sender) or sender
    officer = Officer.objects.filter(phone=phone, active=True).select_related("user").first()
    return getattr(officer, "user", None) if officer else None


def _match_figures(user, parsed) -> tuple[list[int], list]:
    known, unknown = [], []
    figures = Figure.objects.restrict(user).current()
    for figure in parsed.figures:
        match = figures.filter(normalized_name=normalize_person_name(figure.name)).first()
        (known.append(match.pk) if match else unknown.append(figure))
    return known, unknown


def receive_message(gateway: str, sender: str, text: str, message_id: str | None = None) -> IntakeResult:
    key = _dedupe_key(gateway, message_id, sender, text)
    stored = IntakeMessage.objects.filter(dedupe_key=key).first()
    if stored:
        return IntakeResult(stored.reply, stored.activity_id, duplicate=True)
    user = _officer_user(sender)
    if user is None:
        reply = "Nomor pengirim tidak terdaftar sebagai personel Sejuk. / Sender is not a registered officer."
        IntakeMessage.objects.create(gateway=gateway, dedupe_key=key, sender=sender, text=text, reply=reply)
        return IntakeResult(reply, None)
    area = jurisdiction_of(user).region_prefixes
    parsed = parse_message(
        text,
        today=timezone.localdate(),
        resolve_place=make_gazetteer_resolver(list(area) if area is not None else None),
    )
    if not parsed.ok:
        reply = format_reply(parsed)
        IntakeMessage.objects.create(gateway=gateway, dedupe_key=key, sender=sender, text=text, reply=reply)
        return IntakeResult(reply, None)
    return _create_draft(user, parsed, gateway, key, sender, text)


@transaction.atomic
def _create_draft(user, parsed, gateway: str, key: str, sender: str, text: str) -> IntakeResult:
    figure_ids, unknown = _match_figures(user, parsed)
    data = services.ActivityInput(
        activity_type=parsed.activity_type,
        region_code=parsed.place.resolution.code,
        occurred_at=datetime.combine(parsed.activity_date, parsed.activity_time or DEFAULT_TIME),
        figure_ids=figure_ids,
        theme_codes=list(parsed.themes),
        partners=list(parsed.partner_codes),
        attendance=parsed.attendance,
        situation=parsed.situation or "aman",
        narrative=parsed.notes or "",
    )
    activity, _ = services.record_activity(
        user, data, source=Source.CHAT, idempotency_key=f"chat:{key}"[:100]
    )
    for figure in unknown:
        FigureCandidate.objects.create(
            activity=activity,
            raw_text=figure.raw[:200],
            name=figure.name[:120],
            honorific=" ".join(figure.honorifics)[:40],
            kind=figure.kind or "",
        )
    reply = format_reply(parsed) + f"\nDraf #{activity.pk} tersimpan."
    if unknown:
        reply += f" {len(unknown)} tokoh baru perlu dikonfirmasi di aplikasi."
    IntakeMessage.objects.create(
        gateway=gateway, dedupe_key=key, sender=sender, text=text, reply=reply, activity=activity
    )
    return IntakeResult(reply, activity.pk)
