"""Word lists and compiled patterns shared by several scanners (ranks, positions, calendar).

Kept in one place so that the officer, unit, figure and speaker scanners agree on what counts
as a rank, a position title or a word that can never be part of a person's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from sejuk.units import ranks
from sejuk.units.positions import parse_position, position_alias_pattern

WEEKDAYS = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5,
    "minggu": 6, "ahad": 6,
}  # fmt: skip
MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "maret": 3,
    "mar": 3, "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "okt": 10, "oct": 10, "november": 11, "nopember": 11, "nov": 11,
    "desember": 12, "des": 12, "dec": 12,
}  # fmt: skip
WEEKDAY_PATTERN = r"(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)"
MONTH_PATTERN = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"

# Bare "Jenderal" is a street name ("Jl. Jenderal Sudirman"), "Brig" is too short to trust.
_UNSAFE_RANK_SPELLINGS = {"jenderal", "jendral", "brig"}


def _rank_pattern() -> str:
    spellings = [s for s in ranks.rank_alias_pattern().split("|") if s not in _UNSAFE_RANK_SPELLINGS]
    return "|".join(spellings)


# A rank, optionally followed by "Pol"/"Pol." and a trailing dot ("Kombes Pol", "Iptu.").
RANK_RE = re.compile(
    r"(?<![\w-])(?P<rank>(?:"
    + _rank_pattern()
    + r"|jend(?:e)?ral\s+pol(?:isi)?)(?:\s*pol\b\.?)?\.?)(?=[\s,])",
    re.I,
)
TNI_AFTER_RE = re.compile(r"\s*(?:TNI|\(Purn\)|Purn\.?)\b")

_EXTRA_POSITIONS = {
    "ps kapolsek": "Kapolsek", "ps. kapolsek": "Kapolsek", "pjs kapolsek": "Kapolsek",
    "plt kapolsek": "Kapolsek", "plt. kapolsek": "Kapolsek", "kapolsubsektor": "Kapolsubsektor",
    "kapospol": "Kapospol", "panit binmas": "Panit Binmas", "panit intelkam": "Panit Intelkam",
    "kanit provos": "Kanit Provos", "kanit lantas": "Kanit Lantas", "kasubbag humas": "Kasubbag Humas",
    "kasubag humas": "Kasubbag Humas", "paur humas": "Paur Humas", "paur subbag humas": "Paur Humas",
    "kasat intelkam": "Kasat Intelkam", "kasat samapta": "Kasat Samapta", "kasat sabhara": "Kasat Samapta",
    "kasi humas polsek": "Kasi Humas", "kasi humas": "Kasi Humas", "kasihumas": "Kasi Humas",
    "kabid humas": "Kabid Humas", "dirbinmas": "Dirbinmas", "kapolri": "Kapolri",
    "babhinkamtibmas": "Bhabinkamtibmas", "bhabinkamtimas": "Bhabinkamtibmas",
    "bhabin kamtibmas": "Bhabinkamtibmas", "bhabinkamtibmas": "Bhabinkamtibmas",
    "babinkamtibmas": "Bhabinkamtibmas",
    "bhabinkamtibnas": "Bhabinkamtibmas", "bhabinkantibmas": "Bhabinkamtibmas",
    # long forms, as news agencies write them
    "kepala kepolisian sektor": "Kapolsek", "kepala kepolisian sektor kota": "Kapolsek",
    "kepala kepolisian resor": "Kapolres", "kepala kepolisian resort": "Kapolres",
    "kepala kepolisian resor kota": "Kapolresta", "kepala kepolisian resor kota besar": "Kapolrestabes",
    "kepala kepolisian daerah": "Kapolda", "wakil kepala kepolisian resor": "Wakapolres",
    "kepala seksi humas": "Kasi Humas", "kepala seksi hubungan masyarakat": "Kasi Humas",
    "kepala bidang humas": "Kabid Humas", "kepala bidang hubungan masyarakat": "Kabid Humas",
    "kepala satuan binmas": "Kasat Binmas", "kepala satuan pembinaan masyarakat": "Kasat Binmas",
    "kepala unit binmas": "Kanit Binmas", "kepala satuan intelkam": "Kasat Intelkam",
    "kepala unit intelkam": "Kanit Intelkam", "kepala subbagian humas": "Kasubbag Humas",
    "kasubsi penmas": "Kasubsi Penmas", "kasubsi pidm": "Kasubsi PIDM",
}  # fmt: skip
_IGNORED_POSITIONS = {"anggota"}  # "anggota" is membership, not a title: position stays null


def _position_pattern() -> str:
    spellings = set(position_alias_pattern().split("|")) | {
        re.escape(s).replace(r"\ ", r"\s+") for s in _EXTRA_POSITIONS
    }
    spellings -= {re.escape(s) for s in _IGNORED_POSITIONS}
    return "|".join(sorted(spellings, key=len, reverse=True))


POSITION_RE = re.compile(r"(?<![\w-])(?:" + _position_pattern() + r")(?![\w-])", re.I)


def position_title(text: str) -> str | None:
    """Generic title for a position spelling: "Kanit Binmas Polsek X" -> "Kanit Binmas"."""
    key = re.sub(r"\s+", " ", text.strip().rstrip(".").lower())
    if key in _EXTRA_POSITIONS:
        return _EXTRA_POSITIONS[key]
    if key in _IGNORED_POSITIONS:
        return None
    position = parse_position(key)
    if position is None:
        return None
    return position.title.removesuffix(" Polsek")


UNIT_WORDS = {
    "polda", "polres", "polresta", "polrestabes", "polsek", "polsekta", "polri", "mabes",
    "kapolda", "kapolres", "kapolresta", "kapolrestabes", "kapolsek", "kapolsekta", "wakapolres",
    "wakapolsek", "wakapolda", "mapolres", "mapolsek", "mapolda", "polisi", "kepolisian",
}  # fmt: skip
LEVEL_WORDS = {
    "provinsi", "prov", "kabupaten", "kab", "kota", "kotamadya", "kecamatan", "kec", "distrik",
    "kelurahan", "kel", "desa", "ds", "gampong", "nagari", "pekon", "kampung", "negeri", "dusun",
    "kalurahan", "kapanewon", "kemantren",
}  # fmt: skip
MILITARY_WORDS = {
    "tni", "babinsa", "danramil", "dandim", "danrem", "koramil", "kodim", "korem", "kodam",
    "serda", "sertu", "serka", "serma", "pelda", "peltu", "kopda", "koptu", "kopka", "praka",
    "pratu", "prada", "letda", "lettu", "kapten", "mayor", "letkol", "kolonel", "inf", "kav",
    "arm", "czi", "cpm", "ckm", "chb", "cba", "arh",
}  # fmt: skip
# Words that end a person's name when they follow it (capitalised in running text).
NAME_STOP_WORDS = (
    UNIT_WORDS
    | LEVEL_WORDS
    | MILITARY_WORDS
    | set(WEEKDAYS)
    | {m for m in MONTHS if len(m) > 3}
    | {
        "bhabinkamtibmas", "babinkamtibmas", "bhabin", "kanit", "kasat", "kasi", "kabid", "kasubbag", "panit",
        "humas", "binmas", "intelkam", "samapta", "propam", "reskrim", "unit", "sat", "satuan",
        "personil", "personel", "pilkada", "pemilu", "psu", "kpu", "bawaslu", "ppk", "pps",
        "panwascam", "camat", "lurah", "bupati", "gubernur", "wali", "walikota", "kepala", "ketua",
        "sekretaris", "warga", "tokoh", "dan", "serta", "bersama", "beserta", "selaku", "sebagai",
        "yang", "di", "ke", "dari", "pada", "dalam", "melalui", "didampingi", "saat", "usai",
        "kegiatan", "masjid", "gereja", "pura", "pondok", "pesantren", "ponpes", "jalan", "jl",
        "rt", "rw", "wib", "wita", "wit", "pukul", "ia", "dia", "beliau", "kami", "pihaknya",
        "cooling", "system", "sambang", "jumat", "polisi", "pol", "jenderal", "adat", "majelis",
        "klasis", "sinode", "paroki", "jemaat", "yayasan", "universitas", "sekolah",
        # headline verbs and connectors, in case a title slips into the body
        "pasca", "jelang", "menjelang", "gelar", "laksanakan", "sambangi", "ajak", "imbau",
        "himbau", "lakukan", "rangkul", "cegah", "jaga", "pantau", "amankan", "tingkatkan", "bersinergi",
    }
)  # fmt: skip

# Capitalised sentence openers that can precede a name but are not part of it.
FUNCTION_WORDS = {
    "adapun", "sementara", "sedangkan", "selain", "kemudian", "namun", "menurut",
    "menurutnya", "dalam", "saat", "ketika", "usai", "setelah", "sebelum", "selanjutnya",
    "hadir", "turut", "tampak", "juga", "pihak", "bahkan", "di", "pada", "dengan", "oleh", "dan",
    "serta", "bersama", "yakni", "yaitu", "antara", "lain", "sedang", "ini", "itu", "para",
    "menanggapi", "terkait", "hal", "sejumlah", "seorang", "salah", "satu", "kata", "ujar",
    "demikian", "begitu", "acara", "kegiatan", "pertemuan", "sambang", "dialog", "sebelumnya",
}  # fmt: skip

# Verb-like words that open or drive a clause ("mengatakan", "berdialog", "dibacakan").
VERB_RE = re.compile(r"\b(?:me|ber|di|ter)[a-z]{3,}\b|\b(?:kata|ujar|ucap|tutur|tegas|jelas|imbuh)(?:nya)?\b")
NOT_VERBS = {
    "melalui", "menjelang", "menurut", "menurutnya", "mengenai", "meski", "meskipun", "mereka",
    "media", "medan", "bersama", "berbagai", "beberapa", "besar", "berita", "berdasarkan",
    "terhadap", "terakhir", "tertentu", "tertib", "termasuk", "terutama", "dialog", "diskusi",
    "digital", "dini", "dinas", "direktur", "diri", "dirinya", "dimana", "pemilu", "pemilihan",
    "pemuda", "personel", "personil", "petugas", "pesantren", "peserta", "perempuan", "pendeta",
    "pemangku", "pengasuh", "pemilik", "pedagang", "pendukung", "penyelenggara", "pemungutan",
    "perbedaan", "persaudaraan", "persatuan", "pertemuan", "pesta", "pelaksanaan", "penghitungan",
    "pekan", "pekon", "pengurus", "pemerintah", "penyimbang", "pesan", "pemuka", "perwakilan",
    "berikut", "beserta", "besok", "bersih", "desa", "deklarasi", "melayu", "merauke", "dengan",
    "penting", "pentingnya", "pelanggaran", "perhatian", "persoalan", "pemenang", "pilihan",
    "permukiman", "perayaan", "peran", "pengajian", "pengamanan", "peredaran", "perdamaian",
}  # fmt: skip


@cache
def _case_sensitive(pattern: re.Pattern) -> re.Pattern:
    return re.compile(pattern.pattern, pattern.flags & ~re.I)


def scan(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """`pattern.finditer(text)` for a case-insensitive pattern with lower-case literals, run
    case-sensitively on the lower-cased text (several times faster; positions are the same,
    matched strings come out lower-cased)."""
    lower = text.lower()
    if len(lower) != len(text):  # a rare character changes length when lower-cased
        return pattern.finditer(text)
    return _case_sensitive(pattern).finditer(lower)


def is_verb(word: str) -> bool:
    return word not in NOT_VERBS and VERB_RE.fullmatch(word) is not None
