"""Indonesian unless the user chose otherwise.

Django's LocaleMiddleware follows the browser's Accept-Language, which on most phones in the
field says English; the product must speak Indonesian by default and switch only when the user
picks English (the language cookie set by the ID/EN buttons).
"""

from django.conf import settings
from django.utils import translation


class ChosenLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
