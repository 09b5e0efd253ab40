"""Cutting a chat message into segments and reading an optional "Label:" off each one.

Officers separate parts with "/", "|", ";", " - " or new lines, and also write dates with "/"
("28/11/2024"), so a slash between two digits is not a separator. Separators inside brackets
are kept too ("H. Arif (tomas/ketua RW)"), unless the brackets are unbalanced, in which case
they are ignored rather than swallowing the rest of the message.

Segments keep their character spans in the normalised message so a free-text note can be taken
back verbatim, with the officer's own punctuation.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .dates import FULL_DATE, NAMED_DATE, RELATIVE, WEEKDAY
from .keywords import BARE_LABELS, LABELS

_REPLACEMENTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\r\n?"), "\n"),
    (re.compile(r"[\u200b-\u200d\ufeff\ufe0e\ufe0f]"), ""),  # zero-width and emoji variation marks
    (re.compile(r"[\u2018\u2019\u00b4`]"), "'"),
    (re.compile(r"[\u201c\u201d]"), '"'),
    (re.compile(r"[*_~]"), " "),  # WhatsApp bold/italic/strike markers
    (re.compile(r"\+\s*/\s*-"), "±"),  # "+/- 30 org" would otherwise be cut at the slash
    (re.compile(r"\b(?:hari|hr)\s*/\s*(?:tanggal|tgl)\b", re.I), "Tanggal"),
    (re.compile(r"\bdesa\s*/\s*(?:kelurahan|kel)\b\.?", re.I), "Desa"),
    (re.compile(r"[ \t\u00a0]+"), " "),
)

_LABEL_ALTERNATION = "|".join(
    r"\s+".join(map(re.escape, label.split(" "))) for label in sorted(LABELS, key=len, reverse=True)
)
# A known label followed by a colon in the middle of a line starts a new segment, so that
# "Desa Duren Tokoh: H. Arif" still splits even without a separator.
_EMBEDDED_LABEL = re.compile(rf"(?<=\S)[ \t,]+(?=(?:{_LABEL_ALTERNATION})\.?[ \t]*[:=])", re.I)
_LABEL = re.compile(rf"(?P<label>{_LABEL_ALTERNATION})(?!\w)\.?[ \t]*(?P<colon>[:=])?[ \t]*", re.I)
# Where a run-on segment ("sambang 28/11/2024 desa duren tokoh h arif") may be cut: before a
# date, a place word, or a label word that may stand without a colon.
_SOFT_LABELS = "|".join(
    r"\s+".join(map(re.escape, w.split(" ")))
    for w in sorted(BARE_LABELS, key=len, reverse=True)
    if LABELS[w][0] not in ("place", "notes", "type")  # "laporan giat sambang" is one part
)
_ANCHORS: tuple[tuple[re.Pattern[str], str | None], ...] = (
    (FULL_DATE, "date"),
    (NAMED_DATE, "date"),
    (RELATIVE, "date"),
    (WEEKDAY, "date"),
    (
        re.compile(r"(?<!\w)(?:desa|ds|kel|kelurahan|kec|kecamatan|kab|kabupaten|kota|di)(?!\w)", re.I),
        "place",
    ),
    (re.compile(rf"(?<!\w)(?:{_SOFT_LABELS})(?=\s)", re.I), None),
)
_LEADING_JUNK = re.compile(r"^(?:\s|[-*•>#=]+|\d{1,2}[.)]\s)*")
_TRAILING_JUNK = re.compile(r"[\s,;]+$")  # keep a final ":" ("Tokoh:" heads a list)


@dataclass(frozen=True, slots=True)
class Segment:
    start: int  # span of the stripped segment inside the normalised message
    end: int
    text: str
    field: str | None = None  # set when the segment starts with a known label
    hint: str | None = None  # figure kind or level word carried by the label
    value: str = ""
    value_start: int = 0
    colon: bool = False  # the label was followed by ":" (a strong signal)


def _drop_symbols(text: str) -> str:
    """Emoji and pictographs ("📍 Duren") carry no data; keep ± and other math signs."""
    return "".join(" " if unicodedata.category(ch) in ("So", "Cs", "Co") else ch for ch in text)


def normalize_message(text: str) -> str:
    text = _drop_symbols(unicodedata.normalize("NFKC", text))
    for pattern, replacement in _REPLACEMENTS:
        text = pattern.sub(replacement, text)
    return _EMBEDDED_LABEL.sub("\n", text)


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += ch in "(["
        depth -= ch in ")]"
        if depth < 0:
            return False
    return depth == 0


def _separator_width(text: str, i: int) -> int:
    ch = text[i]
    if ch in "|;\u2013\u2014":
        return 1
    before, after = text[i - 1 : i], text[i + 1 : i + 2]
    if ch == "/":
        return 0 if before.isdigit() and after.isdigit() else 1
    if ch == "-" and before.isspace() and after.isspace():
        return 1
    return 0


def split_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the segments (before stripping)."""
    track_depth = _balanced(text)
    spans, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "\n":
            spans.append((start, i))
            start, depth = i + 1, 0
            continue
        if track_depth and ch in "([":
            depth += 1
        elif track_depth and ch in ")]":
            depth -= 1
        elif depth == 0 and _separator_width(text, i):
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(text)))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    lead = _LEADING_JUNK.match(chunk)
    start += lead.end() if lead else 0
    trail = _TRAILING_JUNK.search(text, start, end)
    return start, trail.start() if trail else end


def read_label(text: str, start: int, end: int) -> Segment:
    """Build a segment, recognising "Label: value" (or a bare "Label value" for safe labels)."""
    segment_text = text[start:end]
    m = _LABEL.match(segment_text)
    if m:
        label = re.sub(r"\s+", " ", m.group("label").casefold())
        colon = m.group("colon") is not None
        value = segment_text[m.end() :]
        bare_ok = label in BARE_LABELS and value.strip() and m.end() > len(m.group("label"))
        if colon or bare_ok:
            field, hint = LABELS[label]
            return Segment(start, end, segment_text, field, hint, value.strip(), start + m.end(), colon)
    return Segment(start, end, segment_text, value=segment_text, value_start=start)


def _outside_brackets(text: str) -> list[bool]:
    depth, mask = 0, []
    for ch in text:
        depth += ch in "(["
        mask.append(depth == 0)
        depth = max(0, depth - (ch in ")]"))
    return mask


def _anchors(chunk: str) -> list[tuple[int, str]]:
    """(position, kind) of each place a run-on chunk could be cut, in order."""
    found: dict[int, str] = {}
    mask = _outside_brackets(chunk)
    for pattern, kind in _ANCHORS:
        for m in pattern.finditer(chunk):
            if mask[m.start()]:
                found.setdefault(m.start(), kind or LABELS[re.sub(r"\s+", " ", m.group(0).casefold())][0])
    return sorted(found.items())


def soft_split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a segment typed without separators where a different kind of part begins; a
    segment with one kind of part only ("Desa Duren Kec. Klari") stays whole."""
    anchors = _anchors(text[start:end])
    if len({kind for _, kind in anchors}) < 2:
        return [(start, end)]
    cuts, previous = [], None
    for position, kind in anchors:
        if kind != previous and position > 0:
            cuts.append(start + position)
        previous = kind
    bounds = [start, *cuts, end]
    return list(zip(bounds, bounds[1:], strict=False))


def split_message(text: str) -> list[Segment]:
    """The non-empty segments of an already normalised message, labels read."""
    segments = []
    for raw_start, raw_end in split_spans(text):
        start, end = _strip(text, raw_start, raw_end)
        if end <= start:
            continue
        first = read_label(text, start, end)
        pieces = [(start, end)] if first.colon else soft_split(text, start, end)
        for piece_start, piece_end in pieces:
            piece_start, piece_end = _strip(text, piece_start, piece_end)
            if piece_end > piece_start:
                segments.append(read_label(text, piece_start, piece_end))
    return segments
