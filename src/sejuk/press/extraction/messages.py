"""Appeal themes the police express (rule 32) and the `imbauan` activity (rule 26).

A theme counts in a police quote or a sentence whose subject is police; in a sentence with no
speaker it counts only as the stated aim of the activity ("... guna menjaga kondusifitas").
Hopes ("kami berharap ... aman dan tertib") carry themes but are not appeals.
"""

from __future__ import annotations

import re

from .speakers import NEUTRAL, POLICE, Segment

_SECURITY = r"keamanan|ketertiban|kamtibmas|kondusi\w*|situasi|aman|tertib|ketenteraman|ketentraman|kedamaian"
_POLICE_PLACES = (
    r"bhabinkamtibmas|bhabin|polsek|polres\w*|polisi|kepolisian|petugas|aparat|pihak\s+berwajib|110"
)

# Patterns are lower-case and run on lower-cased text: case-insensitive matching is slower.
THEMES: tuple[tuple[str, re.Pattern], ...] = tuple(
    (code, re.compile(pattern))
    for code, pattern in (
        ("jaga_kamtibmas", (
            r"\b(?:jaga|menjaga|dijaga|terjaga|jagalah|memelihara|pelihara|menciptakan|ciptakan|mewujudkan"
            rf"|memastikan|tercipta\w*|merawat)\b[^.;]{{0,40}}?\b(?:{_SECURITY})\b"
            rf"|\b(?:{_SECURITY})\b[^.;]{{0,30}}?\b(?:kita\s+jaga|dijaga|menjaga|terjaga|jaga\s+bersama)\b"
            r"|main\s+hakim\s+sendiri|pelanggaran\s+hukum|melanggar\s+hukum|(?:taat|patuh\w*)\s+(?:pada\s+)?hukum"
            r"|\b(?:berlangsung|berjalan)\s+(?:dengan\s+)?(?:aman|kondusif|tertib)|\baman\s+dan\s+(?:tertib|kondusif|damai)"
            r"|(?:keamanan|kamtibmas)[^.;]{0,30}tanggung\s+jawab"
            r"|\b(?:mengganggu|merusak|mengacaukan)\s+(?:\w+\s+){0,2}?(?:ketertiban|keamanan|kamtibmas)"
            r"|\banark(?:is|hi|his)\b"
        )),
        ("hindari_provokasi", (
            # "konten provokatif" is about posting (bijak_medsos), not about being provoked
            r"provokasi|provokatif(?<!konten provokatif)(?<!unggahan provokatif)(?<!postingan provokatif)"
            r"|terpancing|terhasut|hasutan|adu\s+domba"
            r"|pengerahan\s+massa|pancingan"
            r"|menahan\s+diri|terpengaruh\s+(?:oleh\s+)?(?:ajakan|isu|hasutan)"
        )),
        ("tolak_hoaks", (
            r"\bhoaks|\bhoax|kabar\s+bohong|berita\s+bohong|informasi\s+bohong|berita\s+palsu|kabar\s+palsu"
            r"|(?:kabar|berita|informasi|pesan)\s+(?:yang\s+)?(?:belum|tidak)\s+(?:jelas|pasti|benar|terverifikasi)"
            r"|(?:belum|tidak)\s+(?:jelas|pasti)\s+kebenarannya|\b(?:belum|tidak)\s+tentu\s+(?:benar|jelas|valid)"
            r"|\b(?:jangan|tidak)\s+(?:mudah\s+|ikut\s+|asal\s+)?(?:menyebarkan|sebarkan|menyebar|meneruskan|membagikan)"
            r"\s+(?:kabar|berita|informasi|isu)|(?:cek|mengecek|periksa)\s+(?:dan\s+ricek\s+)?"
            r"kebenaran|tabayy?un|disinformasi|misinformasi|fitnah|pesan\s+berantai"
            r"|(?:tidak|jangan)\s+(?:mudah\s+|langsung\s+)?percaya"
        )),
        ("bijak_medsos", (
            r"bijak\w*\s+(?:dalam\s+|di\s+)?(?:ber)?(?:media\s+sosial|medsos)|(?:media\s+sosial|medsos)\s+"
            r"(?:dengan\s+|secara\s+)?(?:bijak|cerdas|sehat)|saring\s+(?:dulu\s+)?sebelum|menyaring\s+informasi"
            r"|sebelum\s+(?:dibagikan|membagikan|menyebarkan|disebarkan|di-?share)|(?:mengunggah|unggah|memposting"
            r"|posting|membagikan)\s+(?:konten|unggahan|postingan|status)\s+(?:yang\s+)?(?:memanas|provokatif|bernada)"
            r"|(?:media\s+sosial|medsos)\s+(?:sebagai\s+)?(?:tempat|ajang)\s+(?:saling\s+serang|menghujat)"
            r"|(?:menyebarkan|menyebar|mengunggah|memposting|menghujat|saling\s+serang|memanas\w*)\s+(?:\w+\s+){0,3}"
            r"di\s+(?:media\s+sosial|medsos)"
        )),
        ("netralitas_polri", r"\bnetral\b|\bnetralitas|tidak\s+(?:ber|me)?pihak|tidak\s+memihak"),
        ("hormati_hasil", (
            r"\b(?:hormati|menghormati|dihormati|hargai|menghargai|terima|menerima|diterima|tunggu|menunggu"
            r"|bersabar)\b[^.;]{0,50}?\bhasil(?:nya)?\b|\b(?:menerima|terima)\b[^.;]{0,20}?\bkeputusan"
            r"|\bhasil\s+resmi|legawa|lapang\s+dada|\bkeputusan\s+resmi"
            r"|\b(?:tunggu|menunggu)\b[^.;]{0,20}?\b(?:keputusan|penetapan|pengumuman)\b"
            r"|\b(?:mem)?percayakan\b[^.;]{0,40}?\b(?:hasil|rekapitulasi|penghitungan|kpu|penyelenggara)\b"
        )),
        ("persatuan", (
            r"\bbersatu|persatuan|kerukunan|\brukun\b|persaudaraan|bersaudara|kebersamaan|kekeluargaan"
            r"|kekerabatan|orang\s+basudara|menyama\s+braya|ukhuwah|merekatkan|\bguyub|toleransi|keberagaman"
            r"|kebhinekaan|(?:perbedaan|beda|berbeda)\s+(?:pilihan|dukungan)"
            r"|\bbermusuhan|\bterpecah"
            r"|\b(?:menjaga|jaga|merawat|mempererat|pererat)\s+(?:tali\s+)?silah?turah?mi|\bsatu\s+keluarga"
        )),
        ("lapor_polisi", (
            rf"\b(?:lapor|melapor|laporkan|melaporkan|hubungi|menghubungi)\b[^.;]{{0,40}}?\b(?:{_POLICE_PLACES})\b"
            rf"|\b(?:sampaikan|adukan|datang(?:\s+langsung)?)\s+(?:langsung\s+)?(?:ke|kepada)\s+(?:{_POLICE_PLACES})"
            r"|(?:call\s+center|layanan|hotline)\s+(?:polri\s+)?110"
            # "laporkan ke kami" in a police quote; "menyampaikan kepada Bhabinkamtibmas apabila ada masalah"
            r"|\b(?:lapor|melapor|laporkan|melaporkan|informasikan|menginformasikan|beritahukan|memberitahukan)"
            r"\s+(?:langsung\s+|segera\s+)?(?:ke|kepada)\s+(?:anggota\s+|petugas\s+|personel\s+)?kami\b"
            rf"|\b(?:menyampaikan|sampaikan|mengadu)\s+(?:langsung\s+)?(?:ke|kepada)\s+(?:{_POLICE_PLACES})\b"
            r"[^.;]{0,40}?\b(?:apabila|jika|bila|kalau|bilamana|manakala)\b"
        )),
        ("other", (
            r"politik\s+uang|money\s+politic|serangan\s+fajar|hak\s+pilih|datang\s+ke\s+tps|golput|musyawarah"
            r"|\b(?:palang\s+jalan|pemalangan|blokade\s+jalan|memblokir\s+jalan)"
            r"|jalur\s+hukum|mekanisme\s+hukum|jalur\s+konstitusional|gugatan|menggugat|penyelesaian\s+sengketa"
            r"|sengketa\s+(?:hasil|pilkada|pemilu)|(?:ke|kepada|melalui|di)\s+mahkamah\s+konstitusi|\bflare|\bsuar\b"
            r"|sweeping|kampanye\s+hitam|black\s+campaign|politisasi\s+sara|konvoi|pawai|arak-arakan"
        )),
    )
)  # fmt: skip
_AIM = re.compile(r"\b(?:guna|untuk|agar|supaya|bertujuan|dalam\s+rangka|demi)\b", re.I)
_APPEAL = re.compile(
    r"\b(?:mengimbau|menghimbau|imbau|himbau|imbauan|himbauan|diimbau|dihimbau|mengajak|ajakan|diajak|meminta|minta|diminta"
    r"|mohon|memohon|berpesan|pesankan|mengingatkan|diingatkan|menitipkan|titipkan|menyerukan|seruan|mari"
    r"|menyampaikan\s+pesan|pesan(?:-pesan)?\s+kamtibmas|pesan\s+(?:kami|saya)"
    r"|marilah|ayo|hendaknya)\b",
    re.I,
)
_PASSIVE_APPEAL = re.compile(
    r"\b(?:diimbau|dihimbau|diajak|diminta|diingatkan|(?:pesan|imbauan|himbauan)(?:-pesan)?\s+(?:kamtibmas\s+)?"
    r"yang\s+disampaikan)\b",
    re.I,
)
_IMPERATIVE = re.compile(
    r"(?:^|[.!?]\s+)(?:jangan|gunakan|hormati|terima|tetap|silakan|saring|laporkan|segera|jaga|hindari|tolak|mari)\b",
    re.I,
)


def police_texts(segments: list[Segment]) -> list[str]:
    """What the police said or did, the stated aim of speaker-less sentences, and appeals in the
    passive with no named agent ("Warga juga diimbau tidak mudah percaya hoaks")."""
    texts = []
    for segment in segments:
        if segment.speaker == POLICE:
            texts.append(segment.text)
        elif segment.speaker == NEUTRAL and not segment.quoted:
            cue = _PASSIVE_APPEAL.search(segment.text) or _AIM.search(segment.text)
            if cue:
                texts.append(segment.text[cue.start() :])
    return texts


def first_matches(texts: list[str], patterns: tuple[tuple[str, re.Pattern], ...]) -> list[str]:
    """Codes whose pattern matches one of `texts`, in order of first appearance.

    The texts are joined with a full stop between them, so that no pattern (they stop at
    "." by design) matches across two sentences, and each pattern runs once.
    """
    joined = "\n.\n".join(texts).lower()
    found = {code: match.start() for code, pattern in patterns if (match := pattern.search(joined))}
    return sorted(found, key=found.__getitem__)


def find_messages(segments: list[Segment]) -> list[str]:
    """Theme codes in order of first appearance."""
    return first_matches(police_texts(segments), THEMES)


def has_appeal(segments: list[Segment]) -> bool:
    """True when the police deliver an appeal: an appeal verb or an imperative in their quote,
    or a passive appeal with no named agent ("warga diimbau", "pesan yang disampaikan")."""
    for segment in segments:
        if segment.speaker == NEUTRAL and not segment.quoted and _PASSIVE_APPEAL.search(segment.text):
            return True
        if segment.speaker != POLICE:
            continue
        if _APPEAL.search(segment.text) or (segment.quoted and _IMPERATIVE.search(segment.text)):
            return True
    return False
