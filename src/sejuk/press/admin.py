from django.contrib import admin

from sejuk.core.admin import ScopedAdmin
from sejuk.press.models import PressImport, PressRelease


@admin.register(PressRelease)
class PressReleaseAdmin(ScopedAdmin):
    """Read-only: releases are written, edited, approved and published only through the services."""

    list_display = ("title", "unit", "activity_date", "language", "status", "published_at")
    list_filter = ("status", "language")
    search_fields = ("title",)
    readonly_fields = (
        "unit",
        "activities",
        "activity_date",
        "language",
        "status",
        "writer_initials",
        "variant_seed",
        "created_by",
        "approved_by",
        "approved_at",
        "published_at",
    )

    def get_queryset(self, request):
        return PressRelease.objects.for_user(request.user).select_related("unit")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Edits go through services.edit_release (approval must be withdrawn), never the admin.
        return False


@admin.register(PressImport)
class PressImportAdmin(ScopedAdmin):
    """Read-only: imports are made, reviewed and confirmed only through the services (/rilis/impor/)."""

    list_display = ("title", "status", "published_on", "created_by", "created_at", "activity")
    list_filter = ("status",)
    search_fields = ("title", "source_url")
    readonly_fields = [field.name for field in PressImport._meta.fields]

    def get_queryset(self, request):
        return PressImport.objects.for_user(request.user).select_related("created_by", "activity")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
