from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FiguresConfig(AppConfig):
    name = "sejuk.figures"
    verbose_name = _("Community figures")

    def ready(self) -> None:
        from sejuk.core.stats import register_record_kind

        register_record_kind("figures", "figures.Figure")
