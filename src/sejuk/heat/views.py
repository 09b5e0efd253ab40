"""Temperature pages (#4): the list of the user's kecamatan, an area with its reasons and history,
and the user's notifications. Views parse input and render; reports.py and alerting.py decide."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from sejuk.heat import reports
from sejuk.heat.alerting import mark_read
from sejuk.heat.models import Notification

PAGE_SIZE = 50


def date_param(request) -> dt.date | None:
    try:
        return dt.date.fromisoformat(request.GET.get("date", ""))
    except ValueError:
        return None


def days_param(request) -> int:
    try:
        return int(request.GET.get("days", reports.HISTORY_DAYS))
    except ValueError:
        return reports.HISTORY_DAYS


@login_required
def heat_list(request):
    view, snapshots = reports.overview(request.user, date_param(request))
    page = Paginator(snapshots, PAGE_SIZE).get_page(request.GET.get("page"))
    if view.day is not None:
        view.rows = reports.list_rows(request.user, view.day, page.object_list)
    context = {"view": view, "page": page}
    if view.day is not None:
        context["previous_day"] = view.day - dt.timedelta(days=1)
        context["next_day"] = view.day + dt.timedelta(days=1)
    return render(request, "heat/list.html", context)


@login_required
def area(request, code: str):
    view = reports.area_detail(request.user, code, date_param(request), days_param(request))
    return render(request, "heat/area.html", {"view": view, "days": days_param(request)})


@login_required
def notifications(request):
    mine = Notification.objects.restrict(request.user)
    page = Paginator(mine, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "heat/notifications.html", {"page": page, "unread": mine.unread().count()})


@login_required
@require_POST
def notification_open(request, pk: int):
    """Mark it read and go to the area it is about."""
    notification = get_object_or_404(Notification.objects.restrict(request.user), pk=pk)
    mark_read(request.user, notification.pk)
    if notification.area_code:
        url = reverse("heat:area", args=[notification.area_code])
        return redirect(f"{url}?date={notification.day.isoformat()}" if notification.day else url)
    return redirect("notifications:list")


@login_required
@require_POST
def notifications_read_all(request):
    mark_read(request.user)
    return redirect("notifications:list")
