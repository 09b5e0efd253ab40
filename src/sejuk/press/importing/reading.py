"""Reading what a user hands in (pasted text or an uploaded .txt/.html file) into a clean release.

Every refusal says what is wrong in the user's language and stores nothing: an empty text, a
file too big to be a release, a file that is not text, HTML whose only content is scripts, or
text that is not Indonesian. Scripts, styles and tags are dropped before anything is kept.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from sejuk.press.extraction.text import Document, build_document, looks_indonesian

# A release is a few thousand characters; a saved news page with its HTML is rarely over 1 MB.
MAX_BYTES = 2 * 1024 * 1024
EXTENSIONS = (".txt", ".html", ".htm")


@dataclass
class Release:
    title: str
    text: str  # header lines and body, cleaned: what the import keeps
    body: str
    digest: str  # of the normalised body: the same article pasted twice has the same digest
    document: Document


def decode_upload(name: str, content: bytes) -> str:
    """The text of an uploaded file, or a ValidationError naming the problem."""
    if PurePath(name or "").suffix.lower() not in EXTENSIONS:
        raise ValidationError({"file": [_("Upload a .txt or .html file.")]})
    if len(content) > MAX_BYTES:
        raise ValidationError({"file": [_("The file is too large: at most 2 MB.")]})
    if b"\x00" in content[:4096]:
        raise ValidationError({"file": [_("The file is not text.")]})
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def digest_of(doc: Document) -> str:
    normalised = " ".join(doc.body.lower().split())
    return hashlib.sha256(normalised.encode()).hexdigest()


def _title(doc: Document) -> str:
    """The headline: the longest header line (site names and time stamps are short); a release
    pasted without its headline is named by the start of its first paragraph."""
    lines = [line for line in doc.header if len(line.split()) >= 3]
    if lines:
        return max(lines, key=len)[:250]
    first = doc.paragraphs[0] if doc.paragraphs else ""
    return first if len(first) <= 100 else first[:100].rsplit(" ", 1)[0] + " …"


def read_release(text: str | None) -> Release:
    """Clean and check a release; ValidationError on the field "text" when it cannot be imported."""
    if text is None or not text.strip():
        raise ValidationError({"text": [_("The release is empty: paste its text or upload a file.")]})
    if len(text.encode("utf-8", errors="replace")) > MAX_BYTES:
        raise ValidationError({"text": [_("The text is too large: at most 2 MB.")]})
    doc = build_document(text)
    if doc.empty:
        raise ValidationError({"text": [_("No readable text was found (only markup or scripts).")]})
    if not looks_indonesian(doc.body):
        raise ValidationError(
            {"text": [_("The text does not look Indonesian; only Indonesian releases can be imported.")]}
        )
    cleaned = "\n\n".join([*doc.header, *doc.paragraphs])
    return Release(title=_title(doc), text=cleaned, body=doc.body, digest=digest_of(doc), document=doc)
