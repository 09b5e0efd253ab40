"""The downloads of a release: plain text, HTML (escaped) and DOCX.

They work on the stored title and body (Humas may have edited them), not on the facts: the
body is plain text with paragraphs separated by blank lines, as `Release.body` writes it.
"""

from __future__ import annotations

import io
from html import escape


def paragraphs(body: str) -> list[str]:
    """Paragraphs of a body: blank-line separated; single line breaks inside one are kept as spaces."""
    blocks = [
        " ".join(line.strip() for line in block.splitlines())
        for block in body.replace("\r", "").split("\n\n")
    ]
    return [block for block in blocks if block]


def to_text(title: str, body: str) -> str:
    return f"{title.strip()}\n\n" + "\n\n".join(paragraphs(body)) + "\n"


def to_html(title: str, body: str, *, lang: str = "id") -> str:
    """A standalone HTML document; every piece of text is escaped."""
    paras = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs(body))
    return (
        f'<!doctype html>\n<html lang="{escape(lang)}">\n<head><meta charset="utf-8">'
        f"<title>{escape(title)}</title></head>\n<body>\n<article>\n<h1>{escape(title)}</h1>\n{paras}\n"
        "</article>\n</body>\n</html>\n"
    )


def docx_available() -> bool:
    try:
        import docx  # noqa: F401
    except ImportError:
        return False
    return True


def to_docx(title: str, body: str, *, lang: str = "id") -> bytes:
    """A Word document: the title as a heading, one paragraph per paragraph (python-docx)."""
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.language = lang
    document.add_heading(title, level=1)
    for paragraph in paragraphs(body):
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
