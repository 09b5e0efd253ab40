from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IncidentsConfig(AppConfig):
    name = "sejuk.incidents"
    verbose_name = _("Incidents and early warnings")

    def ready(self) -> None:
        from sejuk.core.stats import register_record_kind

        register_record_kind("incidents", "incidents.Incident")
