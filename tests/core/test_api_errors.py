"""Every API error answers in the user's language and in one shape: a `detail` sentence, and
`errors` per field when a field is to blame. Exercised through real endpoints."""

import pytest

from sejuk.activities.models import Activity
from sejuk.core.api_errors import describe, field_name, message_for
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def post_activity(client, body: str):
    return client.post("/api/v1/activities", body, content_type="application/json")


def test_schema_problems_are_in_indonesian_per_field_and_store_nothing(cast):
    before = Activity.objects.count()
    response = post_activity(
        client_for(cast["officer_a"]), '{"activity_type": 5, "occurred_at": "kemarin", "region_code": ["x"]}'
    )
    assert response.status_code == 422
    body = response.json()
    assert body["errors"]["activity_type"] == ["Harus berupa teks."]
    assert body["errors"]["region_code"] == ["Harus berupa teks."]
    assert "tanggal dan waktu" in body["errors"]["occurred_at"][0]
    assert isinstance(body["detail"], str) and body["detail"].startswith("activity_type:")
    assert Activity.objects.count() == before


def test_an_empty_submission_lists_every_required_field(cast):
    body = post_activity(client_for(cast["officer_a"]), "{}").json()
    assert body["errors"] == {
        "activity_type": ["Wajib diisi."],
        "region_code": ["Wajib diisi."],
        "occurred_at": ["Wajib diisi."],
    }


def test_a_body_that_is_not_json_is_named_as_such(cast):
    response = post_activity(client_for(cast["officer_a"]), '{"activity_type":')
    assert response.status_code == 400
    assert response.json() == {"detail": "Isi permintaan bukan JSON yang sah."}


def test_without_a_token_the_caller_is_told_how_to_sign_in(client):
    response = client.get("/api/v1/activities")
    assert response.status_code == 401
    assert "Authorization: Bearer" in response.json()["detail"]
    assert response.json()["detail"].startswith("Masuk dulu")


def test_a_missing_record_and_a_bad_id_say_what_was_wrong(cast):
    client = client_for(cast["officer_a"])
    missing = client.get("/api/v1/activities/999999")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "Tidak ditemukan: tidak ada catatan seperti itu di wilayah Anda."}
    bad = client.get("/api/v1/activities/abc")
    assert bad.status_code == 422
    assert bad.json()["errors"] == {"activity_id": ["Harus berupa bilangan bulat."]}


def test_unknown_api_addresses_and_wrong_methods_answer_json(cast):
    client = client_for(cast["officer_a"])
    unknown = client.get("/api/v1/tidak-ada")
    assert unknown.status_code == 404 and unknown["Content-Type"] == "application/json"
    assert "/api/v1/docs" in unknown.json()["detail"]
    wrong = client.delete("/api/v1/activities")
    assert wrong.status_code == 405 and wrong["Content-Type"] == "application/json"
    assert set(wrong["Allow"].replace(" ", "").split(",")) == {"GET", "POST"}
    assert "GET" in wrong.json()["detail"]


def test_english_is_used_when_the_user_chose_it(cast):
    client = client_for(cast["officer_a"])
    client.cookies["django_language"] = "en"
    body = post_activity(client, "{}").json()
    assert body["errors"]["activity_type"] == ["A value is required here."]


def test_field_names_drop_the_origin_and_keep_list_positions():
    assert field_name(("body", "payload", "figures", 0, "name")) == "figures.0.name"
    assert field_name(("query", "since")) == "since"
    assert field_name(("body",)) == "__all__"


def test_problem_kinds_not_known_keep_pydantic_reason_and_our_validators_keep_their_words():
    assert "weird thing" in message_for({"type": "something_new", "msg": "weird thing"})
    assert message_for({"type": "value_error", "msg": "Value error, Kode salah."}) == "Kode salah."
    too_long = {"type": "string_too_long", "loc": ("body", "payload", "narrative"), "ctx": {"max_length": 9}}
    limits = describe([too_long])
    assert "9" in limits["errors"]["narrative"][0]
