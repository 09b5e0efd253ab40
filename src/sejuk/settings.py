"""One settings module; everything that differs per deployment comes from the environment.

See docs/configuration.md for every variable and its default.
"""

from __future__ import annotations

import secrets
from importlib.util import find_spec
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from sejuk.env import env_bool, env_int, env_list, env_str

PACKAGE_DIR = Path(__file__).resolve().parent
# The checkout root when installed in editable mode; var/ holds the SQLite file and uploads.
DATA_DIR = Path(env_str("SEJUK_DATA_DIR", str(PACKAGE_DIR.parent.parent / "var")))

DEMO = env_bool("SEJUK_DEMO", False)
DEBUG = env_bool("DEBUG", False)

# Only the demo may run on a built-in key; elsewhere a missing key is a system check error
# (sejuk.E001) and the WSGI entry point refuses to start.
_DEMO_SECRET_KEY = "sejuk-demo-only-not-secret"
SECRET_KEY = env_str("SECRET_KEY") or (_DEMO_SECRET_KEY if DEMO else "")
SECRET_KEY_MISSING = not SECRET_KEY
if SECRET_KEY_MISSING:
    SECRET_KEY = secrets.token_urlsafe(50)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "auditlog",
    "sejuk.core",
    "sejuk.regions",
    "sejuk.units",
    "sejuk.accounts",
    "sejuk.figures",
    "sejuk.activities",
    "sejuk.press",
    "sejuk.elections",
    "sejuk.incidents",
    "sejuk.heat",
    "sejuk.dashboard",
]

# The page-only ones (sejuk.core.page_middleware) are Django's own, passed over by API calls (#3).
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "sejuk.core.page_middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "sejuk.core.middleware.ChosenLanguageMiddleware",
    "sejuk.core.page_middleware.CommonMiddleware",
    "sejuk.core.api_errors.ApiMethodNotAllowedMiddleware",
    "sejuk.core.page_middleware.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "sejuk.core.page_middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "sejuk.core.page_middleware.HtmxMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
]

ROOT_URLCONF = "sejuk.urls"
WSGI_APPLICATION = "sejuk.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def _database() -> dict:
    default_sqlite = f"sqlite:///{DATA_DIR / 'sejuk.sqlite3'}"
    # One connection per worker, kept between requests: opening one costs more than a whole API call.
    config = dj_database_url.parse(
        env_str("DATABASE_URL", default_sqlite), conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60)
    )
    if config["ENGINE"] == "django.db.backends.postgresql" and env_bool("DATABASE_PREPARED_STATEMENTS", True):
        # Parameters bound by the server, and a statement run five times in a connection prepared
        # (psycopg's default; Django turns it off): PostgreSQL then skips parsing and planning, about
        # half its CPU per API call (bench/README.md). Off behind a pooler in transaction mode.
        config.setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=5)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        # WAL lets readers run beside one writer; IMMEDIATE takes the write lock at BEGIN so two
        # writers queue on the busy timeout instead of failing with "database is locked".
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            "timeout": env_int("SQLITE_BUSY_TIMEOUT", 20),
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        }
    return config


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Asia/Jakarta")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# Leaflet comes from django-leaflet's vendored static files (no CDN). Its directory is added here rather
# than "leaflet" in INSTALLED_APPS: the app's admin module imports GeoDjango, which needs GDAL (#6).
STATICFILES_DIRS = [PACKAGE_DIR / "static", Path(find_spec("leaflet").origin).parent / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(DATA_DIR / "static")))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(DATA_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "sejuk@localhost")

SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_HTTPS_PROXY") else None

# "whatsapp=TOKEN,sms=TOKEN": one bearer token per chat gateway that may post to /api/v1/intake/message.
INTAKE_GATEWAY_TOKENS = dict(
    item.split("=", 1) for item in env_list("INTAKE_GATEWAY_TOKENS", []) if "=" in item
)

# Map tiles (#6): an OpenStreetMap-style URL such as https://tile.openstreetmap.org/{z}/{x}/{y}.png; empty
# (the default) draws areas and markers on a plain background, for offline networks.
MAP_TILE_URL = env_str("MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = env_str("MAP_TILE_ATTRIBUTION", "")

AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_STORE_JSON_CHANGES = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
