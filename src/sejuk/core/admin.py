"""The admin goes through the same door as every page: the role matrix and restrict()."""

from auditlog.admin import LogEntryAdmin
from auditlog.models import LogEntry
from django.contrib import admin

from sejuk.accounts.roles import can
from sejuk.core.jurisdiction import jurisdiction_of


class ScopedAdmin(admin.ModelAdmin):
    """ModelAdmin whose rows and rights come from the role matrix and the user's jurisdiction."""

    def _domain(self) -> str:
        return self.model.permission_domain

    def get_queryset(self, request):
        queryset = self.model.objects.restrict(request.user, "view")
        ordering = self.get_ordering(request)
        return queryset.order_by(*ordering) if ordering else queryset

    def has_module_permission(self, request):
        return can(request.user, "view", self._domain())

    def has_view_permission(self, request, obj=None):
        return can(request.user, "view", self._domain()) and self._covers(request, obj)

    def has_add_permission(self, request):
        return can(request.user, "add", self._domain())

    def has_change_permission(self, request, obj=None):
        return can(request.user, "change", self._domain()) and self._covers(request, obj)

    def has_delete_permission(self, request, obj=None):
        return can(request.user, "delete", self._domain()) and self._covers(request, obj)

    def _covers(self, request, obj) -> bool:
        jurisdiction = jurisdiction_of(request.user)
        return obj is None or jurisdiction.national or obj.is_within(jurisdiction)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        related = db_field.related_model
        if hasattr(related.objects, "restrict"):
            kwargs["queryset"] = related.objects.restrict(request.user, "view")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ReferenceAdmin(admin.ModelAdmin):
    """Reference tables (regions, ranks, positions): readable by everyone signed in, edited by code."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AuditTrailAdmin(LogEntryAdmin):
    """The audit trail: read-only for auditors and administrators, never editable or deletable."""

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        jurisdiction = jurisdiction_of(request.user)
        if jurisdiction.national:
            return queryset
        return queryset.filter(actor__unit__path__startswith=jurisdiction.unit_path)

    def has_module_permission(self, request):
        return can(request.user, "view", "audit")

    def has_view_permission(self, request, obj=None):
        return can(request.user, "view", "audit")

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.unregister(LogEntry)
admin.site.register(LogEntry, AuditTrailAdmin)
admin.site.site_header = "Sejuk"
admin.site.site_title = "Sejuk"
