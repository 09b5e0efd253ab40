from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from sejuk.accounts.models import User
from sejuk.core.admin import ScopedAdmin


@admin.register(User)
class UserAdmin(ScopedAdmin, BaseUserAdmin):
    list_display = ["username", "get_full_name", "role", "unit", "is_active"]
    list_filter = ["role", "is_active"]
    list_select_related = ["unit"]
    fieldsets = [
        *BaseUserAdmin.fieldsets[:2],
        (_("Role and unit"), {"fields": ["role", "unit", "officer"]}),
        (_("Status"), {"fields": ["is_active", "is_staff", "last_login", "date_joined"]}),
    ]
    readonly_fields = ["last_login", "date_joined"]
    raw_id_fields = ["officer"]
