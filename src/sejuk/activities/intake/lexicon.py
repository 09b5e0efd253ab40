"""Phrase tables that find keywords in free text, whole-word and case-insensitively.

One small class serves every vocabulary (activity types, themes, partners, figure kinds ...), so
the rules for "what counts as a match" are the same everywhere: whole words only (so "kamtibmas"
is not found inside "Bhabinkamtibmas"), any amount of whitespace between the words of a phrase,
the longest phrase wins ("patroli dialogis" before "dialog").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz, process

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """The key form of a phrase: case-folded, single spaces."""
    return _SPACES.sub(" ", text.casefold()).strip()


@dataclass(frozen=True, slots=True)
class Hit:
    code: str
    start: int
    end: int


class Lexicon:
    """Maps phrases to codes; finds them in text."""

    def __init__(self, entries: Mapping[str, str]):
        self._codes = {fold(phrase): code for phrase, code in entries.items()}
        phrases = sorted(self._codes, key=len, reverse=True)
        alternatives = "|".join(r"\s+".join(map(re.escape, p.split(" "))) for p in phrases)
        # Lookarounds rather than \b because some phrases start or end with a digit or quote.
        self._pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
        # Fuzzy matching only for single words long enough that a typo is still recognisable.
        self._fuzzy_choices = [p for p in phrases if " " not in p and len(p) >= 5]

    def codes(self) -> frozenset[str]:
        return frozenset(self._codes.values())

    def code_of(self, matched_text: str) -> str | None:
        return self._codes.get(fold(matched_text))

    def find_all(self, text: str) -> list[Hit]:
        hits = []
        for m in self._pattern.finditer(text):
            code = self.code_of(m.group(0))
            if code is not None:
                hits.append(Hit(code, m.start(), m.end()))
        return hits

    def first(self, text: str) -> Hit | None:
        hits = self.find_all(text)
        return hits[0] if hits else None

    def prefix(self, text: str) -> Hit | None:
        """A phrase that starts the text (after leading spaces)."""
        m = self._pattern.match(text, len(text) - len(text.lstrip()))
        if m is None:
            return None
        code = self.code_of(m.group(0))
        return Hit(code, m.start(), m.end()) if code is not None else None

    def whole(self, text: str) -> str | None:
        """The code when the text is exactly one phrase (ignoring case and edge punctuation)."""
        return self._codes.get(fold(text.strip(" \t.,:;!?-")))

    def fuzzy_word(self, word: str, cutoff: float = 85) -> str | None:
        """The code of the phrase a misspelt single word most likely meant, if close enough."""
        key = fold(word.strip(" .,:;!?-"))
        if len(key) < 4 or not self._fuzzy_choices:
            return None
        best = process.extractOne(key, self._fuzzy_choices, scorer=fuzz.ratio, score_cutoff=cutoff)
        return self._codes[best[0]] if best else None

    def read(self, text: str, *, fuzzy: bool = True) -> list[str]:
        """Codes mentioned in a short text, in order, without repeats; typo-tolerant per word."""
        codes = [hit.code for hit in self.find_all(text)]
        if not codes and fuzzy:
            codes = [c for w in _SPACES.split(text) if (c := self.fuzzy_word(w))]
        return list(dict.fromkeys(codes))
