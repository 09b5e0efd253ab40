"""The coverage page and the export downloads (#3). Each view parses input and calls one service."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from sejuk.accounts.roles import can
from sejuk.activities import exports
from sejuk.activities.coverage import PERIOD_DAYS, coverage_report
from sejuk.core.jurisdiction import jurisdiction_of
from sejuk.units.choices import UnitLevel
from sejuk.units.models import Unit


class CoverageFilterForm(forms.Form):
    unit = forms.CharField(required=False, max_length=60)
    area = forms.CharField(required=False, max_length=13)
    date = forms.DateField(required=False)


class ExportFilterForm(forms.Form):
    date_from = forms.DateField(required=False)
    date_to = forms.DateField(required=False)
    area = forms.CharField(required=False, max_length=13)


def _focus_label(report, user) -> str:
    scope = report.scope
    if scope.area is not None:
        return scope.area.label
    if scope.unit is not None:
        return scope.unit.display_name
    if user.unit_id:
        return user.unit.display_name
    return _("All of Indonesia") if jurisdiction_of(user).national else "—"


@require_GET
@login_required
def coverage(request):
    """Who was engaged lately, where, by whom, and whom to visit next; drill down with ?area=CODE."""
    if not can(request.user, "view", "records"):
        raise PermissionDenied
    form = CoverageFilterForm(request.GET)
    form.is_valid()  # A bad date is reported on the form and today is used instead.
    data = form.cleaned_data
    try:
        report = coverage_report(
            request.user, unit_code=data.get("unit", ""), area_code=data.get("area", ""), on=data.get("date")
        )
    except ValidationError as error:
        # The same answer for an unknown code and one outside the jurisdiction: nothing leaks.
        raise Http404(" ".join(error.messages)) from error
    scope = report.scope
    keep = {k: v for k, v in {"unit": data.get("unit"), "date": request.GET.get("date")}.items() if v}
    period = {"date_from": scope.period_start.isoformat(), "date_to": scope.on.isoformat()}
    if scope.area is not None:
        period["area"] = scope.area.code
    units = Unit.objects.restrict(request.user).filter(level__in=[UnitLevel.POLRES, UnitLevel.POLSEK])
    context = {
        "report": report,
        "scope": scope,
        "form": form,
        "focus": _focus_label(report, request.user),
        "keep_query": urlencode(keep),
        "export_query": urlencode(period),
        "can_export": can(request.user, "export", "records"),
        "units": units.order_by("path")[:200],
        "period_days": PERIOD_DAYS,
    }
    return render(request, "activities/coverage.html", context)


def _export(request, build, respond):
    exports.require_export(request.user)
    form = ExportFilterForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest(" ".join(m for ms in form.errors.values() for m in ms))
    try:
        table = build(request.user, exports.ExportFilters(**form.cleaned_data))
    except ValidationError as error:
        return HttpResponseBadRequest(" ".join(error.messages))
    return respond(table)


@require_GET
@login_required
def export_activities_csv(request):
    return _export(request, exports.activity_table, exports.csv_response)


@require_GET
@login_required
def export_activities_xlsx(request):
    return _export(request, exports.activity_table, exports.xlsx_response)


@require_GET
@login_required
def export_figures_csv(request):
    return _export(request, exports.figure_table, exports.csv_response)


@require_GET
@login_required
def export_figures_xlsx(request):
    return _export(request, exports.figure_table, exports.xlsx_response)
