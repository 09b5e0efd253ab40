"""Pages for officers and commanders: the list, the report form, the detail with its workflow actions."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sejuk.accounts.roles import can
from sejuk.activities.models import Activity
from sejuk.core.jurisdiction import region_q
from sejuk.incidents import services
from sejuk.incidents.choices import CONFIRMED, OPEN_CONFIRMED, Severity, Status
from sejuk.incidents.evidence import attach_evidence
from sejuk.incidents.forms import AssignForm, IncidentForm, LinkActivityForm, NoteForm, ReasonForm, VerifyForm
from sejuk.incidents.models import Incident, IncidentEvidence


def _visible(request):
    return Incident.objects.restrict(request.user).with_related()


@login_required
def incident_list(request):
    incidents = _visible(request).current()
    status, severity = request.GET.get("status", ""), request.GET.get("severity", "")
    if status in Status.values:
        incidents = incidents.filter(status=status)
    if severity in Severity.values:
        incidents = incidents.filter(severity=severity)
    # From the dashboard (#6): region-code prefixes (?area=32.15.05, repeatable) and open ones only.
    areas = [a for a in request.GET.getlist("area") if a]
    filters = [("area", a) for a in areas]
    if areas:
        incidents = incidents.filter(region_q("region__code", tuple(areas)))
    if request.GET.get("open") == "1":
        incidents = incidents.filter(status__in=(Status.REPORTED, *OPEN_CONFIRMED))
        filters.append(("open", "1"))
    page = Paginator(incidents, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "incidents/list.html",
        {
            "page": page,
            "status": status,
            "severity": severity,
            "statuses": Status.choices,
            "severities": Severity.choices,
            "can_add": can(request.user, "add", "records"),
            "filters": filters,
            "filter_query": urlencode(filters),
        },
    )


@transaction.atomic
def _report_from_form(request, form: IncidentForm) -> Incident:
    """Report and attach photos in one transaction: a failure stores nothing."""
    client_id = form.cleaned_data["client_id"]
    incident, created = services.report_incident(
        request.user, form.to_input(), idempotency_key=f"form:{client_id}" if client_id else None
    )
    if created:
        for upload in form.cleaned_data["photos"]:
            attach_evidence(request.user, incident, upload)
    return incident


@login_required
def incident_create(request):
    if not can(request.user, "add", "records"):
        raise PermissionDenied
    form = IncidentForm(request.user, request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            incident = _report_from_form(request, form)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("Incident reported."))
            return redirect("incidents:detail", pk=incident.pk)
    return render(request, "incidents/form.html", {"form": form}, status=422 if form.errors else 200)


def _actions(user, incident: Incident) -> dict:
    verifier = can(user, "verify", "records") and not incident.merged_into_id
    assigned_to_me = bool(user.officer_id) and user.officer_id == incident.assigned_officer_id
    open_confirmed = incident.status in OPEN_CONFIRMED
    return {
        "can_verify": verifier and incident.status == Status.REPORTED,
        "can_manage": verifier and open_confirmed,
        "can_resolve": open_confirmed and (verifier or assigned_to_me) and not incident.merged_into_id,
        "can_link": can(user, "change", "records")
        and incident.status in CONFIRMED
        and not incident.merged_into_id,
        "can_merge": verifier and incident.status != Status.REJECTED,
    }


@login_required
def incident_detail(request, pk: int):
    incident = get_object_or_404(_visible(request), pk=pk)
    user = request.user
    actions = _actions(user, incident)
    merged = list(incident.merged.select_related("region"))
    context = {
        "incident": incident,
        "occurred_local": incident.occurred_local,
        "contact": services.tipster_contact(user, incident),
        "merged": merged,
        "evidence": IncidentEvidence.objects.filter(incident__in=[incident, *merged]),
        "responses": incident.response_activities.select_related("region", "unit"),
        "responsible": services.responsible_unit(incident),
        "duplicates": services.suggest_duplicates(incident, user),
        "confirmed_statuses": CONFIRMED,
        "verify_form": VerifyForm(initial={"severity": incident.severity}),
        "reason_form": ReasonForm(),
        "note_form": NoteForm(),
        **actions,
    }
    if actions["can_manage"]:
        context["assign_form"] = AssignForm(user)
    if actions["can_link"]:
        context["link_form"] = LinkActivityForm(user, incident)
    return render(request, "incidents/detail.html", context)


def _assign(request, incident):
    form = AssignForm(request.user, request.POST)
    if not form.is_valid():
        raise ValidationError(_("Choose a unit or an officer in your jurisdiction."))
    return services.assign_response(
        request.user, incident, unit=form.cleaned_data["unit"], officer=form.cleaned_data["officer"]
    )


def _link(request, incident):
    activity = Activity.objects.restrict(request.user).filter(pk=request.POST.get("activity") or 0).first()
    if activity is None:
        raise ValidationError(_("Choose a cooling activity in your area."))
    return services.link_response_activity(request.user, incident, activity)


def _merge(request, incident):
    duplicate = _visible(request).filter(pk=request.POST.get("duplicate") or 0).first()
    if duplicate is None:
        raise ValidationError(_("These reports cannot be merged."))
    return services.merge_incidents(request.user, incident, duplicate)


TRANSITIONS = {
    "verify": lambda r, i: services.verify_incident(r.user, i, severity=r.POST.get("severity") or None),
    "reject": lambda r, i: services.reject_incident(r.user, i, r.POST.get("reason", "")),
    "assign": _assign,
    "escalate": lambda r, i: services.escalate_incident(r.user, i, r.POST.get("note", "")),
    "resolve": lambda r, i: services.resolve_incident(r.user, i, r.POST.get("note", "")),
    "link": _link,
    "merge": _merge,
}


@login_required
@require_POST
def incident_transition(request, pk: int, action: str):
    """One workflow step: one service call, the same ones the API uses."""
    incident = get_object_or_404(_visible(request), pk=pk)
    step = TRANSITIONS.get(action)
    if step is None:
        raise PermissionDenied
    try:
        step(request, incident)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        status = _("Status: %(status)s.") % {"status": incident.get_status_display()}
        messages.success(request, _("Reports merged.") if action == "merge" else status)
    return redirect("incidents:detail", pk=incident.pk)


@login_required
def evidence_file(request, pk: int, evidence_id: int, variant: str):
    """Evidence is served only to users who may see the incident (never from a public folder)."""
    incident = get_object_or_404(Incident.objects.restrict(request.user), pk=pk)
    evidence = get_object_or_404(
        IncidentEvidence, pk=evidence_id, incident__in=[incident, *incident.merged.all()]
    )
    field = evidence.thumbnail if variant == "thumb" else evidence.image
    content_type = "image/jpeg" if variant == "thumb" else evidence.content_type
    return FileResponse(field.open("rb"), content_type=content_type)
