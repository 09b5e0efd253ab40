"""Does a text praise or attack a candidate or a party? Pure Python; used by the neutrality panel.

Police texts (appeal wording, activity narratives, release drafts) must stay neutral. A text is
flagged when, in the same sentence, it names a candidate, a ballot number or a party AND uses a
word of support or attack. Naming alone is not flagged: "menghormati hasil penghitungan untuk
semua paslon" is neutral. The rule is deliberately simple and explainable; a human reviews flags.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Parties contesting Indonesian elections (short and long names as written in the press).
PARTIES = (
    "PDIP",
    "PDI Perjuangan",
    "Golkar",
    "Gerindra",
    "PKB",
    "NasDem",
    "Nasdem",
    "PKS",
    "Demokrat",
    "PAN",
    "PPP",
    "Perindo",
    "Hanura",
    "PSI",
    "Gelora",
    "Partai Buruh",
    "Partai Ummat",
    "PBB",
    "Garuda",
    "PKN",
)

SUPPORT_WORDS = (
    "dukung",
    "mendukung",
    "dukungan",
    "pilih",
    "pilihlah",
    "coblos",
    "coblosan",
    "menangkan",
    "memenangkan",
    "terbaik",
    "layak dipilih",
    "jagoan",
    "pasti menang",
    "wajib menang",
    "sukseskan paslon",
    "all in",
    "suara untuk",
)
ATTACK_WORDS = (
    "jangan pilih",
    "jangan coblos",
    "curang",
    "kecurangan",
    "penipu",
    "antek",
    "pengkhianat",
    "korup",
    "tolak paslon",
    "kalahkan",
    "gagal",
    "busuk",
    "tidak layak",
)

_BALLOT = re.compile(
    r"\b(?:paslon|pasangan calon|calon|nomor urut|no\.? urut|nomor)\s*(?:no\.?\s*)?0?(\d{1,2})\b", re.I
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


@dataclass(frozen=True)
class Flag:
    sentence: str
    names: tuple[str, ...]
    words: tuple[str, ...]
    stance: str  # "support" or "attack"

    @property
    def reason_id(self) -> str:
        action = "mendukung" if self.stance == "support" else "menyerang"
        return f"Kalimat tampak {action} {', '.join(self.names)} (kata: {', '.join(self.words)})."

    @property
    def reason_en(self) -> str:
        action = "support" if self.stance == "support" else "attack"
        return f"Sentence appears to {action} {', '.join(self.names)} (words: {', '.join(self.words)})."


def _pattern(words: Iterable[str]) -> re.Pattern:
    alternatives = sorted({w.strip() for w in words if w and len(w.strip()) > 2}, key=len, reverse=True)
    if not alternatives:
        return re.compile(r"(?!x)x")
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in alternatives) + r")\b", re.I)


class PartisanDetector:
    """Built once per set of candidate names (from the elections registry) and reused."""

    def __init__(self, candidate_names: Iterable[str] = (), parties: Iterable[str] = PARTIES):
        self._names = _pattern([*candidate_names, *parties])
        self._support = _pattern(SUPPORT_WORDS)
        self._attack = _pattern(ATTACK_WORDS)

    def _named(self, sentence: str) -> list[str]:
        names = [m.group(0) for m in self._names.finditer(sentence)]
        names += [f"paslon {int(m.group(1)):02d}" for m in _BALLOT.finditer(sentence)]
        return list(dict.fromkeys(names))

    def flags(self, text: str) -> list[Flag]:
        found = []
        for match in _SENTENCE.finditer(text or ""):
            sentence = match.group(0).strip()
            names = self._named(sentence)
            if not names:
                continue
            attack = [m.group(0) for m in self._attack.finditer(sentence)]
            # "jangan pilih" contains "pilih": attack words are read first and win.
            support = [] if attack else [m.group(0) for m in self._support.finditer(sentence)]
            if attack or support:
                found.append(
                    Flag(sentence, tuple(names), tuple(attack or support), "attack" if attack else "support")
                )
        return found
