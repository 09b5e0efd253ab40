"""Dashboard pages (#6): the home of each user's area with its drill-down, the map, the scorecard,
the neutrality panel, the administrators' boundary upload and the public page. Views parse input,
call one service and render; home.py, map.py, panels.py and public.py decide what is shown."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from sejuk.accounts.roles import can
from sejuk.dashboard import home as home_service
from sejuk.dashboard import panels
from sejuk.dashboard.focus import region_focus, unit_focus
from sejuk.dashboard.forms import GeometryUploadForm
from sejuk.dashboard.map import POINT_DAYS, map_layers
from sejuk.dashboard.public import SMALL_COUNT, public_page
from sejuk.heat.reports import latest_day


def date_param(request) -> dt.date | None:
    try:
        return dt.date.fromisoformat(request.GET.get("date", ""))
    except ValueError:
        return None


def _overview_page(request, **where):
    view = home_service.area_overview(request.user, on=date_param(request), **where)
    context = {
        "view": view,
        "map_query": view.area.coverage_query,
        "tiles": settings.MAP_TILE_URL,
        "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        "can_upload": can(request.user, "change", "units"),
    }
    return render(request, "dashboard/home.html", context)


@login_required
def home(request):
    """The user's own area; a user without a unit (and without rights) is told so, not shown an error."""
    try:
        return _overview_page(request)
    except Http404:
        return render(request, "dashboard/no_area.html", status=200)


@login_required
def unit(request, code: str):
    return _overview_page(request, unit_code=code)


@login_required
def region(request, code: str):
    return _overview_page(request, region_code=code)


def _map_focus(request):
    unit_code, area_code = request.GET.get("unit", ""), request.GET.get("area", "")
    if area_code:
        return region_focus(request.user, area_code)
    return unit_focus(request.user, unit_code or None)


def _layers(request):
    focus = _map_focus(request)
    on = date_param(request) or timezone.localdate()
    end = dt.datetime.combine(on + dt.timedelta(days=1), dt.time.min, tzinfo=timezone.get_default_timezone())
    day = latest_day(request.user, on)
    areas, layers = map_layers(request.user, focus.area, day, end)
    return focus, on, day, areas, layers


@login_required
def map_page(request):
    focus, on, day, areas, layers = _layers(request)
    context = {
        "focus": focus,
        "on": on,
        "heat_day": day,
        "areas": areas,
        "layers": layers,
        "point_days": POINT_DAYS,
        "tiles": settings.MAP_TILE_URL,
        "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        "can_upload": can(request.user, "change", "units"),
        "located": sum(1 for a in areas if a.location),
    }
    return render(request, "dashboard/map.html", context)


@login_required
def map_data(request):
    """The same layers as JSON for the small map on the home page: {"areas": FC, "incidents": FC, ...}."""
    _focus, _on, _day, _areas, layers = _layers(request)
    return JsonResponse(layers)


@login_required
def geometry_upload(request):
    if not can(request.user, "change", "units"):
        raise PermissionDenied
    form = GeometryUploadForm(request.user, request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        report = form.save()
        if report.ok:
            messages.success(request, report.summary())
            return redirect("dashboard:map")
    return render(
        request, "dashboard/geometry_upload.html", {"form": form}, status=422 if form.errors else 200
    )


@login_required
def scorecard(request):
    days = panels.period_days(request.GET.get("days"))
    page = panels.scorecard_page(
        request.user, unit_code=request.GET.get("unit", ""), on=date_param(request), days=days
    )
    context = {"page": page, "measures": panels.MEASURES, "lengths": panels.PERIOD_LENGTHS}
    return render(request, "dashboard/scorecard.html", context)


@login_required
def neutrality(request):
    days = panels.period_days(request.GET.get("days") or "28")
    page = panels.neutrality_page(
        request.user, area_code=request.GET.get("area", ""), on=date_param(request), days=days
    )
    return render(request, "dashboard/neutrality.html", {"page": page, "lengths": panels.PERIOD_LENGTHS})


def public(request):
    """Anonymous: published releases, verified activities per kabupaten, published bands."""
    page = public_page(date_param(request))
    return render(request, "dashboard/public.html", {"page": page, "small": SMALL_COUNT})
