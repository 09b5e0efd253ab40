"""Who says what: split the body into sentences and quotes and attribute each to a speaker class.

Appeal themes count only when the police express them (rule 32), and an activity verb in a
figure's mouth ("the imam praised the police for visiting") is not an activity. Each sentence
gets `police`, `figure`, `official` or `neutral`:

- a quote takes its attribution ("... ," kata Dedi / ujarnya / tutur kiai itu), where "-nya"
  means the last speaker;
- a sentence takes the mention (officer or figure name, "petugas", "tokoh agama", "Camat", a
  pronoun) nearest before its first verb: the grammatical subject in Indonesian news prose;
- "Ia", "Menurutnya", "Beliau" refer to the last subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import people_words as pw
from .lexicon import RANK_RE, is_verb
from .text import quote_spans, split_sentences

POLICE, FIGURE, OFFICIAL, NEUTRAL, PRONOUN = "police", "figure", "official", "neutral", "pronoun"

_POLICE_WORDS = (
    r"petugas|personel|personil|polisi|kepolisian|polri|jajaran|b?h?abh?inkamtibmas|bhabin|kapolsek|kapolres"
    r"|kapolresta|kapolrestabes|kapolda|wakapolres|wakapolsek|kanit|kasat|kasi\s+humas|kabid\s+humas"
    r"|polsek|polres|polresta|polrestabes|polda|unit\s+binmas|sat\s+binmas|pihaknya"
)
_PRONOUNS = r"ia|dia|beliau|menurutnya|menurut\s+dia|menurut\s+beliau"
_WORD = re.compile(r"[a-z]+")
_ATTRIBUTION_VERB = re.compile(r"(?:kata|ujar|ucap|tutur|tegas|jelas|imbuh)(?:nya)?\b", re.I)
_OPENER = re.compile(r"\W*(?:\d{1,2}[.)]\s+)?([A-Z][a-z]+)\b")
_LIST_ITEM = re.compile(r"\s*(?:\d{1,2}[.)]|[a-e][.)]|[-\u2022*])\s")
_ATTRIBUTION = re.compile(
    r"\s*,?\s*(?:kata|ujar|ucap|tutur|tegas|jelas|ungkap|terang|papar|imbuh|tambah|sebut|pesan|ajak|pinta|harap"
    r"|kata\s+dia|ujar\s+dia)(?P<nya>nya)?\b(?P<rest>[^.!?\"]{0,80})",
    re.I,
)
SPEECH_RE = re.compile(
    r"\b(?:mengatakan|menjelaskan|menyampaikan|menegaskan|mengimbau|menghimbau|meminta|mengajak|berpesan"
    r"|menambahkan|menuturkan|mengungkapkan|menyebut|menilai|menyatakan|berharap|mengingatkan|mengeluhkan"
    r"|mengaku|menerangkan|memaparkan|kata|ujar|ucap|tutur|tegas|jelas|imbuh|katanya|ujarnya)\b",
    re.I,
)


@dataclass(frozen=True)
class Segment:
    text: str
    speaker: str
    quoted: bool


class SpeakerIndex:
    """Mentions of people in one article: names (and their distinctive words) and cue words."""

    def __init__(self, officers: list[str], figures: list[str], officials: list[str]) -> None:
        self.names = _name_table({POLICE: officers, FIGURE: figures, OFFICIAL: officials})
        alternation = "|".join(re.escape(word) for word in sorted(self.names, key=len, reverse=True))
        self.name_pattern = re.compile(rf"\b(?:{alternation})\b") if alternation else None

    def mentions(self, sentence: str) -> list[tuple[int, str]]:
        """(end, class) of every mention; cue words and ranks are matched on lower-cased text."""
        lower = sentence.lower()
        if len(lower) != len(sentence):  # a rare character changed length: stay exact
            lower = sentence
        found = [(m.end(), m.lastgroup or NEUTRAL) for m in _CUES.finditer(lower)]
        found += [(m.end(), FIGURE) for m in pw.TITLE_RE.finditer(sentence)]
        found += [(m.end(), POLICE) for m in _RANKS.finditer(lower)]
        if self.name_pattern:
            found += [(m.end(), self.names[m.group()]) for m in self.name_pattern.finditer(sentence)]
        return sorted(found)


def _name_table(groups: dict[str, list[str]]) -> dict[str, str]:
    """Full names and their distinctive words ("Dedi" for "Dedi Suryadi Permana"); a word shared
    by people of different classes ("Lalu", "Andi") is dropped as ambiguous."""
    table: dict[str, str] = {}
    ambiguous: set[str] = set()
    for category, names in groups.items():
        for name in names:
            table[name] = category
            for word in name.split():
                if len(word) >= 3 and word[0].isupper() and word != name:
                    if table.get(word, category) != category:
                        ambiguous.add(word)
                    table.setdefault(word, category)
    return {word: category for word, category in table.items() if word not in ambiguous}


def _figure_cues() -> str:
    """Figure descriptors and clergy words, as written in lower case ("tutur kiai itu")."""
    return (
        r"\b(?:tokoh\s+(?:agama|masyarakat|pemuda|adat|perempuan|wanita)|ulama|pemuka\s+(?:agama|adat)|kiai|kyai"
        r"|ustadz|ustaz|ustad|pendeta|pastor|romo|imam|habib|buya|bhiksu|pandita|pemangku|bendesa|ondoafi"
        r"|mantir|penyimbang|ninik\s+mamak|bundo\s+kanduang|kepala\s+suku|sesepuh)\b"
    )


def _official_cues() -> str:
    return (
        r"camat|lurah|kepala\s+desa|kades|keuchik|wali\s+nagari|peratin|kepala\s+kampung|bupati|wali\s*kota"
        r"|kpu|bawaslu|ppk|pps|panwascam|tni|babinsa|danramil|koramil|sekretaris\s+negeri|calon"
    )


# Lower-case patterns for lower-cased text: much faster than case-insensitive matching.
_CUES = re.compile(
    f"(?P<{POLICE}>\\b(?:{_POLICE_WORDS})\\b)|(?P<{FIGURE}>{_figure_cues()})"
    f"|(?P<{OFFICIAL}>\\b(?:{_official_cues()})\\b)|(?P<{PRONOUN}>\\b(?:{_PRONOUNS})\\b)"
)
_RANKS = re.compile(RANK_RE.pattern)


def classify(sentence: str, index: SpeakerIndex, last_subject: str, mentions: list | None = None) -> str:
    """The speaker class of the mention nearest before the first verb that has one.

    `mentions` ((end, class) pairs relative to `sentence`) may be passed in when already known.
    """
    mentions = index.mentions(sentence) if mentions is None else mentions
    if not mentions:
        return NEUTRAL
    verbs = [verb.start() for verb in _WORD.finditer(sentence) if is_verb(verb.group())]
    opener = _OPENER.match(sentence)  # "Menunggu hasil ...", "Menanggapi hal itu, ..."
    if opener and is_verb(opener.group(1).lower()) and not any(end <= opener.end() for end, _ in mentions):
        verbs.insert(0, opener.start(1))
    category = mentions[0][1]
    for start in verbs:  # lower-case words only otherwise: "Meraudje" is a name, not a verb
        before = [kind for end, kind in mentions if end <= start]
        if before:
            category = before[-1]
            break
    else:
        # A sentence that opens with its verb leaves the subject implicit, except the inverted
        # attribution after a quote ("tutur kiai itu"), whose subject follows the verb.
        if verbs and verbs[0] < mentions[0][0] and not _ATTRIBUTION_VERB.match(sentence, verbs[0]):
            return NEUTRAL
    return last_subject if category == PRONOUN else category


def _quote_speaker(paragraph: str, quote: tuple[int, int], index: SpeakerIndex, state: dict) -> str:
    after = _ATTRIBUTION.match(paragraph, quote[1])
    if after:
        if after.group("nya") and not index.mentions(after.group("rest")):
            return state["speaker"]
        speaker = classify(after.group("rest"), index, state["speaker"])
        if speaker != NEUTRAL:
            return speaker
    lead = paragraph[max(0, quote[0] - 160) : quote[0]]
    if lead.rstrip().endswith((":", ",")) and (speaker := classify(lead, index, state["subject"])) != NEUTRAL:
        return speaker
    return state["speaker"] if state["speaker"] != NEUTRAL else POLICE


def _paragraph_segments(paragraph: str, index: SpeakerIndex, state: dict) -> list[Segment]:
    quotes = quote_spans(paragraph)
    outside = list(paragraph)
    for start, end in quotes:
        outside[start:end] = " " * (end - start)
    plain = "".join(outside)
    # Process quotes and sentences in reading order: "-nya" refers to what came before.
    # A quote also ends a sentence: '"...," tutur kiai itu. Ia ...' starts afresh after it.
    events = [(start, 1, (start, end)) for start, end in quotes]
    bounds = [0, *(edge for span in quotes for edge in span), len(plain)]
    for low, high in zip(bounds[::2], bounds[1::2], strict=True):
        for start, end in split_sentences(plain[low:high]):
            text = plain[low + start : low + end]
            events.append((low + start + len(text) - len(text.lstrip()), 0, (low + start, low + end)))
    segments = []
    mentions = index.mentions(plain)  # once per paragraph, then sliced per sentence
    for _, is_quote, (start, end) in sorted(events):
        if is_quote:
            speaker = _quote_speaker(paragraph, (start, end), index, state)
            segments.append(Segment(paragraph[start:end].strip('"'), speaker, True))
            state["speaker"] = speaker
            continue
        sentence = plain[start:end]
        if len(sentence.strip()) < 3:
            continue
        inside = [(stop - start, kind) for stop, kind in mentions if start < stop <= end]
        speaker = classify(sentence, index, state["subject"], inside)
        if speaker == NEUTRAL and _LIST_ITEM.match(paragraph):
            speaker = state[
                "speaker"
            ]  # "1. Agar tidak mudah terprovokasi;" continues "pesan ... antara lain:"
        sentence = sentence.strip()
        if speaker != NEUTRAL:
            state["subject"] = speaker
            if SPEECH_RE.search(sentence):
                state["speaker"] = speaker
        segments.append(Segment(sentence, speaker, False))
    return segments


def attribute(paragraphs: list[str], index: SpeakerIndex) -> list[Segment]:
    """Sentences and quotes of the body, in order, each with its speaker class."""
    state = {"subject": NEUTRAL, "speaker": NEUTRAL}
    segments: list[Segment] = []
    for paragraph in paragraphs:
        segments.extend(_paragraph_segments(paragraph, index, state))
    return segments
