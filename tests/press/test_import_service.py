"""Importing a published release: what is linked when certain, what is left as candidates, and
the draft activity made from it (services, with the cast and real regions)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from sejuk.activities.models import Activity, FigureCandidate
from sejuk.figures.models import Figure
from sejuk.press.choices import ImportStatus
from sejuk.press.importing import service
from sejuk.press.importing.choices import ReviewChoices
from sejuk.press.importing.resolution import Resolution
from sejuk.press.models import PressImport
from sejuk.units.models import Unit
from tests.activities.helpers import make_figure
from tests.press.importing_helpers import (
    CIKAMPEK_DIALOG,
    KLARI_VISIT,
    SEED,
    SUKASARI_VISIT,
    add_officer,
    kasat_binmas_karawang,
    klari_officer,
    seed_text,
)

pytestmark = pytest.mark.django_db


def resolution_of(item: PressImport) -> Resolution:
    return Resolution.from_json(item.resolution)


@pytest.mark.skipif(not SEED.exists(), reason="shared seed not present")
def test_the_seed_links_the_unit_place_officer_and_figure_it_is_sure_of(cast):
    officer, figure = klari_officer(), make_figure()
    result = service.import_release(cast["humas"], seed_text())
    resolution = resolution_of(result.press_import)
    assert result.created and result.press_import.status == ImportStatus.PENDING
    assert (resolution.unit.status, resolution.unit.value) == ("certain", "polsek-klari")
    assert (resolution.region.status, resolution.region.value) == ("certain", "32.15.05")
    assert resolution.day.value == "2024-11-28" and resolution.activity_type.value == "sambang"
    acting = [m for m in resolution.officers if m.certain]
    assert [m.value for m in acting] == [officer.pk] and acting[0].acting
    kapolres = next(m for m in resolution.officers if "Edwar" in m.text)
    assert kapolres.status == "missing" and not kapolres.acting  # quoted "melalui", not on the visit
    assert [(m.status, m.value) for m in resolution.figures] == [("certain", figure.pk)]
    assert resolution.themes == ["jaga_kamtibmas", "hindari_provokasi", "netralitas_polri"]
    assert resolution.election_phase == "pasca Pilkada 2024"
    assert resolution.missing() == [] and result.press_import.activity is None


@pytest.mark.skipif(not SEED.exists(), reason="shared seed not present")
def test_confirming_the_seed_creates_a_draft_activity_from_the_press(cast):
    officer, figure = klari_officer(), make_figure()
    item = service.import_release(
        cast["humas"], seed_text(), source_url="https://karawang.binmas.id/sambang-klari"
    ).press_import
    activity = service.confirm_import(cast["kapolsek_a"], item)
    activity = Activity.objects.with_related().get(pk=activity.pk)
    assert (activity.status, activity.source, activity.created_by) == ("draft", "press", cast["kapolsek_a"])
    assert (activity.unit.code, activity.region_id) == ("polsek-klari", "32.15.05")
    assert activity.activity_type == "sambang"
    local = activity.occurred_at.astimezone(activity.region.tzinfo)
    assert (local.date(), local.hour) == (date(2024, 11, 28), 12)
    assert list(activity.officers.all()) == [officer] and list(activity.figures.all()) == [figure]
    assert {t.code for t in activity.themes.all()} == {
        "jaga_kamtibmas",
        "hindari_provokasi",
        "netralitas_polri",
    }
    assert activity.election_phase == "pasca Pilkada 2024"
    assert "Arif Kuspriyadi" in activity.narrative
    assert "Sumber: rilis pers · https://karawang.binmas.id/sambang-klari" in activity.narrative
    item.refresh_from_db()
    assert (item.status, item.activity) == (ImportStatus.DRAFTED, activity)


def test_an_unknown_figure_becomes_a_candidate_not_a_figure(cast):
    klari_officer()
    figures_before = Figure.objects.count()
    item = service.import_release(cast["kapolsek_a"], KLARI_VISIT).press_import
    match = resolution_of(item).figures[0]
    assert (match.status, match.reason) == ("missing", "figure_new")
    activity = service.confirm_import(cast["kapolsek_a"], item)
    assert Figure.objects.count() == figures_before and not activity.figures.exists()
    candidate = FigureCandidate.objects.get(activity=activity)
    assert (candidate.name, candidate.kind) == ("Arif Kuspriyadi", "tokoh_masyarakat")
    assert candidate.resolved_figure is None


def test_a_namesake_figure_in_another_kecamatan_is_only_a_candidate(cast):
    klari_officer()
    elsewhere = make_figure(region="32.15.13.2001")  # Cikampek, not Klari
    item = service.import_release(cast["kapolres"], KLARI_VISIT).press_import
    match = resolution_of(item).figures[0]
    assert match.status == "uncertain" and [c.value for c in match.candidates] == [elsewhere.pk]
    assert match.candidates[0].reason == "figure_other_kecamatan"
    activity = service.confirm_import(cast["kapolres"], item)
    assert not activity.figures.exists() and activity.figure_candidates.count() == 1


def test_a_desa_name_shared_by_two_kecamatan_yields_both_as_candidates(cast):
    kasat_binmas_karawang()
    item = service.import_release(cast["humas"], SUKASARI_VISIT).press_import
    region = resolution_of(item).region
    assert region.status == "uncertain" and region.candidates[0].reason == "region_same_name"
    assert {c.value for c in region.candidates} == {"32.15.11.2004", "32.15.29.2007"}
    assert resolution_of(item).missing() == ["region"]
    with translation.override("en"), pytest.raises(ValidationError) as error:
        service.confirm_import(cast["kapolres"], item)
    assert error.value.message_dict["region_code"] == ["Choose the place of the activity."]
    activity = service.confirm_import(cast["kapolres"], item, ReviewChoices(region_code="32.15.29.2007"))
    assert (activity.region_id, activity.unit.code) == ("32.15.29.2007", "polres-karawang")


def test_a_polsek_whose_area_is_one_kecamatan_places_a_release_that_names_only_the_kabupaten(cast):
    add_officer("70000301", "Budi Santoso", "Briptu", "polsek-cikampek", "bhabinkamtibmas")
    item = service.import_release(cast["kapolres"], CIKAMPEK_DIALOG).press_import
    resolution = resolution_of(item)
    assert (resolution.region.status, resolution.region.value) == ("certain", "32.15.13")
    assert resolution.region.candidates[0].reason == "region_unit_area"
    # Dialogue and social service: one activity has one type, so the reviewer chooses.
    assert resolution.activity_type.status == "uncertain"
    assert [c.value for c in resolution.activity_type.candidates] == ["bakti_sosial", "dialog"]
    assert resolution.themes == ["jaga_kamtibmas", "lapor_polisi"]


def test_namesake_officers_are_told_apart_by_rank(cast):
    kasat_binmas_karawang()
    add_officer("70000202", "Dedi Kurniawan", "Bripka", "polsek-klari")
    match = resolution_of(service.import_release(cast["humas"], SUKASARI_VISIT).press_import).officers[0]
    assert (match.status, match.candidates[0].reason) == ("certain", "officer_rank")
    assert match.candidates[0].params == {"rank": "AKP"}


def test_namesake_officers_of_the_same_rank_are_candidates_for_the_reviewer(cast):
    first = kasat_binmas_karawang()
    second = add_officer("70000203", "Dedi Kurniawan", "AKP", "polsek-cikampek")
    item = service.import_release(cast["humas"], SUKASARI_VISIT).press_import
    match = resolution_of(item).officers[0]
    assert match.status == "uncertain" and {c.value for c in match.candidates} == {first.pk, second.pk}
    assert "officers" in resolution_of(item).missing()


def test_an_officer_named_in_part_is_a_candidate(cast):
    add_officer("70000204", "Dedi Kurniawan Saputra", "AKP", "polres-karawang", "kasat_binmas")
    match = resolution_of(service.import_release(cast["humas"], SUKASARI_VISIT).press_import).officers[0]
    assert (match.status, match.candidates[0].reason) == ("uncertain", "officer_partial")


def test_a_unit_name_shared_by_two_polsek_is_a_candidate_not_a_match(cast):
    klari_officer()
    purwakarta = Unit.objects.get(code="polres-purwakarta")
    Unit.objects.create(code="polsek-klari-pwk", kind="polsek", name="Klari", parent=purwakarta)
    text = KLARI_VISIT.replace("Polsek Klari Polres Karawang, Polda Jabar", "Polsek Klari")
    unit = resolution_of(service.import_release(cast["admin"], text).press_import).unit
    assert unit.status == "uncertain" and unit.candidates[0].reason == "unit_same_name"
    assert {c.value for c in unit.candidates} == {"polsek-klari", "polsek-klari-pwk"}


def test_importing_the_same_article_again_returns_the_first_import(cast):
    klari_officer()
    first = service.import_release(cast["humas"], KLARI_VISIT)
    reworded = "\n\n" + KLARI_VISIT.replace("\n\n", "\n\n\n").replace(" ", "  ") + "\n"
    again = service.import_release(cast["kapolsek_a"], reworded)
    assert first.created and not again.created and again.press_import == first.press_import
    activity = service.confirm_import(cast["kapolsek_a"], first.press_import)
    third = service.import_release(cast["kapolres"], KLARI_VISIT)
    assert third.press_import.activity == activity
    with pytest.raises(ValidationError):
        service.confirm_import(cast["kapolres"], third.press_import)
    assert PressImport.objects.count() == 1 and Activity.objects.filter(source="press").count() == 1


def test_the_same_address_is_the_same_article_even_if_the_text_changed(cast):
    url = "https://tribratanews.example/klari"
    first = service.import_release(cast["humas"], KLARI_VISIT, source_url=url)
    edited = service.import_release(cast["humas"], KLARI_VISIT.replace("(Lex)", "(Lex/Red)"), source_url=url)
    assert not edited.created and edited.press_import == first.press_import


def test_without_an_activity_date_the_publication_date_is_only_a_candidate(cast):
    klari_officer()
    text = KLARI_VISIT.replace(", Kamis (28/11/2024)", "")
    item = service.import_release(cast["humas"], text, published_on=date(2024, 11, 29)).press_import
    day = resolution_of(item).day
    assert (day.status, [c.value for c in day.candidates]) == ("uncertain", ["2024-11-29"])
    assert resolution_of(item).missing() == ["day"]


def test_a_humas_officer_saves_choices_and_the_commander_confirms_them(cast):
    kasat_binmas_karawang()
    item = service.import_release(cast["humas"], SUKASARI_VISIT).press_import
    service.save_choices(cast["humas"], item, ReviewChoices(region_code="32.15.11.2004"))
    item.refresh_from_db()
    activity = service.confirm_import(cast["kapolres"], item)
    assert activity.region_id == "32.15.11.2004" and activity.officers.get().name == "Dedi Kurniawan"


def test_a_choice_the_activity_rules_refuse_stores_nothing(cast):
    klari_officer()
    item = service.import_release(cast["kapolsek_a"], KLARI_VISIT).press_import
    with pytest.raises(ValidationError) as error:
        # Cikampek is outside the area of the Kapolsek of Klari.
        service.confirm_import(cast["kapolsek_a"], item, ReviewChoices(region_code="32.15.13"))
    assert "region_code" in error.value.message_dict
    item.refresh_from_db()
    assert item.status == ImportStatus.PENDING and not Activity.objects.filter(source="press").exists()


def test_a_discarded_import_is_not_brought_back_by_importing_it_again(cast):
    item = service.import_release(cast["humas"], KLARI_VISIT).press_import
    service.discard_import(cast["humas"], item)
    again = service.import_release(cast["humas"], KLARI_VISIT)
    assert not again.created and again.press_import.status == ImportStatus.DISCARDED
    with pytest.raises(ValidationError):
        service.confirm_import(cast["kapolsek_a"], again.press_import)
