"""Admin for the election data: read by all staff, changed by administrators inside their area.

A small base of its own (not ScopedAdmin) because these rows are read nationally but changed
per area: reading follows `restrict(user, "view")` (everyone signed in), changing follows
`can(user, "change", "units")` and the row's region (#4).
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied

from sejuk.accounts.roles import can
from sejuk.core.jurisdiction import jurisdiction_of, region_q
from sejuk.elections.access import PERMISSION_DOMAIN
from sejuk.elections.models import (
    CandidatePair,
    Contest,
    Election,
    ElectionPhase,
    IkpRating,
    Result,
)
from sejuk.regions.models import Region


class _ElectionPermissions:
    """Rights shared by model admins and inlines; `obj` is the row (or, for inlines, its parent)."""

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff

    def has_add_permission(self, request, obj=None):
        return can(request.user, "add", PERMISSION_DOMAIN) and (obj is None or obj.editable_by(request.user))

    def has_change_permission(self, request, obj=None):
        return obj.editable_by(request.user) if obj else can(request.user, "change", PERMISSION_DOMAIN)

    def has_delete_permission(self, request, obj=None):
        if obj is None:
            return can(request.user, "delete", PERMISSION_DOMAIN)
        return obj.editable_by(request.user, "delete")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Only regions inside the administrator's area can be chosen for a new or changed row.
        if db_field.related_model is Region:
            prefixes = jurisdiction_of(request.user).region_prefixes
            kwargs["queryset"] = Region.objects.filter(region_q("code", prefixes))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ElectionDataAdmin(_ElectionPermissions, admin.ModelAdmin):
    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_add_permission(self, request):
        return can(request.user, "add", PERMISSION_DOMAIN)

    def get_queryset(self, request):
        queryset = self.model.objects.restrict(request.user, "view")
        ordering = self.get_ordering(request)
        return queryset.order_by(*ordering) if ordering else queryset

    def save_model(self, request, obj, form, change):
        # A row saved outside the area (a phase for another province, a national one) is refused.
        if not obj.editable_by(request.user, "change" if change else "add"):
            raise PermissionDenied
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for instance in formset.save(commit=False):
            if not instance.editable_by(request.user, "change" if instance.pk else "add"):
                raise PermissionDenied
        super().save_formset(request, form, formset, change)


class _Inline(_ElectionPermissions, admin.TabularInline):
    extra = 0


class PhaseInline(_Inline):
    model = ElectionPhase
    fields = ["kind", "label", "start", "end", "region_prefix"]


class PairInline(_Inline):
    model = CandidatePair
    fields = ["number", "candidate", "running_mate", "coalition"]


@admin.register(Election)
class ElectionAdmin(ElectionDataAdmin):
    list_display = ["name", "code", "kind", "vote_date"]
    list_filter = ["kind", "year"]
    search_fields = ["name", "code"]
    inlines = [PhaseInline]


@admin.register(ElectionPhase)
class ElectionPhaseAdmin(ElectionDataAdmin):
    list_display = ["election", "kind", "label", "start", "end", "region_prefix"]
    list_filter = ["election", "kind"]
    search_fields = ["label", "region_prefix"]
    list_select_related = ["election"]


@admin.register(Contest)
class ContestAdmin(ElectionDataAdmin):
    list_display = ["region", "office", "election", "status"]
    list_filter = ["election", "office", "status"]
    search_fields = ["region__name", "region__code"]
    list_select_related = ["region", "election"]
    raw_id_fields = ["region"]
    inlines = [PairInline]


@admin.register(Result)
class ResultAdmin(ElectionDataAdmin):
    list_display = ["contest", "pair", "kind", "source", "reported_at", "votes", "percentage", "region"]
    list_filter = ["kind", "contest__election"]
    search_fields = ["source", "contest__region__name", "pair__candidate"]
    list_select_related = ["contest__region", "contest__election", "pair", "region"]
    raw_id_fields = ["contest", "pair", "region"]


@admin.register(IkpRating)
class IkpRatingAdmin(ElectionDataAdmin):
    list_display = ["region", "year", "band", "score", "source"]
    list_filter = ["year", "band"]
    search_fields = ["region__name", "region__code"]
    list_select_related = ["region"]
    raw_id_fields = ["region"]
