"""The fixed vocabulary of cooling activities: activity types and appeal themes.

Pure Python so that the chat-message parser, the press writer and the press extractor share
one list with the database's choices. Appeal themes are also rows in a managed library (the
standard wording can be edited there); these are the seeds and the stable codes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Term:
    code: str
    label_id: str
    label_en: str


ACTIVITY_TYPES: tuple[Term, ...] = (
    Term("sambang", "Sambang", "Visit"),
    Term("dialog", "Dialog", "Dialogue"),
    Term("silaturahmi", "Silaturahmi", "Courtesy call"),
    Term("patroli_dialogis", "Patroli dialogis", "Dialogue patrol"),
    Term("imbauan", "Imbauan", "Appeal"),
    Term("doa_bersama", "Doa bersama", "Joint prayer"),
    Term("deklarasi_damai", "Deklarasi damai", "Peace declaration"),
    Term("rapat_koordinasi", "Rapat koordinasi", "Coordination meeting"),
    Term("bakti_sosial", "Bakti sosial", "Social service"),
    Term("penyuluhan", "Penyuluhan", "Outreach / counselling"),
    Term("jumat_curhat", "Jumat Curhat", "Friday listening session"),
    Term("other", "Lainnya", "Other"),
)


@dataclass(frozen=True, slots=True)
class Theme:
    code: str
    label_id: str
    label_en: str
    wording_id: str  # standard sentence, completes "Kami mengimbau masyarakat untuk ..."
    wording_en: str  # completes "We urged residents to ..."


APPEAL_THEMES: tuple[Theme, ...] = (
    Theme(
        "jaga_kamtibmas",
        "Jaga kamtibmas",
        "Keep order",
        "menjaga keamanan dan ketertiban masyarakat (kamtibmas) agar situasi tetap kondusif",
        "keep security and public order so that the situation stays calm",
    ),
    Theme(
        "patuhi_hukum",
        "Patuhi hukum",
        "Obey the law",
        "mematuhi hukum dan tidak main hakim sendiri",
        "obey the law and not take the law into their own hands",
    ),
    Theme(
        "hindari_provokasi",
        "Jangan terprovokasi",
        "Don't be provoked",
        "tidak mudah terprovokasi oleh pihak-pihak yang tidak bertanggung jawab",
        "not be provoked by irresponsible parties",
    ),
    Theme(
        "tolak_hoaks",
        "Tolak hoaks",
        "Reject hoaxes",
        "menolak hoaks dan selalu memeriksa kebenaran informasi sebelum mempercayainya",
        "reject hoaxes and check information before believing it",
    ),
    Theme(
        "bijak_medsos",
        "Bijak bermedia sosial",
        "Use social media wisely",
        "bijak bermedia sosial dan tidak menyebarkan unggahan yang memancing permusuhan",
        "use social media wisely and not share posts that stir up hostility",
    ),
    Theme(
        "hormati_hasil",
        "Hormati hasil resmi",
        "Accept the official result",
        "menunggu dan menghormati hasil resmi penghitungan suara dari penyelenggara pemilu",
        "wait for and accept the official result announced by the election commission",
    ),
    Theme(
        "persatuan",
        "Jaga persatuan",
        "Stay united",
        "menjaga persatuan dan kerukunan meskipun berbeda pilihan",
        "stay united and in harmony despite different choices",
    ),
    Theme(
        "lapor_polisi",
        "Lapor ke polisi",
        "Report to the police",
        "segera melapor kepada Bhabinkamtibmas atau polsek terdekat, atau menghubungi 110, bila ada gangguan",
        "report any disturbance to the village police officer, the nearest police station or 110",
    ),
    Theme(
        "netralitas_polri",
        "Polri netral",
        "Polri is neutral",
        "mengetahui bahwa Polri bersikap netral dan tidak berpihak kepada pasangan calon mana pun",
        "know that the police are neutral and do not side with any candidate",
    ),
)

SITUATIONS: tuple[Term, ...] = (
    Term("aman", "Aman", "Safe"),
    Term("waspada", "Waspada", "Alert"),
    Term("rawan", "Rawan", "Vulnerable"),
)

FIGURE_KINDS: tuple[Term, ...] = (
    Term("tokoh_masyarakat", "Tokoh masyarakat", "Community figure"),
    Term("tokoh_agama", "Tokoh agama", "Religious figure"),
    Term("tokoh_pemuda", "Tokoh pemuda", "Youth figure"),
    Term("tokoh_adat", "Tokoh adat", "Customary figure"),
    Term("tokoh_perempuan", "Tokoh perempuan", "Women's figure"),
    Term("other", "Lainnya", "Other"),
)

PARTNER_KINDS: tuple[Term, ...] = (
    Term("tni", "TNI / Babinsa", "Armed forces / Babinsa"),
    Term("camat", "Camat / Forkopimcam", "Sub-district head"),
    Term("kepala_desa", "Kepala desa / Lurah", "Village head"),
    Term("kpu_bawaslu", "KPU / Bawaslu / PPK / PPS", "Election bodies"),
    Term("fkub_mui", "FKUB / MUI / majelis agama", "Inter-faith and religious councils"),
    Term("ormas", "Ormas", "Civil-society organisation"),
    Term("karang_taruna", "Karang Taruna", "Youth organisation"),
    Term("other", "Lainnya", "Other"),
)

ACTIVITY_TYPE_CODES = frozenset(t.code for t in ACTIVITY_TYPES)
THEME_CODES = frozenset(t.code for t in APPEAL_THEMES)
FIGURE_KIND_CODES = frozenset(t.code for t in FIGURE_KINDS)
