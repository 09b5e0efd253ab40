"""Humas pages (list, write, edit, approve, publish), the public page and the downloads."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sejuk.accounts.roles import can
from sejuk.activities.choices import Status as ActivityStatus
from sejuk.activities.models import Activity
from sejuk.press import services
from sejuk.press.choices import Format, Status
from sejuk.press.forms import DailyForm, EditForm, FromActivityForm
from sejuk.press.models import PressRelease
from sejuk.press.writing import render as renderers


def _visible(request):
    return PressRelease.objects.for_user(request.user).select_related("unit")


def _errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
def release_list(request):
    releases = _visible(request)
    status = request.GET.get("status", "")
    if status in Status.values:
        releases = releases.filter(status=status)
    can_write = can(request.user, "add", "press")
    ready = []
    if can_write:
        ready = (
            Activity.objects.restrict(request.user)
            .filter(status=ActivityStatus.VERIFIED, press_releases__isnull=True)
            .select_related("region", "unit")[:20]
        )
    return render(
        request,
        "press/list.html",
        {
            "page": Paginator(releases, 25).get_page(request.GET.get("page")),
            "status": status,
            "statuses": Status.choices,
            "can_write": can_write,
            "can_import": can(request.user, "import", "press"),
            "ready": ready,
            "daily_form": DailyForm(request.user) if can_write else None,
            "activity_form": FromActivityForm(),
        },
    )


@login_required
@require_POST
def draft_from_activity(request):
    form = FromActivityForm(request.POST)
    if not form.is_valid():
        raise Http404
    activity = get_object_or_404(Activity.objects.restrict(request.user), pk=form.cleaned_data["activity"])
    try:
        release = services.draft_release_from_activity(
            request.user, activity, language=form.cleaned_data["language"]
        )
    except ValidationError as error:
        _errors(request, error)
        return redirect("press:list")
    messages.success(request, _("Draft written."))
    return redirect("press:detail", pk=release.pk)


@login_required
@require_POST
def draft_daily(request):
    if not can(request.user, "add", "press"):
        raise PermissionDenied
    form = DailyForm(request.user, request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect("press:list")
    data = form.cleaned_data
    try:
        release = services.draft_daily_release(
            request.user, data["unit"], data["day"], language=data["language"]
        )
    except ValidationError as error:
        _errors(request, error)
        return redirect("press:list")
    messages.success(request, _("Draft written."))
    return redirect("press:detail", pk=release.pk)


@login_required
def release_detail(request, pk: int):
    release = get_object_or_404(_visible(request), pk=pk)
    user = request.user
    editable = release.status != Status.PUBLISHED and can(user, "change", "press")
    return render(
        request,
        "press/detail.html",
        {
            "release": release,
            "paragraphs": renderers.paragraphs(release.body),
            "activities": release.activities.restrict(user).select_related("region"),
            "form": EditForm(initial={"title": release.title, "body": release.body}) if editable else None,
            "can_approve": release.status in (Status.DRAFT, Status.EDITED) and can(user, "approve", "press"),
            "can_publish": release.status == Status.APPROVED and can(user, "publish", "press"),
            "formats": Format.choices,
        },
    )


@login_required
@require_POST
def release_edit(request, pk: int):
    release = get_object_or_404(_visible(request), pk=pk)
    form = EditForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("The title and the text are required."))
        services.edit_release(request.user, release, form.cleaned_data["title"], form.cleaned_data["body"])
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("Release saved."))
    return redirect("press:detail", pk=release.pk)


@login_required
@require_POST
def release_transition(request, pk: int, action: str):
    """Approve or publish: one service call each, the same ones the API uses."""
    release = get_object_or_404(_visible(request), pk=pk)
    steps = {"approve": services.approve_release, "publish": services.publish_release}
    if action not in steps:
        raise Http404
    try:
        steps[action](request.user, release)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("Status: %(status)s.") % {"status": release.get_status_display()})
    return redirect("press:detail", pk=release.pk)


def public_list(request):
    releases = PressRelease.objects.published().select_related("unit").order_by("-published_at", "-pk")
    page = Paginator(releases, 20).get_page(request.GET.get("page"))
    return render(request, "press/public_list.html", {"page": page})


def public_detail(request, pk: int):
    release = get_object_or_404(PressRelease.objects.published().select_related("unit"), pk=pk)
    context = {
        "release": release,
        "paragraphs": renderers.paragraphs(release.body),
        "formats": Format.choices,
    }
    return render(request, "press/public_detail.html", context)


def download(request, pk: int, fmt: str):
    """Published releases are public; others only for the press roles of the jurisdiction."""
    release = PressRelease.objects.filter(pk=pk).select_related("unit").first()
    if release is None or not (release.is_published or _visible(request).filter(pk=pk).exists()):
        raise Http404
    name = f"rilis-{release.pk}.{fmt}"
    if fmt == Format.TEXT:
        response = HttpResponse(
            renderers.to_text(release.title, release.body), content_type="text/plain; charset=utf-8"
        )
    elif fmt == Format.HTML:
        html = renderers.to_html(release.title, release.body, lang=release.language)
        response = HttpResponse(html, content_type="text/html; charset=utf-8")
    elif fmt == Format.DOCX and renderers.docx_available():
        response = HttpResponse(
            renderers.to_docx(release.title, release.body, lang=release.language),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
