"""Properties of the writer over generated facts: nothing invented, deterministic, varied.

The strategies here (`release_facts`) build realistic facts from the real gazetteer (a desa and
the regions above it), the rank and position tables, the appeal themes and fictional names; the
round-trip test (`test_round_trip.py`) uses them too.
"""

from __future__ import annotations

import ast
import dataclasses
import re
from datetime import datetime, timedelta
from pathlib import Path

from babel.dates import get_day_names, get_month_names
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sejuk.activities.vocabulary import ACTIVITY_TYPES, APPEAL_THEMES, FIGURE_KINDS, PARTNER_KINDS
from sejuk.press import writing
from sejuk.press.writing import (
    ElectionFacts,
    FigureFacts,
    OfficerFacts,
    PlaceName,
    ReleaseFacts,
    ThemeFacts,
    UnitFacts,
    write_daily_release,
    write_release,
)
from sejuk.regions import gazetteer

# Provinces used by the generator, with the short form releases use for their Polda.
POLDA_SHORT = {
    "32": "Jabar",
    "33": "Jateng",
    "35": "Jatim",
    "12": "Sumut",
    "13": "Sumbar",
    "18": "Lampung",
    "51": "Bali",
    "52": "NTB",
    "61": "Kalbar",
    "73": "Sulsel",
}
FIRST_NAMES = (
    "Asep Dedi Budi Rudi Hendra Agus Wahyu Yusuf Fajar Rizal Eko Slamet Joko Bambang Iwan Dodi "
    "Teguh Heru Ahmad Imam Yudi Arif Nanang Sutrisno Made Ketut Andi Irfan Rahmat Hasan"
).split()
LAST_NAMES = (
    "Saputra Hidayat Nugroho Setiawan Permana Kurniawan Wibowo Santoso Pratama Gunawan Susanto "
    "Firmansyah Hermawan Sulistyo Ramadhan Wijaya Hakim Syahputra Prasetyo Maulana"
).split()
FIGURE_FIRST = "Siti Nur Endang Sugeng Suparman Aminah Yohanes Markus Wayan Daeng Ismail Rohmat Euis".split()
FIGURE_LAST = "Kusnadi Rohimat Hidayatullah Sunandar Komariah Manurung Sitompul Basri Fauzi Mulyana".split()
# (position title, is commander, unit level, ranks that hold it)
POSITIONS = (
    ("Kanit Binmas", False, "polsek", ("Ipda", "Aiptu", "Aipda")),
    ("Kanit Intelkam", False, "polsek", ("Ipda", "Aiptu")),
    ("Kanit Samapta", False, "polsek", ("Ipda", "Aiptu")),
    ("Kanit Propam", False, "polsek", ("Aiptu", "Aipda")),
    ("Bhabinkamtibmas", False, "polsek", ("Aipda", "Bripka", "Brigpol", "Briptu")),
    ("Kasi Humas", False, "polres", ("Iptu", "AKP")),
    ("Kasat Binmas", False, "polres", ("AKP", "Kompol")),
    ("", False, "polsek", ("Bripda", "Briptu", "Brigpol")),
)
FIGURE_TITLES = {"tokoh_agama": ("KH", "Ustadz", "Pdt.", ""), "tokoh_perempuan": ("Hj.", ""), "": ("H.", "")}
ROLES = ("", "pengasuh pondok pesantren", "sesepuh desa", "ketua majelis taklim", "imam masjid")


def _plain(name: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}", name))


def _desa_codes() -> list[str]:
    regions = gazetteer.by_code()
    codes = []
    for record in gazetteer.all_regions():
        if record.level == 4 and record.code[:2] in POLDA_SHORT:
            parts = record.code.split(".")
            if all(_plain(regions[".".join(parts[:i])].name) for i in (2, 3, 4)):
                codes.append(record.code)
    return codes[::7]  # every seventh village keeps the list small and still spread out


DESA_CODES = _desa_codes()
_LEVEL_KEYS = {1: "provinsi", 2: "kabupaten_kota", 3: "kecamatan", 4: "desa"}
_WORDS = {"provinsi": "Provinsi", "kabupaten": "Kabupaten", "kota": "Kota", "kecamatan": "Kecamatan"}
_WORDS |= {"distrik": "Distrik", "desa": "Desa", "kelurahan": "Kelurahan", "desa_adat": "Desa Adat"}


def place_chain(code: str) -> tuple[PlaceName, ...]:
    regions = gazetteer.by_code()
    parts = code.split(".")
    chain = [regions[".".join(parts[:i])] for i in range(len(parts), 0, -1)]
    return tuple(PlaceName(_LEVEL_KEYS[r.level], _WORDS[r.kind], r.name) for r in chain)


@st.composite
def officer(draw, polsek: UnitFacts, polres: UnitFacts, name: str) -> OfficerFacts:
    title, commander, level, ranks = draw(st.sampled_from(POSITIONS))
    return OfficerFacts(
        rank=draw(st.sampled_from(ranks)),
        name=name,
        front_titles=draw(st.sampled_from(("", "", "H."))),
        degrees=draw(st.sampled_from(("", "", "S.H.", "S.I.K., M.H."))) if level == "polres" else "",
        position=title,
        is_commander=commander,
        unit=polsek if level == "polsek" else polres,
    )


@st.composite
def figure(draw, name: str) -> FigureFacts:
    kind = draw(st.sampled_from([k for k in FIGURE_KINDS if k.code != "other"]))
    titles = FIGURE_TITLES.get(kind.code, FIGURE_TITLES[""])
    return FigureFacts(
        name=name,
        kind=kind.code,
        kind_label=kind.label_id.lower(),
        kind_label_en=kind.label_en.lower(),
        front_titles=draw(st.sampled_from(titles)),
        role=draw(st.sampled_from(ROLES)),
    )


# Elections with the days an activity of that phase may fall on (first day, number of days).
ELECTIONS = (
    (ElectionFacts("pilkada", 2024, "pasca"), datetime(2024, 11, 28, 7), 60),
    (ElectionFacts("pilkada", 2024, "pra"), datetime(2024, 8, 1, 7), 117),
    (ElectionFacts("pemilu", 2024, "pra"), datetime(2023, 12, 1, 7), 74),
    (ElectionFacts("pemilu", 2024, "pasca"), datetime(2024, 2, 15, 7), 40),
    (ElectionFacts("psu", 2025, "pasca"), datetime(2025, 3, 1, 7), 60),
    (ElectionFacts(None, None, None), datetime(2023, 6, 1, 7), 700),
)


def names(first: list[str], last: list[str], min_size: int, max_size: int):
    """Distinct two-word names (distinct first names, so no two people can be confused)."""
    full = st.tuples(st.sampled_from(first), st.sampled_from(last)).map(" ".join)
    return st.lists(full, min_size=min_size, max_size=max_size, unique_by=lambda n: n.split()[0])


@st.composite
def release_facts(draw, max_officers: int = 3, max_figures: int = 3) -> ReleaseFacts:
    code = draw(st.sampled_from(DESA_CODES))
    places = place_chain(code)
    desa, kecamatan, kabupaten, _ = places
    polda = UnitFacts("polda", places[-1].name, POLDA_SHORT[code[:2]])
    polres = UnitFacts("polresta" if kabupaten.word == "Kota" else "polres", kabupaten.name)
    polsek = UnitFacts("polsek", kecamatan.name)
    people = draw(names(FIRST_NAMES, LAST_NAMES, 2, max_officers + 1))
    officers = tuple(draw(officer(polsek, polres, name)) for name in people[1:])
    commander = OfficerFacts(
        draw(st.sampled_from(("Kompol", "AKP", "Iptu"))), people[0], "", "S.H.", "Kapolsek", True, polsek
    )
    if draw(st.booleans()):
        officers += (commander,)
    figure_names = draw(names(FIGURE_FIRST, FIGURE_LAST, 0, max_figures))
    themes = draw(st.lists(st.sampled_from(APPEAL_THEMES), unique=True, max_size=5))
    election, first_day, days = draw(st.sampled_from(ELECTIONS))
    when = first_day + timedelta(days=draw(st.integers(0, days - 1)), minutes=draw(st.integers(0, 660)))
    return ReleaseFacts(
        units=(polsek, polres, polda),
        officers=officers,
        commander=commander if draw(st.booleans()) or commander in officers else None,
        when=when,
        zone=gazetteer.timezone_for(code),
        places=places if draw(st.booleans()) else (kecamatan, kabupaten, places[-1]),
        activity_types=(draw(st.sampled_from([t.code for t in ACTIVITY_TYPES if t.code != "other"])),),
        figures=tuple(draw(figure(name)) for name in figure_names),
        themes=tuple(ThemeFacts(t.code, t.wording_id, t.wording_en) for t in themes),
        partners=tuple(
            draw(st.lists(st.sampled_from([p.code for p in PARTNER_KINDS]), unique=True, max_size=3))
        ),
        attendance=draw(st.none() | st.integers(1, 500)),
        situation=draw(st.sampled_from(("aman", "waspada", "rawan"))),
        election=election,
        writer_initials=draw(st.sampled_from(("lex", "hms", "ds"))),
        key=draw(st.integers(1, 10**6)),
    )


# ---------------------------------------------------------------------------------------------
# Properties

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d+")


def _words(text: str) -> set[str]:
    return {token.lower() for token in _TOKEN.findall(text)}


def _literals() -> set[str]:
    """Every word of every string literal in the writing package (templates, tables, joiners)."""
    words: set[str] = set()
    package = Path(writing.__file__).parent
    for source in package.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                words |= _words(node.value)
    for locale in ("id", "en"):
        words |= {w.lower() for w in get_day_names(locale=locale).values()}
        words |= {w.lower() for w in get_month_names(locale=locale).values()}
    return words


LITERALS = _literals()
LANGUAGES = ["id", "en"]


def _fact_strings(value) -> list[str]:
    if dataclasses.is_dataclass(value):
        return [s for f in dataclasses.fields(value) for s in _fact_strings(getattr(value, f.name))]
    if isinstance(value, tuple | list):
        return [s for item in value for s in _fact_strings(item)]
    if isinstance(value, datetime):
        return [f"{value:%d %m %Y %H %M}", str(value.day), str(value.year)]
    return [str(value)] if value is not None else []


def invented(text: str, facts: list[ReleaseFacts]) -> set[str]:
    """Names and numbers in `text` that come neither from the facts nor from the templates."""
    known = set(LITERALS)
    for item in facts:
        known |= _words(" ".join(_fact_strings(item)))
    names = {t for t in _TOKEN.findall(text) if t[0].isupper() or t.isdigit()}
    return {t for t in names if t.lower() not in known}


@SETTINGS
@given(release_facts(), st.integers(0, 1000), st.sampled_from(["id", "en"]))
def test_every_name_and_number_comes_from_the_facts(facts, seed, language):
    release = write_release(facts, language=language, variant_seed=seed)
    assert invented(release.text, [facts]) == set()


@SETTINGS
@given(
    st.lists(release_facts(max_officers=2, max_figures=1), min_size=1, max_size=3),
    st.sampled_from(["id", "en"]),
)
def test_a_daily_release_invents_nothing_either(day, language):
    release = write_daily_release(day, language=language)
    assert invented(release.text, day) == set()


def test_the_invention_check_catches_a_name_that_is_not_in_the_facts():
    facts = ReleaseFacts(
        units=(UnitFacts("polsek", "Klari"),),
        officers=(),
        when=datetime(2024, 11, 28),
        places=(),
        activity_types=("sambang",),
    )
    assert invented("Polsek Klari bertemu Zulkarnaen pada 2031.", [facts]) == {"Zulkarnaen", "2031"}


@SETTINGS
@given(release_facts(), st.integers(0, 1000))
def test_the_same_record_and_seed_give_the_same_text_and_the_next_seed_another(facts, seed):
    first = write_release(facts, variant_seed=seed)
    assert write_release(facts, variant_seed=seed) == first
    following = write_release(facts, variant_seed=seed + 1)
    assert following.title != first.title
    assert following.paragraphs[0] != first.paragraphs[0]


@SETTINGS
@given(release_facts(), st.integers(0, 1000))
def test_every_officer_figure_theme_and_place_is_written(facts, seed):
    text = write_release(facts, variant_seed=seed).text
    for officer in facts.officers:
        assert f"{officer.rank} " in text and officer.formal_name in text
    for figure in facts.figures:
        assert figure.formal_name in text
    for theme in facts.themes:
        assert theme.wording_id in text
    for place in facts.places:
        assert place.written in text
    assert f"({facts.when:%d/%m/%Y})" in text


@SETTINGS
@given(release_facts(), st.integers(0, 1000))
def test_the_english_version_writes_every_theme_and_officer(facts, seed):
    text = write_release(facts, language="en", variant_seed=seed).text
    for theme in facts.themes:
        assert theme.wording_en in text
    for officer in facts.officers:
        assert f"{officer.rank} {officer.formal_name}" in text
