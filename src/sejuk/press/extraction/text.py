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
_MAX_HEADER_LINES = 40  # a site's menu, breadcrumbs, title and stamps can run to a few dozen short lines

_HTML_HINT = re.compile(
    r"<\s*/?\s*(?:html|body|head|p|div|br|span|script|style|article|section|h[1-6]|a|table|li|ul|img|meta)\b",
    re.I,
)
# Page furniture goes with its content: menus, sidebars ("Berita Terkait"), footers, forms and
# photo captions name other units and places than the article's.
_DROP_BLOCKS = re.compile(
    r"<\s*(script|style|noscript|head|template|svg|iframe|nav|aside|footer|form|figcaption|button|select)\b"
    r"[^>]*>.*?<\s*/\s*\1\s*>",
    re.I | re.S,
)
_UNCLOSED_BLOCK = re.compile(r"<\s*(?:script|style)\b.*\Z", re.I | re.S)
_COMMENTS = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
# Paragraph-like blocks end a paragraph (so that a list of headlines is not joined into one);
# a <br> only ends a line.
_BLOCK_TAGS = re.compile(
    r"<\s*/?\s*(?:p|div|li|ul|ol|h[1-6]|tr|table|article|section|header|footer|blockquote|main)\b[^>]*>",
    re.I,
)
_LINE_BREAK_TAG = re.compile(r"<\s*br\s*/?\s*>", re.I)
# Inline formatting leaves no gap ("<strong>Dedi</strong>," -> "Dedi,"); any other tag is a space.
_INLINE_TAGS = re.compile(
    r"<\s*/?\s*(?:a|b|strong|em|i|u|span|font|sup|sub|small|mark|abbr|time)\b[^<>]{0,2000}>", re.I
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
    r"pewarta\s*:|fotografer\s*:|foto\s*:|caption\s*:|tags?\s*:|topik\s*:|kata kunci\s*:|"
    r"share\b|bagikan\b|copyright|\u00a9|ikuti (?:kami|berita)|advertisement|iklan\b|"
    r"dibaca\b|posted by\b|diposting\b|artikel ini telah tayang|simak (?:berita|video|breaking)|"
    r"scroll to continue|https?://|www\.)",
    re.I,
)
# Headings of link lists ("Berita Terkait", "Baca Juga:") whose following short lines are headlines.
_LINK_LIST_HEADING = re.compile(
    r"^(?:baca juga|baca pula|simak juga|lihat juga|berita terkait|artikel terkait|berita lainnya|berita lain"
    r"|terpopuler|berita populer|rekomendasi|pilihan editor|tags?|topik|kata kunci|label)\s*:?\s*$",
    re.I,
)
# "... kata Sugeng. Baca Juga: Dua Pemuda Diamankan Usai Ribut di TPS Hasil rekapitulasi ...":
# a related-article link pasted inside a paragraph; its headline runs until a sentence resumes.
_INLINE_LINK = re.compile(r"\s*\b(?:baca juga|baca pula|simak juga|lihat juga|berita terkait)\s*:\s*", re.I)
_HEADLINE_SMALL_WORDS = frozenset(
    "di ke dan yang untuk dari usai jelang hingga pada dengan atau vs se bagi soal demi agar saat".split()
)
# A dateline glued to the first word: "SANGGAU-Kapolsek ...", "SUMEDANG,- Bhabinkamtibmas ...".
_SPACED_DASH = re.compile(r"\s[-\u2013]+\s")
_GLUED_DATELINE = re.compile(r"^([A-Z][A-Z .,'()]{2,60}?)\s*,?\s*[-\u2013]+\s*(?=[A-Z][a-z])")
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
    text = _LINE_BREAK_TAG.sub("\n", text)
    text = _BLOCK_TAGS.sub("\n\n", text)
    text = _INLINE_TAGS.sub("", text)
    text = _ANY_TAG.sub(" ", text)
    return html.unescape(text)


def normalize_characters(text: str) -> str:
    """Straight quotes, plain spaces, one kind of dash; NFKC folds look-alike characters."""
    return unicodedata.normalize("NFKC", text.translate(_TRANSLATE))


def _is_link(line: str) -> bool:
    """A headline or a tag in a link list: no final punctuation, and title-cased or short."""
    if _SENTENCE_END.search(line):
        return False
    return len(line) < 60 or (len(line) < 160 and _title_cased(line))


def _lines(text: str) -> list[str | None]:
    """Stripped lines without boilerplate; blank lines become None (paragraph breaks).

    After a link-list heading ("Baca juga:", "Berita Terkait") the headlines that follow are
    dropped too, up to the first line that is not a headline."""
    lines: list[str | None] = []
    in_link_list = False
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        if not line:
            lines.append(None)
            continue
        if in_link_list and _is_link(line):
            continue
        in_link_list = bool(_LINK_LIST_HEADING.match(line))
        if not in_link_list and not _BOILERPLATE.match(line):
            lines.append(_unglue_dateline(_drop_inline_links(line)))
    return lines


def _unglue_dateline(line: str) -> str:
    """ "SANGGAU-Kapolsek" -> "SANGGAU - Kapolsek"; a dateline already spaced stays as written."""
    head = line[:45]
    if not line[:1].isupper() or ("-" not in head and "\u2013" not in head):
        return line
    if not (match := _GLUED_DATELINE.match(line)) or _SPACED_DASH.search(match.group()):
        return line
    return f"{match.group(1)} - {line[match.end() :]}"


def _headline_end(words: list[str]) -> int:
    """How many of `words` belong to a pasted headline: capitalised words and the small words
    between them, up to a capitalised word that starts a sentence (followed by lower case)."""
    count = 0
    for index, word in enumerate(words):
        if word.lower() in _HEADLINE_SMALL_WORDS:
            count = index + 1
            continue
        if not (word[:1].isupper() or word[:1].isdigit()):
            break
        following = [w for w in words[index + 1 : index + 3] if w.lower() not in _HEADLINE_SMALL_WORDS]
        if following and all(w[:1].islower() for w in following):
            break  # "Hasil rekapitulasi ...": a sentence resumes here
        count = index + 1
    return count


def _drop_inline_links(line: str) -> str:
    """Remove "Baca juga: <Headline>" pasted inside a paragraph."""
    if "aca" not in line and "imak" not in line and "ihat" not in line and "erkait" not in line:
        return line
    while match := _INLINE_LINK.search(line):
        rest = line[match.end() :].split(" ")
        keep = rest[_headline_end(rest) :]
        line = (line[: match.start()] + " " + " ".join(keep)).strip()
    return line


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
    for index, line in enumerate(paragraphs[:_MAX_HEADER_LINES]):
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
