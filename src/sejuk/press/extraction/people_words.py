"""Vocabulary for civilians: honorific titles, figure descriptors, officials, qualifiers.

Figures are recognised by what the text calls them ("tokoh masyarakat", "penyimbang adat",
"Ketua Karang Taruna", "pemilik warung") or by a title taken off their name ("KH.", "Pdt.",
"Jro Mangku"). Officials (Camat, Lurah, Keuchik, Peratin, KPU, Babinsa, candidates ...) are
recognised the same way so that they can be excluded.
"""

from __future__ import annotations

import re

AGAMA, MASYARAKAT, PEMUDA, ADAT, PEREMPUAN, OTHER = (
    "tokoh agama", "tokoh masyarakat", "tokoh pemuda", "tokoh adat", "tokoh perempuan", "other",
)  # fmt: skip
OFFICIAL = "official"

# Titles written before a name; the category is implied for clergy titles only.
_TITLE_TABLE: tuple[tuple[str, str | None], ...] = (
    (r"K\.\s?H\.|KH\.?", AGAMA),
    (r"Kiai|Kyai|Kiyai|Ki\.|Nyai|Bu\s+Nyai|Ibu\s+Nyai", AGAMA),
    (r"Ustadzah|Ustazah|Ustadz|Ustaz|Ustad|Ust\.", AGAMA),
    (r"Habib|Syekh|Syaikh|Sayyid", AGAMA),
    (r"Buya|Abuya|Tuan\s+Guru|Guru|Ajengan|Gus|Tuanku", AGAMA),
    # Aceh's senior ulama ("Abu Muhammad Nasir"), but not the given names "Abu Bakar", "Abu Thalib" ...
    (
        r"Abu(?!\s+(?:Bakar|Bakr|Hanifah|Hanifa|Thalib|Talib|Sofyan|Sufyan|Daud|Hurairah|Dzar|Dzarr|Ubaidah|Yazid"
        r"|Zar|Nawas|Jahal|Lahab|Naim)\b)(?=\s+[A-Z][\w']+\s+[A-Z])",
        AGAMA,
    ),
    (r"TGH\.?|Tgk\.?|Teungku|Abon|Abu\s+Syekh|AGH\.?|AG\.|Anre\s?[Gg]urutta|Annangguru|Gurutta", AGAMA),
    (
        r"Pdt\.?|Pendeta|Pastor|Pastur|Romo|Rm\.|R[DP]\.|Pater|Frater|Suster|Sr\.|Pnt\.?|Penatua|Sym\.|Syamas"
        r"|Diaken|Vikaris|Ev\.",
        AGAMA,
    ),
    (
        r"Bhikkhu|Bhiksu|Biksu|Bhante|Ida\s+Pandita|Ida\s+Rsi|Ida\s+Bhagawan|Pandita|Pinandita|Ida\s+Pedanda"
        r"|Pedanda",
        AGAMA,
    ),
    (r"Jro\s+Mangku|Jero\s+Mangku|Mangku|Pemangku", AGAMA),
    (r"Hj\.?|H\.?|Haji|Hajjah|Drs?\.|Dra\.|Ir\.|Prof\.|Ny\.", None),
)
TITLE_RE = re.compile(
    r"(?<![\w.])(?:" + "|".join(f"(?P<t{i}>{p})" for i, (p, _) in enumerate(_TITLE_TABLE)) + r")(?=\s+[A-Z])"
)


def title_category(match: re.Match) -> str | None:
    for index, (_, category) in enumerate(_TITLE_TABLE):
        if match.group(f"t{index}"):
            return category
    return None


_CUE_TABLE: tuple[tuple[str, str], ...] = (
    (r"tokoh\s+(?:agama|lintas\s+agama|ulama|spiritual|rohaniwan)|pemuka\s+agama", AGAMA),
    (
        r"tokoh\s+(?:pemuda|muda|milenial)|pemuda\s+gereja|ketua\s+(?:karang\s+taruna|pemuda|knpi|okp"
        r"|remaja\s+masjid|gp\s+ansor|ansor|pemuda\s+pancasila|ipnu|ippnu)",
        PEMUDA,
    ),
    (
        r"tokoh\s+(?:adat|suku)|pemuka\s+adat|tetua\s+adat|tua\s+adat|ketua\s+adat|kepala\s+suku(?:\s+besar)?"
        r"|kepala\s+adat|penyimbang(?:\s+adat)?|bendesa(?:\s+adat)?|kelian\s+adat|klian\s+adat|mantir(?:\s+adat)?"
        r"|damang(?:\s+kepala\s+adat)?|ondoafi|to\s+parengnge'?"
        r"|ondofolo|ninik\s+mamak|pemangku\s+adat|raja\s+adat|tua\s+(?:golo|teno|adat)|ketua\s+(?:lembaga|dewan|majelis|kerapatan)"
        r"\s+adat(?:\s+(?:nagari|dayak))?|ketua\s+(?:kan|lkaam|dad|mad)",
        ADAT,
    ),
    (
        r"tokoh\s+(?:perempuan|wanita|ibu-ibu)|bundo\s+kanduang|bundo\s+kanduong|aktivis\s+perempuan|"
        r"ketua\s+(?:tp\s+pkk|pkk|muslimat(?:\s+nu)?|fatayat(?:\s+nu)?|aisyiyah|aisyiah|wanita\s+katolik)",
        PEREMPUAN,
    ),
    (
        r"tokoh\s+(?:masyarakat|warga|etnis|tionghoa|lintas\s+etnis|nelayan|petani|buruh|pedagang|pasar|kampung"
        r"|desa|setempat)|pemuka\s+masyarakat|sesepuh(?:\s+(?:desa"
        r"|kampung|warga))?|ketua\s+(?:rt|rw|lpm|paguyuban)(?:\s+\d+)?",
        MASYARAKAT,
    ),
    (
        r"ulama|imam(?:\s+(?:besar\s+)?(?:masjid|meunasah|musala|mushola|musholla|surau|langgar)|(?=\s*,)"
        r"|(?=\s+(?:desa|kelurahan|kampung|nagari|gampong|negeri)\s))|pengasuh"
        r"(?:\s+(?:pondok\s+pesantren|ponpes|pesantren|majelis\s+taklim|dayah|surau))?|pimpinan\s+(?:pondok\s+pesantren|"
        r"ponpes|pesantren|majelis\s+taklim|jemaat|dayah|surau)|ketua\s+(?:majelis\s+jemaat|majelis\s+taklim|mui|fkub|dmi"
        r"|takmir|pcnu|mwc\s+nu|nu|muhammadiyah|parisada|phdi|walubi|matakin|klasis|sinode|dewan\s+masjid)"
        r"|pemangku(?:\s+pura)?|khatib|penceramah|mubaligh|pendakwah|pastor\s+paroki|gembala\s+sidang",
        AGAMA,
    ),
)
# Occupations may be followed by the name directly ("pedagang sayur Siti Hajar", see figures.py);
# "warga" and the like only with a comma ("warga setempat, Ahmad").
_OTHER_CUE = (
    r"(?:(?:seorang|salah\s+seorang|salah\s+satu)\s+)?(?P<other>(?:pemilik\s+(?:warung|toko|kedai|usaha|rumah"
    r"\s+makan|bengkel)(?:\s+(?:kopi|makan|kelontong|sembako))?|pedagang(?:\s+(?:sayur|pasar|kaki\s+lima|buah|"
    r"ikan|bakso|keliling))?|pengemudi(?:\s+(?:ojek(?:\s+online)?|ojol))?|tukang\s+\w+|petani|nelayan|sopir|buruh|"
    r"ibu\s+rumah\s+tangga|juru\s+parkir)(?=\s*,|\s+\S)|(?:pengunjung|mahasiswa|pelajar|warga(?:\s+setempat)?)"
    r"(?=\s*,))"
)
_OFFICIAL_CUE = (
    r"camat|sekcam|sekretaris\s+(?:camat|kecamatan|lurah|kelurahan|desa|negeri|nagari|kampung|daerah|gampong)"
    r"|sekdes|lurah|klebun|kepala\s+(?:desa|kelurahan|kampung|dusun|negeri|lingkungan|pekon|gampong|jorong|lembang"
    r"|tiyuh|dinas|badan"
    r"|kantor|bidang|seksi|sekolah|puskesmas|kua|distrik|lurah)|perbekel|kelian\s+dinas|pj\.?\s+kepala\s+desa|kades|kadus|keuchik|geuchik|keuchiek"
    r"|wali\s+nagari|walinagari|peratin|kakam|(?:pj\.?\s+|penjabat\s+|wakil\s+)?(?:bupati|wali\s*kota|gubernur)"
    r"|(?:ketua|anggota|komisioner)\s+(?:kpu|kpud|kip|bawaslu|panwaslu|panwaslih|panwascam|ppk|pps|kpps"
    r"|pantarlih|dprd|dpr|bpd)(?:\s+(?:ri|provinsi|kabupaten|kota))?|calon(?:\s+(?:wakil\s+)?(?:bupati|wali\s*kota"
    r"|gubernur|presiden|legislatif|kepala\s+daerah|anggota\s+\w+))?(?:\s+nomor\s+urut\s+\d+)?|paslon"
    r"|pasangan\s+calon|tim\s+(?:sukses|pemenangan)|danramil|dandim|danrem|babinsa|babinpotmar"
    r"|anggota\s+(?:tni|koramil|kodim)|satpol\s+pp|kasi\s+(?:trantib|pemerintahan|kesra)|asn|pns"
    r"|(?:ketua\s+)?bhayangkari|sekretaris\s+(?:kpu|bawaslu|ppk|pps)"
)
CUE_RE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(f"(?P<c{i}>{p})" for i, (p, _) in enumerate(_CUE_TABLE))
    + f"|(?P<official>{_OFFICIAL_CUE})|{_OTHER_CUE})(?![\\w-])",
    re.I,
)


# The same pattern without re.I, for lower-cased text: case-insensitive scanning is slow.
_CUE_LOWER_RE = re.compile(CUE_RE.pattern)


def iter_cues(text: str):
    """CUE_RE matches over `text` (positions valid for `text`; matched strings lower-cased)."""
    lower = text.lower()
    return _CUE_LOWER_RE.finditer(lower) if len(lower) == len(text) else CUE_RE.finditer(text)


def cue_category(match: re.Match) -> str:
    if match.group("official"):
        return OFFICIAL
    if match.group("other"):
        return OTHER
    for index, (_, category) in enumerate(_CUE_TABLE):
        if match.group(f"c{index}"):
            return category
    return MASYARAKAT


def cue_start(match: re.Match) -> int:
    """Where the descriptor starts ("Seorang pedagang sayur" -> "pedagang sayur")."""
    return match.start("other") if match.group("other") else match.start()


# An explicit "tokoh X" decides the category even when a title suggests another.
EXPLICIT_CATEGORY_RE = re.compile(
    r"tokoh\s+(?P<kind>agama|masyarakat|pemuda|adat|perempuan|wanita)|(?P<bundo>bundo\s+kanduang)", re.I
)
_EXPLICIT = {"agama": AGAMA, "masyarakat": MASYARAKAT, "pemuda": PEMUDA, "adat": ADAT,
             "perempuan": PEREMPUAN, "wanita": PEREMPUAN}  # fmt: skip


def explicit_category(text: str) -> str | None:
    match = EXPLICIT_CATEGORY_RE.search(text)
    if not match:
        return None
    return PEREMPUAN if match.group("bundo") else _EXPLICIT[match.group("kind").lower()]


ETHNIC_WORDS = {
    "aceh", "gayo", "alas", "batak", "toba", "karo", "mandailing", "simalungun", "nias", "melayu",
    "minang", "minangkabau", "mentawai", "rejang", "lampung", "jawa", "sunda", "betawi", "baduy",
    "madura", "osing", "tengger", "bali", "sasak", "samawa", "mbojo", "bima", "sumba", "manggarai",
    "timor", "rote", "sabu", "dayak", "banjar", "kutai", "bugis", "makassar", "mandar", "toraja",
    "minahasa", "gorontalo", "kaili", "buton", "tolaki", "ambon", "kei", "alifuru", "ternate",
    "tidore", "papua", "asmat", "dani", "lani", "mee", "amungme", "kamoro", "marind", "arfak",
    "biak", "sentani", "moi", "tionghoa", "cina", "china", "arab", "india", "keling", "muslim",
    "islam", "kristen", "katolik", "protestan", "hindu", "buddha", "budha", "konghucu", "khonghucu",
    "nahdliyin", "nu", "muhammadiyah", "persis", "lintas", "etnis", "keturunan", "perantau",
    "kenyah", "kayan", "iban", "ngaju", "maanyan", "bakumpai", "tidung", "punan", "lundayeh", "benuaq",
    "tunjung", "bahau", "kanayatn", "mualang", "pakpak", "angkola", "sangihe", "talaud",
}  # fmt: skip
QUALIFIER_RE = re.compile(
    r"\s*(?:setempat|tersebut|itu|asal|juga|senior|muda|yang\s+juga|gereja|masjid|pura|vihara|klenteng|"
    r"wilayah|lingkungan|lintas\s+(?:agama|iman|etnis)|nomor\s+urut\s+\d+|\d+|"
    r"\([^)]{1,30}\)|(?!KH\b|TGH\b|AGH\b)(?-i:[A-Z]{2,5})(?=\s+(?-i:[A-Z][a-z])|\s*,|\s+setempat)"
    r"|(?:persukuan|suku|kenegerian|marga|jorong|kaum)\s+(?-i:[A-Z][a-z]+)"
    r"|(?:lembah|pulau|teluk|danau|gunung|pegunungan|kepulauan)\s+(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)|(?:serda|sertu|serka|serma|pelda|peltu|kopda|"
    r"koptu|kopka|praka|pratu|prada|letda|lettu|kapten|mayor|letkol|kolonel)(?:\s+(?:inf|kav|arm|czi|cpm|"
    r"ckm|chb|cba|arh))?)(?![\w-])",
    re.I,
)
INTRO_RE = re.compile(
    r"\s*(?:,\s*)?(?:yakni|yaitu|adalah|bernama|atas\s+nama|an\.|(?:turut\s+|juga\s+)?hadir(?:\s+pula)?)\s+",
    re.I,
)
APPOSITION_RE = re.compile(
    r"\s*(?:,\s*(?:yang\s+)?|\s+yang\s+)(?P<role>(?:bergelar|pengasuh|pimpinan|pemimpin|ketua|imam|pemilik|"
    r"pengurus|pembina|tokoh|ulama|pemuka|penggerak|aktivis|koordinator|guru|sesepuh|pedagang|pendiri|aktif|"
    r"pemangku|penyimbang|bendesa|anggota|sekretaris|bendahara|kepala|juga\s+tokoh|merupakan|dikenal\s+sebagai)"
    r"\b[^,.;\"]{0,90})",
    re.I,
)
