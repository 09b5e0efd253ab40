from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import render

from sejuk.accounts.roles import can
from sejuk.core.jurisdiction import jurisdiction_of
from sejuk.regions.models import Region
from sejuk.units.models import Unit


@login_required
def home(request):
    """The user's own area: their unit, its chain, its area and the units below it."""
    user = request.user
    jurisdiction = jurisdiction_of(user)
    units = (
        Unit.objects.restrict(user)
        .select_related("parent")
        .annotate(officer_count=Count("officers", filter=Q(officers__active=True), distinct=True))
    )
    area = []
    if jurisdiction.region_prefixes:
        area = Region.objects.filter(code__in=jurisdiction.region_prefixes).order_by("code")
    context = {
        "unit": user.unit,
        "chain": user.unit.chain() if user.unit else [],
        "units": units[:200],
        "unit_count": units.count(),
        "area": area,
        "national": jurisdiction.national,
        "can_admin": can(user, "change", "units") or can(user, "view", "audit"),
    }
    return render(request, "core/home.html", context)
