"""The public tip page: no login, plain HTML that works on any phone without JavaScript."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from sejuk.incidents import tips
from sejuk.incidents.forms import TipForm


@never_cache
def tip_create(request):
    form = TipForm(request.POST or None)
    if request.method != "POST":
        return render(request, "incidents/tip_form.html", {"form": form})
    status = 422
    if form.is_valid():
        try:
            incident, _created = tips.receive_tip(tips.request_ip(request), form.to_submission())
        except tips.TipRefused as refused:
            form.add_error(None, refused.message)
            status = refused.status
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            return render(request, "incidents/tip_thanks.html", {"reference": incident.reference})
    form.renew_token()
    return render(request, "incidents/tip_form.html", {"form": form}, status=status)
