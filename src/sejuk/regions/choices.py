from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.IntegerChoices):
    PROVINSI = 1, _("Province")
    KABUPATEN_KOTA = 2, _("Regency / city")
    KECAMATAN = 3, _("District (kecamatan)")
    DESA = 4, _("Village (desa / kelurahan)")


class Kind(models.TextChoices):
    PROVINSI = "provinsi", _("Provinsi")
    KABUPATEN = "kabupaten", _("Kabupaten")
    KOTA = "kota", _("Kota")
    KECAMATAN = "kecamatan", _("Kecamatan")
    DISTRIK = "distrik", _("Distrik")
    DESA = "desa", _("Desa")
    KELURAHAN = "kelurahan", _("Kelurahan")
    DESA_ADAT = "desa_adat", _("Desa adat")


class TimeZone(models.TextChoices):
    WIB = "WIB", "WIB (UTC+7)"
    WITA = "WITA", "WITA (UTC+8)"
    WIT = "WIT", "WIT (UTC+9)"


# The IANA zone behind each Indonesian zone name; used to enter and show local times.
IANA_ZONE = {TimeZone.WIB: "Asia/Jakarta", TimeZone.WITA: "Asia/Makassar", TimeZone.WIT: "Asia/Jayapura"}
