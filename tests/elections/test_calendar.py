"""The built-in calendar command, the demo, and the vocabulary shared with the heat engine."""

import datetime as dt

import pytest
from django.core.management import call_command

from sejuk.elections import services
from sejuk.elections.choices import TENSE_PHASES, IkpBand, PhaseKind, ResultKind
from sejuk.elections.demo import load_demo_elections
from sejuk.elections.models import CandidatePair, Contest, Election, ElectionPhase, IkpRating, Result
from sejuk.elections.tally import OFFICIAL, QUICK_COUNT
from sejuk.heat import config as heat

pytestmark = pytest.mark.django_db


def counts():
    return [m.objects.count() for m in (Election, ElectionPhase, Contest, CandidatePair, Result, IkpRating)]


def test_the_calendar_command_is_idempotent(capsys):
    call_command("load_election_calendar")
    first = counts()
    assert "0 diperbarui" in capsys.readouterr().out
    call_command("load_election_calendar")
    assert counts() == first
    assert capsys.readouterr().out.strip().startswith("Impor selesai: 0 baru, 0 diperbarui")


def test_the_calendar_has_the_real_national_dates_of_2024():
    call_command("load_election_calendar")
    pilkada = Election.objects.get(code="pilkada-2024")
    assert pilkada.vote_date == dt.date(2024, 11, 27)
    campaign = pilkada.phases.get(kind="kampanye")
    assert (campaign.start, campaign.end) == (dt.date(2024, 9, 25), dt.date(2024, 11, 23))
    assert pilkada.phases.get(kind="masa_tenang").end == dt.date(2024, 11, 26)
    assert pilkada.phases.filter(kind="rekapitulasi").count() == 3
    assert Election.objects.get(code="pemilu-2024").vote_date == dt.date(2024, 2, 14)


def test_running_the_calendar_again_keeps_dates_corrected_in_the_admin():
    call_command("load_election_calendar")
    phase = ElectionPhase.objects.get(election__code="pilkada-2024", kind="pelantikan")
    phase.start = phase.end = dt.date(2025, 2, 21)
    phase.save()
    call_command("load_election_calendar")
    phase.refresh_from_db()
    assert phase.start == dt.date(2025, 2, 21)


def test_the_calendar_command_records_the_actor_in_the_audit_trail(cast):
    from auditlog.models import LogEntry

    call_command("load_election_calendar", "--as", "admin")
    election = Election.objects.get(code="pilkada-2024")
    assert LogEntry.objects.get_for_object(election).get().actor.username == "admin"


def test_phase_kinds_and_ikp_bands_speak_the_heat_engines_language():
    assert TENSE_PHASES == set(heat.PHASE_KINDS) and TENSE_PHASES <= set(PhaseKind.values)
    assert set(IkpBand.values) == set(heat.IKP_BANDS)
    assert {OFFICIAL, QUICK_COUNT} == set(ResultKind.values)


def test_the_demo_loads_twice_without_duplicates_and_tells_the_karawang_story():
    load_demo_elections()
    first = counts()
    reports = load_demo_elections()
    assert counts() == first
    assert all(r.created == r.updated == 0 for r in reports)
    karawang = Contest.objects.get(region_id="32.15", office="regent")
    jabar = Contest.objects.get(region_id="32", office="governor")
    assert karawang.status == "disputed" and 1.5 <= services.margin(karawang) <= 2.5
    assert services.margin(jabar) > 30
    assert karawang.pairs.count() == 3 and jabar.pairs.count() == 4
    assert dict(IkpRating.objects.values_list("region_id", "band")) == {"32.15": "tinggi", "32.14": "sedang"}
    klari = services.area_context_inputs(["32.15.05"], dt.date(2024, 12, 10))["32.15.05"]
    assert (klari.ikp_band, klari.race_margin, klari.disputed) == ("tinggi", 1.96, True)
