from django import forms
from django.utils.translation import gettext_lazy as _

from sejuk.activities.forms import region_choices
from sejuk.figures.models import Figure
from sejuk.regions.models import Region


class FigureForm(forms.ModelForm):
    """Register a figure; `confirm_new` is ticked after the duplicate warning was shown."""

    home_region_code = forms.ChoiceField(label=_("Home desa / kelurahan"))
    confirm_new = forms.BooleanField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Figure
        fields = [
            "name",
            "kind",
            "role",
            "organisation",
            "organisation_kind",
            "religion",
            "influence",
            "influence_reason",
            "alignment",
            "aligned_with",
            "alignment_source",
            "alignment_date",
            "public_consent",
            "phone",
            "address",
        ]
        widgets = {"alignment_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, user, *args, show_personal: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["home_region_code"].choices = [("", "—")] + region_choices(user)
        self.fields["name"].help_text = _("With titles as usual (H., KH, Ust., S.H.); they are kept apart.")
        if not show_personal:
            for name in Figure.PERSONAL_FIELDS:
                del self.fields[name]

    def _post_clean(self):
        # The service validates the model (with the region and the duplicate guard), not the form.
        pass

    def service_data(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k not in {"confirm_new", "home_region_code"}}
        data["home_region"] = Region.objects.get(code=self.cleaned_data["home_region_code"])
        return data
