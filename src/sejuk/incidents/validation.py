"""What an incident report must satisfy, whoever sends it (officer form, API, public tip, import)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from sejuk.core.jurisdiction import Jurisdiction
from sejuk.core.place_time import checked_moment, checked_place
from sejuk.incidents.choices import IncidentType, Severity, Source
from sejuk.incidents.models import MAX_COUNT
from sejuk.regions.models import Region

COUNT_FIELDS = ("dead", "injured", "buildings_damaged")
TEXT_LIMITS = {"description": 5000, "actors": 2000, "candidate_camps": 1000, "place_detail": 200}


@dataclass
class IncidentInput:
    """A report, already parsed but not yet validated."""

    incident_type: str
    region_code: str
    occurred_at: datetime | None  # naive = local time of the place; aware = as given
    description: str
    severity: str = Severity.POTENSI_GANGGUAN
    source: str = Source.OFFICER
    source_url: str = ""
    place_detail: str = ""
    latitude: float | None = None
    longitude: float | None = None
    actors: str = ""
    candidate_camps: str = ""
    dead: int = 0
    injured: int = 0
    buildings_damaged: int = 0


class IncidentValidator:
    """Collects every problem of one input, so the reporter sees them all at once.

    `jurisdiction` None skips the area check: public tips may come from anywhere in Indonesia.
    """

    def __init__(self, data: IncidentInput, jurisdiction: Jurisdiction | None):
        self.data, self.jurisdiction = data, jurisdiction
        self.errors: dict[str, list[str]] = {}

    def error(self, field_name: str, message: str) -> None:
        self.errors.setdefault(field_name, []).append(message)

    def run(self) -> dict:
        data = self.data
        self._choice("incident_type", IncidentType, _("Unknown incident type: '%(value)s'."))
        self._choice("severity", Severity, _("Unknown severity: '%(value)s'."))
        self._choice("source", Source, _("Unknown source: '%(value)s'."))
        region = self._region()
        cleaned = {
            "incident_type": data.incident_type,
            "severity": data.severity,
            "source": data.source,
            "region": region,
            "occurred_at": self._when(region),
            "source_url": self._url(),
            "latitude": data.latitude,
            "longitude": data.longitude,
        }
        self._point()
        cleaned.update(self._texts())
        cleaned.update(self._counts())
        if self.errors:
            raise ValidationError(self.errors)
        return cleaned

    def _choice(self, name: str, choices, message: str) -> None:
        value = getattr(self.data, name)
        if value not in choices.values:
            self.error(name, message % {"value": value})

    def _region(self) -> Region | None:
        code = self.data.region_code
        region = Region.objects.filter(code=code).first()
        return checked_place(region, code, self.jurisdiction, self.error)

    def _when(self, region: Region | None):
        future = _("The incident cannot be in the future.")
        return checked_moment(self.data.occurred_at, region, self.error, future_message=future)

    def _url(self) -> str:
        url = (self.data.source_url or "").strip()
        if url:
            try:
                URLValidator(schemes=["http", "https"])(url)
            except ValidationError:
                self.error("source_url", _("Enter a full link starting with http:// or https://."))
        return url

    def _point(self) -> None:
        lat, lon = self.data.latitude, self.data.longitude
        if (lat is None) != (lon is None):
            self.error("latitude", _("Give both latitude and longitude, or neither."))
        elif lat is not None and not (-11.5 <= lat <= 6.5 and 94.5 <= lon <= 141.5):
            self.error("latitude", _("The GPS point is outside Indonesia."))

    def _texts(self) -> dict:
        cleaned = {}
        for name, limit in TEXT_LIMITS.items():
            value = (getattr(self.data, name) or "").strip()
            if len(value) > limit:
                self.error(name, _("At most %(limit)d characters.") % {"limit": limit})
            cleaned[name] = value
        if not cleaned["description"]:
            self.error("description", _("Describe what happened."))
        return cleaned

    def _counts(self) -> dict:
        cleaned = {}
        for name in COUNT_FIELDS:
            value = getattr(self.data, name)
            value = 0 if value is None else value
            if not 0 <= value <= MAX_COUNT:
                self.error(name, _("Counts must be between 0 and 100,000."))
            cleaned[name] = value
        return cleaned
