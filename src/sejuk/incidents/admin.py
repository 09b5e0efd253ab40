from django.contrib import admin

from sejuk.core.admin import ScopedAdmin
from sejuk.incidents.models import Incident


@admin.register(Incident)
class IncidentAdmin(ScopedAdmin):
    list_display = ["reference", "incident_type", "severity", "status", "region", "occurred_at"]
    list_filter = ["status", "severity", "incident_type", "source"]
    search_fields = ["reference", "description"]
    list_select_related = ["region"]
    raw_id_fields = ["region", "merged_into", "response_activities", "assigned_officer"]
    readonly_fields = ["reference"]
    # The tipster's contact is read on the incident page, where each read is audited; the admin
    # would show it unrecorded, so it is left out here for everyone.
    exclude = ["tipster_contact", "idempotency_key"]
