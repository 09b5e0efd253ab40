"""Round trip (issue #5): write a release from generated facts, extract it, get the facts back.

Runs once the extractor (`sejuk.press.extraction`) is installed. What is compared is what the
corpus schema holds: the unit chain, officers with ranks and positions (everyone the text
names: the acting officers and the commander who speaks "melalui" them), figures who consented,
the place chain, the date, the activity types and the appeal themes, and the election.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sejuk.press.writing import ReleaseFacts, voice_of, write_release
from tests.press.test_writing_properties import release_facts

extraction = pytest.importorskip("sejuk.press.extraction")

# Unit kinds as the corpus schema levels them; a Polres Metro keeps "Metro" in its name.
LEVELS = {"polsekta": "polsek", "polres_metro": "polres"}
# Activity types and themes of the record in the corpus vocabulary.
ACTIVITY_CODES = {"patroli_dialogis": {"patroli", "dialog"}, "jumat_curhat": {"dialog"}}
THEME_CODES = {"patuhi_hukum": "jaga_kamtibmas"}


def _stop_words() -> frozenset[str]:
    try:
        from sejuk.press.extraction.lexicon import NAME_STOP_WORDS
    except ImportError:
        return frozenset()
    return frozenset(NAME_STOP_WORDS)


STOP_WORDS = _stop_words()


def readable(facts: ReleaseFacts) -> bool:
    """Leave out official names that contain one of the extractor's stop words ("Tanjung Pura",
    "Garut Kota", "Negeri Besar"): a known gap of the extractor, reported, not of the writer."""
    names = [p.name for p in facts.places] + [u.name for u in facts.units]
    return not any(word.lower() in STOP_WORDS for name in names for word in name.split())


def expected(facts: ReleaseFacts) -> dict:
    voice = voice_of(facts.officers, facts.commander)
    named = set(facts.officers) | ({voice.commander} if voice and voice.commander else set())
    types = {code for t in facts.activity_types for code in ACTIVITY_CODES.get(t, {t})}
    if facts.themes:
        types.add("imbauan")
    places: dict[str, set[str]] = {
        "desa": set(),
        "kecamatan": set(),
        "kabupaten_kota": set(),
        "provinsi": set(),
    }
    for place in facts.places:
        places[place.level].add(place.name)
    return {
        "activity_date": facts.day.isoformat(),
        "units": {(LEVELS.get(u.kind, u.kind), u.bare) for u in facts.units},
        "officers": {(o.name, o.rank, o.position.removesuffix(" Polsek") or None) for o in named},
        "figures": {(f.name, f.kind_label or "other") for f in facts.figures},
        "places": places,
        "activity_types": types,
        "election": {"kind": facts.election.kind, "year": facts.election.year, "phase": facts.election.phase},
        "messages": {THEME_CODES.get(t.code, t.code) for t in facts.themes},
    }


def comparable(record: dict) -> dict:
    return {
        "activity_date": record["activity_date"],
        "units": {(u["level"], u["name"]) for u in record["units"]},
        "officers": {(o["name"], o["rank"], o["position"]) for o in record["officers"]},
        "figures": {(f["name"], f["category"]) for f in record["figures"]},
        "places": {key: set(values) for key, values in record["places"].items()},
        "activity_types": set(record["activity_types"]),
        "election": record["election"],
        "messages": set(record["messages"]),
    }


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)
@given(release_facts().filter(readable), st.integers(0, 1000))
def test_extracting_a_written_release_recovers_its_facts(facts, seed):
    release = write_release(facts, variant_seed=seed)
    record = extraction.extract(release.body, title=release.title)
    assert comparable(record) == expected(facts), release.text


def test_the_seed_visit_survives_the_round_trip():
    from tests.press.test_writing import seed_facts

    facts = seed_facts()
    for seed in range(6):
        release = write_release(facts, variant_seed=seed)
        assert comparable(extraction.extract(release.body, title=release.title)) == expected(facts)
