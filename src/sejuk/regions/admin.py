from django.contrib import admin

from sejuk.core.admin import ReferenceAdmin
from sejuk.regions.models import Region, RegionDataset


@admin.register(Region)
class RegionAdmin(ReferenceAdmin):
    list_display = ["code", "name", "kind", "timezone", "retired"]
    list_filter = ["level", "kind", "timezone", "retired"]
    search_fields = ["code", "name"]
    show_full_result_count = False


@admin.register(RegionDataset)
class RegionDatasetAdmin(ReferenceAdmin):
    list_display = ["loaded_at", "package", "version", "created", "updated", "retired"]
