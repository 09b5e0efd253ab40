import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sejuk.settings")

from django.conf import settings  # noqa: E402

if settings.SECRET_KEY_MISSING:
    raise ImproperlyConfigured("SECRET_KEY is not set (sejuk.E001); see docs/configuration.md.")

application = get_wsgi_application()
