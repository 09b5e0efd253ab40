"""Forms of the Humas pages; the services validate again, these only parse."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sejuk.activities.choices import ActivityType
from sejuk.press.choices import Language
from sejuk.press.importing import options, reading
from sejuk.press.importing.choices import ReviewChoices
from sejuk.press.importing.service import effective_choices
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


class ImportForm(forms.Form):
    """Paste a release or upload it; the service checks the text, these fields only parse."""

    text = forms.CharField(
        label=_("Text of the release"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14, "maxlength": 2_000_000}),
    )
    file = forms.FileField(label=_("or a .txt / .html file"), required=False)
    source_url = forms.CharField(label=_("Address of the release (optional)"), required=False, max_length=500)
    published_on = forms.DateField(
        label=_("Publication date (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def release_text(self) -> str:
        """The pasted text, or the uploaded file's (ValidationError if the file cannot be read)."""
        upload = self.cleaned_data.get("file")
        if upload is None:
            return self.cleaned_data.get("text", "")
        if upload.size > reading.MAX_BYTES:
            raise ValidationError({"file": [gettext("The file is too large: at most 2 MB.")]})
        return reading.decode_upload(upload.name, upload.read())


class ReviewForm(forms.Form):
    """The reviewer's choices, offered from the candidates first and then the unit's own lists."""

    unit_code = forms.ChoiceField(label=_("Unit"), required=False)
    region_code = forms.ChoiceField(label=_("Place"), required=False)
    day = forms.DateField(label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    activity_type = forms.ChoiceField(label=_("Type of activity"), required=False)
    officer_ids = forms.TypedMultipleChoiceField(
        label=_("Officers who took part"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    figure_ids = forms.TypedMultipleChoiceField(
        label=_("Figures engaged"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    theme_codes = forms.MultipleChoiceField(
        label=_("Appeals delivered"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, user, press_import, *args, **kwargs):
        chosen = effective_choices(press_import)
        kwargs.setdefault("initial", chosen.to_json())
        super().__init__(*args, **kwargs)
        offered = options.for_review(user, press_import, chosen)
        blank = [("", "—")]
        self.fields["unit_code"].choices = blank + offered.units
        self.fields["region_code"].choices = blank + offered.regions
        self.fields["activity_type"].choices = blank + list(ActivityType.choices)
        self.fields["officer_ids"].choices = offered.officers
        self.fields["figure_ids"].choices = offered.figures
        self.fields["theme_codes"].choices = offered.themes

    def choices(self) -> ReviewChoices:
        data = self.cleaned_data
        return ReviewChoices(
            unit_code=data["unit_code"],
            region_code=data["region_code"],
            day=data["day"],
            activity_type=data["activity_type"],
            officer_ids=list(data["officer_ids"]),
            figure_ids=list(data["figure_ids"]),
            theme_codes=list(data["theme_codes"]),
        )
