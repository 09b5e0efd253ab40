"""The English version of a release (on request): same facts, same order, plainer phrasing.

Unit names, ranks and position titles stay in Indonesian (they are proper names); places get
English level words; dates are written "Thursday, 28 November 2024".
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

from . import indonesian as ind
from .model import ElectionFacts, FigureFacts, OfficerFacts, PlaceName, ReleaseFacts, Voice, voice_of
from .phrasing import pick

ACTIVITIES = {
    "sambang": "a visit (sambang)",
    "dialog": "a dialogue",
    "silaturahmi": "a courtesy call (silaturahmi)",
    "patroli_dialogis": "a dialogue patrol",
    "imbauan": "an appeal",
    "doa_bersama": "a joint prayer",
    "deklarasi_damai": "a peace declaration",
    "rapat_koordinasi": "a coordination meeting",
    "bakti_sosial": "a social service",
    "penyuluhan": "an outreach session",
    "jumat_curhat": "a Friday listening session (Jumat Curhat)",
    "other": "a cooling-system activity",
}
PARTNERS = {
    "tni": "the armed forces (TNI)",
    "camat": "the sub-district government",
    "kepala_desa": "the village government",
    "kpu_bawaslu": "the election bodies (KPU, Bawaslu)",
    "fkub_mui": "the inter-faith forum and religious councils",
    "ormas": "civil-society organisations",
    "karang_taruna": "the youth organisation Karang Taruna",
}
PLACE_WORDS = {
    "Desa": "Village",
    "Desa Adat": "Customary Village",
    "Kelurahan": "Kelurahan",
    "Kecamatan": "District",
    "Distrik": "District",
    "Kabupaten": "Regency",
    "Kota": "City",
    "Provinsi": "Province",
}
ELECTIONS = {
    "pilkada": "regional elections (Pilkada)",
    "pemilu": "general election (Pemilu)",
    "psu": "re-vote (PSU)",
}
PHASES = {"pra": "ahead of", "pasca": "after"}
TITLES = (
    "{unit} holds {act} in {place}{ctx}",
    "Cooling system{ctx}: {unit} holds {act} in {place}",
)
LEADS = (
    "As part of the police cooling-system programme{ctx}, officers of {chain}, {officers}, held {act} "
    "in {places} on {date}.",
    "On {date}, {officers} of {chain} held {act} in {places} as part of the police cooling-system "
    "programme{ctx}.",
)
LEAD_UNIT = (
    "On {date}, officers of {chain} held {act} in {places} as part of the police cooling-system "
    "programme{ctx}."
)
VOICE_THROUGH = (
    "{commander}, speaking through {speaker}, said the activity was part of a pre-emptive programme{ctx}."
)
VOICE_DIRECT = "{speaker} said the activity was part of a pre-emptive programme{ctx}."
APPEALS = (
    '"We urge residents to {themes}," said {speaker_short}.',
    "{speaker_short} urged residents to {themes}.",
)
CLOSINGS = (
    "{unit} will continue the cooling-system programme together with the community.",
    "The cooling-system programme is a pre-emptive step by the police, involving the whole community.",
)


def long_date(day: date) -> str:
    return format_date(day, "EEEE, d MMMM y", locale="en")


def join(items: list[str]) -> str:
    items = [item for item in items if item]
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}" if items else ""


def election(facts: ElectionFacts) -> str:
    """ " after the 2024 regional elections (Pilkada)"; "" when unknown."""
    if not facts.known:
        return ""
    name = ELECTIONS.get(facts.kind or "", "vote")
    name = f"the {facts.year} {name}" if facts.year else f"the {name}"
    phase = PHASES.get(facts.phase or "", "during")
    return f" {phase} {name}"


def officer(o: OfficerFacts) -> str:
    """ "Aiptu Asep Saeful Zaelani, Kanit Propam Polsek Klari"."""
    position = o.position_written
    return f"{o.rank} {o.formal_name}" + (f" ({position})" if position else "")


def officers(items: tuple[OfficerFacts, ...]) -> str:
    ordered = sorted(items, key=lambda o: (o.seniority, not o.is_commander, o.name))
    return join([officer(o) for o in ordered])


def place(p: PlaceName) -> str:
    return f"{p.name} {PLACE_WORDS.get(p.word, p.word)}".strip()


def figure(f: FigureFacts) -> str:
    text = f.formal_name
    if f.kind_label_en:
        article = "an" if f.kind_label_en[:1].lower() in "aeiou" else "a"
        text = f"{text}, {article} {f.kind_label_en}"
    return f"{text} ({f.role})" if f.role else text


def activity(codes: tuple[str, ...]) -> str:
    return join([ACTIVITIES.get(code, ACTIVITIES["other"]) for code in codes])


def fields(facts: ReleaseFacts) -> dict[str, str]:
    ctx = election(facts.election)
    return {
        "unit": facts.unit.written,
        "chain": ind.unit_chain(facts.units),
        "ctx": ctx,
        "date": long_date(facts.day),
        "places": ", ".join(place(p) for p in facts.places),
        "place": place(facts.places[0]) if facts.places else "",
        "officers": officers(facts.officers),
        "act": activity(facts.activity_types),
    }


def spoken(facts: ReleaseFacts, voice: Voice | None, values: dict[str, str], seed: int) -> list[str]:
    if voice is None:
        return []
    speaker = officer(voice.speaker)
    if voice.commander is not None:
        text = VOICE_THROUGH.format(commander=officer(voice.commander), speaker=speaker, **values)
    else:
        text = VOICE_DIRECT.format(speaker=speaker, **values)
    paragraphs = [text[:1].upper() + text[1:]]
    if facts.themes:
        themes = join([t.wording_en for t in facts.themes])
        short = f"{voice.speaker.rank} {voice.speaker.name}"
        paragraphs.append(
            ind.sentence(pick(APPEALS, seed, "appeal").format(themes=themes, speaker_short=short))
        )
    return paragraphs


def details(facts: ReleaseFacts) -> str:
    parts = []
    if facts.figures:
        verb = "visited" if "sambang" in facts.activity_types else "met"
        parts.append(f"The officers {verb} {join([figure(f) for f in facts.figures])}.")
    partners = join([PARTNERS[c] for c in facts.partners if c in PARTNERS])
    if partners:
        parts.append(f"Representatives of {partners} also attended.")
    if facts.attendance:
        parts.append(f"Attendance: {facts.attendance} people.")
    if facts.situation == "aman":
        parts.append("The situation was reported safe throughout.")
    return " ".join(parts)


def write_en(facts: ReleaseFacts, seed: int) -> tuple[str, list[str]]:
    """(title, paragraphs) of the English release of one activity."""
    values = fields(facts)
    voice = voice_of(facts.officers, facts.commander)
    title = pick(TITLES, seed, "title").format(**values)
    lead = pick(LEADS, seed, "lead") if facts.officers else LEAD_UNIT
    body = [lead.format(**values), *spoken(facts, voice, values, seed), details(facts)]
    body.append(pick(CLOSINGS, seed, "closing").format(**values))
    return title[:1].upper() + title[1:], [" ".join(p.split()) for p in body if p]
