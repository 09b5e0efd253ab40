"""Articles and registry rows for the import tests (test_import_*.py).

The seed is read from ../shared (beside the checkout, as the corpus tests do); the other
articles (import_articles/) were written for these tests, in the genre, about the cast's units
in Karawang and Purwakarta; their people are fictional.
"""

from __future__ import annotations

import os
from pathlib import Path

from sejuk.units.models import Officer, Position, Rank, Unit
from tests.press.test_releases import seed_officer

SHARED = Path(os.environ.get("SEJUK_SHARED", Path(__file__).resolve().parents[3] / "shared"))
SEED = SHARED / "seed" / "000_58e2063ba70b3d8f.txt"
ARTICLES = Path(__file__).resolve().parent / "import_articles"


def _article(name: str) -> str:
    return (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")


KLARI_VISIT = _article("klari_visit")  # the seed's visit, retold: every part certain once registered
SUKASARI_VISIT = _article("sukasari_visit")  # a desa name two kecamatan of Karawang share
CAMPAKA_VISIT = _article("campaka_visit")  # Polres Purwakarta: outside every Karawang user's area
CIKAMPEK_DIALOG = _article("cikampek_dialog")  # no kecamatan named; two kinds of activity


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def add_officer(nrp: str, name: str, rank: str, unit: str, position: str | None = None) -> Officer:
    return Officer.objects.create(
        nrp=nrp,
        name=name,
        rank=Rank.objects.get(pk=rank),
        position=Position.objects.get(pk=position) if position else None,
        unit=Unit.objects.get(code=unit),
    )


def klari_officer() -> Officer:
    """Aiptu Asep Saeful Zaelani, Kanit Propam of Polsek Klari: the officer of the seed."""
    return Officer.objects.filter(nrp="70000101").first() or seed_officer()


def kasat_binmas_karawang() -> Officer:
    return add_officer("70000201", "Dedi Kurniawan", "AKP", "polres-karawang", "kasat_binmas")
