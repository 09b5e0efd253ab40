"""Indonesian forms of the genre: dates, lists, the unit chain, officers, places, figures.

Pure Python (Babel for weekday names). Every phrase here is built from the facts it is given;
the fixed words are the genre's own ("selaku", "Kecamatan", "pasca").
"""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date

from .model import ElectionFacts, FigureFacts, OfficerFacts, PlaceName, UnitFacts

# Noun phrase after "kegiatan" (lead) and the title form, per activity type.
ACTIVITY_NOUNS = {
    "sambang": ("sambang", "Sambang"),
    "dialog": ("dialog", "Dialog"),
    "silaturahmi": ("silaturahmi", "Silaturahmi"),
    "patroli_dialogis": ("patroli dialogis", "Patroli Dialogis"),
    "imbauan": ("penyampaian imbauan", "Imbauan"),
    "doa_bersama": ("doa bersama", "Doa Bersama"),
    "deklarasi_damai": ("deklarasi damai", "Deklarasi Damai"),
    "rapat_koordinasi": ("rapat koordinasi", "Rapat Koordinasi"),
    "bakti_sosial": ("bakti sosial", "Bakti Sosial"),
    "penyuluhan": ("penyuluhan", "Penyuluhan"),
    "jumat_curhat": ("Jumat Curhat", "Jumat Curhat"),
    "other": ("cooling system", "Cooling System"),
}

# Partners as a release names them; "other" is not written (the record does not say who).
PARTNERS = {
    "tni": "unsur TNI",
    "camat": "unsur pemerintah kecamatan",
    "kepala_desa": "unsur pemerintah desa/kelurahan",
    "kpu_bawaslu": "unsur KPU dan Bawaslu",
    "fkub_mui": "unsur FKUB dan majelis agama",
    "ormas": "perwakilan organisasi kemasyarakatan",
    "karang_taruna": "Karang Taruna",
}

ELECTION_NAMES = {"pilkada": "Pilkada", "pemilu": "Pemilu", "psu": "pemungutan suara ulang (PSU)"}
ELECTION_TITLES = {"pilkada": "Pilkada", "pemilu": "Pemilu", "psu": "PSU"}
PHASE_WORDS = {"pra": "menjelang", "pasca": "pasca"}
PHASE_TITLES = {"pra": "Jelang", "pasca": "Pasca"}
ORDINALS = ("Pertama", "Kedua", "Ketiga", "Keempat", "Kelima", "Keenam", "Ketujuh", "Kedelapan", "Kesembilan")


def weekday(day: date, locale: str = "id") -> str:
    """ "Kamis" for 28 November 2024 (Babel's CLDR names)."""
    return format_date(day, "EEEE", locale=locale)


def genre_date(day: date) -> str:
    """The genre's date: "Kamis (28/11/2024)"."""
    return f"{weekday(day)} ({day:%d/%m/%Y})"


def clock(moment: datetime, zone: str) -> str:
    """ "pukul 10.00 WIB"."""
    return f"pukul {moment:%H.%M} {zone}".strip()


def join(items: list[str] | tuple[str, ...], conjunction: str = "dan") -> str:
    """ "a", "a dan b", "a, b, dan c"."""
    items = [item for item in items if item]
    if len(items) <= 2:
        return f" {conjunction} ".join(items)
    return f"{', '.join(items[:-1])}, {conjunction} {items[-1]}"


def sentence(text: str) -> str:
    """End with exactly one full stop ("..., S.H." keeps its own)."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", '"')) else f"{text}."


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def unit_chain(units: tuple[UnitFacts, ...]) -> str:
    """ "Polsek Klari Polres Karawang, Polda Jabar": the Polda after a comma, as the genre writes it."""
    below = [u.written for u in units if u.kind not in ("polda", "mabes")]
    polda = [u.written for u in units if u.kind == "polda"]
    if below and polda:
        return f"{' '.join(below)}, {polda[0]}"
    return " ".join(below or polda)


def officer_full(officer: OfficerFacts) -> str:
    """ "Kanit Propam Polsek Klari Aiptu Asep Saeful Zaelani": position, rank, name."""
    return " ".join(p for p in (officer.position_written, officer.rank, officer.formal_name) if p)


def officer_short(officer: OfficerFacts) -> str:
    """ "Aiptu Asep Saeful Zaelani": a later mention."""
    return f"{officer.rank} {officer.name}"


def officers_phrase(officers: tuple[OfficerFacts, ...]) -> str:
    """The acting officers, most senior first: "A bersama B", "A bersama B, C, dan D"."""
    ordered = sorted(officers, key=lambda o: (o.seniority, not o.is_commander, o.name))
    names = [officer_full(o) for o in ordered]
    if len(names) <= 1:
        return "".join(names)
    return f"{names[0]} bersama {join(names[1:])}"


def place_chain(places: tuple[PlaceName, ...]) -> str:
    """ "Desa Duren, Kecamatan Klari, Kabupaten Karawang, Provinsi Jawa Barat"."""
    return ", ".join(p.written for p in places)


def lowest_place(places: tuple[PlaceName, ...]) -> str:
    """The most precise place, for titles: "Desa Duren" or "Kecamatan Klari"."""
    return places[0].written if places else ""


def election_name(election: ElectionFacts) -> str:
    """ "Pilkada 2024", "Pemilu 2024", "pemungutan suara ulang (PSU) 2025"; "" when unknown."""
    if not election.kind:
        return ""
    name = ELECTION_NAMES.get(election.kind, election.kind)
    return f"{name} {election.year}" if election.year else name


def election_phrase(election: ElectionFacts) -> str:
    """ "pasca Pilkada 2024", "menjelang Pemilu 2024", "pasca pemungutan suara"; "" when unknown."""
    name = election_name(election) or ("pemungutan suara" if election.phase else "")
    if not name:
        return ""
    phase = PHASE_WORDS.get(election.phase or "", "")
    return f"{phase} {name}".strip() if phase else f"tahapan {name}"


def election_title(election: ElectionFacts) -> str:
    """The title form: "Pasca Pilkada 2024", "Jelang PSU 2025", "Pasca Pemungutan Suara"; "" when unknown."""
    if election.kind:
        name = ELECTION_TITLES.get(election.kind, election.kind.title())
        name = f"{name} {election.year}" if election.year else name
    elif election.phase:
        name = "Pemungutan Suara"
    else:
        return ""
    phase = PHASE_TITLES.get(election.phase or "", "")
    return f"{phase} {name}".strip()


def activity_noun(codes: tuple[str, ...]) -> str:
    return join([ACTIVITY_NOUNS.get(code, ACTIVITY_NOUNS["other"])[0] for code in codes])


def activity_title(codes: tuple[str, ...]) -> str:
    return " dan ".join(ACTIVITY_NOUNS.get(code, ACTIVITY_NOUNS["other"])[1] for code in codes)


def figure_mention(figure: FigureFacts) -> str:
    """ "KH Maman Abdurrahman selaku tokoh agama (pengasuh pesantren)"."""
    text = figure.formal_name
    if figure.kind_label:
        text = f"{text} selaku {figure.kind_label}"
    if figure.role:
        text = f"{text} ({figure.role})" if figure.kind_label else f"{text}, {figure.role}"
    return text


def figures_phrase(figures: tuple[FigureFacts, ...]) -> str:
    return join([figure_mention(f) for f in figures])


def unnamed_phrase(kinds: tuple[str, ...]) -> str:
    """Figures who did not consent, by kind only: "tokoh agama dan tokoh pemuda setempat"."""
    kinds = tuple(dict.fromkeys(k for k in kinds if k))
    return f"{join(kinds)} setempat" if kinds else ""


def partners_phrase(codes: tuple[str, ...]) -> str:
    return join([PARTNERS[code] for code in codes if code in PARTNERS])


def themes_phrase(wordings: list[str]) -> str:
    """Appeal wordings as one list; the last joined with "serta" as releases do."""
    return join(wordings, "serta")
