"""Demo election data: the built-in calendar, two races around Karawang, and IKP bands.

Candidates, coalitions and survey institutes are FICTIONAL (no real names); the numbers are
plausible, not real. Karawang's regent race is close (about 2 points officially, 1.7 in the
evening quick count) and disputed at the MK from 9 Dec 2024 until the petition is dismissed on
4 Feb 2025, the day the MK read its real dismissal decisions on the Pilkada 2024 disputes (cases
registered 3 Jan, preliminary hearings from 8 Jan); West Java's governor race is not close.
Everything goes through the CSV importers, so loading twice changes nothing.
"""

from __future__ import annotations

import io

from sejuk.core.csvimport import ImportReport
from sejuk.elections.calendar import load_election_calendar
from sejuk.elections.importers import import_ikp
from sejuk.elections.result_import import import_results

DEMO_IKP_CSV = """region_code,year,band,score,source
32.15,2024,tinggi,64.50,"Bawaslu, IKP Pilkada 2024 (angka demo)"
32.14,2024,sedang,48.30,"Bawaslu, IKP Pilkada 2024 (angka demo)"
"""

_HEADER = (
    "election,region_code,office,status,dispute_filed_on,dispute_decided_on,dispute_notes,pair_number,"
    "candidate,running_mate,coalition,result_kind,source,reported_at,votes,percentage,result_region_code\n"
)
_QC1 = "Lembaga Survei Cakra (fiktif)"
_QC2 = "Lembaga Survei Mandala (fiktif)"
_KPU_KRW = "KPU Kabupaten Karawang (data demo)"
_KPU_JABAR = "KPU Provinsi Jawa Barat (data demo)"
_KARAWANG = "pilkada-2024,32.15,regent"
_MK_NOTE = (
    "Perkara fiktif: pasangan 02 menggugat selisih ke MK; permohonan tidak dapat diterima "
    "(putusan dismissal, 4 Februari 2025)."
)
_JABAR = "pilkada-2024,32,governor"

DEMO_RESULTS_CSV = (
    _HEADER
    + f"""{_KARAWANG},disputed,2024-12-09,2025-02-04,"{_MK_NOTE}",,,,,,,,,,
{_KARAWANG},,,,,1,Hendra Saputra,Nurlela Handayani,Koalisi Karawang Bangkit (fiktif),,,,,,
{_KARAWANG},,,,,2,Ujang Permana,Dewi Kartika Sari,Koalisi Lumbung Padi (fiktif),,,,,,
{_KARAWANG},,,,,3,Iwan Setiadi,Nenden Maharani,Koalisi Warga Mandiri (fiktif),,,,,,
{_KARAWANG},,,,,1,,,,quick_count,{_QC2},2024-11-27 15:30,,"41,80",
{_KARAWANG},,,,,2,,,,quick_count,{_QC2},2024-11-27 15:30,,"38,90",
{_KARAWANG},,,,,3,,,,quick_count,{_QC2},2024-11-27 15:30,,"19,30",
{_KARAWANG},,,,,1,,,,quick_count,{_QC1},2024-11-27 16:00,,"41,30",
{_KARAWANG},,,,,2,,,,quick_count,{_QC1},2024-11-27 16:00,,"39,10",
{_KARAWANG},,,,,3,,,,quick_count,{_QC1},2024-11-27 16:00,,"19,60",
{_KARAWANG},,,,,1,,,,quick_count,{_QC1},2024-11-27 18:30,,"40,95",
{_KARAWANG},,,,,2,,,,quick_count,{_QC1},2024-11-27 18:30,,"39,25",
{_KARAWANG},,,,,3,,,,quick_count,{_QC1},2024-11-27 18:30,,"19,80",
{_KARAWANG},,,,,1,,,,official,PPK Klari (data demo),2024-12-02 14:00,38.120,,32.15.05
{_KARAWANG},,,,,2,,,,official,PPK Klari (data demo),2024-12-02 14:00,40.050,,32.15.05
{_KARAWANG},,,,,3,,,,official,PPK Klari (data demo),2024-12-02 14:00,14.200,,32.15.05
{_KARAWANG},,,,,1,,,,official,PPK Cikampek (data demo),2024-12-02 16:00,30.500,,32.15.13
{_KARAWANG},,,,,2,,,,official,PPK Cikampek (data demo),2024-12-02 16:00,26.800,,32.15.13
{_KARAWANG},,,,,3,,,,official,PPK Cikampek (data demo),2024-12-02 16:00,12.000,,32.15.13
{_KARAWANG},,,,,1,,,,official,{_KPU_KRW},2024-12-05 15:00,512.340,"41,14",
{_KARAWANG},,,,,2,,,,official,{_KPU_KRW},2024-12-05 15:00,487.905,"39,18",
{_KARAWANG},,,,,3,,,,official,{_KPU_KRW},2024-12-05 15:00,245.110,"19,68",
{_JABAR},final,,,,1,Asep Kurniawan,Rini Anggraeni,Koalisi Jabar Sauyunan (fiktif),,,,,,
{_JABAR},,,,,2,Dadang Hermawan,Siti Maryam,Koalisi Pasundan Maju (fiktif),,,,,,
{_JABAR},,,,,3,Teguh Prasetyo,Maya Kusumawati,Koalisi Parahyangan (fiktif),,,,,,
{_JABAR},,,,,4,Eko Wibisono,Fitri Ramadhani,Koalisi Priangan Sejahtera (fiktif),,,,,,
{_JABAR},,,,,1,,,,quick_count,{_QC1},2024-11-27 17:00,,"58,40",
{_JABAR},,,,,2,,,,quick_count,{_QC1},2024-11-27 17:00,,"16,20",
{_JABAR},,,,,3,,,,quick_count,{_QC1},2024-11-27 17:00,,"15,10",
{_JABAR},,,,,4,,,,quick_count,{_QC1},2024-11-27 17:00,,"10,30",
{_JABAR},,,,,1,,,,official,{_KPU_JABAR},2024-12-09 14:00,14.120.500,,
{_JABAR},,,,,2,,,,official,{_KPU_JABAR},2024-12-09 14:00,3.950.200,,
{_JABAR},,,,,3,,,,official,{_KPU_JABAR},2024-12-09 14:00,3.610.800,,
{_JABAR},,,,,4,,,,official,{_KPU_JABAR},2024-12-09 14:00,2.480.300,,
"""
)


def load_demo_elections() -> list[ImportReport]:
    """Calendar, IKP bands of Karawang (tinggi) and Purwakarta (sedang), and the two races."""
    reports = [load_election_calendar()]
    for name, importer, text in (
        ("ikp", import_ikp, DEMO_IKP_CSV),
        ("results", import_results, DEMO_RESULTS_CSV),
    ):
        report = importer(io.StringIO(text))
        if not report.ok:
            raise ValueError(f"demo {name}: {report.summary()}")
        reports.append(report)
    if not reports[0].ok:
        raise ValueError(f"demo calendar: {reports[0].summary()}")
    return reports
