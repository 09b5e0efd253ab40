"""The wording of every problem the parser reports, Indonesian first, English second.

All prose lives here so the two languages stay in step and the officer always sees the exact
text that was not understood (quoted, and shortened so a reply still fits a phone screen).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .model import Problem

_ID_WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SHOWN_CANDIDATES = 2  # enough to show the choice; the full list is in the resolution
LEVEL_ID = {"desa": "Desa", "kecamatan": "Kec.", "kabupaten": "Kab./Kota", "provinsi": "Prov."}
LEVEL_EN = {"desa": "Village", "kecamatan": "District", "kabupaten": "Regency/City", "provinsi": "Province"}


def quote(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return "'" + (text if len(text) <= limit else text[: limit - 1] + "…") + "'"


def dmy(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def weekday_id(day: date) -> str:
    return _ID_WEEKDAYS[day.weekday()]


def weekday_en(day: date) -> str:
    return _EN_WEEKDAYS[day.weekday()]


def _p(field: str, code: str, message_id: str, message_en: str) -> Problem:
    return Problem(field, message_id, message_en, code)


# --- message and activity type --------------------------------------------------------------


def empty_message() -> Problem:
    return _p("message", "message.empty", "Pesan kosong.", "The message is empty.")


def missing_type() -> Problem:
    return _p(
        "activity_type",
        "type.missing",
        "Jenis kegiatan tidak ada. Awali pesan dengan mis. SAMBANG, DIALOG, SILATURAHMI.",
        "Activity type missing. Start the message with e.g. SAMBANG, DIALOG, SILATURAHMI.",
    )


def unknown_type(raw: str) -> Problem:
    return _p(
        "activity_type",
        "type.unknown",
        f"Jenis kegiatan tidak dikenali: {quote(raw)}. Pilih mis. sambang, dialog, "
        "silaturahmi, patroli dialogis, doa bersama, deklarasi, rakor, baksos, penyuluhan.",
        f"Activity type not recognised: {quote(raw)}. Use e.g. sambang, dialog, "
        "silaturahmi, patroli dialogis, doa bersama, deklarasi, rakor, baksos, penyuluhan.",
    )


_CODE_BASE = {"activity_type": "type", "activity_date": "date", "activity_time": "time"}


def conflict(field: str, label_id: str, label_en: str, first: str, second: str) -> Problem:
    return _p(
        field,
        f"{_CODE_BASE.get(field, field)}.conflict",
        f"{label_id} disebut dua kali dan berbeda: {quote(first)} dan {quote(second)}.",
        f"{label_en} given twice, differently: {quote(first)} and {quote(second)}.",
    )


# --- date and time ---------------------------------------------------------------------------


def missing_date() -> Problem:
    return _p(
        "activity_date",
        "date.missing",
        "Tanggal tidak ada. Tulis mis. 28/11/2024, 'hari ini' atau 'kemarin'.",
        "Date missing. Write e.g. 28/11/2024, 'hari ini' (today) or 'kemarin' (yesterday).",
    )


def unreadable_date(raw: str) -> Problem:
    return _p(
        "activity_date",
        "date.unreadable",
        f"Tanggal tidak dikenali: {quote(raw)}. Tulis mis. 28/11/2024.",
        f"Date not recognised: {quote(raw)}. Write e.g. 28/11/2024.",
    )


def impossible_date(raw: str, reason_id: str, reason_en: str) -> Problem:
    return _p(
        "activity_date",
        "date.impossible",
        f"Tanggal tidak dikenali: {quote(raw)} ({reason_id}).",
        f"Date not recognised: {quote(raw)} ({reason_en}).",
    )


def future_date(day: date, today: date) -> Problem:
    return _p(
        "activity_date",
        "date.future",
        f"Tanggal belum terjadi: {dmy(day)} (hari ini {dmy(today)}).",
        f"Date is in the future: {dmy(day)} (today is {dmy(today)}).",
    )


def weekday_mismatch(raw: str, day: date, given: int) -> Problem:
    return _p(
        "activity_date",
        "date.weekday_mismatch",
        f"Hari tidak cocok: {dmy(day)} adalah {weekday_id(day)}, bukan {_ID_WEEKDAYS[given]} ({quote(raw)}).",
        f"Weekday does not match: {dmy(day)} is a {weekday_en(day)}, not a {_EN_WEEKDAYS[given]} "
        f"({quote(raw)}).",
    )


def weekday_only(day: date) -> Problem:
    return _p(
        "activity_date",
        "date.weekday_only",
        f"Tanggal dibaca dari nama hari saja: {weekday_id(day)} = {dmy(day)}. Periksa kembali.",
        f"Date taken from the weekday only: {weekday_en(day)} = {dmy(day)}. Please check.",
    )


def old_date(day: date, days: int) -> Problem:
    return _p(
        "activity_date",
        "date.old",
        f"Tanggal {dmy(day)} sudah {days} hari lalu. Pastikan tahunnya benar.",
        f"The date {dmy(day)} is {days} days ago. Make sure the year is right.",
    )


def invalid_time(raw: str) -> Problem:
    return _p(
        "activity_time",
        "time.invalid",
        f"Jam tidak dikenali: {quote(raw)}. Tulis mis. jam 19.30.",
        f"Time not recognised: {quote(raw)}. Write e.g. jam 19.30.",
    )


# --- place -----------------------------------------------------------------------------------


def missing_place() -> Problem:
    return _p(
        "place",
        "place.missing",
        "Tempat tidak ada. Tulis mis. 'Desa Duren Kec. Klari'.",
        "Place missing. Write e.g. 'Desa Duren Kec. Klari'.",
    )


def place_without_region(raw: str) -> Problem:
    return _p(
        "place",
        "place.no_region",
        f"Tempat tanpa desa/kecamatan: {quote(raw)}. Tambahkan mis. 'Desa Duren Kec. Klari'.",
        f"Place has no village/district: {quote(raw)}. Add e.g. 'Desa Duren Kec. Klari'.",
    )


def unknown_place(level: str, text: str, within: str | None) -> Problem:
    where_id = f" di {within}" if within else ""
    where_en = f" in {within}" if within else ""
    return _p(
        "place",
        "place.unknown",
        f"{LEVEL_ID[level]} tidak ditemukan{where_id}: {quote(text)}. Periksa ejaannya.",
        f"{LEVEL_EN[level]} not found{where_en}: {quote(text)}. Check the spelling.",
    )


def ambiguous_place(level: str, text: str, paths: Sequence[str], total: int) -> Problem:
    shown = "; ".join(paths[:SHOWN_CANDIDATES]) + ("; …" if total > SHOWN_CANDIDATES else "")
    return _p(
        "place",
        "place.ambiguous",
        f"{LEVEL_ID[level]} {quote(text)} ada di {total} tempat ({shown}). Tambahkan kecamatan/kabupaten.",
        f"{LEVEL_EN[level]} {quote(text)} exists in {total} places ({shown}). Add the district/regency.",
    )


def corrected_place(level: str, text: str, official: str) -> Problem:
    return _p(
        "place",
        "place.corrected",
        f"{LEVEL_ID[level]} {quote(text)} dibaca sebagai '{official}'.",
        f"{LEVEL_EN[level]} {quote(text)} read as '{official}'.",
    )


def outside_area(level: str, path: str) -> Problem:
    return _p(
        "place",
        "place.outside_area",
        f"{LEVEL_ID[level]} di luar wilayah tugas Anda: {path}.",
        f"{LEVEL_EN[level]} is outside your area: {path}.",
    )


# --- figures, themes, situation, attendance, leftovers --------------------------------------


def missing_figures(activity_label_id: str, activity_label_en: str) -> Problem:
    return _p(
        "figures",
        "figures.missing",
        f"Tokoh yang ditemui belum ditulis untuk {activity_label_id}. Tulis mis. 'Tokoh: H. Arif (tomas)'.",
        f"No figure named for this {activity_label_en}. Write e.g. 'Tokoh: H. Arif (tomas)'.",
    )


def figure_without_name(raw: str) -> Problem:
    return _p(
        "figures",
        "figures.no_name",
        f"Nama tokoh tidak ada: {quote(raw)}.",
        f"Figure has no name: {quote(raw)}.",
    )


def unknown_theme(raw: str) -> Problem:
    return _p(
        "themes",
        "themes.unknown",
        f"Imbauan tidak dikenali: {quote(raw)} (disimpan sebagai catatan).",
        f"Appeal not recognised: {quote(raw)} (kept as a note).",
    )


def unknown_situation(raw: str) -> Problem:
    return _p(
        "situation",
        "situation.unknown",
        f"Situasi tidak dikenali: {quote(raw)}. Pilih aman, waspada atau rawan.",
        f"Situation not recognised: {quote(raw)}. Use aman (safe), waspada (alert) or rawan (vulnerable).",
    )


def unreadable_attendance(raw: str) -> Problem:
    return _p(
        "attendance",
        "attendance.unreadable",
        f"Jumlah hadir tidak dikenali: {quote(raw)}. Tulis mis. 'Hadir: 25'.",
        f"Attendance not recognised: {quote(raw)}. Write e.g. 'Hadir: 25'.",
    )


def unrecognized_segment(raw: str) -> Problem:
    return _p(
        "notes",
        "segment.unrecognized",
        f"Bagian tidak dikenali, disimpan sebagai catatan: {quote(raw)}.",
        f"Part not recognised, kept as a note: {quote(raw)}.",
    )


# Problems that do not stop a draft from being created: the officer is told, the data is kept.
WARNING_CODES = frozenset(
    {
        "date.weekday_only",
        "date.old",
        "place.corrected",
        "place.outside_area",
        "figures.missing",
        "figures.no_name",
        "themes.unknown",
        "situation.unknown",
        "attendance.unreadable",
        "attendance.conflict",
        "segment.unrecognized",
    }
)


def is_warning(problem: Problem) -> bool:
    return problem.code in WARNING_CODES
