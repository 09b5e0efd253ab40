import pytest

from sejuk.accounts.models import ApiToken
from sejuk.accounts.tokens import revoke_token
from tests.cast import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_username_and_password_give_a_working_token(client, cast):
    response = client.post(
        "/api/v1/auth/token", {"username": "officer_a", "password": PASSWORD}, content_type="application/json"
    )
    assert response.status_code == 200
    key = response.json()["token"]
    units = client.get("/api/v1/units", headers={"Authorization": f"Bearer {key}"})
    assert units.status_code == 200 and {u["code"] for u in units.json()} == {"polsek-klari"}
    assert not ApiToken.objects.filter(key_hash=key).exists()  # only the hash is stored


def test_a_wrong_password_gets_a_clear_401(client, cast):
    response = client.post(
        "/api/v1/auth/token", {"username": "officer_a", "password": "salah"}, content_type="application/json"
    )
    assert response.status_code == 401
    assert "kata sandi salah" in response.json()["detail"]


def test_a_revoked_token_no_longer_works(client, cast):
    key = client.post(
        "/api/v1/auth/token", {"username": "kapolres", "password": PASSWORD}, content_type="application/json"
    ).json()["token"]
    revoke_token(ApiToken.objects.get(user__username="kapolres"))
    assert client.get("/api/v1/units", headers={"Authorization": f"Bearer {key}"}).status_code == 401
