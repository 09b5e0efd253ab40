from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HeatAppConfig(AppConfig):
    """The Django side of the temperature engine (#4): snapshots, roll-ups, alerts, pages.

    Named apart from the engine's `sejuk.heat.config.HeatConfig`, which holds the weights.
    """

    name = "sejuk.heat"
    label = "heat"
    verbose_name = _("Area temperature")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from sejuk.core.stats import register_record_kind
        from sejuk.heat import signals

        register_record_kind("heat snapshots", "heat.HeatSnapshot")
        signals.connect()
