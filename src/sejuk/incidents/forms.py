"""Phone-first forms: the officer's report, the public tip, and the small workflow forms."""

from __future__ import annotations

import uuid
from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sejuk.activities.forms import MultipleFileField, region_choices
from sejuk.activities.models import Activity
from sejuk.activities.photos import validate_photo
from sejuk.incidents.choices import IncidentType, Severity, Source
from sejuk.incidents.evidence import MAX_EVIDENCE
from sejuk.incidents.tips import HONEYPOT_FIELD, TipSubmission, issue_form_token
from sejuk.incidents.validation import IncidentInput
from sejuk.units.models import Officer, Unit

OFFICER_SOURCES = [c for c in Source.choices if c[0] != Source.PUBLIC_TIP]


class ServiceErrorsMixin:
    """Show each service error beside its field (or at the top when no field matches)."""

    service_field_map: dict[str, str] = {}

    def add_service_errors(self, error: ValidationError) -> None:
        message_dict = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
        for field_name, messages in message_dict.items():
            target = self.service_field_map.get(field_name, field_name)
            for message in messages:
                self.add_error(target if target in self.fields else None, message)


def _when_fields(initial_zone):
    now = timezone.localtime(timezone=initial_zone)
    return now.date(), now.time().replace(second=0, microsecond=0)


def _date_field():
    return forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


def _time_field():
    return forms.TimeField(
        label=_("Time (local)"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )


def _count(label):
    return forms.IntegerField(label=label, min_value=0, max_value=100000, initial=0, required=False)


class IncidentForm(ServiceErrorsMixin, forms.Form):
    service_field_map = {"region_code": "region", "occurred_at": "occurred_date", "latitude": "region"}

    client_id = forms.CharField(widget=forms.HiddenInput, required=False)
    incident_type = forms.ChoiceField(label=_("What kind of incident"), choices=IncidentType.choices)
    severity = forms.ChoiceField(
        label=_("Severity"),
        choices=Severity.choices,
        initial=Severity.POTENSI_GANGGUAN,
        widget=forms.RadioSelect,
    )
    source = forms.ChoiceField(label=_("Source"), choices=OFFICER_SOURCES, initial=Source.OFFICER)
    occurred_date = _date_field()
    occurred_time = _time_field()
    region = forms.ChoiceField(label=_("Place"))
    place_detail = forms.CharField(label=_("Exact place (e.g. in front of the KPU office)"), required=False)
    description = forms.CharField(
        label=_("Description of the incident"), widget=forms.Textarea(attrs={"rows": 4})
    )
    actors = forms.CharField(label=_("Actors (groups, people)"), required=False)
    candidate_camps = forms.CharField(label=_("Candidate camps involved"), required=False)
    dead = _count(_("Dead"))
    injured = _count(_("Injured"))
    buildings_damaged = _count(_("Buildings damaged"))
    source_url = forms.CharField(label=_("Link to the post or article"), required=False)
    latitude = forms.DecimalField(required=False, widget=forms.HiddenInput, max_digits=9, decimal_places=6)
    longitude = forms.DecimalField(required=False, widget=forms.HiddenInput, max_digits=9, decimal_places=6)
    photos = MultipleFileField(label=_("Photos (JPEG/PNG, max 8 MB each)"), required=False)

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", "—")] + region_choices(user)
        if not self.is_bound:
            first_area = user.unit.areas.first() if user.unit_id else None
            zone = first_area.tzinfo if first_area else timezone.get_current_timezone()
            self.initial["occurred_date"], self.initial["occurred_time"] = _when_fields(zone)
            self.initial["client_id"] = uuid.uuid4().hex

    def clean_photos(self):
        photos = self.cleaned_data.get("photos") or []
        if len(photos) > MAX_EVIDENCE:
            raise forms.ValidationError(_("At most 10 photos per incident."))
        for upload in photos:
            try:
                validate_photo(upload)
            except ValidationError as error:
                raise forms.ValidationError(error.message_dict["photos"]) from error
        return photos

    def to_input(self) -> IncidentInput:
        data = self.cleaned_data
        point = (data["latitude"], data["longitude"])
        return IncidentInput(
            incident_type=data["incident_type"],
            severity=data["severity"],
            source=data["source"],
            region_code=data["region"],
            occurred_at=datetime.combine(data["occurred_date"], data["occurred_time"]),
            description=data["description"],
            place_detail=data["place_detail"],
            actors=data["actors"],
            candidate_camps=data["candidate_camps"],
            dead=data["dead"] or 0,
            injured=data["injured"] or 0,
            buildings_damaged=data["buildings_damaged"] or 0,
            source_url=data["source_url"],
            latitude=float(point[0]) if point[0] is not None else None,
            longitude=float(point[1]) if point[1] is not None else None,
        )


class TipForm(ServiceErrorsMixin, forms.Form):
    """The public form: few fields, plain HTML, no login."""

    service_field_map = {"region_code": "kecamatan", "occurred_at": "occurred_date", "form_token": "__all__"}

    client_id = forms.CharField(widget=forms.HiddenInput, required=False)
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)
    incident_type = forms.ChoiceField(label=_("What kind of incident"), choices=IncidentType.choices)
    occurred_date = _date_field()
    occurred_time = _time_field()
    kecamatan = forms.CharField(label=_("Kecamatan"), max_length=80)
    kabupaten = forms.CharField(label=_("Kabupaten or kota"), max_length=80)
    place_detail = forms.CharField(label=_("Exact place (village, street, building)"), required=False)
    description = forms.CharField(
        label=_("Description of the incident"), widget=forms.Textarea(attrs={"rows": 5})
    )
    contact = forms.CharField(
        label=_("Your phone or e-mail (optional)"),
        required=False,
        max_length=200,
        help_text=_("Only the officers who check tips see it. Leave it empty to stay anonymous."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The honeypot: named like a field bots love, hidden from people and screen readers.
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            required=False,
            label=_("Leave this empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        if not self.is_bound:
            self.initial["occurred_date"], self.initial["occurred_time"] = _when_fields(None)
            self.initial["client_id"] = uuid.uuid4().hex
            self.initial["form_token"] = issue_form_token()

    def renew_token(self) -> None:
        """A fresh token for the page shown again after an error (the old one may have expired)."""
        self.data = self.data.copy()
        self.data["form_token"] = issue_form_token()

    def to_submission(self) -> TipSubmission:
        data = self.cleaned_data
        return TipSubmission(
            incident_type=data["incident_type"],
            description=data["description"],
            occurred_at=datetime.combine(data["occurred_date"], data["occurred_time"]),
            kabupaten=data["kabupaten"],
            kecamatan=data["kecamatan"],
            place_detail=data["place_detail"],
            contact=data["contact"],
            honeypot=data.get(HONEYPOT_FIELD, ""),
            form_token=data["form_token"],
            client_id=data["client_id"],
        )


class VerifyForm(forms.Form):
    severity = forms.ChoiceField(label=_("Severity"), choices=Severity.choices)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Why is the report rejected"), widget=forms.Textarea(attrs={"rows": 2}))


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}))


class AssignForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none(), required=False)
    officer = forms.ModelChoiceField(label=_("Officer"), queryset=Officer.objects.none(), required=False)

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.restrict(user).filter(active=True)
        self.fields["officer"].queryset = Officer.objects.restrict(user).with_related().filter(active=True)


class LinkActivityForm(forms.Form):
    activity = forms.ModelChoiceField(label=_("Cooling activity"), queryset=Activity.objects.none())

    def __init__(self, user, incident, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Activities of the same kecamatan from the incident on: the likely responses.
        self.fields["activity"].queryset = (
            Activity.objects.restrict(user)
            .filter(region__code__startswith=incident.kecamatan_code, occurred_at__gte=incident.occurred_at)
            .exclude(pk__in=incident.response_activities.values("pk"))
            .select_related("region")
            .order_by("occurred_at")
        )
