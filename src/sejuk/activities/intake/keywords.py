"""Every word officers use in a chat report, mapped to the stable codes of the vocabulary.

Kept in one module so that the documentation (docs/intake-message-format.md) and the tests can
be checked against a single list. Codes come from sejuk.activities.vocabulary; an import-time
check below makes a typo here fail loudly instead of silently producing an unknown code.
"""

from __future__ import annotations

from sejuk.activities.vocabulary import (
    ACTIVITY_TYPE_CODES,
    FIGURE_KIND_CODES,
    PARTNER_KINDS,
    SITUATIONS,
    THEME_CODES,
)

from .lexicon import Lexicon


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split(",") if p.strip())


def _table(groups: dict[str, str]) -> dict[str, str]:
    """{code: "phrase, phrase"} -> {phrase: code}."""
    return {phrase: code for code, phrases in groups.items() for phrase in _phrases(phrases)}


# code -> the phrases that mean it, comma-separated (the form the documentation lists them in)
ACTIVITY_WORDS: dict[str, str] = {
    "sambang": "sambang, sambangi, menyambangi, disambangi, kunjungan, kunjungi, anjangsana",
    "dialog": "dialog, diskusi, audiensi, fgd, coffee morning, ngopi bareng, ngopi bersama, ngobrol bareng",
    "silaturahmi": "silaturahmi, silaturahim, silaturrahmi, silahturahmi, silahturahim",
    "patroli_dialogis": "patroli dialogis, patroli sambang, patroli",
    "imbauan": "imbauan, himbauan, mengimbau, menghimbau, penyampaian imbauan",
    "doa_bersama": "doa bersama, do'a bersama, istighosah, istigosah, istighotsah, doa lintas agama",
    "deklarasi_damai": "deklarasi damai, deklarasi, ikrar damai",
    "rapat_koordinasi": "rapat koordinasi, rakor, rapat, koordinasi",
    "bakti_sosial": "bakti sosial, bhakti sosial, baksos",
    "penyuluhan": "penyuluhan, sosialisasi, binluh, bimbingan penyuluhan",
    "jumat_curhat": "jumat curhat, jum'at curhat, jumaat curhat, curhat",
    "other": "lainnya, lain-lain, lain lain",
}

THEME_WORDS: dict[str, str] = {
    "jaga_kamtibmas": "kamtibmas, jaga kamtibmas, kondusif, kondusifitas, tertib, ketertiban, keamanan, "
    "keamanan dan ketertiban",
    "patuhi_hukum": "hukum, patuhi hukum, taat hukum, main hakim sendiri, anarkis",
    "hindari_provokasi": "provokasi, terprovokasi, provokator, terpancing, adu domba",
    "tolak_hoaks": "hoaks, hoax, hoks, hoaxs, hoak, berita bohong, info palsu, fitnah",
    "bijak_medsos": "medsos, sosmed, media sosial, bijak bermedsos, ujaran kebencian",
    "hormati_hasil": "hasil, hormati hasil, terima hasil, kpu, hasil resmi, quick count, real count, legowo",
    "netralitas_polri": "netral, netralitas, polri netral, netralitas polri",
    "persatuan": "persatuan, rukun, kerukunan, bersatu, persaudaraan, toleransi, beda pilihan, "
    "perbedaan pilihan",
    "lapor_polisi": "lapor, melapor, laporkan, lapor polisi, 110, call center, hubungi polisi",
}

# Officers' own short forms: tomas, toga, toda/tokad, topem, toper/tokper.
FIGURE_KIND_WORDS: dict[str, str] = {
    "tokoh_masyarakat": "tomas, tokmas, tokoh masyarakat, tokoh masy, tkh masyarakat",
    "tokoh_agama": "toga, tokag, tokoh agama, pemuka agama, ulama, tkh agama",
    "tokoh_adat": "toda, tokad, tokoh adat, pemangku adat, ketua adat, tetua adat",
    "tokoh_pemuda": "topem, tokpem, tokoh pemuda, tkh pemuda",
    "tokoh_perempuan": "toper, tokper, tokoh perempuan, tokoh wanita",
    "other": "lainnya, lain-lain",
}

PARTNER_WORDS: dict[str, str] = {
    "tni": "tni, babinsa, koramil, danramil, kodim, dandim, tni ad, bhabinsa",
    "camat": "camat, forkopimcam, muspika, kecamatan, pak camat, sekcam",
    "kepala_desa": "kades, kepala desa, kepdes, lurah, kelurahan, perangkat desa, sekdes, aparat desa, "
    "pemdes, kadus, kepala dusun, bpd",
    "kpu_bawaslu": "kpu, bawaslu, panwascam, panwaslu, ppk, pps, kpps, pkd, penyelenggara pemilu, kpud",
    "fkub_mui": "fkub, mui, dmi, pgi, kwi, phdi, walubi, matakin, majelis agama",
    "ormas": "ormas, nu, pcnu, muhammadiyah, ansor, banser, pemuda pancasila, fpi, lsm",
    "karang_taruna": "karang taruna, karangtaruna, kartar",
}

# Negations are phrases of their own ("tidak kondusif") so they win over "kondusif".
SITUATION_WORDS: dict[str, str] = {
    "aman": "aman, kondusif, aman terkendali, aman kondusif, aman dan kondusif, terkendali, normal, safe",
    "waspada": "waspada, siaga, perlu perhatian, kurang kondusif, kurang aman, belum kondusif, alert",
    "rawan": "rawan, tegang, memanas, genting, gawat, konflik, ricuh, tidak aman, tidak kondusif, "
    "tdk aman, tdk kondusif",
}

# field -> label words for "Label: value" segments.
_LABEL_WORDS: dict[str, str] = {
    "type": "kegiatan, keg, giat, jenis kegiatan, jenis, acara, activity",
    "date": "tanggal, tgl, hari, hr, waktu, date, hari tanggal, hari tgl",
    "time": "jam, pukul, pkl, time",
    "place": "tempat, lokasi, lok, loc, tkp, alamat, di, wilayah, place",
    "figures": "tokoh, toko, tkh, nama tokoh, sasaran, target, yang disambangi, yg disambangi, figures",
    "themes": "imbauan, himbauan, pesan, materi, tema, isi imbauan, pesan kamtibmas, appeals, themes",
    "situation": "situasi, sit, kondisi, status, sitkamtibmas, situation",
    "attendance": "hadir, jumlah, jml, peserta, jumlah peserta, jml peserta, jumlah hadir, attendance",
    "partners": "mitra, bersama, didampingi, unsur, pendamping, melibatkan, instansi, partners",
    "notes": "ket, keterangan, catatan, cat, note, notes, narasi, uraian, hasil kegiatan, hasil",
}
# "Desa: Duren" on its own line: the level word is kept with the name.
_PLACE_LEVEL_LABELS = "desa, ds, kelurahan, kel, kecamatan, kec, kabupaten, kab, kota, provinsi, prov"

# label -> (field, hint). The hint is the figure kind for "Tomas: ..." lists, or the level word
# to keep for "Desa: Duren".
LABELS: dict[str, tuple[str, str | None]] = {
    **{w: (field, None) for field, words in _LABEL_WORDS.items() for w in _phrases(words)},
    **{w: ("place", w) for w in _phrases(_PLACE_LEVEL_LABELS)},
    **{w: ("figures", code) for w, code in _table(FIGURE_KIND_WORDS).items() if code != "other"},
}

# Labels that also start ordinary values ("hasil" is a theme word, "Desa Duren" is a place) need
# a colon; all the others may be followed by a plain space ("Hadir 25", "jam 19.30").
_COLON_ONLY = (
    "hasil, pesan, materi, isi imbauan, status, sasaran, target, jenis, hari, hr, cat, note, keg, toko, "
    "unsur, instansi, wilayah, lok, loc, sit"
)
BARE_LABELS: frozenset[str] = frozenset(
    w
    for w, (_, hint) in LABELS.items()
    if w not in _phrases(_COLON_ONLY) and w not in _phrases(_PLACE_LEVEL_LABELS)
)

ACTIVITIES = Lexicon(_table(ACTIVITY_WORDS))
THEMES = Lexicon(_table(THEME_WORDS))
FIGURE_KINDS = Lexicon(_table(FIGURE_KIND_WORDS))
PARTNERS = Lexicon(_table(PARTNER_WORDS))
SITUATIONS_LEX = Lexicon(_table(SITUATION_WORDS))


def _check_codes() -> None:
    """Fail at import if a table names a code the vocabulary does not have."""
    expected = (
        (ACTIVITY_WORDS, ACTIVITY_TYPE_CODES),
        (THEME_WORDS, THEME_CODES),
        (FIGURE_KIND_WORDS, FIGURE_KIND_CODES),
        (PARTNER_WORDS, frozenset(t.code for t in PARTNER_KINDS)),
        (SITUATION_WORDS, frozenset(t.code for t in SITUATIONS)),
    )
    for table, codes in expected:
        unknown = set(table) - codes
        if unknown:
            raise ValueError(f"intake keywords use unknown vocabulary codes: {sorted(unknown)}")


_check_codes()
