"""Indonesian phrasing: several variants per part, chosen deterministically from a seed.

Variant i of a part is `(seed + offset) % len(variants)`: the same record (same seed, usually
the activity id) always yields the same text, and two consecutive seeds (the next activity, the
next day) never share a variant in any part that has more than one, so a week of releases does
not read as one template.

Templates are plain format strings held as data; every name or number in a release comes from
the facts (a property test reads every string literal of this package and checks it). They
avoid words that would claim an appeal theme the record does not hold ("menjaga kondusifitas",
"persatuan", "hasil"): themes are worded only from the themes delivered.
"""

from __future__ import annotations

from . import indonesian as ind
from .model import ReleaseFacts, Voice, voice_of

TITLES_ELECTION = (
    "{Elec}, {unit} Laksanakan {act}{obj}",
    "{unit} Gelar {act}{obj} di {place} {Elec}",
    "Cooling System {Elec}: {unit} {act}{obj} di {place}",
    "{act}{obj} di {place}, Langkah Cooling System {unit} {Elec}",
)
TITLES_PLAIN = (
    "{unit} Laksanakan {act}{obj} di {place}",
    "{unit} Gelar {act}{obj} di {place}",
    "Cooling System: {unit} {act}{obj} di {place}",
    "{act}{obj} di {place}, Langkah Cooling System {unit}",
)
LEADS = (
    "{Ctx}, personel {chain}, {officers}, melaksanakan kegiatan {noun} di {places}, {date}.",
    "{chain} melaksanakan kegiatan {noun} di {places}, {date}. "
    "Kegiatan tersebut dilaksanakan oleh {officers} {ctx}.",
    "Pada {date} {time}, {officers} dari {chain} melaksanakan kegiatan {noun} di {places} {ctx}.",
    "Personel {chain} melaksanakan kegiatan {noun} {ctx}. "
    "Kegiatan yang dilaksanakan {officers} itu bertempat di {places}, {date} {time}.",
)
# When the record names no officer (the services always require one; the engine does not).
LEADS_UNIT = (
    "{Ctx}, personel {chain} melaksanakan kegiatan {noun} di {places}, {date}.",
    "{chain} melaksanakan kegiatan {noun} di {places}, {date} {time}, {ctx}.",
)
VOICES_THROUGH = (
    "{commander} melalui {speaker} menjelaskan bahwa kegiatan {noun} tersebut merupakan bagian "
    "dari {program}.",
    "{commander} melalui {speaker} mengatakan, kegiatan {noun} ini dilaksanakan sebagai langkah preemtif "
    "dalam {program}.",
    "Kegiatan {noun} tersebut, kata {commander} melalui {speaker}, merupakan langkah preemtif Polri "
    "dalam {program}.",
)
VOICES_DIRECT = (
    "{speaker} menjelaskan bahwa kegiatan {noun} tersebut merupakan bagian dari {program}.",
    "{speaker} mengatakan, kegiatan {noun} ini dilaksanakan sebagai langkah preemtif dalam {program}.",
    "Menurut {speaker}, kegiatan {noun} tersebut merupakan langkah preemtif Polri dalam {program}.",
)
APPEALS = (
    '"Kami mengimbau masyarakat untuk {themes}," ujar {speaker_short}.',
    '"Melalui kegiatan ini, kami mengajak seluruh warga untuk {themes}," kata {speaker_short}.',
    "Dalam kesempatan tersebut, {speaker_short} mengimbau masyarakat untuk {themes}.",
    "{speaker_short} juga mengajak masyarakat untuk {themes}.",
)
FIGURES_VISITED = (
    "Adapun tokoh yang disambangi yakni {figures}.",
    "Tokoh yang disambangi dalam kegiatan tersebut yaitu {figures}.",
)
FIGURES_MET = (
    "Dalam kegiatan tersebut, petugas bertemu dengan {figures}.",
    "Adapun tokoh yang hadir dalam kegiatan tersebut yakni {figures}.",
)
UNNAMED = ("Kegiatan tersebut juga melibatkan {unnamed}.",)
UNNAMED_ONLY = ("Kegiatan tersebut melibatkan {unnamed}.",)
PARTNERS = ("Kegiatan tersebut turut dihadiri {partners}.",)
ATTENDANCE = (
    "Jumlah peserta yang hadir tercatat {attendance} orang.",
    "Kegiatan diikuti {attendance} orang.",
)
SITUATION_SAFE = (
    "Selama kegiatan berlangsung, situasi terpantau aman.",
    "Situasi selama kegiatan terpantau aman.",
)
CLOSINGS = (
    "{unit} akan melanjutkan program cooling system bersama seluruh elemen masyarakat{until}.",
    "{Program} merupakan langkah preemtif Polri yang melibatkan seluruh elemen masyarakat.",
    "Melalui program cooling system, {unit} mengedepankan langkah preemtif dan pendekatan humanis "
    "kepada masyarakat.",
)
CONTEXTS = ("dalam rangka cooling system {elec}", "dalam rangka program cooling system Polri")
PROGRAMS = ("program cooling system {elec}", "program cooling system Polri")
UNTIL = " hingga seluruh tahapan {election} selesai"

# Each part's offset, so that parts do not all move in step.
_OFFSETS = {
    "title": 0,
    "lead": 1,
    "voice": 2,
    "appeal": 3,
    "figures": 1,
    "details": 0,
    "closing": 2,
    "order": 1,
}


def pick(variants: tuple[str, ...], seed: int, part: str) -> str:
    return variants[(seed + _OFFSETS.get(part, 0)) % len(variants)]


def base_fields(facts: ReleaseFacts) -> dict[str, str]:
    """Strings every Indonesian template may use, all built from the facts."""
    elec = ind.election_phrase(facts.election)
    program = PROGRAMS[0 if elec else 1].format(elec=elec)
    context = CONTEXTS[0 if elec else 1].format(elec=elec)
    name = ind.election_name(facts.election)
    return {
        "unit": facts.unit.written,
        "chain": ind.unit_chain(facts.units),
        "elec": elec,
        "Elec": ind.election_title(facts.election),
        "ctx": context,
        "Ctx": ind.capitalize(context),
        "program": program,
        "Program": ind.capitalize(program),
        "until": UNTIL.format(election=name) if name else "",
        "date": ind.genre_date(facts.day),
        "time": ind.clock(facts.when, facts.zone),
        "places": ind.place_chain(facts.places),
        "place": ind.lowest_place(facts.places),
    }


def _object(facts: ReleaseFacts) -> str:
    labels = [f.kind_label for f in facts.figures if f.kind_label] + list(facts.unnamed_figure_kinds)
    if not labels:
        return ""
    label = labels[0].title()
    return f" {label}" if "sambang" in facts.activity_types else f" dengan {label}"


def voice_paragraph(voice: Voice | None, fields: dict[str, str], seed: int) -> str:
    if voice is None:
        return ""
    if voice.commander is not None:
        return pick(VOICES_THROUGH, seed, "voice").format(
            commander=ind.officer_full(voice.commander), **fields
        )
    return pick(VOICES_DIRECT, seed, "voice").format(**fields)


def appeal_paragraph(facts: ReleaseFacts, voice: Voice | None, fields: dict[str, str], seed: int) -> str:
    if not facts.themes or voice is None:
        return ""
    themes = ind.themes_phrase([t.wording_id for t in facts.themes])
    return ind.sentence(pick(APPEALS, seed, "appeal").format(themes=themes, **fields))


def figures_paragraph(facts: ReleaseFacts, seed: int) -> str:
    parts = []
    unnamed = ind.unnamed_phrase(facts.unnamed_figure_kinds)
    if facts.figures:
        variants = FIGURES_VISITED if "sambang" in facts.activity_types else FIGURES_MET
        parts.append(
            ind.sentence(pick(variants, seed, "figures").format(figures=ind.figures_phrase(facts.figures)))
        )
        if unnamed:
            parts.append(UNNAMED[0].format(unnamed=unnamed))
    elif unnamed:
        parts.append(UNNAMED_ONLY[0].format(unnamed=unnamed))
    return " ".join(parts)


def details_paragraph(facts: ReleaseFacts, seed: int) -> str:
    parts = []
    partners = ind.partners_phrase(facts.partners)
    if partners:
        parts.append(PARTNERS[0].format(partners=partners))
    if facts.attendance:
        parts.append(pick(ATTENDANCE, seed, "details").format(attendance=facts.attendance))
    # Only a safe situation is written: "waspada"/"rawan" are internal assessments, not news.
    if facts.situation == "aman":
        parts.append(pick(SITUATION_SAFE, seed, "details"))
    return " ".join(parts)


def write_id(facts: ReleaseFacts, seed: int) -> tuple[str, list[str]]:
    """(title, paragraphs) of the Indonesian release of one activity."""
    fields = base_fields(facts)
    voice = voice_of(facts.officers, facts.commander)
    fields.update(
        officers=ind.officers_phrase(facts.officers),
        noun=ind.activity_noun(facts.activity_types),
        act=ind.activity_title(facts.activity_types),
        obj=_object(facts),
        speaker=ind.officer_full(voice.speaker) if voice else "",
        speaker_short=ind.officer_short(voice.speaker) if voice else "",
    )
    titles = TITLES_ELECTION if fields["elec"] else TITLES_PLAIN
    title = pick(titles, seed, "title").format(**fields)
    lead = pick(LEADS if facts.officers else LEADS_UNIT, seed, "lead").format(**fields)
    voice_text = voice_paragraph(voice, fields, seed)
    appeal = appeal_paragraph(facts, voice, fields, seed)
    figures = figures_paragraph(facts, seed)
    spoken = [voice_text, appeal]
    body = [lead, figures, *spoken] if (seed + _OFFSETS["order"]) % 2 else [lead, *spoken, figures]
    body += [details_paragraph(facts, seed), pick(CLOSINGS, seed, "closing").format(**fields)]
    return " ".join(title.split()), [" ".join(p.split()) for p in body if p]
