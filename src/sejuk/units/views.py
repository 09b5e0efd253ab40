from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from sejuk.accounts.roles import can
from sejuk.core.audit import log_personal_access
from sejuk.regions.models import Region
from sejuk.units.models import Officer, Unit


@login_required
def unit_detail(request, code: str):
    """A unit in the user's jurisdiction: its area, the units below it and its officers."""
    unit = get_object_or_404(Unit.objects.restrict(request.user).select_related("parent"), code=code)
    officers = Officer.objects.restrict(request.user).with_related().filter(unit=unit, active=True)
    context = {
        "unit": unit,
        "chain": unit.chain()[1:],
        "children": Unit.objects.restrict(request.user).filter(parent=unit),
        "area": Region.objects.filter(code__in=unit.area_codes()),
        "officers": officers,
        "show_personal": can(request.user, "view", "personal"),
    }
    if context["show_personal"]:
        log_personal_access(officer for officer in officers if officer.phone)
    return render(request, "units/detail.html", context)
