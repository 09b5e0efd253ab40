from django.contrib import admin

from sejuk.accounts.roles import can
from sejuk.core.admin import ReferenceAdmin, ScopedAdmin
from sejuk.units.models import Officer, Position, Rank, Unit, UnitArea


@admin.register(Rank)
class RankAdmin(ReferenceAdmin):
    list_display = ["order", "abbreviation", "full_name", "group"]


@admin.register(Position)
class PositionAdmin(ReferenceAdmin):
    list_display = ["title", "full_name", "unit_levels", "is_commander"]


class UnitAreaInline(admin.TabularInline):
    model = UnitArea
    extra = 0
    raw_id_fields = ["region"]


@admin.register(Unit)
class UnitAdmin(ScopedAdmin):
    list_display = ["display_name", "code", "level", "parent", "active"]
    list_filter = ["level", "kind", "active"]
    search_fields = ["code", "name", "short_name"]
    list_select_related = ["parent"]
    inlines = [UnitAreaInline]


@admin.register(Officer)
class OfficerAdmin(ScopedAdmin):
    list_display = ["name", "rank", "position", "unit", "active"]
    list_filter = ["active", "rank", "position"]
    search_fields = ["name", "nrp"]
    list_select_related = ["rank", "position", "unit"]
    raw_id_fields = ["assigned_desa"]

    def get_exclude(self, request, obj=None):
        # Phone numbers are personal data: only roles allowed to see them get the field.
        return [] if can(request.user, "view", "personal") else ["phone"]
