"""Forms of the Humas pages; the services validate again, these only parse."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sejuk.press.choices import Language
from sejuk.units.models import Unit


class EditForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=250)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 18}))


class FromActivityForm(forms.Form):
    activity = forms.IntegerField(widget=forms.HiddenInput)
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices, initial=Language.INDONESIAN)


class DailyForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    day = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices, initial=Language.INDONESIAN)

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.restrict(user).filter(active=True).exclude(kind="mabes")
