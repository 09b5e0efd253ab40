import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry

from sejuk.units.models import Officer, Unit
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_create_update_and_delete_are_recorded_with_author_time_and_changed_fields(cast):
    admin = cast["admin"]
    with set_actor(admin):
        unit = Unit.objects.create(
            code="polsek-pedes", kind="polsek", name="Pedes", parent=Unit.objects.get(code="polres-karawang")
        )
        unit.name = "Pedes Raya"
        unit.save()
        unit_pk = unit.pk
        unit.delete()
    entries = list(LogEntry.objects.filter(object_pk=str(unit_pk), content_type__model="unit").order_by("pk"))
    assert [e.action for e in entries] == [
        LogEntry.Action.CREATE,
        LogEntry.Action.UPDATE,
        LogEntry.Action.DELETE,
    ]
    assert all(e.actor == admin and e.timestamp for e in entries)
    assert entries[1].changes_dict["name"] == ["Pedes", "Pedes Raya"]


def test_changes_made_through_the_admin_name_their_author(cast):
    officer = Officer.objects.get(nrp="70000003")
    client = client_for(cast["admin"])
    response = client.post(
        f"/admin/units/officer/{officer.pk}/change/",
        {
            "nrp": officer.nrp,
            "name": "Tes Bhabin A Baru",
            "front_titles": "",
            "degrees": "",
            "rank": "Bripka",
            "unit": officer.unit_id,
            "position": "bhabinkamtibmas",
            "assigned_desa": ["32.15.05.2001"],
            "phone": officer.phone,
            "active": "on",
        },
    )
    assert response.status_code == 302
    entry = LogEntry.objects.get_for_object(officer).filter(action=LogEntry.Action.UPDATE).latest("timestamp")
    assert entry.actor == cast["admin"]
    assert entry.changes_dict["name"] == ["Tes Bhabin A", "Tes Bhabin A Baru"]


def test_showing_phone_numbers_is_recorded_as_an_access(cast):
    officer = Officer.objects.get(nrp="70000003")
    before = LogEntry.objects.get_for_object(officer).filter(action=LogEntry.Action.ACCESS).count()
    client_for(cast["kapolsek_a"]).get("/satuan/polsek-klari/")
    accesses = LogEntry.objects.get_for_object(officer).filter(action=LogEntry.Action.ACCESS)
    assert accesses.count() == before + 1
    assert accesses.latest("timestamp").actor == cast["kapolsek_a"]


def test_a_page_without_personal_data_records_no_access(cast):
    before = LogEntry.objects.filter(action=LogEntry.Action.ACCESS).count()
    client_for(cast["auditor"]).get("/satuan/polsek-klari/")
    assert LogEntry.objects.filter(action=LogEntry.Action.ACCESS).count() == before
