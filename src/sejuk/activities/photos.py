"""Photos as evidence: checked for type and size, thumbnailed, stored on disk (MEDIA_ROOT)."""

from __future__ import annotations

import io
import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from sejuk.accounts.roles import can
from sejuk.activities.choices import Status
from sejuk.activities.models import Activity, ActivityPhoto
from sejuk.core.jurisdiction import jurisdiction_of

MAX_BYTES = 8 * 1024 * 1024
MAX_PHOTOS = 10
THUMBNAIL_PX = 320
# What Pillow reports -> the MIME type we store. Anything else (GIF, SVG, PDF, HEIC) is refused.
ALLOWED_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


def validate_photo(upload) -> None:
    """Raise ValidationError unless the upload is a JPEG, PNG or WebP photo within the size limit."""
    _open_image(upload)
    upload.seek(0)


def _open_image(upload) -> Image.Image:
    if upload.size > MAX_BYTES:
        raise ValidationError({"photos": [_("The photo is larger than 8 MB.")]})
    try:
        image = Image.open(upload)
        image.verify()  # detects truncated or fake files; the image must be reopened afterwards
        upload.seek(0)
        image = Image.open(upload)
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise ValidationError({"photos": [_("The file is not a photo (JPEG, PNG or WebP).")]}) from error
    if image.format not in ALLOWED_FORMATS:
        raise ValidationError({"photos": [_("The file is not a photo (JPEG, PNG or WebP).")]})
    return image


def _thumbnail(image: Image.Image) -> bytes:
    thumb = ImageOps.exif_transpose(image).convert("RGB")
    thumb.thumbnail((THUMBNAIL_PX, THUMBNAIL_PX))
    buffer = io.BytesIO()
    thumb.save(buffer, "JPEG", quality=75)
    return buffer.getvalue()


@transaction.atomic
def attach_photo(user, activity: Activity, upload) -> ActivityPhoto:
    """Validate one uploaded photo and store it with a thumbnail beside the activity."""
    jurisdiction = jurisdiction_of(user)
    if not can(user, "change", "records") or not jurisdiction.covers_region(activity.region_id):
        raise PermissionDenied(_("You may not do this with this activity."))
    if activity.status == Status.VERIFIED:
        raise ValidationError({"photos": [_("A verified activity can no longer change.")]})
    if activity.photos.count() >= MAX_PHOTOS:
        raise ValidationError({"photos": [_("At most 10 photos per activity.")]})
    image = _open_image(upload)
    stem = uuid.uuid4().hex
    extension = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}[image.format]
    upload.seek(0)
    photo = ActivityPhoto(activity=activity, content_type=ALLOWED_FORMATS[image.format], size=upload.size)
    photo.image.save(f"{stem}.{extension}", ContentFile(upload.read()), save=False)
    photo.thumbnail.save(f"{stem}.jpg", ContentFile(_thumbnail(image)), save=False)
    photo.save()
    return photo
