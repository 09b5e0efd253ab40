"""Personal API tokens: issue, check, revoke."""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth import authenticate
from django.utils import timezone

from sejuk.accounts.models import ApiToken, User


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def issue_token(username: str, password: str, name: str = "") -> tuple[ApiToken, str] | None:
    """Exchange a username and password for a new token; returns (token, key) or None."""
    user = authenticate(username=username, password=password)
    if user is None or not user.is_active:
        return None
    key = "sjk_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name[:80], key_hash=_digest(key), prefix=key[4:12])
    return token, key


def user_for_key(key: str) -> User | None:
    token = (
        ApiToken.objects.select_related("user", "user__unit")
        .filter(key_hash=_digest(key), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    # Writing on every request would serialise all API calls on one row; once a minute is enough.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def revoke_token(token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
