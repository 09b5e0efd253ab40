"""`extract()`: one release in, one record in the corpus schema out.

Order matters: units and officers first (their spans are masked so that "Polsek Tambaksari"
gives no kecamatan and "Kopol H Andryan" gives no "H." figure), then people, places, speaker
attribution (for activities and themes), election words, and the date.
"""

from __future__ import annotations

import re

from . import gazette
from .activities import find_activity_types, reports_activity
from .dateline import find_dateline
from .dates import activity_date
from .election import detect_election, years_near_election_words
from .figures import find_people
from .messages import find_messages
from .names import same_person
from .officers import find_officers, merge_officers
from .places import dateline_place, dateline_region, places_record, scan_places
from .speakers import SpeakerIndex, attribute
from .text import Document, build_document
from .units import distinct_units, find_units

_OPINION_MARKERS = ("opini", "kolom:", "tajuk", "editorial", "surat pembaca")
# "Oleh: Rahmat Hidayat Lubis, pengajar sosiologi ...": an author described by profession writes an
# opinion; a news byline ("Oleh Redaksi • 29 November 2024") does not.
_OPINION_BYLINE = re.compile(r"^(?i:oleh)\s*:?\s*[^,\u2022|]{3,60},\s*[a-z]")


def empty_record(article_id: str | None = None) -> dict:
    """The record of an article that reports no concrete police activity."""
    return {
        "id": article_id,
        "activity_date": None,
        "units": [],
        "officers": [],
        "figures": [],
        "places": {"desa": [], "kecamatan": [], "kabupaten_kota": [], "provinsi": []},
        "activity_types": [],
        "election": {"kind": None, "year": None, "phase": None},
        "messages": [],
    }


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """Blank out spans with '|' (not a letter, not a space) so no pattern can reach across them."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = ["|" if c != "\n" else "\n" for c in chars[start:end]]
    return "".join(chars)


def _is_opinion(doc: Document) -> bool:
    lines = [doc.title, *doc.header, *doc.paragraphs[:1]]
    return any(
        line.strip().lower().startswith(_OPINION_MARKERS) or _OPINION_BYLINE.match(line.strip())
        for line in lines
        if line
    )


def extract_document(doc: Document, article_id: str | None = None) -> dict:
    record = empty_record(article_id)
    if doc.empty or _is_opinion(doc):
        return record
    body = doc.body
    units = find_units(body)
    mentions = find_officers(body)
    if not units and not mentions:
        return record  # no Polri actor: an overview or an unrelated text, not an activity report
    officers = merge_officers(mentions)
    masked = _mask(body, [(u.start, u.end) for u in units] + [(o.start, o.end) for o in mentions])
    places = scan_places(masked)
    # Places and unit names of this article help tell "tokoh masyarakat Perawang Syamsul" apart.
    known = {gazette.squash(name) for name in [*(p.name for p in places), *(u.name for u in units)]}
    people = find_people(masked, known)
    figures = [f for f in people.figures if not any(same_person(f.name, o.name) for o in officers)]
    dateline = find_dateline(doc)
    city = dateline_place(dateline.city, places)
    region = dateline_region(dateline.city, dateline.date_text)
    index = SpeakerIndex(
        [o.name for o in officers], [f.name for f in figures], [p.name for p in people.officials]
    )
    segments = attribute(_mask(body, []).split("\n\n"), index)
    day = activity_date(body, dateline.body_end, list(years_near_election_words(body)))
    if day is None and not reports_activity(segments):
        return record  # a programme announced or planned, no activity that took place
    record.update(
        activity_date=day,
        units=distinct_units(units),
        officers=[o.as_dict() for o in officers],
        figures=[f.as_figure() for f in figures],
        places=places_record([p for p in (city, region) if p] + places),
        activity_types=find_activity_types(segments),
        election=detect_election(body, " ".join([doc.title, *doc.header]), day),
        messages=find_messages(segments),
    )
    return record


def extract(text: str, article_id: str | None = None, title: str | None = None) -> dict:
    """Extract one release; never raises on odd text (empty, HTML, foreign, huge)."""
    return extract_document(build_document(text, title), article_id)
