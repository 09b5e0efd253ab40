from auditlog.registry import auditlog
from django.db import models
from django.utils.translation import gettext_lazy as _


class RegionGeometry(models.Model):
    """Boundary or point of a region, uploaded by an operator as GeoJSON keyed by Kemendagri code.

    No package ships kecamatan or kabupaten boundaries (docs/dependencies), so the map colours areas
    where an operator has uploaded a polygon and shows a marker at the centroid otherwise.
    """

    region = models.OneToOneField(
        "regions.Region", on_delete=models.CASCADE, primary_key=True, related_name="geometry"
    )
    geometry = models.JSONField(_("GeoJSON geometry"))
    kind = models.CharField(max_length=20)  # Point, Polygon or MultiPolygon
    centroid_lat = models.FloatField()
    centroid_lon = models.FloatField()
    source = models.CharField(_("source"), max_length=200, blank=True)
    uploaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("region geometry")
        verbose_name_plural = _("region geometries")

    def __str__(self) -> str:
        return f"{self.region_id} ({self.kind})"


auditlog.register(RegionGeometry, exclude_fields=["geometry"])
