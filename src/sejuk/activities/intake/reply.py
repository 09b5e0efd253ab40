"""The short answer sent back to the officer: what was understood, or what to fix.

It has to fit a phone screen and be readable on a basic SMS handset: plain text, one line per
field, no emoji or formatting, problems numbered so the officer can fix them one by one. A
confirmation shows official names (the resolved desa) rather than the officer's spelling, so a
wrong correction is visible at once.
"""

from __future__ import annotations

from sejuk.activities.vocabulary import ACTIVITY_TYPES, APPEAL_THEMES, PARTNER_KINDS, SITUATIONS

from .model import Figure, ParsedMessage, Place, Problem
from .problems import dmy, weekday_en, weekday_id

NOTE_LIMIT = 60
EXAMPLE = "SAMBANG / 28/11/2024 / Desa Duren Kec. Klari / Tokoh: H. Arif (tomas) / Imbauan: kamtibmas, hoaks"
_KIND_SHORT_ID = {
    "tokoh_masyarakat": "tomas",
    "tokoh_agama": "toga",
    "tokoh_adat": "toda",
    "tokoh_pemuda": "topem",
    "tokoh_perempuan": "toper",
    "other": "lainnya",
}
_KIND_SHORT_EN = {
    "tokoh_masyarakat": "community",
    "tokoh_agama": "religious",
    "tokoh_adat": "customary",
    "tokoh_pemuda": "youth",
    "tokoh_perempuan": "women",
    "other": "other",
}
_PARTNER_SHORT_ID = {
    "tni": "TNI",
    "camat": "Camat",
    "kepala_desa": "Kades/Lurah",
    "kpu_bawaslu": "KPU/Bawaslu",
    "fkub_mui": "FKUB/MUI",
    "ormas": "Ormas",
    "karang_taruna": "Karang Taruna",
}
_LABELS = {  # field -> (Indonesian, English)
    "type": ("Kegiatan", "Activity"),
    "date": ("Tanggal", "Date"),
    "place": ("Tempat", "Place"),
    "figures": ("Tokoh", "Figures"),
    "themes": ("Imbauan", "Appeals"),
    "situation": ("Situasi", "Situation"),
    "attendance": ("Hadir", "Attendance"),
    "partners": ("Mitra", "Partners"),
    "notes": ("Ket", "Notes"),
}


def _label(terms, code: str | None, en: bool) -> str:
    term = next((t for t in terms if t.code == code), None)
    if term is None:
        return code or ""
    return term.label_en if en else term.label_id


def _when(parsed: ParsedMessage, en: bool) -> str | None:
    if parsed.activity_date is None:
        return None
    day = parsed.activity_date
    text = f"{weekday_en(day) if en else weekday_id(day)} {dmy(day)}"
    if parsed.activity_time is not None:
        text += ", " + parsed.activity_time.strftime("%H:%M" if en else "%H.%M")
    return text


def _place(place: Place | None) -> str | None:
    if place is None:
        return None
    resolution = place.resolution
    if resolution is not None and resolution.matches and resolution.matches[-1].code:
        text = resolution.matches[-1].candidates[0].path
    else:
        levels = {
            "desa": "Desa",
            "kecamatan": "Kec.",
            "kabupaten": "Kota" if place.is_kota else "Kab.",
            "provinsi": "Prov.",
        }
        text = ", ".join(f"{levels[lv]} {name}" for lv, name in reversed(place.named_levels())) or place.raw
    return f"{text} ({'; '.join(place.details)})" if place.details else text


def _figure(figure: Figure, en: bool) -> str:
    kind = (_KIND_SHORT_EN if en else _KIND_SHORT_ID).get(figure.kind or "", "")
    extra = ", ".join(x for x in (kind, figure.role or "") if x)
    return f"{figure.display_name} ({extra})" if extra else figure.display_name


def _partners(parsed: ParsedMessage, en: bool) -> str:
    names = []
    for partner in parsed.partners:
        if partner.kind == "other":
            names.append(partner.raw)
        else:
            names.append(_label(PARTNER_KINDS, partner.kind, True) if en else _PARTNER_SHORT_ID[partner.kind])
    return ", ".join(dict.fromkeys(names))


def _shorten(text: str, limit: int = NOTE_LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _field_values(parsed: ParsedMessage, en: bool) -> dict[str, str | None]:
    themes = ", ".join(_label(APPEAL_THEMES, c, en) for c in parsed.themes)
    attendance = None
    if parsed.attendance is not None:
        attendance = f"{parsed.attendance} {'people' if en else 'org'}"
    return {
        "type": _label(ACTIVITY_TYPES, parsed.activity_type, en) or None,
        "date": _when(parsed, en),
        "place": _place(parsed.place),
        "figures": "; ".join(_figure(f, en) for f in parsed.figures) or None,
        "themes": themes or None,
        "situation": _label(SITUATIONS, parsed.situation, en) or None,
        "attendance": attendance,
        "partners": _partners(parsed, en) or None,
        "notes": _shorten(parsed.notes) if parsed.notes else None,
    }


def _numbered(problems: tuple[Problem, ...], language: str, start: int = 1) -> list[str]:
    return [f"{i}. {p.message(language)}" for i, p in enumerate(problems, start)]


def _confirmation(parsed: ParsedMessage, language: str) -> str:
    en = language == "en"
    lines = ["Report understood (draft):" if en else "Laporan terbaca (draf):"]
    for field, value in _field_values(parsed, en).items():
        if value:
            lines.append(f"{_LABELS[field][1 if en else 0]}: {value}")
    if parsed.warnings:
        lines.append("Please check:" if en else "Periksa:")
        lines.extend(_numbered(parsed.warnings, language))
    return "\n".join(lines)


_REQUIRED_CODES = frozenset({"message.empty", "type.missing", "date.missing", "place.missing"})


def _problem_list(parsed: ParsedMessage, language: str) -> str:
    en = language == "en"
    lines = ["Report NOT recorded yet. Please fix:" if en else "Laporan BELUM dicatat. Mohon perbaiki:"]
    lines.extend(_numbered(parsed.errors, language))
    if parsed.warnings:
        lines.append("Also check:" if en else "Periksa juga:")
        lines.extend(_numbered(parsed.warnings, language, len(parsed.errors) + 1))
    if any(p.code in _REQUIRED_CODES for p in parsed.errors):
        lines.append("Send the whole message again, e.g.:" if en else "Kirim ulang pesan lengkap, contoh:")
        lines.append(EXAMPLE)
    else:
        lines.append(
            "Send the whole corrected message again."
            if en
            else "Kirim ulang pesan lengkap yang sudah diperbaiki."
        )
    return "\n".join(lines)


def format_reply(parsed: ParsedMessage, *, language: str = "id") -> str:
    """A confirmation when the message can become a draft, else the numbered problems.
    `language` is "id" (default) or "en"; anything else falls back to Indonesian."""
    language = "en" if language == "en" else "id"
    if parsed.errors:
        return _problem_list(parsed, language)
    return _confirmation(parsed, language)
