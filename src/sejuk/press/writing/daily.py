"""One release for a unit's activities of one day: a lead, one paragraph per activity, one voice.

The voice follows the same "melalui" rule over everyone who acted that day; the appeals are the
themes delivered in any of the activities, each worded once, in order of first delivery.
"""

from __future__ import annotations

from dataclasses import replace

from . import english as en
from . import indonesian as ind
from .model import ReleaseFacts, ThemeFacts, voice_of
from .phrasing import APPEALS, CLOSINGS, base_fields, pick, voice_paragraph

TITLES_ID = (
    "{unit} Laksanakan Rangkaian Kegiatan Cooling System {Elec}",
    "Rangkaian Cooling System {unit} {Elec}",
    "{Elec}, {unit} Gelar Rangkaian Kegiatan Cooling System",
)
TITLES_PLAIN_ID = (
    "{unit} Laksanakan Rangkaian Kegiatan Cooling System",
    "Rangkaian Kegiatan Cooling System {unit}",
)
LEADS_ID = (
    "{Ctx}, {chain} melaksanakan rangkaian kegiatan cooling system di wilayah hukumnya, {date}.",
    "Pada {date}, personel {chain} melaksanakan rangkaian kegiatan cooling system {ctx}.",
)
ITEM_ID = "{ordinal}, {officers} melaksanakan kegiatan {noun} di {places} {time}."
LATER_ID = "Selanjutnya"
FIGURES_ID = "Dalam kegiatan tersebut, petugas bertemu dengan {figures}."
ITEM_EN = "{ordinal}, {officers} held {act} in {places} at {time}."
LEAD_EN = "On {date}, officers of {chain} held a series of cooling-system activities{ctx}."
ORDINALS_EN = ("First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth")


def merged(day: list[ReleaseFacts]) -> ReleaseFacts:
    """The day as one set of facts: everyone who acted, every theme once, the first known election."""
    first = day[0]
    officers = tuple({(o.rank, o.name): o for f in day for o in f.officers}.values())
    themes: dict[str, ThemeFacts] = {}
    for facts in day:
        for theme in facts.themes:
            themes.setdefault(theme.code, theme)
    election = next((f.election for f in day if f.election.known), first.election)
    types = tuple(dict.fromkeys(code for f in day for code in f.activity_types))
    return replace(
        first, officers=officers, themes=tuple(themes.values()), election=election, activity_types=types
    )


def _ordinal(index: int, ordinals: tuple[str, ...], later: str) -> str:
    return ordinals[index] if index < len(ordinals) else later


def _item_id(index: int, facts: ReleaseFacts) -> str:
    text = ITEM_ID.format(
        ordinal=_ordinal(index, ind.ORDINALS, LATER_ID),
        officers=ind.officers_phrase(facts.officers) or f"personel {facts.unit.written}",
        noun=ind.activity_noun(facts.activity_types),
        places=ind.place_chain(facts.places),
        time=ind.clock(facts.when, facts.zone),
    )
    if facts.figures:
        text += " " + ind.sentence(FIGURES_ID.format(figures=ind.figures_phrase(facts.figures)))
    return text


def write_daily_id(day: list[ReleaseFacts], seed: int) -> tuple[str, list[str]]:
    whole = merged(day)
    fields = base_fields(whole)
    voice = voice_of(whole.officers, whole.commander)
    fields.update(
        noun="cooling system",
        speaker=ind.officer_full(voice.speaker) if voice else "",
        speaker_short=ind.officer_short(voice.speaker) if voice else "",
    )
    body = [pick(LEADS_ID, seed, "lead").format(**fields)]
    body += [_item_id(i, f) for i, f in enumerate(day)]
    body.append(voice_paragraph(voice, fields, seed))
    if whole.themes and voice:
        themes = ind.themes_phrase([t.wording_id for t in whole.themes])
        body.append(ind.sentence(pick(APPEALS, seed, "appeal").format(themes=themes, **fields)))
    body.append(pick(CLOSINGS, seed, "closing").format(**fields))
    title = pick(TITLES_ID if fields["elec"] else TITLES_PLAIN_ID, seed, "title").format(**fields)
    return " ".join(title.split()), [" ".join(p.split()) for p in body if p]


def write_daily_en(day: list[ReleaseFacts], seed: int) -> tuple[str, list[str]]:
    whole = merged(day)
    values = en.fields(whole)
    voice = voice_of(whole.officers, whole.commander)
    title = f"{whole.unit.written}: cooling-system activities on {values['date']}"
    body = [LEAD_EN.format(**values)]
    for index, facts in enumerate(day):
        item = en.fields(facts)
        body.append(
            ITEM_EN.format(
                ordinal=_ordinal(index, ORDINALS_EN, "Then"),
                officers=item["officers"] or f"officers of {facts.unit.written}",
                act=item["act"],
                places=item["places"],
                time=f"{facts.when:%H.%M} {facts.zone}",
            )
        )
    body += en.spoken(whole, voice, values, seed)
    body.append(pick(en.CLOSINGS, seed, "closing").format(**values))
    return title, [" ".join(p.split()) for p in body if p]
