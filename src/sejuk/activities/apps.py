from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "sejuk.activities"
    verbose_name = _("Cooling activities")

    def ready(self) -> None:
        from sejuk.core.stats import register_record_kind

        register_record_kind("activities", "activities.Activity")
        post_migrate.connect(_seed_theme_library, sender=self)


def _seed_theme_library(sender, using="default", **kwargs):
    from sejuk.activities.services import seed_theme_library

    seed_theme_library(using=using)
