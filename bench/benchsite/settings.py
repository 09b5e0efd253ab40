"""The product's settings plus the bench app and a URL conf that adds the bare insert endpoint."""

from sejuk.settings import *  # noqa: F403
from sejuk.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "benchsite"]
ROOT_URLCONF = "benchsite.urls"
