"""The phone-first activity form. Choices are limited to the user's area; the service validates."""

from __future__ import annotations

import uuid
from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sejuk.activities.choices import ActivityType, PartnerKind, Situation
from sejuk.activities.models import AppealTheme
from sejuk.activities.photos import MAX_PHOTOS, validate_photo
from sejuk.activities.services import ActivityInput
from sejuk.core.jurisdiction import jurisdiction_of, region_q
from sejuk.figures.models import Figure
from sejuk.regions.models import Region
from sejuk.units.models import Officer

# How service errors map onto the form's fields, so each message shows beside its field.
SERVICE_FIELD_TO_FORM = {
    "region_code": "region",
    "occurred_at": "occurred_date",
    "officer_ids": "officers",
    "figure_ids": "figures",
    "theme_codes": "themes",
    "unit_code": "region",
}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget",
            MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp", "capture": "environment"}),
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


def region_choices(user) -> list:
    """Kecamatan and desa of the user's area, grouped per kecamatan (a native select, no JS needed)."""
    prefixes = jurisdiction_of(user).region_prefixes or ()
    kecamatan = Region.objects.filter(level=3, retired=False)
    desa = Region.objects.filter(level=4, retired=False)
    if not prefixes:
        return []  # national users pick by code through the API; the form is for people in an area
    # A unit whose area is a single desa still sees that desa's kecamatan as the group heading.
    kecamatan = kecamatan.filter(
        region_q("code", prefixes) | region_q("code", tuple(p[:8] for p in prefixes))
    )
    desa = desa.filter(region_q("code", prefixes))
    groups: dict[str, list] = {}
    for region in desa.order_by("code")[:3000]:
        groups.setdefault(region.parent_id, []).append((region.code, region.label))
    choices = []
    for region in kecamatan.order_by("code")[:300]:
        entries = [(region.code, _("Kecamatan %(name)s (whole)") % {"name": region.name})]
        choices.append((region.label, entries + groups.get(region.code, [])))
    return choices


def _local_zone(user):
    """The zone of the user's own area (WIB, WITA or WIT), not the server's."""
    first_area = user.unit.areas.first() if user.unit_id else None
    return first_area.tzinfo if first_area else timezone.get_current_timezone()


class ActivityForm(forms.Form):
    client_id = forms.CharField(widget=forms.HiddenInput, required=False)
    activity_type = forms.ChoiceField(label=_("Activity"), choices=ActivityType.choices)
    occurred_date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    occurred_time = forms.TimeField(
        label=_("Time (local)"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    region = forms.ChoiceField(label=_("Place"))
    officers = forms.ModelMultipleChoiceField(
        label=_("Officers"), queryset=Officer.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    figures = forms.ModelMultipleChoiceField(
        label=_("Figures engaged"),
        queryset=Figure.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Appeals delivered"),
        required=False,
        queryset=AppealTheme.objects.filter(active=True),
        widget=forms.CheckboxSelectMultiple,
    )
    partners = forms.MultipleChoiceField(
        label=_("Partners present"),
        choices=PartnerKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    attendance = forms.IntegerField(
        label=_("Number attending"), min_value=0, max_value=100000, required=False
    )
    situation = forms.ChoiceField(
        label=_("Situation"), choices=Situation.choices, initial=Situation.AMAN, widget=forms.RadioSelect
    )
    narrative = forms.CharField(
        label=_("What happened"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    latitude = forms.DecimalField(required=False, widget=forms.HiddenInput, max_digits=9, decimal_places=6)
    longitude = forms.DecimalField(required=False, widget=forms.HiddenInput, max_digits=9, decimal_places=6)
    photos = MultipleFileField(label=_("Photos (JPEG/PNG, max 8 MB each)"), required=False)

    def __init__(self, user, *args, figure_query: str = "", keep_figure_ids: tuple = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["region"].choices = [("", "—")] + region_choices(user)
        self.fields["officers"].queryset = (
            Officer.objects.restrict(user).with_related().filter(active=True, unit=user.unit)
            if user.unit_id
            else Officer.objects.none()
        )
        figures = Figure.objects.restrict(user).current().select_related("home_region")
        if figure_query:
            # Figures already ticked stay in the list while the officer searches for more.
            figures = figures.filter(
                Q(normalized_name__icontains=figure_query.lower()) | Q(pk__in=keep_figure_ids)
            )
        self.fields["figures"].queryset = figures.order_by("name")
        if keep_figure_ids and not self.is_bound:
            self.initial["figures"] = list(keep_figure_ids)
        if not self.is_bound:
            self.initial.setdefault("client_id", uuid.uuid4().hex)
            now = timezone.localtime(timezone=_local_zone(user))
            self.initial.setdefault("occurred_date", now.date())
            self.initial.setdefault("occurred_time", now.time().replace(second=0, microsecond=0))
            if user.officer_id:
                self.initial.setdefault("officers", [user.officer_id])

    def clean_photos(self):
        photos = self.cleaned_data.get("photos") or []
        if len(photos) > MAX_PHOTOS:
            raise forms.ValidationError(_("At most 10 photos per activity."))
        for upload in photos:
            try:
                validate_photo(upload)
            except ValidationError as error:
                raise forms.ValidationError(error.message_dict["photos"]) from error
        return photos

    def to_input(self) -> ActivityInput:
        data = self.cleaned_data
        return ActivityInput(
            activity_type=data["activity_type"],
            region_code=data["region"],
            occurred_at=datetime.combine(data["occurred_date"], data["occurred_time"]),
            officer_ids=[o.pk for o in data["officers"]],
            figure_ids=[f.pk for f in data["figures"]],
            theme_codes=[t.code for t in data["themes"]],
            partners=list(data["partners"]),
            attendance=data["attendance"],
            narrative=data["narrative"],
            situation=data["situation"],
            latitude=data["latitude"],
            longitude=data["longitude"],
        )

    def add_service_errors(self, message_dict: dict) -> None:
        for field_name, messages in message_dict.items():
            target = SERVICE_FIELD_TO_FORM.get(field_name, field_name)
            for message in messages:
                self.add_error(target if target in self.fields else None, message)


class ReturnForm(forms.Form):
    note = forms.CharField(label=_("What must be corrected"), widget=forms.Textarea(attrs={"rows": 3}))
