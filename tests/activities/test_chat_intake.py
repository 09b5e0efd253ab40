import pytest

from sejuk.activities.models import Activity, FigureCandidate
from tests.activities.helpers import make_figure

pytestmark = pytest.mark.django_db

SEED_MESSAGE = (
    "SAMBANG / 28/11/2024 / Desa Duren Kec. Klari / Tokoh: H. Arif Kuspriyadi (tomas), "
    "Ust. Rahmat (toga) / Imbauan: kamtibmas, hoaks, netral / Situasi: aman"
)


@pytest.fixture
def gateway(settings, client):
    settings.INTAKE_GATEWAY_TOKENS = {"whatsapp": "wa-secret"}

    def send(text, sender="0812-0000-0003", message_id="m-1", token="wa-secret"):
        return client.post(
            "/api/v1/intake/message",
            {"message_id": message_id, "sender": sender, "text": text},
            content_type="application/json",
            headers={"Authorization": f"Bearer {token}"},
        )

    return send


def test_the_seed_visit_by_chat_becomes_one_draft_with_candidates_for_unknown_figures(cast, gateway):
    figure = make_figure()  # Arif Kuspriyadi is in the registry; Rahmat is not
    response = gateway(SEED_MESSAGE)
    body = response.json()
    assert response.status_code == 200 and body["activity_id"], body
    activity = Activity.objects.get(pk=body["activity_id"])
    assert (activity.activity_type, activity.region_id, activity.status, activity.source) == (
        "sambang",
        "32.15.05.2001",
        "draft",
        "chat",
    )
    assert activity.occurred_at.date().isoformat() == "2024-11-28"
    assert list(activity.figures.all()) == [figure]
    assert set(activity.themes.values_list("code", flat=True)) >= {
        "jaga_kamtibmas",
        "tolak_hoaks",
        "netralitas_polri",
    }
    assert [c.name for c in FigureCandidate.objects.filter(activity=activity)] == ["Rahmat"]
    assert "Draf #" in body["reply"]


def test_a_gateway_retry_does_not_create_a_second_draft(cast, gateway):
    first = gateway(SEED_MESSAGE).json()
    again = gateway(SEED_MESSAGE).json()
    assert again["duplicate"] and again["activity_id"] == first["activity_id"]
    assert Activity.objects.filter(source="chat").count() == 1


def test_a_malformed_message_gets_a_precise_list_and_creates_nothing(cast, gateway):
    body = gateway("SAMBANG / 31/02/2024 / Desa Entahlah", message_id="m-2").json()
    assert body["activity_id"] is None and body["reply"]
    assert Activity.objects.filter(source="chat").count() == 0


def test_unknown_senders_and_gateways_are_refused(cast, gateway):
    assert gateway(SEED_MESSAGE, token="wrong").status_code == 401
    body = gateway(SEED_MESSAGE, sender="0899-9999-9999", message_id="m-3").json()
    assert body["activity_id"] is None and "tidak terdaftar" in body["reply"]
