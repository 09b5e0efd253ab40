"""Who may import, review and confirm, and only inside their own area (the fixed cast)."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.utils import translation

from sejuk.activities.models import Activity
from sejuk.press.importing import service
from sejuk.press.importing.choices import ReviewChoices
from sejuk.press.models import PressImport
from tests.press.importing_helpers import CAMPAKA_VISIT, CIKAMPEK_DIALOG, KLARI_VISIT, klari_officer

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("username", ["humas", "analyst", "kapolres", "kapolsek_a", "admin"])
def test_press_analysts_and_commanders_may_import_in_their_area(cast, username):
    assert service.import_release(cast[username], KLARI_VISIT).created


@pytest.mark.parametrize("username", ["officer_a", "officer_b", "auditor", None])
def test_field_officers_auditors_and_visitors_may_not_import(cast, username):
    user = cast[username] if username else AnonymousUser()
    with pytest.raises(PermissionDenied):
        service.import_release(user, KLARI_VISIT)
    assert not PressImport.objects.exists()


def test_a_release_about_another_polsek_is_refused_to_the_kapolsek(cast):
    with translation.override("en"), pytest.raises(PermissionDenied) as error:
        service.import_release(cast["kapolsek_a"], CIKAMPEK_DIALOG)
    assert "Polsek Cikampek, outside your area" in str(error.value)
    assert not PressImport.objects.exists()


def test_a_release_from_another_polres_is_refused_to_karawang(cast):
    for username in ("humas", "analyst", "kapolres"):
        with pytest.raises(PermissionDenied):
            service.import_release(cast[username], CAMPAKA_VISIT)
    assert not PressImport.objects.exists()


def test_an_import_is_seen_by_its_area_and_not_by_the_neighbours(cast):
    item = service.import_release(cast["humas"], KLARI_VISIT).press_import
    assert item.scope_path.endswith("/polsek-klari/")
    for username in ("humas", "analyst", "kapolres", "kapolsek_a", "admin", "auditor"):
        assert PressImport.objects.for_user(cast[username]).filter(pk=item.pk).exists(), username
    for username in ("officer_a", "officer_b", "officer_purwakarta"):
        assert not PressImport.objects.for_user(cast[username]).exists(), username


def test_humas_prepares_but_only_a_commander_creates_the_draft(cast):
    klari_officer()
    item = service.import_release(cast["humas"], KLARI_VISIT).press_import
    for username in ("humas", "analyst"):
        with pytest.raises(PermissionDenied):
            service.confirm_import(cast[username], item)
    assert not Activity.objects.exists()
    with pytest.raises(PermissionDenied):
        service.save_choices(cast["auditor"], item, ReviewChoices(activity_type="dialog"))
    assert service.confirm_import(cast["kapolsek_a"], item).created_by == cast["kapolsek_a"]


def test_an_import_outside_the_reviewers_area_cannot_be_confirmed(cast):
    item = service.import_release(cast["admin"], CAMPAKA_VISIT).press_import
    with pytest.raises(PermissionDenied):
        service.confirm_import(cast["kapolres"], item)
    with pytest.raises(PermissionDenied):
        service.discard_import(cast["kapolsek_a"], item)


def test_importing_and_confirming_are_in_the_audit_trail(cast):
    from auditlog.context import set_actor

    klari_officer()
    with set_actor(cast["humas"]):
        item = service.import_release(cast["humas"], KLARI_VISIT).press_import
    with set_actor(cast["kapolsek_a"]):
        activity = service.confirm_import(cast["kapolsek_a"], item)
    created = LogEntry.objects.get_for_object(item).order_by("timestamp")
    assert [(e.action, e.actor) for e in created][0] == (LogEntry.Action.CREATE, cast["humas"])
    assert created.last().actor == cast["kapolsek_a"] and "status" in created.last().changes_dict
    assert LogEntry.objects.get_for_object(activity).filter(actor=cast["kapolsek_a"]).exists()
