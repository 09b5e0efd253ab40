"""Writing press releases from the record (issue #5). Pure Python, no Django.

- `write_release(facts, language="id", variant_seed=0) -> Release`: one activity;
- `write_daily_release(list_of_facts, language="id", variant_seed=0) -> Release`: a unit's
  activities of one day;
- `render.to_text / to_html / to_docx(title, body)`: the downloads.

The facts (`model.ReleaseFacts`) are all a release may state; see `model.voice_of` for the
"melalui" rule and `phrasing` for how variants are chosen.
"""

from __future__ import annotations

from .daily import write_daily_en, write_daily_id
from .english import write_en
from .model import (
    ElectionFacts,
    FigureFacts,
    OfficerFacts,
    PlaceName,
    Release,
    ReleaseFacts,
    ThemeFacts,
    UnitFacts,
    Voice,
    election_from_text,
    voice_of,
)
from .phrasing import write_id

LANGUAGES = ("id", "en")


def write_release(facts: ReleaseFacts, *, language: str = "id", variant_seed: int | None = None) -> Release:
    """The release of one activity; the seed defaults to the activity's id (`facts.key`)."""
    seed = facts.key if variant_seed is None else variant_seed
    writer = write_en if language == "en" else write_id
    title, paragraphs = writer(facts, seed)
    return Release(
        title, facts.city, tuple(paragraphs), facts.writer_initials, "en" if language == "en" else "id"
    )


def write_daily_release(
    day: list[ReleaseFacts], *, language: str = "id", variant_seed: int | None = None
) -> Release:
    """One release for several activities of one unit on one day, in time order."""
    if not day:
        raise ValueError("A daily release needs at least one activity.")
    ordered = sorted(day, key=lambda f: f.when)
    seed = ordered[0].day.toordinal() if variant_seed is None else variant_seed
    writer = write_daily_en if language == "en" else write_daily_id
    title, paragraphs = writer(ordered, seed)
    first = ordered[0]
    return Release(
        title, first.city, tuple(paragraphs), first.writer_initials, "en" if language == "en" else "id"
    )


__all__ = [
    "LANGUAGES",
    "ElectionFacts",
    "FigureFacts",
    "OfficerFacts",
    "PlaceName",
    "Release",
    "ReleaseFacts",
    "ThemeFacts",
    "UnitFacts",
    "Voice",
    "election_from_text",
    "voice_of",
    "write_daily_release",
    "write_release",
]
