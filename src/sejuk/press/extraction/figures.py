"""Named civilians: community figures to record, officials to exclude.

Three ways a person is introduced, all general to the genre:
1. a descriptor, then qualifiers, then (titles and) the name:
   "Ketua Dewan Adat Dayak Kecamatan Sungai Raya Yohanes Ayub", "pemilik warung, Suparmi (52)";
2. a title, then the name, sometimes an apposition: "KH. Endang Hidayatullah, pengasuh Pondok ...";
3. the name, then the descriptor: "Arif Kuspriyadi sebagai tokoh masyarakat Kecamatan Klari".
A list shares its descriptor ("tokoh masyarakat A, B dan C"); "dan" closes the list.
Officials (Camat, Lurah, Keuchik, KPU, Babinsa, candidates ...) are read the same way and
returned separately, so that they are never labelled as figures. The text is expected to have
officer mentions and unit names masked out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import gazette
from . import people_words as pw
from .lexicon import FUNCTION_WORDS, LEVEL_WORDS, NAME_STOP_WORDS, UNIT_WORDS
from .names import DEGREE_RE, HONORIFIC_RE, ParsedName, name_key, parse_name, same_person
from .places import bare_place, level_place_end

_SPACES = re.compile(r"[ ,]*")
_BLANKS = re.compile(r" *")
_COMMA = re.compile(r"\s*,\s*")
_CAPITAL_NEXT = re.compile(r" [A-Z]")
_CLAUSE_END = re.compile(r"\s*(?:[.;)]|$)")
_DI_PLACE = re.compile(r"\s*di\s+(?=[A-Z])")
_JOINT_BEFORE = re.compile(
    r"(?:,\s*(?:yang\s+merupakan\s+|selaku\s+|sebagai\s+|yakni\s+)?|\s+(?:selaku|sebagai|yang\s+merupakan|merupakan)\s+)$"
)
# A descriptor after a name ends at punctuation, a conjunction or the verb of the sentence
# ("Mama Yuliana Wally selaku tokoh perempuan Kampung Hobong | mengatakan ...").
_CLAUSE = re.compile(
    r"[^.;\"(]{0,120}?(?=\s*[,.;\"(]|\s+(?:dan|serta)\s|\s+(?:me|ber|di|ter)[a-z]{3,}\b|\s+(?:juga|pun|siap)\b|$)"
)
_CLOSES_LIST = re.compile(r"\b(?:dan|serta)\s+$")
_WORD = re.compile(r"[A-Za-z']+")
_CAPITAL_WORD = re.compile(r"[A-Z][A-Za-z'\-]*")
_LIST_JOINT = re.compile(r"\s*,\s*(?:dan\s+|serta\s+)?|\s+(?:dan|serta)\s+")
_LIST_END = re.compile(r"\s*(?:[,.;:)(]|$)|\s+(?:dan|serta|[a-z])")
_DESCRIBED = re.compile(r"\s*,\s*(?:yang\s+)?(?:" + pw.CUE_RE.pattern + ")", re.I)
# "Tua Golo Lando, Bapak X": one unknown word, then a comma and an honorific or title.
_JURISDICTION = re.compile(
    r" [A-Z][a-z]+(?=\s*,\s*(?:Bapak|Bpk|Pak|Ibu|Bu|Sdr|H|Hj|KH|Ustadz|Pdt|Romo)\.?\s)"
)
_PLACE_PARTS = {
    "utara",
    "selatan",
    "barat",
    "timur",
    "tengah",
    "raya",
    "baru",
    "hulu",
    "hilir",
    "ilir",
    "ulu",
}
# "pengasuh Pondok Pesantren Nurul Falah, KH. X": the capitalised run names the institution.
_INSTITUTION_END = re.compile(
    r"(?:pesantren|ponpes|pondok|dayah|surau|langgar|meunasah|taklim|masjid|musala|mushola|jemaat|gereja|paroki"
    r"|vihara|klenteng)$",
    re.I,
)
_INSTITUTION_NAME = re.compile(
    r"(?: (?!(?:KH|TGH|AGH|Tgk|Pdt|Ustadz|Kyai|Kiai|Habib|Buya|Romo|Pastor|Pendeta)\b)[A-Z][\w'\-]*){1,4}"
    r"(?=\s*[,.;)]|\s*$|\s+di\s|\s+(?:KH|TGH|AGH|Tgk|Pdt|Ustadz|Kyai|Kiai|Habib|Buya|H|Hj)\.?\s|\s+[a-z])"
)
# ", Pdt. Yohanis Ndun" / " Hj. Siti Rahmah": a titled name right after a capitalised run.
_TITLED_NEXT = re.compile(r"(?P<comma>\s*,\s*|\s+)(?=" + pw.TITLE_RE.pattern + ")")
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_COMMA_THEN_NAME = re.compile(r"\s*,\s*(?=[A-Z][a-z])")


@dataclass
class Person:
    name: str
    category: str  # a figure category or people_words.OFFICIAL
    role_parts: list[str]
    start: int
    end: int
    strength: int  # 3 explicit "tokoh X", 2 descriptor, 1 clergy title, 0 default

    def as_figure(self) -> dict:
        role = ", ".join(dict.fromkeys(part for part in self.role_parts if part)) or None
        return {"name": self.name, "category": self.category, "role": role}


@dataclass
class People:
    figures: list[Person] = field(default_factory=list)
    officials: list[Person] = field(default_factory=list)


@dataclass
class _Found:
    titles: list[str]
    title_category: str | None
    parsed: ParsedName
    titles_start: int
    crossed_comma: bool


def _plausible(parsed: ParsedName) -> bool:
    words = parsed.name.split()
    if not words or words[0].lower() in FUNCTION_WORDS | NAME_STOP_WORDS | _PLACE_PARTS:
        return False
    raw = parsed.raw.split()
    if not parsed.raw.isupper() and any(len(w.rstrip(".")) > 1 and w.isupper() for w in raw[:-1]):
        return False  # "GKI Klasis Sorong", "Resort GKPS Pamatang Raya": an organisation's name
    if len(words) == 1 and (words[0].lower() in pw.ETHNIC_WORDS or pw.CUE_RE.fullmatch(words[0])):
        return False  # "tokoh adat Dayak, ...", "bersama Ondoafi, tokoh perempuan ...": not names
    return not (len(words) == 1 and (len(words[0]) < 3 or parsed.raw.isupper()))


def _is_official(text: str) -> bool:
    cue = pw.CUE_RE.match(text.strip())
    return bool(cue and pw.cue_category(cue) == pw.OFFICIAL)


def _categorise(descriptor: str, apposition: str, cue_category: str | None, title_category: str | None):
    """Category and strength, from the most explicit evidence available."""
    if cue_category == pw.OFFICIAL or (apposition and _is_official(apposition)):
        return pw.OFFICIAL, 3
    if explicit := pw.explicit_category(f"{descriptor} {apposition}"):
        return explicit, 3
    if cue_category:
        return cue_category, 2
    if title_category:
        return title_category, 1
    if apposition and (cue := pw.CUE_RE.search(apposition)):
        return pw.cue_category(cue), 2
    return pw.MASYARAKAT, 0


class _Scanner:
    """One pass over one article; `known_places` are names the article gives a level word."""

    def __init__(self, text: str, known_places: set[str]) -> None:
        self.text = text
        self.known = known_places

    def skip_place(self, pos: int, official: bool) -> int | None:
        """ "Kecamatan Sungai Raya", "Ubud," or a place before a name. Without a comma a bare region
        name is skipped only after an official's title ("Camat Cipanas Dadan", "Kepala Desa Kuala
        Dua Junaidi") or when the article names that place elsewhere: "Bambang" and "Slamet" are
        villages too, and far more often first names."""
        if (end := level_place_end(self.text, pos)) is not None:
            return end
        if (place := bare_place(self.text, pos)) is None:
            return None
        end, _ = place
        if _COMMA.match(self.text, end):
            return end
        known = gazette.squash(self.text[pos:end]) in self.known
        if known and _CLAUSE_END.match(self.text, end):
            return end  # "tokoh perempuan Pasar Atas." names the kelurahan, not a person
        return end if _CAPITAL_NEXT.match(self.text, end) and (official or known) else None

    def skip_qualifiers(self, pos: int, official: bool) -> int:
        """Skip "setempat", "Dayak", "Kecamatan Sungai Raya", "(KAN)", "di Siantan", "Ubud" ..."""
        text = self.text
        for _ in range(8):
            start, word_pos = pos, _BLANKS.match(text, pos).end()
            if match := pw.QUALIFIER_RE.match(text, pos):
                pos = match.end()
            elif (end := self.skip_place(word_pos, official)) is not None:
                pos = end
            elif (word := _WORD.match(text, word_pos)) and word.group().lower() in pw.ETHNIC_WORDS:
                pos = word.end()
            elif di := _DI_PLACE.match(text, pos):
                one = _CAPITAL_WORD.match(text, di.end())
                pos = self.skip_place(di.end(), official) or (one.end() if one else pos)
            elif jurisdiction := _JURISDICTION.match(text, pos):
                pos = jurisdiction.end()
            elif _INSTITUTION_END.search(text, max(0, pos - 12), pos) and (
                name := _INSTITUTION_NAME.match(text, pos)
            ):
                pos = name.end()
            if pos == start:
                return pos
        return pos

    def titles(self, pos: int) -> tuple[list[str], str | None, int]:
        """Titles before a name; a plain "Bapak"/"Ibu" in front of them is skipped, not kept."""
        titles: list[str] = []
        category = None
        start = _SPACES.match(self.text, pos).end()
        if (plain := HONORIFIC_RE.match(self.text, start)) and pw.TITLE_RE.match(self.text, plain.end()):
            pos = plain.end()
        while match := pw.TITLE_RE.match(self.text, _SPACES.match(self.text, pos).end()):
            titles.append(match.group())
            category = category or pw.title_category(match)
            pos = match.end()
        return titles, category, pos

    def read_person(self, pos: int, official: bool = False) -> _Found | None:
        """Titles and name after a descriptor, past its qualifiers and at most one comma."""
        start = pos
        pos = self.skip_qualifiers(pos, official)
        crossed = False
        if comma := _COMMA.match(self.text, pos):
            pos, crossed = comma.end(), True
            # "tokoh adat Manggarai, Tua Golo Lando, Bapak X": a second descriptor, then the name
            if (cue := pw.CUE_RE.match(self.text, pos)) and pw.cue_category(cue) != pw.OFFICIAL:
                pos = self.skip_qualifiers(cue.end(), official)
                pos = comma.end() if pos == cue.end() else pos
                if again := _COMMA.match(self.text, pos):
                    pos = again.end()
        if intro := pw.INTRO_RE.match(self.text, pos):
            pos = intro.end()
        pos = _SPACES.match(self.text, pos).end()
        titles, title_category, name_pos = self.titles(pos)
        parsed = parse_name(self.text, name_pos)
        if parsed is not None and not titles:
            if (after := self._titled_after(parsed, start, pos) or self._after_place_run(parsed)) is not None:
                pos = after
                titles, title_category, name_pos = self.titles(pos)
                parsed = parse_name(self.text, name_pos)
        if parsed is None or not _plausible(parsed):
            return None
        return _Found(titles, title_category, parsed, pos, crossed)

    def _titled_after(self, parsed: ParsedName, descriptor_end: int, run_start: int) -> int | None:
        """Where a titled name starts when the capitalised run after a descriptor is the name of a
        place or an organisation: "tokoh masyarakat Temindung Hj. Siti Rahmah", "Ketua Majelis
        Jemaat GMIT Betlehem Noelbaki, Pdt. Yohanis Ndun". With a comma in between, only when an
        acronym (GMIT) or a region's name marks the run as an organisation's or a place's name."""
        nxt = _TITLED_NEXT.match(self.text, parsed.end)
        if not nxt:
            return None
        if "," in nxt.group("comma"):
            organisation = _ACRONYM.search(self.text, descriptor_end, run_start)
            place = gazette.is_region(parsed.name.split()[-1]) or gazette.is_region(parsed.name)
            if not (organisation or place):
                return None
        return nxt.end()

    def _after_place_run(self, parsed: ParsedName) -> int | None:
        """ "Ketua Adat Dayak Kenyah Tanjung Palas Hulu, Yohanes Lawing": a run that ends with a
        place the article names is the descriptor's qualifier; the person follows the comma."""
        words = parsed.name.split()
        if len(words) < 2 or not (comma := _COMMA_THEN_NAME.match(self.text, parsed.end)):
            return None
        if any(gazette.squash(" ".join(words[i:])) in self.known for i in range(1, len(words))):
            return comma.end()
        return None

    def _name_right_after(self, pos: int) -> _Found | None:
        """A name directly after an occupation, with nothing skipped: "pedagang sayur Siti Hajar"
        (but not "pedagang di Pasar Paruga")."""
        if not _CAPITAL_NEXT.match(self.text, pos):
            return None
        parsed = parse_name(self.text, pos + 1)
        if parsed is None or not _plausible(parsed) or gazette.is_region(parsed.name):
            return None
        return _Found([], None, parsed, pos + 1, False)

    def apposition(self, end: int) -> str:
        """ ", pengasuh Pondok Pesantren X" after a name, unless it introduces the next person."""
        match = pw.APPOSITION_RE.match(self.text, end)
        if not match:
            return ""
        cue = pw.CUE_RE.search(self.text, match.start("role"), match.end("role"))
        if cue and self.read_person(cue.end()):
            return ""
        return re.sub(r"^(?:yang\s+)?(?:juga\s+)?", "", match.group("role").strip())

    def person(self, found: _Found, descriptor: str, cue_category: str | None, start: int) -> Person:
        apposition = self.apposition(found.parsed.end)
        category, strength = _categorise(descriptor, apposition, cue_category, found.title_category)
        roles = [*found.titles, *found.parsed.suffixes, descriptor, apposition]
        return Person(found.parsed.name, category, roles, start, found.parsed.end, strength)

    def from_cue(self, cue: re.Match) -> tuple[Person, bool] | None:
        """The person a descriptor introduces, and whether a comma separated them."""
        category = pw.cue_category(cue)
        if category == pw.OTHER and not _COMMA.match(self.text, cue.end()):
            found = self._name_right_after(cue.end())  # "pedagang sayur Siti Hajar"
        else:
            found = self.read_person(cue.end(), category == pw.OFFICIAL)
        if found is None:
            return None
        descriptor = pw.INTRO_RE.sub("", self.text[pw.cue_start(cue) : found.titles_start]).strip(" ,")
        return self.person(found, descriptor, category, cue.start()), found.crossed_comma

    def from_title(self, title: re.Match) -> Person | None:
        titles, title_category, pos = self.titles(title.start())
        parsed = parse_name(self.text, pos)
        if parsed is None or not _plausible(parsed):
            return None
        return self.person(
            _Found(titles, title_category, parsed, title.start(), False), "", None, title.start()
        )

    def from_apposition(self, cue: re.Match) -> tuple[Person, bool] | None:
        """ "NAME, tokoh masyarakat Desa X" / "NAME sebagai tokoh ...": the name comes first.
        Also says whether "dan"/"serta" preceded the name (it closed an earlier list)."""
        joint = _JOINT_BEFORE.search(self.text, max(0, cue.start() - 24), cue.start())
        if not joint or pw.cue_category(cue) == pw.OTHER:
            return None
        start = _name_start_before(self.text, joint.start())
        if start is None:
            return None
        titles, title_category, pos = self.titles(start)
        parsed = parse_name(self.text, pos)
        if parsed is None or not _plausible(parsed) or parsed.end < joint.start() - 1:
            return None
        clause = _CLAUSE.match(self.text, cue.start())
        descriptor = clause.group().strip() if clause else ""
        category, strength = _categorise(descriptor, "", pw.cue_category(cue), title_category)
        person = Person(
            parsed.name, category, [*titles, *parsed.suffixes, descriptor], start, parsed.end, strength
        )
        return person, bool(_CLOSES_LIST.search(self.text, max(0, start - 8), start))

    def continuations(self, first: Person) -> list[Person]:
        """ "tokoh masyarakat A, B dan C": later names in a list share the first one's descriptor."""
        listed: list[Person] = []
        end = first.end
        while len(listed) < 6 and (joint := _LIST_JOINT.match(self.text, end)):
            closing = bool(re.search(r"dan|serta", joint.group()))
            titles, title_category, pos = self.titles(joint.end())
            parsed = parse_name(self.text, pos)
            if parsed is None or not _plausible(parsed) or not _LIST_END.match(self.text, parsed.end):
                break
            described = _DESCRIBED.match(self.text, parsed.end) and not closing
            if described or (not titles and gazette.is_region(parsed.name)):
                break  # the next name has a descriptor of its own, or is a place
            category, strength = (title_category, 1) if title_category else (first.category, first.strength)
            # A titled member ("..., Pdt. Samuel dan Romo Yohanes") or one with an apposition of its
            # own does not take over the first one's office.
            own = self.apposition(parsed.end)
            inherited = [] if titles or own else first.role_parts[-2:]
            roles = [*titles, *parsed.suffixes, *inherited, own]
            listed.append(Person(parsed.name, category, roles, joint.end(), parsed.end, strength))
            end = parsed.end
            if closing:
                break
        return listed

    def mentions(self) -> list[Person]:
        persons: list[Person] = []
        for cue in pw.iter_cues(self.text):
            after, before = self.from_cue(cue), self.from_apposition(cue)
            # "H. Ahmad, tokoh masyarakat Desa A" describes the name before the descriptor,
            # unless that name closed a list ("A dan B, Ketua Karang Taruna X, C") or was
            # already described ("ulama Buya A, Wali Nagari X, B").
            # A name already read is not read again from a later descriptor, except a figure
            # descriptor that refines it ("dan Ustadzah Nur Aini, tokoh perempuan Pasar Atas").
            described = before and any(
                p.start <= before[0].start < p.end
                and (name_key(p.name) != name_key(before[0].name) or before[0].category == pw.OFFICIAL)
                for p in persons
            )
            # "Nur Aini, tokoh perempuan Pasar Atas.": what follows the descriptor is a region's name
            after_is_place = after is not None and gazette.is_region(after[0].name)
            if before and not described and (after is None or after_is_place or (after[1] and not before[1])):
                persons.append(before[0])
            elif after:
                persons += [after[0], *self.continuations(after[0])]
        covered = [(p.start, p.end) for p in persons]
        for title in pw.TITLE_RE.finditer(self.text):
            if any(start <= title.start() < end for start, end in covered):
                continue
            if person := self.from_title(title):
                for found in (person, *self.continuations(person)):
                    persons.append(found)
                    covered.append((found.start, found.end))
        return sorted(persons, key=lambda p: p.start)


def _name_start_before(text: str, end: int) -> int | None:
    """Start of the capitalised run that ends at `end` ("yakni Arif Kuspriyadi|")."""
    offset = max(0, end - 80, text.rfind("\n", 0, end) + 1)  # a name never spans paragraphs
    start = None
    in_degrees = True  # degrees ("S.Th.,") may sit between the name and the descriptor
    for word in reversed(list(re.finditer(r"\S+", text[offset:end]))):
        token = word.group().rstrip(",")
        if in_degrees and DEGREE_RE.fullmatch(token):
            start = offset + word.start()
            continue
        if word.group().endswith(",") and not in_degrees:
            break
        in_degrees = False
        if pw.TITLE_RE.fullmatch(token + " A"):
            start = offset + word.start()
            continue
        if token.endswith((".", "!", "?", '"')) and len(token.rstrip('.!?"')) > 3:
            break  # "... kata Markus. Mama Yuliana Wally selaku ...": the sentence before
        if not token[:1].isupper() or token.lower().rstrip(".") in FUNCTION_WORDS | NAME_STOP_WORDS:
            if token.lower() in LEVEL_WORDS | UNIT_WORDS:
                return None  # "Kecamatan Klari, tokoh ..." names a place, not a person
            break
        start = offset + word.start()
    return start


def _merge(into: list[Person], person: Person) -> None:
    for known in into:
        if same_person(known.name, person.name):
            if len(person.name) > len(known.name):
                known.name = person.name
            if person.strength > known.strength:
                known.category, known.strength = person.category, person.strength
                known.role_parts = person.role_parts
            elif not any(known.role_parts):
                known.role_parts = person.role_parts
            return
    into.append(person)


def find_people(text: str, known_places: set[str] | None = None) -> People:
    """Figures and officials named in `text` (officer mentions and unit names masked).

    `known_places` (squashed names) are places the article names with a level word elsewhere;
    they are recognised as qualifiers even when written bare ("tokoh masyarakat Perawang X").
    """
    people = People()
    for person in _Scanner(text, known_places or set()).mentions():
        _merge(people.officials if person.category == pw.OFFICIAL else people.figures, person)
    people.figures = [
        figure
        for figure in people.figures
        if not any(same_person(figure.name, official.name) for official in people.officials)
    ]
    return people
