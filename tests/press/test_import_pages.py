"""The import page, its API and `sejuk import_release`, end to end through the client and the CLI."""

from __future__ import annotations

from io import StringIO

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from sejuk.activities.models import Activity, FigureCandidate
from sejuk.press.choices import ImportStatus
from sejuk.press.importing import service
from sejuk.press.models import PressImport
from tests.conftest import client_for
from tests.press.importing_helpers import (
    CAMPAKA_VISIT,
    KLARI_VISIT,
    SUKASARI_VISIT,
    kasat_binmas_karawang,
    klari_officer,
)

pytestmark = pytest.mark.django_db
PAGE = "/rilis/impor/"
API = "/api/v1/press/imports"


def in_english(client):
    """The ID/EN buttons' cookie: the page then speaks English whatever the catalogue holds."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_the_import_page_is_for_the_importing_roles(cast, client):
    assert client.get(PAGE).status_code == 302  # to the login page
    assert client_for(cast["officer_a"]).get(PAGE).status_code == 403
    page = client_for(cast["humas"]).get(PAGE)
    assert page.status_code == 200 and 'name="text"' in page.content.decode()
    assert PAGE in client_for(cast["humas"]).get("/rilis/").content.decode()  # linked from the list
    assert 'name="text"' not in client_for(cast["auditor"]).get(PAGE).content.decode()  # reads, no form


def test_pasting_a_release_shows_what_was_understood_and_confirming_makes_the_draft(cast):
    officer = klari_officer()
    client = client_for(cast["kapolsek_a"])
    response = client.post(PAGE, {"text": KLARI_VISIT, "source_url": "https://humas.example/klari"})
    item = PressImport.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{PAGE}{item.pk}/"
    page = client.get(response["Location"]).content.decode()
    for words in ("Polsek Klari", "Kecamatan Klari, Kabupaten Karawang", "Asep Saeful Zaelani"):
        assert words in page
    assert "Arif Kuspriyadi" in page
    response = client.post(
        f"{PAGE}{item.pk}/",
        {
            "action": "confirm",
            "unit_code": "polsek-klari",
            "region_code": "32.15.05",
            "day": "2024-11-28",
            "activity_type": "sambang",
            "officer_ids": [officer.pk],
            "theme_codes": ["jaga_kamtibmas", "netralitas_polri"],
        },
    )
    activity = Activity.objects.get(source="press")
    assert response.status_code == 302 and response["Location"] == f"/kegiatan/{activity.pk}/"
    assert {t.code for t in activity.themes.all()} == {"jaga_kamtibmas", "netralitas_polri"}
    assert FigureCandidate.objects.filter(activity=activity, name="Arif Kuspriyadi").exists()
    assert "Arif Kuspriyadi" in client.get(response["Location"]).content.decode()  # a figure to confirm


def test_an_uploaded_html_file_is_imported(cast):
    html = (
        "<html><body><script>alert(1)</script>"
        + "".join(f"<p>{p}</p>" for p in KLARI_VISIT.split("\n\n"))
        + "</body></html>"
    )
    upload = SimpleUploadedFile("rilis.html", html.encode(), content_type="text/html")
    response = client_for(cast["humas"]).post(PAGE, {"file": upload})
    assert response.status_code == 302 and "alert" not in PressImport.objects.get().text


def test_an_empty_paste_shows_the_error_on_the_page_and_stores_nothing(cast):
    response = in_english(client_for(cast["humas"])).post(PAGE, {"text": "  "})
    assert response.status_code == 200 and not PressImport.objects.exists()
    assert "The release is empty" in response.content.decode()


def test_a_second_paste_of_the_same_release_opens_the_first_import(cast):
    client = client_for(cast["humas"])
    first = client.post(PAGE, {"text": KLARI_VISIT})
    second = client.post(PAGE, {"text": KLARI_VISIT})
    assert first["Location"] == second["Location"] and PressImport.objects.count() == 1


def test_an_uncertain_place_is_chosen_on_the_page(cast):
    kasat_binmas_karawang()
    humas, kapolres = client_for(cast["humas"]), client_for(cast["kapolres"])
    humas.post(PAGE, {"text": SUKASARI_VISIT})
    item = PressImport.objects.get()
    page = humas.get(f"{PAGE}{item.pk}/").content.decode()
    assert 'value="32.15.11.2004"' in page and 'value="32.15.29.2007"' in page
    assert 'value="confirm"' not in page  # Humas prepares; a commander confirms
    humas.post(f"{PAGE}{item.pk}/", {"action": "save", "region_code": "32.15.29.2007", "day": "2024-11-29"})
    item.refresh_from_db()
    assert item.choices["region_code"] == "32.15.29.2007"
    page = kapolres.get(f"{PAGE}{item.pk}/").content.decode()
    assert 'value="32.15.29.2007" selected' in page
    officer = item.resolution["officers"][0]["candidates"][0]["value"]
    form = {"action": "confirm", "unit_code": "polres-karawang", "region_code": "", "day": "2024-11-29"}
    form |= {"activity_type": "sambang", "officer_ids": [officer]}
    response = kapolres.post(f"{PAGE}{item.pk}/", form)
    assert response.status_code == 302
    assert Activity.objects.get(source="press").region_id == "32.15.29.2007"  # the saved choice


def test_a_confirm_without_an_officer_explains_what_is_missing(cast):
    client = in_english(client_for(cast["kapolsek_a"]))
    client.post(PAGE, {"text": KLARI_VISIT})  # the officer is not registered
    item = PressImport.objects.get()
    response = client.post(f"{PAGE}{item.pk}/", {"action": "confirm"})
    assert response.status_code == 200 and not Activity.objects.exists()
    assert "Choose at least one officer who took part." in response.content.decode()


def test_setting_an_import_aside(cast):
    client = client_for(cast["humas"])
    client.post(PAGE, {"text": KLARI_VISIT})
    item = PressImport.objects.get()
    assert client.post(f"{PAGE}{item.pk}/", {"action": "discard"})["Location"] == PAGE
    item.refresh_from_db()
    assert item.status == ImportStatus.DISCARDED
    assert client.post(f"{PAGE}{item.pk}/", {"action": "discard"}).status_code == 403


def test_an_import_of_another_area_is_not_found(cast):
    client_for(cast["admin"]).post(PAGE, {"text": CAMPAKA_VISIT})
    item = PressImport.objects.first()
    assert item is not None
    assert client_for(cast["humas"]).get(f"{PAGE}{item.pk}/").status_code == 404


def test_the_api_imports_reads_and_confirms(cast):
    officer = klari_officer()
    client = client_for(cast["kapolsek_a"])
    created = client.post(API, {"text": KLARI_VISIT}, content_type="application/json")
    again = client.post(API, {"text": KLARI_VISIT}, content_type="application/json")
    assert (created.status_code, again.status_code) == (201, 200)
    body = created.json()
    assert body["missing"] == [] and body["extraction"]["units"][0] == {"level": "polsek", "name": "Klari"}
    officers = client.get(f"{API}/{body['id']}").json()["resolution"]["officers"]
    assert officers[0]["candidates"][0]["value"] == officer.pk
    confirmed = client.post(f"{API}/{body['id']}/confirm", {}, content_type="application/json")
    assert confirmed.status_code == 201
    assert Activity.objects.get(pk=confirmed.json()["activity_id"]).source == "press"


def test_the_api_refuses_bad_input_and_other_roles(cast):
    empty = client_for(cast["humas"]).post(API, {"text": ""}, content_type="application/json")
    officer = client_for(cast["officer_a"]).post(API, {"text": KLARI_VISIT}, content_type="application/json")
    assert (empty.status_code, officer.status_code) == (422, 403)
    assert not PressImport.objects.exists()


def test_the_command_imports_and_drafts_when_everything_is_certain(cast, tmp_path):
    klari_officer()
    path = tmp_path / "rilis.txt"
    path.write_text(KLARI_VISIT, encoding="utf-8")
    out = StringIO()
    call_command("import_release", str(path), "--as", "kapolsek_a", stdout=out)
    activity = Activity.objects.get(source="press")
    assert f"Draf kegiatan #{activity.pk} dibuat" in out.getvalue()
    out = StringIO()
    call_command("import_release", str(path), "--as", "kapolsek_a", stdout=out)
    assert "Sudah pernah diimpor" in out.getvalue() and Activity.objects.count() == 1


def test_the_command_leaves_uncertain_imports_for_review(cast, tmp_path):
    kasat_binmas_karawang()
    path = tmp_path / "rilis.txt"
    path.write_text(SUKASARI_VISIT, encoding="utf-8")
    out = StringIO()
    call_command("import_release", str(path), "--as", "kapolres", stdout=out)
    assert "Menunggu tinjauan (belum pasti: tempat)" in out.getvalue() and not Activity.objects.exists()


def test_the_command_reports_bad_input_and_unknown_users(cast, tmp_path):
    path = tmp_path / "rilis.txt"
    path.write_text("", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_release", str(path), "--as", "humas")
    with pytest.raises(CommandError, match="Pengguna tidak ditemukan"):
        call_command("import_release", str(path), "--as", "nobody")
    with pytest.raises(CommandError, match="tidak dapat dibaca"):
        call_command("import_release", str(tmp_path / "missing.txt"), "--as", "humas")
    assert not PressImport.objects.exists()


def test_the_list_shows_imports_awaiting_review_first(cast):
    waiting = service.import_release(cast["humas"], KLARI_VISIT).press_import
    set_aside = service.import_release(cast["humas"], SUKASARI_VISIT).press_import
    service.discard_import(cast["humas"], set_aside)
    page = client_for(cast["humas"]).get(PAGE).content.decode()
    assert page.index(f"{PAGE}{waiting.pk}/") < page.index(f"{PAGE}{set_aside.pk}/")
