"""Pages of importing published releases: paste or upload, see what was understood, choose where
the import is not certain, confirm into a draft activity (#5). The services decide; these parse."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, Value, When
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from sejuk.accounts.roles import can
from sejuk.activities.models import AppealTheme
from sejuk.press.choices import ImportStatus
from sejuk.press.forms import ImportForm, ReviewForm
from sejuk.press.importing import present, service
from sejuk.press.importing.resolution import Resolution
from sejuk.press.models import PressImport


def _report(request, form, error: ValidationError | PermissionDenied) -> None:
    """Field errors on their field when the form has it; everything else as a message."""
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        for name, problems in error.message_dict.items():
            name = {"occurred_at": "day"}.get(name, name)  # the service's name for the date
            for problem in problems:
                if form is not None and name in form.fields:
                    form.add_error(name, problem)
                else:
                    messages.error(request, problem)
        return
    for problem in getattr(error, "messages", None) or [str(error)]:
        messages.error(request, problem)


@login_required
def import_list(request):
    user = request.user
    if not (service.can_import(user) or can(user, "view", "audit")):
        raise PermissionDenied
    form = ImportForm()
    if request.method == "POST":
        if not service.can_import(user):
            raise PermissionDenied
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                result = service.import_release(
                    user,
                    form.release_text(),
                    source_url=form.cleaned_data["source_url"],
                    published_on=form.cleaned_data["published_on"],
                )
            except (ValidationError, PermissionDenied) as error:
                _report(request, form, error)
            else:
                if not result.created:
                    messages.info(request, _("This release was imported before; here is that import."))
                return redirect("press:import_detail", pk=result.press_import.pk)
    imports = PressImport.objects.for_user(user).select_related("activity", "created_by")
    waiting_first = Case(When(status=ImportStatus.PENDING, then=Value(0)), default=Value(1))
    imports = imports.order_by(waiting_first, "-created_at", "-pk")
    page = Paginator(imports, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "press/import_list.html",
        {"form": form, "page": page, "can_import": service.can_import(user)},
    )


def _act(request, press_import: PressImport, form: ReviewForm):
    action = request.POST.get("action", "")
    if action == "discard":
        service.discard_import(request.user, press_import)
        messages.success(request, _("The import was set aside."))
        return redirect("press:imports")
    if not form.is_valid():
        return None
    if action == "save":
        service.save_choices(request.user, press_import, form.choices())
        messages.success(request, _("Choices saved; a commander of the area can now confirm."))
        return redirect("press:import_detail", pk=press_import.pk)
    activity = service.confirm_import(request.user, press_import, form.choices())
    messages.success(request, _("Draft activity created from the release; check it, then submit it."))
    return redirect("activities:detail", pk=activity.pk)


def _theme_labels(codes: list[str]) -> list[str]:
    labels = dict(AppealTheme.objects.filter(code__in=codes).values_list("code", "label_id"))
    return [labels.get(code, code) for code in codes]


@login_required
def import_detail(request, pk: int):
    user = request.user
    press_import = get_object_or_404(PressImport.objects.for_user(user).select_related("activity"), pk=pk)
    reviewable = press_import.status == ImportStatus.PENDING and service.can_import(user)
    form = ReviewForm(user, press_import) if reviewable else None
    if request.method == "POST":
        if not reviewable:
            raise PermissionDenied
        form = ReviewForm(user, press_import, request.POST)
        try:
            response = _act(request, press_import, form)
        except (ValidationError, PermissionDenied) as error:
            _report(request, form, error)
        else:
            if response is not None:
                return response
    resolution = Resolution.from_json(press_import.resolution)
    return render(
        request,
        "press/import_detail.html",
        {
            "item": press_import,
            "rows": present.rows(resolution),
            "themes": _theme_labels(resolution.themes),
            "election_phase": resolution.election_phase,
            "missing": resolution.missing(),
            "form": form,
            "can_confirm": reviewable and can(user, "add", "records"),
        },
    )
