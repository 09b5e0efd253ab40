"""The administrators' GeoJSON upload (#6): boundaries or points keyed by Kemendagri code."""

from __future__ import annotations

import json

from django import forms
from django.utils.translation import gettext_lazy as _

from sejuk.core.jurisdiction import jurisdiction_of
from sejuk.dashboard.geometry import CODE_PROPERTIES, MAX_BYTES, GeometryReport, _dotted, load_geometry


def _codes(data) -> list[str]:
    features = data.get("features", []) if data.get("type") == "FeatureCollection" else [data]
    codes = []
    for feature in features:
        properties = (feature or {}).get("properties") or {}
        raw = next((properties[k] for k in CODE_PROPERTIES if properties.get(k) not in (None, "")), None)
        if raw is not None:
            codes.append(_dotted(raw))
    return codes


class GeometryUploadForm(forms.Form):
    file = forms.FileField(
        label=_("GeoJSON file"),
        help_text=_(
            'A FeatureCollection; each feature\'s properties carry its Kemendagri code ("code" or "kode").'
        ),
    )
    source = forms.CharField(
        label=_("Source"),
        max_length=200,
        required=False,
        help_text=_("Where the boundaries come from (shown on the map)."),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.report: GeometryReport | None = None
        self.file_name = ""

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 50 MB."))
        raw = upload.read()
        self.file_name = upload.name
        try:
            data = json.loads(raw)
        except ValueError as error:
            raise forms.ValidationError(_("This is not a GeoJSON file.")) from error
        if not isinstance(data, dict):
            raise forms.ValidationError(_("This is not a GeoJSON file."))
        jurisdiction = jurisdiction_of(self.user)
        outside = sorted({code for code in _codes(data) if not jurisdiction.covers_region(code)})
        if outside:
            raise forms.ValidationError(
                _("Outside your jurisdiction: %(codes)s. Nothing was saved.")
                % {"codes": ", ".join(outside[:10])}
            )
        return raw

    def save(self) -> GeometryReport:
        """Load all or nothing; errors (unknown codes, bad coordinates) go on the form."""
        source = self.cleaned_data["source"] or self.file_name
        self.report = load_geometry(self.cleaned_data["file"], source=source)
        if not self.report.ok:
            self.add_error("file", self.report.summary())
        return self.report
