"""Named Polri officers: rank + name (+ degrees), with the generic position in front or behind.

Every officer is anchored on a rank ("Kopol", "IPDA", "Kombes Pol", "Iptu."), so TNI members
(Serda, Kapten Inf) and civil servants never match. The position is the last title before the
rank when only a unit/place chain separates them ("Bhabinkamtibmas Desa X Polsek Y, Aipda Z"),
or a title right after the name (", Kanit Binmas Polsek X"); "didampingi Bripda X" has none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sejuk.units.ranks import parse_rank

from .lexicon import POSITION_RE, RANK_RE, TNI_AFTER_RE, position_title, scan
from .names import parse_name, same_person

_WINDOW = 160
# Only a unit/place chain may sit between a title and the rank it belongs to.
# Each word is taken whole (the lookaheads stop a word being split into pieces), so that a long
# run of capitalised words that fails to match fails at once instead of trying every split.
_CHAIN_GAP = re.compile(
    r"(?:[\s,()]|se-|(?:desa|kelurahan|kecamatan|kampung|nagari)\b|dan(?=\s[A-Z])|[A-Z][\w'.\-]*(?![\w'.\-])"
    r"|\d+(?!\d))*"
)
_AND_RANK = re.compile(r"\s(?:dan|serta)\s")
_AFTER_NAME = re.compile(
    r"\s*(?:,\s*(?:selaku\s+|sebagai\s+)?|\s(?:selaku|sebagai|yang menjabat(?: sebagai)?)\s+)"
)
# "Ajun Komisaris Polisi (AKP) Dedy": the abbreviation in brackets after a rank written out.
_RANK_ABBREVIATION = re.compile(r"\s*\(\s*[A-Za-z]{2,8}\.?\s*\)")
_CLAUSE_BREAK = re.compile(r"[.;:!?\"]\s|\s(?:bersama|didampingi|dengan)\s|\s(?:dan|serta)\s(?![A-Z])")


@dataclass
class Officer:
    name: str
    rank: str
    position: str | None
    start: int  # rank start
    end: int  # end of name and degrees

    def as_dict(self) -> dict:
        return {"name": self.name, "rank": self.rank, "position": self.position}


def _position_before(body: str, rank_start: int, floor: int) -> str | None:
    """The nearest title before the rank, if nothing but a unit chain lies between."""
    window_start = max(floor, rank_start - _WINDOW)
    window = body[window_start:rank_start]
    # "dan" before a capital is part of a unit name ("Pulau Ambon dan Pulau-Pulau Lease"),
    # unless a rank follows it ("Kapolsek X dan Bripka Y").
    breaks = list(_CLAUSE_BREAK.finditer(window)) + [
        m for m in _AND_RANK.finditer(window) if RANK_RE.match(window, m.end())
    ]
    breaks.sort(key=lambda m: m.end())
    if breaks:
        window = window[breaks[-1].end() :]
    titles = list(POSITION_RE.finditer(window))
    if not titles:
        return None
    last = titles[-1]
    if not _CHAIN_GAP.fullmatch(window[last.end() :]):
        return None
    return position_title(last.group())


def _position_after(body: str, name_end: int) -> str | None:
    """ ", Bhabinkamtibmas Desa X" after the name, unless another rank (a next person) follows."""
    joint = _AFTER_NAME.match(body, name_end)
    if not joint:
        return None
    title = POSITION_RE.match(body, joint.end())
    if not title:
        return None
    tail = body[title.end() : title.end() + 80]
    chain = _CHAIN_GAP.match(tail)
    if chain and RANK_RE.match(tail, chain.end()):
        return None
    return position_title(title.group())


def _officer_at(body: str, match: re.Match, floor: int) -> Officer | None:
    rank = parse_rank(match.group("rank"))
    if rank is None or TNI_AFTER_RE.match(body, match.end()):
        return None
    name_at = match.end()
    if bracket := _RANK_ABBREVIATION.match(body, name_at):
        name_at = bracket.end()
    parsed = parse_name(body, name_at)
    if parsed is None:
        return None
    position = _position_before(body, match.start(), floor) or _position_after(body, parsed.end)
    return Officer(parsed.name, rank.abbreviation, position, match.start(), parsed.end)


def find_officers(body: str) -> list[Officer]:
    """Every officer mention, in order; repeated mentions are merged by `merge_officers`."""
    mentions: list[Officer] = []
    floor = 0
    for match in scan(RANK_RE, body):
        if match.start() < floor:
            continue
        officer = _officer_at(body, match, floor)
        if officer is not None:
            mentions.append(officer)
            floor = officer.end
    return mentions


def merge_officers(mentions: list[Officer]) -> list[Officer]:
    """One entry per person: the longest spelling of the name, the first position found."""
    merged: list[Officer] = []
    for mention in mentions:
        for known in merged:
            if known.rank == mention.rank and same_person(known.name, mention.name):
                if len(mention.name) > len(known.name):
                    known.name = mention.name
                known.position = known.position or mention.position
                break
        else:
            merged.append(Officer(mention.name, mention.rank, mention.position, mention.start, mention.end))
    return merged
