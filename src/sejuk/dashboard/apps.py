from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    name = "sejuk.dashboard"
    verbose_name = _("Dashboard and reports")

    def ready(self) -> None:
        from sejuk.dashboard import dailystats_signals

        dailystats_signals.connect()
