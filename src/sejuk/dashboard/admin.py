"""Admin (#6): which areas' temperature bands the public page shows, set by administrators within
their jurisdiction (ScopedAdmin: the role matrix and restrict())."""

from django.contrib import admin

from sejuk.core.admin import ScopedAdmin
from sejuk.core.jurisdiction import jurisdiction_of, region_q
from sejuk.dashboard.models import PublicationSetting
from sejuk.regions.models import Region


@admin.register(PublicationSetting)
class PublicationSettingAdmin(ScopedAdmin):
    list_display = ("__str__", "publish_bands", "note", "updated_at")
    list_filter = ("publish_bands",)
    raw_id_fields = ("region",)
    fields = ("unit", "region", "publish_bands", "note")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "region":
            prefixes = jurisdiction_of(request.user).region_prefixes
            kwargs["queryset"] = Region.objects.filter(region_q("code", prefixes), level__lte=3)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
