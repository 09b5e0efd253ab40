"""Photos as evidence of an incident, checked and thumbnailed the way activity photos are."""

from __future__ import annotations

import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from sejuk.accounts.roles import can

# One validation for every photo in Sejuk: type by content (not by name), size, thumbnail.
from sejuk.activities.photos import ALLOWED_FORMATS, _open_image, _thumbnail
from sejuk.core.jurisdiction import jurisdiction_of
from sejuk.incidents.models import Incident, IncidentEvidence

MAX_EVIDENCE = 10
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


@transaction.atomic
def attach_evidence(user, incident: Incident, upload) -> IncidentEvidence:
    """Validate one uploaded photo and store it with a thumbnail beside the incident."""
    if not can(user, "change", "records") or not jurisdiction_of(user).covers_region(incident.region_id):
        raise PermissionDenied(_("You may not do this with this incident."))
    if incident.merged_into_id:
        raise ValidationError(
            {"photos": [_("This report was merged into %(ref)s.") % {"ref": incident.merged_into}]}
        )
    if incident.evidence.count() >= MAX_EVIDENCE:
        raise ValidationError({"photos": [_("At most 10 photos per incident.")]})
    image = _open_image(upload)
    stem = uuid.uuid4().hex
    upload.seek(0)
    evidence = IncidentEvidence(
        incident=incident, content_type=ALLOWED_FORMATS[image.format], size=upload.size, uploaded_by=user
    )
    evidence.image.save(f"{stem}.{EXTENSIONS[image.format]}", ContentFile(upload.read()), save=False)
    evidence.thumbnail.save(f"{stem}.jpg", ContentFile(_thumbnail(image)), save=False)
    evidence.save()
    return evidence
