"""Reading the community figures an officer met: "H. Arif (tomas), Ust. Rahmat (toga)".

The parser only separates the parts of each name; matching to the registry of figures is the
service's job. Honorifics are held apart (and written one canonical way) because "Ustadz
Rahmat", "Ust. Rahmat" and "ustad rahmat" are the same person to the registry. A religious
honorific implies a religious figure unless the officer says otherwise.
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import problems as P
from .keywords import FIGURE_KINDS
from .model import Figure, Problem

_AGAMA, _ADAT = "tokoh_agama", "tokoh_adat"
# (canonical form, kind it implies or None, written forms)
_HONORIFIC_GROUPS: tuple[tuple[str, str | None, tuple[str, ...]], ...] = (
    ("H.", None, ("h", "haji")),
    ("Hj.", None, ("hj", "hajjah")),
    ("KH", _AGAMA, ("kh", "k.h", "k. h")),
    ("Kyai", _AGAMA, ("kyai", "kiai", "ky")),
    ("Ust.", _AGAMA, ("ust", "ustadz", "ustad", "ustaz", "ustd", "ustadh")),
    ("Ustzh.", _AGAMA, ("ustadzah", "ustazah", "ustadah", "ustzh")),
    ("Habib", _AGAMA, ("habib",)),
    ("Syekh", _AGAMA, ("syekh", "syeikh")),
    ("Buya", _AGAMA, ("buya",)),
    ("Abuya", _AGAMA, ("abuya",)),
    ("Gus", _AGAMA, ("gus",)),
    ("TGH", _AGAMA, ("tgh", "tuan guru")),
    ("Tgk.", _AGAMA, ("tgk", "teungku")),
    ("Ajengan", _AGAMA, ("ajengan",)),
    ("Pdt.", _AGAMA, ("pdt", "pendeta")),
    ("Pastor", _AGAMA, ("pastor",)),
    ("Romo", _AGAMA, ("romo", "rm")),
    ("Pater", _AGAMA, ("pater",)),
    ("Bhiksu", _AGAMA, ("bhiksu", "biksu", "bhikkhu")),
    ("Bhante", _AGAMA, ("bhante",)),
    ("Ida Pedanda", _AGAMA, ("ida pedanda", "pedanda")),
    ("Pinandita", _AGAMA, ("pinandita",)),
    ("Jro Mangku", _AGAMA, ("jro mangku", "jero mangku", "mangku")),
    ("Js.", _AGAMA, ("js",)),
    ("Ws.", _AGAMA, ("ws",)),
    ("Datuk", _ADAT, ("datuk", "dt")),
    ("Dr.", None, ("dr",)),
    ("Drs.", None, ("drs",)),
    ("Dra.", None, ("dra",)),
    ("Ir.", None, ("ir",)),
    ("Prof.", None, ("prof",)),
    ("Bpk.", None, ("bapak", "bpk", "bp", "pak")),
    ("Ibu", None, ("ibu", "bu")),
    ("Ny.", None, ("ny", "nyonya")),
    ("Sdr.", None, ("sdr", "saudara")),
    ("Sdri.", None, ("sdri", "saudari")),
    ("Mbah", None, ("mbah",)),
    ("Abah", None, ("abah",)),
)
# written form -> (canonical form, kind it implies)
HONORIFICS: dict[str, tuple[str, str | None]] = {
    written: (canonical, kind) for canonical, kind, forms in _HONORIFIC_GROUPS for written in forms
}
_HONORIFIC = re.compile(
    "(?:"
    + "|".join(re.escape(h).replace(r"\ ", r"\s*") for h in sorted(HONORIFICS, key=len, reverse=True))
    + r")(?:\.\s*|\s+)",
    re.I,
)
# Academic degrees written after the name: "S.Ag.", "S.I.K.", "M.H.", "SH", "Lc".
_DEGREE = re.compile(
    r"(?:[SMD]\.\s?[A-Z][A-Za-z]{0,3}(?:\.\s?[A-Z][A-Za-z]{0,3})*\.?|S\.?H|S\.?E|S\.?Ag|S\.?Pd(?:\.?I)?"
    r"|S\.?Sos|S\.?Kom|S\.?IP|M\.?H|M\.?Si|M\.?Pd|M\.?M|M\.?A|M\.?Ag|Lc|MA|BA|Dr)\.?"
)
_ITEM_BOUNDARY = re.compile(r"\s*(?:[,;+&]|\bdan\b|\s(?=\d{1,2}[.)]\s))\s*|(?<=\))\s+(?=\w)", re.I)
_BRACKETED = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")
_ROLE_WORD = re.compile(r"\s+(?:sbg|sebagai|selaku|yaitu)\s+(.+)$", re.I)
_NUMBERING = re.compile(r"^\d{1,2}[.)]\s*")


def split_figures(text: str) -> list[str]:
    """Items of a figure list; commas inside brackets do not split, a degree joins its name."""
    protected = _BRACKETED.sub(lambda m: m.group(0).replace(",", "\0").replace(";", "\1"), text)
    items: list[str] = []
    for piece in _ITEM_BOUNDARY.split(protected):
        piece = piece.replace("\0", ",").replace("\1", ";").strip(" .-:/")
        if not piece:
            continue
        bare = _BRACKETED.sub(" ", piece).replace(",", " ").split()  # "S.Ag (tomas)" is a degree
        if items and bare and all(_DEGREE.fullmatch(p) for p in bare):
            items[-1] = f"{items[-1]}, {piece}"
        else:
            items.append(piece)
    return items


def _kind_in(text: str) -> tuple[str | None, str]:
    """The kind named in a bracket and what else it says: "tomas, ketua RW" -> kind, "ketua RW"."""
    hits = FIGURE_KINDS.find_all(text)
    if not hits:
        codes = FIGURE_KINDS.read(text)  # typo-tolerant only for a lone word: "(tomass)"
        if codes and len(text.split()) == 1:
            return codes[0], ""
        return None, text.strip()
    for hit in reversed(hits):
        text = text[: hit.start] + " " + text[hit.end :]
    return hits[0].code, " ".join(text.split()).strip(" ,;/-")


def _take_kind(text: str) -> tuple[str, str | None, str | None]:
    """Remove kind words ("(tomas)", "sbg toga", "tokoh agama") -> (rest, kind, role)."""
    kind, roles = None, []
    for m in _BRACKETED.finditer(text):
        inner_kind, rest = _kind_in(m.group(1) or m.group(2) or "")
        kind = kind or inner_kind
        if rest:
            roles.append(rest)
    role = "; ".join(roles) or None
    text = _BRACKETED.sub(" ", text)
    if (m := _ROLE_WORD.search(text)) is not None:
        hit = FIGURE_KINDS.whole(m.group(1))
        kind, role = (hit, role) if hit and kind is None else (kind, role or m.group(1).strip())
        text = text[: m.start()]
    for hit in reversed(FIGURE_KINDS.find_all(text)):
        kind = kind or hit.code
        text = text[: hit.start] + " " + text[hit.end :]
    return text, kind, role


def _take_honorifics(text: str) -> tuple[str, list[str], str | None]:
    honorifics, implied = [], None
    while (m := _HONORIFIC.match(text)) is not None and text[m.end() :].strip():
        key = re.sub(r"\s+", " ", m.group(0).rstrip(". ").casefold())
        canonical, kind = HONORIFICS.get(key, HONORIFICS.get(key.replace(" ", ""), (m.group(0), None)))
        honorifics.append(canonical)
        implied = implied or kind
        text = text[m.end() :]
    return text, honorifics, implied


def _take_degrees(text: str) -> tuple[str, list[str], str | None]:
    """ "Arif, S.Ag., M.H." -> name, degrees; other words after the comma are a role."""
    name, _, tail = text.partition(",")
    tokens = [t.strip() for t in re.split(r"[,\s]+(?=[A-Z])", tail) if t.strip()] if tail else []
    if all(_DEGREE.fullmatch(t) for t in tokens):
        return name, tokens, None
    return name, [], tail.strip(" ,") or None


def _tidy_name(name: str) -> str:
    name = " ".join(name.replace("-", " - ").split()).strip(" .,:;-/")
    name = re.sub(r"\s+-\s+", "-", name)
    # All lower or all upper is how phones type, not how the person writes their name.
    return name.title() if name.islower() or name.isupper() else name


def read_figure(raw: str, default_kind: str | None = None) -> Figure:
    """One figure; `default_kind` comes from a list label ("Toga: ...") and counts as stated."""
    text = _NUMBERING.sub("", raw.strip())
    text, kind, role = _take_kind(text)
    text, degrees, tail = _take_degrees(text.strip(" -:"))
    text, honorifics, implied = _take_honorifics(text.strip())
    stated = kind or default_kind
    return Figure(
        raw=raw.strip(),
        name=_tidy_name(text),
        honorifics=tuple(honorifics),
        degrees=tuple(degrees),
        kind=stated or implied,
        kind_inferred=stated is None and implied is not None,
        role="; ".join(r for r in (role, tail) if r) or None,
    )


def read_figures(parts: list[tuple[str, str | None]]) -> tuple[list[Figure], list[Problem]]:
    """Figures from (text, default kind) pairs; a lone kind word ("tomas") joins the figure
    before it, since officers often type "H. Arif - tomas"."""
    figures: list[Figure] = []
    problems: list[Problem] = []
    for text, default_kind in parts:
        for item in split_figures(text):
            figure = read_figure(item, default_kind)
            if figure.name:
                figures.append(figure)
            elif figure.kind and figures and (figures[-1].kind is None or figures[-1].kind_inferred):
                figures[-1] = replace(
                    figures[-1], raw=f"{figures[-1].raw} {item}", kind=figure.kind, kind_inferred=False
                )
            else:
                problems.append(P.figure_without_name(item))
    return figures, problems


def looks_like_figure(text: str) -> bool:
    """A segment without a label that names a figure: starts with an honorific ("H. Arif",
    "Ust. Rahmat") or carries a kind word ("(tomas)", "toga")."""
    m = _HONORIFIC.match(text.strip())
    if m is not None and text.strip()[m.end() :].strip():
        return True
    return bool(FIGURE_KINDS.find_all(text))
