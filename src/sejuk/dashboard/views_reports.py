"""Report downloads (#6): the daily situation report and the weekly summary, as PDF or XLSX.

Each view parses `?unit=CODE&date=YYYY-MM-DD` (date: today if absent), calls one service and
returns the file. A unit the user may not see answers 404 (as an unknown one does); a weekly
summary for a unit that is not a Polres or a Polda answers 400 with the reason.
"""

from __future__ import annotations

from functools import partial

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from sejuk.dashboard.reports import pdf, xlsx
from sejuk.dashboard.reports.common import WrongLevel
from sejuk.dashboard.reports.data import daily_report
from sejuk.dashboard.reports.sections import PDF_LINES
from sejuk.dashboard.reports.weekly import weekly_report

PDF_TYPE = "application/pdf"


class ReportForm(forms.Form):
    unit = forms.SlugField(max_length=60)
    date = forms.DateField(required=False, input_formats=["%Y-%m-%d"])


def _download(request, build, render, content_type: str, extension: str):
    form = ReportForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest(" ".join(m for ms in form.errors.values() for m in ms))
    day = form.cleaned_data["date"] or timezone.localdate()
    try:
        report = build(request.user, form.cleaned_data["unit"], day)
    except WrongLevel as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    response = HttpResponse(render(report), content_type=content_type)
    name = f"{report.filename_stem}.{extension}"
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


@require_GET
@login_required
def daily_report_pdf(request):
    # The PDF lists the first PDF_LINES activities and incidents: only those are read.
    return _download(request, partial(daily_report, list_limit=PDF_LINES), pdf.daily_pdf, PDF_TYPE, "pdf")


@require_GET
@login_required
def daily_report_xlsx(request):
    return _download(request, daily_report, xlsx.daily_xlsx, xlsx.XLSX_TYPE, "xlsx")


@require_GET
@login_required
def weekly_report_pdf(request):
    return _download(request, partial(weekly_report, list_limit=PDF_LINES), pdf.weekly_pdf, PDF_TYPE, "pdf")


@require_GET
@login_required
def weekly_report_xlsx(request):
    return _download(request, weekly_report, xlsx.weekly_xlsx, xlsx.XLSX_TYPE, "xlsx")
