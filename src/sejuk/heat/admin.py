"""Admin (#4): the temperature settings (one row, one field per engine setting) and read-only views
of snapshots and roll-ups.

The settings are national: changing a threshold moves every area in the country, so only national
administrators (and superusers) change them; other administrators and auditors may read them. Each
field shows the engine's default; only values that differ from it are stored, and the whole set is
checked by HeatConfig.from_dict, which refuses settings that would break the engine's promises.
"""

from __future__ import annotations

import dataclasses

from django import forms
from django.contrib import admin

from sejuk.accounts.roles import can
from sejuk.core.admin import ScopedAdmin
from sejuk.core.jurisdiction import jurisdiction_of
from sejuk.heat.config import HeatConfig
from sejuk.heat.models import HeatRollup, HeatSettings, HeatSnapshot

DEFAULTS = HeatConfig()


def _setting_fields() -> dict[str, forms.Field]:
    fields: dict[str, forms.Field] = {}
    for f in dataclasses.fields(HeatConfig):
        default = getattr(DEFAULTS, f.name)
        kind = forms.IntegerField if isinstance(default, int) else forms.FloatField
        fields[f.name] = kind(label=f.name, required=False, help_text=f"default {default:g}")
    return fields


class _SettingsForm(forms.ModelForm):
    class Meta:
        model = HeatSettings
        fields: list[str] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        stored = self.instance.values or {}
        for name in self.fields:
            self.initial[name] = stored.get(name, getattr(DEFAULTS, name))

    def clean(self):
        cleaned = super().clean()
        overrides = {
            name: value
            for name in _setting_fields()
            if (value := cleaned.get(name)) is not None and value != getattr(DEFAULTS, name)
        }
        try:
            HeatConfig.from_dict(overrides)
        except (TypeError, ValueError) as error:
            raise forms.ValidationError(str(error)) from error
        self.instance.values = overrides
        return cleaned


# One declared field per engine setting (declared, so that the admin's form factory accepts them).
HeatSettingsForm = type("HeatSettingsForm", (_SettingsForm,), _setting_fields())


def national_administrator(user) -> bool:
    return can(user, "change", "accounts") and jurisdiction_of(user).national


@admin.register(HeatSettings)
class HeatSettingsAdmin(admin.ModelAdmin):
    form = HeatSettingsForm
    readonly_fields = ("updated_at", "updated_by")

    def get_fields(self, request, obj=None):
        return [*_setting_fields(), *self.readonly_fields]

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff

    def has_add_permission(self, request):
        return national_administrator(request.user) and not HeatSettings.objects.exists()

    def has_change_permission(self, request, obj=None):
        return national_administrator(request.user)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


class ReadOnlyScopedAdmin(ScopedAdmin):
    """Computed rows: read through the one door, written only by the services."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(HeatSnapshot)
class HeatSnapshotAdmin(ReadOnlyScopedAdmin):
    list_display = ("region", "day", "value", "band", "computed_at")
    list_filter = ("band", "day")
    search_fields = ("region__code", "region__name")
    list_select_related = ("region",)
    date_hierarchy = "day"


@admin.register(HeatRollup)
class HeatRollupAdmin(ReadOnlyScopedAdmin):
    list_display = ("kind", "code", "day", "max_value", "mean_value", "band", "hottest_code", "area_count")
    list_filter = ("kind", "band", "day")
    search_fields = ("code",)
