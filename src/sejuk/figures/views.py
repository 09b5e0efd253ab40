"""Pages of the figure registry: search, profile with engagement history, register, merge."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sejuk.accounts.roles import can
from sejuk.figures import services
from sejuk.figures.forms import FigureForm
from sejuk.figures.models import Figure


@login_required
def figure_list(request):
    query = request.GET.get("q", "").strip()
    figures = (
        Figure.objects.restrict(request.user)
        .current()
        .select_related("home_region")
        .annotate(last_engaged=Max("activities__occurred_at"), engagements=Count("activities"))
        .order_by("name")
    )
    if query:
        figures = figures.filter(normalized_name__icontains=query.lower())
    page = Paginator(figures, 30).get_page(request.GET.get("page"))
    template = "figures/_rows.html" if request.htmx else "figures/list.html"
    return render(
        request, template, {"page": page, "query": query, "can_add": can(request.user, "add", "records")}
    )


@login_required
def figure_detail(request, pk: int):
    figure = get_object_or_404(
        Figure.objects.restrict(request.user).select_related("home_region", "merged_into"), pk=pk
    )
    activities = figure.activities.restrict(request.user).select_related("region", "unit")[:50]
    duplicates = services.possible_duplicates(figure.name, figure.home_region_id, exclude_pk=figure.pk)
    return render(
        request,
        "figures/detail.html",
        {
            "figure": figure,
            "activities": activities,
            "personal": services.personal_data(request.user, figure),
            "duplicates": duplicates,
            "can_merge": can(request.user, "change", "records"),
        },
    )


@login_required
def figure_create(request):
    if not can(request.user, "add", "records"):
        raise PermissionDenied
    show_personal = can(request.user, "view", "personal")
    form = FigureForm(request.user, request.POST or None, show_personal=show_personal)
    duplicates = []
    if request.method == "POST" and form.is_valid():
        try:
            result = services.register_figure(
                request.user, form.service_data(), confirm_new=form.cleaned_data["confirm_new"]
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                for message in errors:
                    target = "home_region_code" if field == "home_region" else field
                    form.add_error(target if target in form.fields else None, message)
        else:
            if result.figure:
                messages.success(request, _("Figure registered."))
                return redirect("figures:detail", pk=result.figure.pk)
            duplicates = result.duplicates
            form.data = form.data.copy()
            form.data["confirm_new"] = "on"
    status = 422 if form.errors else 409 if duplicates else 200
    return render(request, "figures/form.html", {"form": form, "duplicates": duplicates}, status=status)


@login_required
@require_POST
def figure_merge(request, pk: int, duplicate_pk: int):
    visible = Figure.objects.restrict(request.user).current()
    keep, duplicate = get_object_or_404(visible, pk=pk), get_object_or_404(visible, pk=duplicate_pk)
    try:
        services.merge_figures(request.user, keep, duplicate)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Figures merged; the history of both is kept."))
    return redirect("figures:detail", pk=keep.pk)
