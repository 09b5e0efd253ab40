import datetime as dt

import pytest

from sejuk.activities import services as activity_services
from sejuk.dashboard.neutrality import balance
from sejuk.dashboard.neutrality_service import neutrality_report
from sejuk.dashboard.partisan import PartisanDetector
from tests.activities.helpers import make_figure, seed_visit

UTC = dt.UTC


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Mari dukung paslon 01 demi Karawang.", "support"),
        ("Jangan pilih Budi Santoso, dia curang.", "attack"),
        ("Pilihlah nomor urut 2 yang terbaik.", "support"),
        ("Partai Gerindra pasti menang di sini.", "support"),
        ("Kecurangan PDIP harus dilawan.", "attack"),
    ],
)
def test_partisan_sentences_are_flagged_with_their_stance(text, stance):
    flags = PartisanDetector(["Budi Santoso"]).flags(text)
    assert [f.stance for f in flags] == [stance]
    assert flags[0].reason_id.startswith("Kalimat tampak")


@pytest.mark.parametrize(
    "text",
    [
        "Kami mengimbau warga menghormati hasil resmi untuk semua paslon.",
        "Polri netral dan tidak berpihak kepada pasangan calon mana pun.",
        "Mari dukung terciptanya pilkada damai.",  # support word but no candidate or party
        "",
    ],
)
def test_neutral_police_wording_is_not_flagged(text):
    assert PartisanDetector(["Budi Santoso"]).flags(text) == []


def test_balance_flags_a_side_engaged_far_beyond_its_share_of_figures():
    result = balance(
        "32.15.05", {"Paslon 01": 5, "Paslon 02": 5, "neutral": 10}, {"Paslon 01": 12, "neutral": 3}
    )
    assert not result.balanced
    assert any("Paslon 01" in flag and "selisih" in flag for flag in result.flags)
    assert any("Paslon 02" in flag and "belum pernah" in flag for flag in result.flags)


def test_balance_accepts_engagement_in_proportion():
    result = balance(
        "32.15.05",
        {"Paslon 01": 5, "Paslon 02": 5, "neutral": 10},
        {"Paslon 01": 5, "Paslon 02": 4, "neutral": 11},
    )
    assert result.balanced
    shares = {g.group: g for g in result.groups}
    assert shares["Paslon 01"].figure_share == 25.0 and shares["Paslon 01"].engagement_share == 25.0


def test_small_samples_are_not_flagged_for_their_share():
    assert balance("x", {"A": 1, "B": 9}, {"A": 3}).flags == (
        "9 tokoh pendukung B belum pernah disambangi, sementara pendukung A sudah.",
    )


@pytest.mark.django_db
def test_the_report_counts_only_non_draft_engagements_inside_the_jurisdiction(cast):
    one = make_figure(name="Pendukung Satu", alignment="aligned", aligned_with="Paslon 01")
    two = make_figure(name="Pendukung Dua", alignment="aligned", aligned_with="Paslon 02")
    make_figure(name="Tokoh Cikampek", region="32.15.13.2001", alignment="aligned", aligned_with="Paslon 02")
    officer = cast["officer_a"]
    for _ in range(3):
        activity, _ = activity_services.record_activity(officer, seed_visit(figure_ids=[one.pk]))
        activity_services.submit_activity(officer, activity)
    activity_services.record_activity(officer, seed_visit(figure_ids=[two.pk]))  # a draft: not counted
    window = dict(start=dt.datetime(2024, 11, 1, tzinfo=UTC), end=dt.datetime(2024, 12, 31, tzinfo=UTC))
    report = neutrality_report(officer, **window)
    shares = {g.group: (g.figures, g.engagements) for g in report.overall.groups}
    assert shares == {"Paslon 01": (1, 3), "Paslon 02": (1, 0)}
    assert any("Paslon 02" in flag for flag in report.overall.flags)
    assert [a.area_code for a in report.areas] == ["32.15.05"]
    kapolres = neutrality_report(cast["kapolres"], **window)
    assert {a.area_code for a in kapolres.areas} == {"32.15.05", "32.15.13"}
