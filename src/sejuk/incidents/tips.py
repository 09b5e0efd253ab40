"""Public tips: the protections shared by the tip page and the tip API, then one service call.

No login, so three guards stand before the database (#4):
- a rate limit per address: 5 stored tips per hour, and 30 attempts per hour of any kind;
- a honeypot: a field people never see (hidden from screens and screen readers) that bots fill;
- a signed form token carrying the time the form was issued: a tip sent less than 3 seconds
  after the form was issued (or with a token older than 6 hours, or forged) is refused.
The place is typed as names (kecamatan + kabupaten/kota), resolved server-side, so the page
works without JavaScript on any phone.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from sejuk.incidents import services
from sejuk.incidents.models import Incident
from sejuk.incidents.ratelimit import RateLimit, client_ip
from sejuk.incidents.validation import IncidentInput
from sejuk.regions.choices import Level
from sejuk.regions.models import Region
from sejuk.regions.services import lookup_regions

TIP_LIMIT = RateLimit("tip", limit=5, window_seconds=3600)
ATTEMPT_LIMIT = RateLimit("tip-attempt", limit=30, window_seconds=3600)
MIN_FILL_SECONDS = 3
MAX_FORM_AGE_SECONDS = 6 * 3600
HONEYPOT_FIELD = "website"
_SALT = "sejuk.incidents.tip-form"


class TipRefused(Exception):
    """A tip stopped by a guard; `status` is the HTTP status for pages and API alike."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


@dataclass
class TipSubmission:
    incident_type: str
    description: str
    occurred_at: datetime | None
    kabupaten: str = ""
    kecamatan: str = ""
    region_code: str = ""  # API clients may send the code instead of the names
    place_detail: str = ""
    contact: str = ""
    honeypot: str = ""
    form_token: str = ""
    client_id: str = ""


def issue_form_token(issued_at: float | None = None) -> str:
    return signing.Signer(salt=_SALT).sign(str(int(issued_at if issued_at is not None else time.time())))


def _check_form_token(token: str) -> None:
    try:
        issued = int(signing.Signer(salt=_SALT).unsign(token or ""))
    except (signing.BadSignature, ValueError):
        issued = None
    age = time.time() - issued if issued is not None else None
    if age is None or age < MIN_FILL_SECONDS or age > MAX_FORM_AGE_SECONDS:
        raise ValidationError(
            {"form_token": [_("The form was sent too quickly or has expired. Check it and send it again.")]}
        )


def _options(regions: list[Region]) -> str:
    return ", ".join(f"{r.label} ({r.parent.label if r.parent else '-'})" for r in regions)


def resolve_place(kabupaten: str, kecamatan: str) -> Region:
    """The kecamatan named by two names as people write them; a clear error when unknown or ambiguous."""
    if not kabupaten.strip() or not kecamatan.strip():
        raise ValidationError({"kecamatan": [_("Write the kecamatan and the kabupaten or kota.")]})
    regencies = lookup_regions(kabupaten, level=Level.KABUPATEN_KOTA)
    if not regencies:
        message = _("No kabupaten or kota called '%(name)s'. Write it as on an ID card, e.g. Karawang.")
        raise ValidationError({"kabupaten": [message % {"name": kabupaten.strip()}]})
    if len(regencies) > 1:
        message = _("'%(name)s' is more than one place: %(options)s. Write 'Kabupaten …' or 'Kota …'.")
        raise ValidationError(
            {"kabupaten": [message % {"name": kabupaten.strip(), "options": _options(regencies)}]}
        )
    regency = regencies[0]
    districts = lookup_regions(kecamatan, level=Level.KECAMATAN, parent=regency.code)
    if not districts:
        message = _("No kecamatan called '%(name)s' in %(regency)s.")
        raise ValidationError(
            {"kecamatan": [message % {"name": kecamatan.strip(), "regency": regency.label}]}
        )
    if len(districts) > 1:
        message = _("'%(name)s' is more than one kecamatan: %(options)s.")
        raise ValidationError(
            {"kecamatan": [message % {"name": kecamatan.strip(), "options": _options(districts)}]}
        )
    return districts[0]


def request_ip(request) -> str:
    # Behind our own HTTPS proxy (BEHIND_HTTPS_PROXY) the address comes from X-Forwarded-For.
    return client_ip(request, trust_proxy=bool(settings.SECURE_PROXY_SSL_HEADER))


def _guard(ip: str, submission: TipSubmission) -> None:
    if not ATTEMPT_LIMIT.hit(ip) or TIP_LIMIT.exceeded(ip):
        raise TipRefused(429, _("Too many tips from this connection. Please try again in an hour."))
    if submission.honeypot.strip():
        raise TipRefused(400, _("The tip could not be accepted."))
    _check_form_token(submission.form_token)


def receive_tip(ip: str, submission: TipSubmission) -> tuple[Incident, bool]:
    """Run the guards, resolve the place, store the tip; returns (incident, created)."""
    _guard(ip, submission)
    if submission.region_code:
        region_code = submission.region_code
    else:
        region_code = resolve_place(submission.kabupaten, submission.kecamatan).code
    data = IncidentInput(
        incident_type=submission.incident_type,
        region_code=region_code,
        occurred_at=submission.occurred_at,
        description=submission.description,
        place_detail=submission.place_detail,
    )
    incident, created = services.submit_public_tip(
        data, contact=submission.contact, idempotency_key=submission.client_id or None
    )
    if created:
        TIP_LIMIT.hit(ip)
    return incident, created
