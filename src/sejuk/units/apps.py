from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class UnitsConfig(AppConfig):
    name = "sejuk.units"
    verbose_name = _("Units and officers")

    def ready(self) -> None:
        post_migrate.connect(_sync_reference_tables, sender=self)


def _sync_reference_tables(sender, using="default", **kwargs):
    from sejuk.units.services import sync_ranks_and_positions

    sync_ranks_and_positions(using=using)
