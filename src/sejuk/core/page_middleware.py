"""Middleware that only pages need, passed over by API calls (#3).

Phones and gateways call `/api/` far more often than people open pages, and for them static
files (WhiteNoise), trailing-slash redirects (CommonMiddleware), flash messages and htmx headers
mean nothing; CSRF is checked by django-ninja itself for the session-authenticated calls that need
it (`ninja.security.django_auth`). Each class here is Django's (or the library's) own, subclassed so
that `settings.MIDDLEWARE` and Django's checks still see it, and hands an API call straight on:
about a tenth of the CPU of an API submission (bench/README.md).
"""

from django.contrib.messages.middleware import MessageMiddleware as _MessageMiddleware
from django.middleware.common import CommonMiddleware as _CommonMiddleware
from django.middleware.csrf import CsrfViewMiddleware as _CsrfViewMiddleware
from django_htmx.middleware import HtmxMiddleware as _HtmxMiddleware
from whitenoise.middleware import WhiteNoiseMiddleware as _WhiteNoiseMiddleware

API_PREFIX = "/api/"


def is_api_call(request) -> bool:
    return request.path_info.startswith(API_PREFIX)


class _PagesOnly:
    """Mixin: an API call goes on to the next middleware untouched."""

    def __call__(self, request):
        if is_api_call(request):
            return self.get_response(request)
        return super().__call__(request)


class WhiteNoiseMiddleware(_PagesOnly, _WhiteNoiseMiddleware):
    pass


class CommonMiddleware(_PagesOnly, _CommonMiddleware):
    pass


class CsrfViewMiddleware(_PagesOnly, _CsrfViewMiddleware):
    def process_view(self, request, callback, callback_args, callback_kwargs):
        if is_api_call(request):  # django-ninja checks it for the calls that need it
            return None
        return super().process_view(request, callback, callback_args, callback_kwargs)


class MessageMiddleware(_PagesOnly, _MessageMiddleware):
    pass


class HtmxMiddleware(_PagesOnly, _HtmxMiddleware):
    pass
