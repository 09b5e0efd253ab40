"""Activity types: what the text says the police did (rule 25), plus `imbauan` (rule 26).

Words count in police or speaker-less sentences and in police quotes, not in what a figure or
an official says ("the imam praised the police for visiting residents" is not a visit).
"""

from __future__ import annotations

import re

from .messages import first_matches, has_appeal
from .speakers import FIGURE, OFFICIAL, Segment

_TYPES: tuple[tuple[str, re.Pattern], ...] = tuple(
    (code, re.compile(pattern))  # lower-case patterns, run on lower-cased text
    for code, pattern in (
        ("sambang", r"\b(?:sambang\w*|menyambangi|disambangi|mendatangi|didatangi|mengunjungi|dikunjungi"
                    r"|kunjungan|berkunjung|kunjungi|menemui|anjangsana|door\s+to\s+door|sambangi"
                    # "silaturahmi ke kediaman ulama X": a visit even without the word
                    r"|ke\s+(?:kediaman|rumah)|di\s+kediaman(?:nya)?|dari\s+rumah\s+ke\s+rumah"
                    r"|silah?turah?mi\w*\s+ke\s+(?:para\s+)?(?:tokoh|ulama|kiai|kyai|pendeta|pastor|ondoafi))\b"),
        ("dialog", r"\b(?:dialog\w*|berdialog|diskusi|berdiskusi|berbincang\w*|bincang-bincang|perbincangan"
                   r"|jum'?at\s+curhat|coffee\s+morning|cangkrukan|ngopi\s+bareng|ngobrol|mengobrol|obrolan"
                   r"|(?:ber)?tatap\s+muka|curhat|audiensi|sarasehan|temu\s+warga|rembug|rembuk)\b"),
        ("silaturahmi", r"\b(?:ber)?silah?tur+ah(?:mi|im)\w*\b"),
        ("patroli", r"\b(?:ber)?patroli\w*\b"),
        ("penyuluhan", r"\b(?:sosialisasi\w*|menyosialisasikan|penyuluhan|edukasi|mengedukasi|binluh)\b"),
        ("rapat_koordinasi", r"\b(?:rapat\s+koordinasi|rakor\w*|rapat\s+forkopim\w*)\b"),
        ("doa_bersama", r"\b(?:doa\s+bersama|berdoa\s+bersama|istighosah|istigasah|istighotsah"
                        r"|doa\s+lintas\s+(?:agama|iman)|d?zikir\s+bersama)\b"),
        ("deklarasi_damai", r"\b(?:deklarasi|mendeklarasikan|ikrar\s+damai|ikrar\s+bersama)\b"),
        ("bakti_sosial", r"\b(?:bakti\s+sosial|baksos|sembako|bansos|bantuan\s+sosial|pengobatan\s+gratis"
                         r"|cek\s+kesehatan\s+gratis|donor\s+darah|paket\s+bantuan|jumat\s+berkah)\b"),
        ("other", r"\b(?:sepak\s*bola|pertandingan\s+persahabatan|laga\s+persahabatan|turnamen|futsal"
                  r"|bola\s+voli|olahraga\s+bersama|senam\s+bersama|jalan\s+sehat|gotong\s+royong|kerja\s+bakti|nonton\s+bareng"
                  r"|bakar\s+batu"
                  r"|nobar)\b"),
    )
)  # fmt: skip


# "Nanti Bhabinkamtibmas akan door to door ...": plans are not activities.
_PLANNED = re.compile(
    r"\b(?:akan|nanti|nantinya|rencananya|direncanakan|dijadwalkan|berencana|disiapkan|menyiapkan)\b", re.I
)


def find_activity_types(segments: list[Segment]) -> list[str]:
    """Activity codes in order of first appearance; `imbauan` last when the police made an appeal."""
    texts = [segment.text for segment in segments if segment.speaker not in (FIGURE, OFFICIAL)]
    codes = first_matches(texts, _TYPES)
    if has_appeal(segments):
        codes.append("imbauan")
    return codes


def reports_activity(segments: list[Segment]) -> bool:
    """True when some sentence reports a police activity that took place (not only plans)."""
    done = [segment for segment in segments if not _PLANNED.search(segment.text)]
    return bool(find_activity_types(done))
