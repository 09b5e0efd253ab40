"""Turn raw release text (plain, scraped or HTML) into a clean `Document` the scanners can trust.

Real releases arrive with site headers ("BINMAS", "Nov 28, 2024 - 11:58"), HTML, curly quotes,
duplicated paragraphs and "Baca juga" boilerplate. Everything downstream scans `Document.body`
only; header lines are kept apart because their dates and title-cased words are not facts
about the activity.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

MAX_CHARS = 200_000  # a release is a few thousand characters; more is a dump, not an article
MAX_RAW_CHARS = 4_000_000  # HTML is verbose, so strip tags before applying MAX_CHARS

_HTML_HINT = re.compile(
    r"<\s*/?\s*(?:html|body|head|p|div|br|span|script|style|article|section|h[1-6]|a|table|li|ul|img|meta)\b",
    re.I,
)
_DROP_BLOCKS = re.compile(
    r"<\s*(script|style|noscript|head|template|svg|iframe)\b[^>]*>.*?<\s*/\s*\1\s*>", re.I | re.S
)
_UNCLOSED_BLOCK = re.compile(r"<\s*(?:script|style)\b.*\Z", re.I | re.S)
_COMMENTS = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_BLOCK_TAGS = re.compile(
    r"<\s*/?\s*(?:p|div|br|li|ul|ol|h[1-6]|tr|table|article|section|header|footer|blockquote)\b[^>]*>",
    re.I,
)
_ANY_TAG = re.compile(r"<[^<>]{0,2000}>")

_TRANSLATE = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"',
        "\u00bb": '"', "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "`": "'", "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200b": "",
        "\u200c": "", "\u200d": "", "\ufeff": "", "\u2014": "\u2013", "\u2212": "-", "\r": "\n",
        "\t": " ", "_": " ",
    }
)  # fmt: skip
_SPACES = re.compile(r"[ \f\v]+")
_BOILERPLATE = re.compile(
    r"^(?:baca juga|baca:|simak juga|lihat juga|editor\s*:|penulis\s*:|reporter\s*:|sumber\s*:|"
    r"tags?\s*:|share\b|bagikan\b|copyright|\u00a9|ikuti (?:kami|berita)|advertisement|iklan\b|"
    r"https?://|www\.)",
    re.I,
)
_DATELINE_LEAD = re.compile(r"^[A-Z][A-Z .,'-]{2,40}\s[\u2013-]\s+\S+(?:\s+\S+){5,}")
_LIST_START = re.compile(r"(?:\d{1,2}[.)]|[a-e][.)]|[-\u2022*])\s")
_SENTENCE_END = re.compile(r"[.!?:;\"')]$")
_STARTS_LOWER = re.compile(r"^[a-z]")

# A full stop after "KH", "Muh", "S.H" or "Kec" is an abbreviation, not the end of a sentence.
_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?!WIB\.|WIT\.)(?:[A-Z][A-Za-z]{0,2}|(?:[A-Za-z]{1,4}\.)+[A-Za-z]{0,4})\.$"
)
_SPLIT = re.compile(r"(?<=[.!?])[\"']?\s+(?=[\"'(]?[A-Z0-9])")
_QUOTE = re.compile(r'"[^"]*(?:"|$)')

_INDONESIAN_WORDS = frozenset(
    "yang dan di ke dari dengan untuk dalam pada ini itu tidak akan juga oleh para kami agar bahwa "
    "sebagai serta kepada atau warga kegiatan polisi masyarakat menjaga setelah menjelang".split()
)
_WORD = re.compile(r"[a-z]+")


@dataclass
class Document:
    """A release split into header lines (title, site, publication date) and body paragraphs."""

    header: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    title: str = ""
    truncated: bool = False

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def empty(self) -> bool:
        return not self.paragraphs


def strip_html(raw: str) -> str:
    """Drop scripts, styles and tags; keep block boundaries as newlines."""
    if not _HTML_HINT.search(raw):
        return raw
    text = _COMMENTS.sub(" ", raw)
    text = _DROP_BLOCKS.sub(" ", text)
    text = _UNCLOSED_BLOCK.sub(" ", text)
    text = _BLOCK_TAGS.sub("\n", text)
    text = _ANY_TAG.sub(" ", text)
    return html.unescape(text)


def normalize_characters(text: str) -> str:
    """Straight quotes, plain spaces, one kind of dash; NFKC folds look-alike characters."""
    return unicodedata.normalize("NFKC", text.translate(_TRANSLATE))


def _lines(text: str) -> list[str | None]:
    """Stripped lines without boilerplate; blank lines become None (paragraph breaks)."""
    lines: list[str | None] = []
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        if not line:
            lines.append(None)
        elif not _BOILERPLATE.match(line):
            lines.append(line)
    return lines


def _wrapped(previous: str, line: str) -> bool:
    """True when `line` continues `previous` (a hard wrap, as in e-mail or PDF text): the previous
    line has no end punctuation and is long, or the line starts in lower case; list items and
    datelines always start afresh."""
    if _SENTENCE_END.search(previous) or _LIST_START.match(line) or _DATELINE_LEAD.match(line):
        return False
    return bool(_STARTS_LOWER.match(line)) or len(previous) >= 60


def _join_wrapped(lines: list[str | None]) -> list[str]:
    """Re-join hard-wrapped lines; `None` marks a blank line, which always ends a paragraph."""
    joined: list[str] = []
    previous_blank = True
    for line in lines:
        if line is None:
            previous_blank = True
            continue
        if joined and not previous_blank and _wrapped(joined[-1], line):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
        previous_blank = False
    return joined


def _deduplicate(paragraphs: list[str]) -> list[str]:
    """Scrapers often repeat paragraphs; keep the first copy of each."""
    seen: set[str] = set()
    kept = []
    for paragraph in paragraphs:
        key = paragraph.lower()
        if len(key) > 20 and key in seen:
            continue
        seen.add(key)
        kept.append(paragraph)
    return kept


def _is_header_line(line: str) -> bool:
    """Titles, site names and publication stamps are short and carry no final full stop."""
    if _DATELINE_LEAD.match(line) or _LIST_START.match(line) or line.endswith((":", ";", ",", ".", '"', ")")):
        return False
    return (len(line) < 100 and len(line.split()) <= 16) or (len(line) < 250 and _title_cased(line))


def _title_cased(line: str) -> bool:
    """Headlines capitalise most words ("Polsek Klari Laksanakan Sambang ..."); prose does not."""
    words = [word for word in line.split() if len(word) > 3 and word[0].isalpha()]
    return bool(words) and sum(word[0].isupper() for word in words) / len(words) >= 0.7


def _split_header(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    header: list[str] = []
    for index, line in enumerate(paragraphs[:8]):
        if index == len(paragraphs) - 1 or not _is_header_line(line):
            return header, paragraphs[index:]
        header.append(line)
    return header, paragraphs[len(header) :]


def build_document(text: str | None, title: str | None = None) -> Document:
    """Clean `text` and split it into header and body; never raises on odd input."""
    if not text or not isinstance(text, str):
        return Document(title=title or "")
    raw = text[:MAX_RAW_CHARS]
    cleaned = normalize_characters(strip_html(raw))
    truncated = len(text) > MAX_RAW_CHARS or len(cleaned) > MAX_CHARS
    paragraphs = _deduplicate(_join_wrapped(_lines(cleaned[:MAX_CHARS])))
    header, body = _split_header(paragraphs)
    return Document(header=header, paragraphs=body, title=title or "", truncated=truncated)


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """Sentence spans inside a paragraph; "KH.", "S.H." and "Muh." do not end a sentence."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SPLIT.finditer(paragraph):
        head = paragraph[start : match.start()].rstrip("\"'")
        if _ABBREVIATION.search(head):
            continue
        spans.append((start, match.start()))
        start = match.end()
    if start < len(paragraph):
        spans.append((start, len(paragraph)))
    return spans


def quote_spans(paragraph: str) -> list[tuple[int, int]]:
    """Spans of quoted speech, quote marks included; an unclosed quote runs to the end."""
    return [(m.start(), m.end()) for m in _QUOTE.finditer(paragraph)]


def looks_indonesian(text: str) -> bool:
    """True when enough common Indonesian function words occur; used only for warnings."""
    words = _WORD.findall(text.lower()[:20_000])
    if not words:
        return False
    hits = sum(1 for word in words if word in _INDONESIAN_WORDS)
    return hits >= 3 and hits / len(words) >= 0.04


def title_case_if_shouted(name: str) -> str:
    """ "ASEP SAEFUL" -> "Asep Saeful"; mixed-case names and short acronyms stay as written."""
    letters = [c for c in name if c.isalpha()]
    if len(letters) <= 3 or not all(c.isupper() for c in letters):
        return name
    return " ".join(part.capitalize() if len(part) > 1 else part for part in name.split(" "))
