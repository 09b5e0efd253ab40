"""The release's words as the activity's vocabulary: type, appeal themes, election phase, date.

The extractor tags everything the text says was done ("sambang", "imbauan", "dialog"); an
activity has one type. An appeal is part of almost every activity, so it is the type only when
nothing else was done; several other kinds leave the choice to the reviewer, the most specific
first (a peace declaration says more than a dialogue).
"""

from __future__ import annotations

from datetime import date

from sejuk.activities import vocabulary
from sejuk.press.importing.resolution import Candidate, Match

# The extractor's activity tags (corpus schema) as activity types, most specific first.
_TYPE_ORDER = (
    ("deklarasi_damai", "deklarasi_damai"),
    ("doa_bersama", "doa_bersama"),
    ("rapat_koordinasi", "rapat_koordinasi"),
    ("bakti_sosial", "bakti_sosial"),
    ("penyuluhan", "penyuluhan"),
    ("sambang", "sambang"),
    ("patroli", "patroli_dialogis"),
    ("dialog", "dialog"),
    ("silaturahmi", "silaturahmi"),
    ("other", "other"),
)
_LABELS = {term.code: term.label_id for term in vocabulary.ACTIVITY_TYPES}
_ELECTION_WORDS = {"pilkada": "Pilkada", "pemilu": "Pemilu", "psu": "PSU"}


def resolve_activity_type(tags: list[str], text: str) -> Match:
    tags = list(dict.fromkeys(tags))
    codes = [code for tag, code in _TYPE_ORDER if tag in tags]
    if "dialog" in codes and "jumat curhat" in text.lower():
        codes[codes.index("dialog")] = "jumat_curhat"  # the programme's own name for the dialogue
    if not codes and "imbauan" in tags:
        codes = ["imbauan"]
    written = ", ".join(tags)
    if len(codes) == 1:
        return Match.sure(Candidate(codes[0], _LABELS[codes[0]], "type_only"), text=written)
    return Match.ranked([Candidate(c, _LABELS[c], "type_several") for c in codes], text=written)


def themes(messages: list[str]) -> list[str]:
    """Appeal themes the police delivered, in the library's codes ("other" has no theme)."""
    return [code for code in dict.fromkeys(messages) if code in vocabulary.THEME_CODES]


def election_phase(election: dict) -> str:
    """ "pasca Pilkada 2024", as the activity's election phase is written; "" when unknown."""
    words = [
        election.get("phase") or "",
        _ELECTION_WORDS.get(election.get("kind") or "", ""),
        str(election["year"]) if election.get("year") and election.get("kind") else "",
    ]
    return " ".join(w for w in words if w)


def resolve_day(activity_date: str | None, published_on: date | None) -> Match:
    """The activity's date as stated; the publication date is only a candidate (the corpus rule:
    never take the release's date for the activity's)."""
    if activity_date:
        day = date.fromisoformat(activity_date)
        return Match.sure(Candidate(day.isoformat(), f"{day:%d/%m/%Y}", "date_in_text"), text=activity_date)
    if published_on:
        return Match.ranked(
            [Candidate(published_on.isoformat(), f"{published_on:%d/%m/%Y}", "date_published")]
        )
    return Match()
