"""Authentication for the API: a personal bearer token, or the browser's session."""

from auditlog.context import auditlog_value
from ninja.security import HttpBearer, django_auth

from sejuk.accounts.tokens import user_for_key


def _name_audit_actor(user) -> None:
    """django-auditlog's middleware took the request's user before the token was read (anonymous):
    name the token's owner as the author of what this request changes."""
    try:
        context = auditlog_value.get()
    except LookupError:  # outside a request (tests calling the view directly)
        return
    context["actor"] = user


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        user = user_for_key(token)
        if user is None:
            return None
        request.user = user
        _name_audit_actor(user)
        return user


# Token first (phones, scripts), then the session (pages calling the API with htmx).
AUTH = [TokenAuth(), django_auth]
