"""Shared pieces of the pure chat-message parser tests (no Django needed)."""

from __future__ import annotations

from datetime import date

from sejuk.activities.intake import parse_message

TODAY = date(2024, 11, 28)
SEED_STYLE = (
    "SAMBANG / 28/11/2024 / Desa Duren Kec. Klari / Tokoh: H. Arif (tomas), Ust. Rahmat (toga) / "
    "Imbauan: kamtibmas, hoaks, netral / Situasi: aman"
)
DUREN_KLARI = "32.15.05.2001"


def parse(text, resolver=None, today=TODAY):
    return parse_message(text, today=today, resolve_place=resolver)


def codes(problems):
    return [p.code for p in problems]
