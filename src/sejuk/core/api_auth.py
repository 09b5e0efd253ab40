"""Authentication for the API: a personal bearer token, or the browser's session."""

from ninja.security import HttpBearer, django_auth

from sejuk.accounts.tokens import user_for_key


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        user = user_for_key(token)
        if user is None:
            return None
        request.user = user
        return user


# Token first (phones, scripts), then the session (pages calling the API with htmx).
AUTH = [TokenAuth(), django_auth]
