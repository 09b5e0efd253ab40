"""The built-in national calendar: Pilkada Serentak 2024 and Pemilu 2024.

Dates per KPU regulation PKPU 2/2024 (Pilkada 2024; recapitulation steps as announced by the KPU
chair on 27 Nov 2024) and PKPU 3/2022 (Pemilu 2024); check and edit in the admin. Other dates:

- Constitutional Court (MK): petitions were filed from the first determinations (4 Dec 2024);
  the court registered cases on 3 Jan 2025, read dismissal rulings on 4-5 Feb and final rulings
  on 24 Feb 2025 (its legal deadline was 13 Mar 2025). The phase here ends on 24 Feb 2025.
- Inauguration of regional heads by the President: 20 Feb 2025 (moved from 6-7 Feb).
- Re-votes (PSU) ordered by the MK on 24 Feb 2025 are per region; two are listed (Kabupaten
  Tasikmalaya and Kabupaten Serang, both on 19 Apr 2025). Add the others per region with
  `sejuk import_elections` or in the admin.

`load_election_calendar()` adds what is missing and never overwrites a row an administrator
corrected; running it again changes nothing.
"""

from __future__ import annotations

import io

from sejuk.core.csvimport import ImportReport
from sejuk.elections.importers import import_elections

CALENDAR_CSV = """election,kind,year,name,vote_date,phase,label,start,end,region_prefix
pilkada-2024,pilkada,2024,Pilkada Serentak 2024,2024-11-27,kampanye,,2024-09-25,2024-11-23,
pilkada-2024,,,,,masa_tenang,,2024-11-24,2024-11-26,
pilkada-2024,,,,,pemungutan,,2024-11-27,2024-11-27,
pilkada-2024,,,,,rekapitulasi,tingkat kecamatan,2024-11-28,2024-12-03,
pilkada-2024,,,,,rekapitulasi,tingkat kabupaten/kota,2024-11-29,2024-12-06,
pilkada-2024,,,,,rekapitulasi,tingkat provinsi,2024-11-30,2024-12-09,
pilkada-2024,,,,,penetapan,penetapan dan pengumuman hasil,2024-12-04,2024-12-16,
pilkada-2024,,,,,sengketa_mk,perselisihan hasil pemilihan,2024-12-04,2025-02-24,
pilkada-2024,,,,,pelantikan,kepala daerah hasil Pilkada 2024,2025-02-20,2025-02-20,
pilkada-2024,,,,,psu,Kabupaten Tasikmalaya,2025-04-19,2025-04-19,32.06
pilkada-2024,,,,,psu,Kabupaten Serang,2025-04-19,2025-04-19,36.04
pemilu-2024,pemilu,2024,Pemilu 2024,2024-02-14,kampanye,,2023-11-28,2024-02-10,
pemilu-2024,,,,,masa_tenang,,2024-02-11,2024-02-13,
pemilu-2024,,,,,pemungutan,,2024-02-14,2024-02-14,
pemilu-2024,,,,,rekapitulasi,berjenjang sampai tingkat nasional,2024-02-15,2024-03-20,
pemilu-2024,,,,,penetapan,hasil Pemilu secara nasional,2024-03-20,2024-03-20,
pemilu-2024,,,,,sengketa_mk,PHPU presiden dan legislatif,2024-03-21,2024-06-10,
pemilu-2024,,,,,pelantikan,Presiden dan Wakil Presiden,2024-10-20,2024-10-20,
"""


def load_election_calendar() -> ImportReport:
    """Add the built-in calendar (idempotent; rows already present are left as they are)."""
    return import_elections(io.StringIO(CALENDAR_CSV), update=False)
