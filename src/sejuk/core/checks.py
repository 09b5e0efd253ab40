"""System checks with stable ids, so misconfiguration shows before the first request."""

from django.conf import settings
from django.core.checks import Error, Warning, register


@register()
def secret_key_is_set(app_configs, **kwargs):
    if getattr(settings, "SECRET_KEY_MISSING", False):
        return [
            Error(
                "SECRET_KEY belum diatur / SECRET_KEY is not set.",
                hint="Set SECRET_KEY (or SECRET_KEY_FILE); only SEJUK_DEMO=1 may run without.",
                id="sejuk.E001",
            )
        ]
    return []


@register(deploy=True)
def debug_is_off_outside_demo(app_configs, **kwargs):
    if settings.DEBUG and not settings.DEMO:
        return [Warning("DEBUG is on outside the demo.", id="sejuk.W001")]
    return []
