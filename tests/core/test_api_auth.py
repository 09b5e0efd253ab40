"""API tokens: one statement finds the owner, the unit and its area; the owner authors the changes."""

from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sejuk.accounts.models import ApiToken, User
from sejuk.accounts.tokens import issue_token, revoke_token, user_for_key
from sejuk.core.jurisdiction import jurisdiction_of
from sejuk.figures.models import Figure
from tests.cast import PASSWORD

pytestmark = pytest.mark.django_db


def token_for(username: str) -> str:
    _token, key = issue_token(username, PASSWORD)
    return key


@pytest.mark.parametrize(
    ("username", "prefixes"),
    [("officer_a", ("32.15.05",)), ("kapolres", ("32.15",)), ("admin", ("32",))],
)
def test_the_owner_comes_with_unit_and_area_in_one_statement(cast, username, prefixes):
    key = token_for(username)
    user_for_key(key)  # the first use writes last_used_at
    with CaptureQueriesContext(connection) as queries:
        user = user_for_key(key)
        unit_code, jurisdiction = user.unit.code, jurisdiction_of(user)
    assert len(queries) == 1
    assert user == cast[username] and unit_code == cast[username].unit.code
    assert jurisdiction.region_prefixes == prefixes and jurisdiction.unit_path == cast[username].unit.path
    assert jurisdiction == cast[username].unit.jurisdiction()  # what the unit's own query says


def test_a_unit_with_several_areas_gives_all_of_them(cast):
    unit = cast["officer_a"].unit
    unit.unit_areas.create(region_id="32.15.13")
    user = user_for_key(token_for("officer_a"))
    assert jurisdiction_of(user).region_prefixes == ("32.15.05", "32.15.13")


def test_revoked_tokens_unknown_keys_and_deactivated_owners_are_refused(cast):
    revoked, inactive = token_for("kapolres"), token_for("officer_b")
    revoke_token(ApiToken.objects.get(user__username="kapolres"))
    User.objects.filter(username="officer_b").update(is_active=False)
    assert user_for_key(revoked) is None and user_for_key(inactive) is None
    assert user_for_key("sjk_not-a-token") is None


def test_a_superuser_without_a_unit_sees_everything():
    User.objects.create_user("root_t", password=PASSWORD, is_superuser=True)
    user = user_for_key(token_for("root_t"))
    assert user.unit is None and jurisdiction_of(user).national


def test_last_use_is_written_at_most_once_a_minute(cast):
    key = token_for("officer_a")
    token = ApiToken.objects.get(user__username="officer_a")
    user_for_key(key)
    first = ApiToken.objects.get(pk=token.pk).last_used_at
    with CaptureQueriesContext(connection) as queries:
        user_for_key(key)
    assert first is not None and len(queries) == 1  # no second write within the minute
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=first - timedelta(minutes=2))
    user_for_key(key)
    assert ApiToken.objects.get(pk=token.pk).last_used_at > first - timedelta(seconds=1)
    assert ApiToken.objects.get(pk=token.pk).last_used_at <= timezone.now()


def test_a_change_made_with_a_token_names_its_author_in_the_audit_trail(client, cast):
    key = token_for("officer_a")
    response = client.post(
        "/api/v1/figures",
        {"name": "H. Tokoh Token", "kind": "tokoh_masyarakat", "home_region_code": "32.15.05.2001"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {key}"},
    )
    assert response.status_code == 201
    figure = Figure.objects.get(pk=response.json()["id"])
    entry = LogEntry.objects.get_for_object(figure).get(action=LogEntry.Action.CREATE)
    assert entry.actor == cast["officer_a"]
