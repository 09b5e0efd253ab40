"""Pages for field officers and commanders: the phone form, the list, the detail with its actions."""

from __future__ import annotations

from datetime import date
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
from sejuk.activities import services
from sejuk.activities.choices import Source, Status
from sejuk.activities.forms import ActivityForm, ReturnForm
from sejuk.activities.models import Activity, ActivityPhoto
from sejuk.activities.photos import attach_photo
from sejuk.core.jurisdiction import region_q
from sejuk.units.models import Unit


def _visible(request):
    return Activity.objects.restrict(request.user).with_related()


def _date(raw: str) -> date | None:
    try:
        return date.fromisoformat(raw)
    except ValueError:
        return None


def _filtered(request, activities):
    """The list's filters, so that a dashboard number opens exactly its records (#6): one or more
    statuses, region-code prefixes (?area=32.15.05), a unit and the units below it (?unit=CODE), and
    a range of local days (?since=, ?until=, both included). Returns (rows, the filters to keep)."""
    keep = []
    statuses = [s for s in request.GET.getlist("status") if s in Status.values]
    if statuses:
        activities = activities.filter(status__in=statuses)
    areas = [a for a in request.GET.getlist("area") if a]
    if areas:
        activities = activities.filter(region_q("region__code", tuple(areas)))
        keep += [("area", a) for a in areas]
    unit_code = request.GET.get("unit", "")
    unit = Unit.objects.restrict(request.user).filter(code=unit_code).first() if unit_code else None
    if unit is not None:
        activities = activities.filter(unit__path__startswith=unit.path)
        keep.append(("unit", unit.code))
    for name, lookup in (("since", "gte"), ("until", "lte")):
        day = _date(request.GET.get(name, ""))
        if day is not None:
            activities = activities.filter(**{f"occurred_at__date__{lookup}": day})
            keep.append((name, day.isoformat()))
    return activities, statuses, keep


@login_required
def activity_list(request):
    activities, statuses, keep = _filtered(request, _visible(request))
    page = Paginator(activities, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "activities/list.html",
        {
            "page": page,
            "status": statuses[0] if len(statuses) == 1 else "",
            "statuses": Status.choices,
            "can_add": can(request.user, "add", "records"),
            "filters": keep,
            "page_query": urlencode(keep + [("status", s) for s in statuses]),
        },
    )


def _save_photos(request, activity, files) -> None:
    for upload in files:
        attach_photo(request.user, activity, upload)


@transaction.atomic
def _record_from_form(request, form: ActivityForm) -> Activity:
    """Record, attach photos and (if asked) submit in one transaction: a failure stores nothing."""
    client_id = form.cleaned_data["client_id"]
    activity, created = services.record_activity(
        request.user,
        form.to_input(),
        source=Source.FORM,
        idempotency_key=f"form:{client_id}" if client_id else None,
    )
    if created:
        _save_photos(request, activity, form.cleaned_data["photos"])
    if "submit" in request.POST and activity.status == Status.DRAFT:
        services.submit_activity(request.user, activity)
    return activity


@login_required
def activity_create(request):
    if not can(request.user, "add", "records"):
        raise PermissionDenied
    keep = tuple(int(pk) for pk in request.GET.getlist("figures") if pk.isdigit())
    form = ActivityForm(
        request.user,
        request.POST or None,
        request.FILES or None,
        figure_query=request.GET.get("q", ""),
        keep_figure_ids=keep,
    )
    if request.method == "POST" and form.is_valid():
        try:
            activity = _record_from_form(request, form)
        except ValidationError as error:
            form.add_service_errors(
                error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
            )
        else:
            messages.success(request, _("Activity saved."))
            return redirect("activities:detail", pk=activity.pk)
    return render(request, "activities/form.html", {"form": form}, status=422 if form.errors else 200)


@login_required
def activity_detail(request, pk: int):
    activity = get_object_or_404(_visible(request).prefetch_related("photos", "figure_candidates"), pk=pk)
    user = request.user
    mine_to_edit = activity.status in (Status.DRAFT, Status.RETURNED) and can(user, "change", "records")
    return render(
        request,
        "activities/detail.html",
        {
            "activity": activity,
            "can_submit": mine_to_edit,
            "can_verify": activity.status == Status.SUBMITTED and can(user, "verify", "records"),
            "return_form": ReturnForm(),
        },
    )


@login_required
@require_POST
def activity_transition(request, pk: int, action: str):
    """Submit, verify or return: one service call each, the same ones the API and CLI use."""
    activity = get_object_or_404(_visible(request), pk=pk)
    try:
        if action == "submit":
            services.submit_activity(request.user, activity)
        elif action == "verify":
            services.verify_activity(request.user, activity)
        elif action == "return":
            services.return_activity(request.user, activity, request.POST.get("note", ""))
        else:
            raise PermissionDenied
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Status: %(status)s.") % {"status": activity.get_status_display()})
    return redirect("activities:detail", pk=activity.pk)


@login_required
def photo_file(request, pk: int, photo_id: int, variant: str):
    """Evidence is served only to users who may see the activity (never from a public folder)."""
    activity = get_object_or_404(Activity.objects.restrict(request.user), pk=pk)
    photo = get_object_or_404(ActivityPhoto, pk=photo_id, activity=activity)
    field = photo.thumbnail if variant == "thumb" else photo.image
    content_type = "image/jpeg" if variant == "thumb" else photo.content_type
    return FileResponse(field.open("rb"), content_type=content_type)
