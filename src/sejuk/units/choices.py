from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitLevel(models.TextChoices):
    MABES = "mabes", "Mabes"
    POLDA = "polda", "Polda"
    POLRES = "polres", "Polres"
    POLSEK = "polsek", "Polsek"


class UnitKind(models.TextChoices):
    MABES = "mabes", "Mabes Polri"
    POLDA = "polda", "Polda"
    POLRES = "polres", "Polres"
    POLRESTA = "polresta", "Polresta"
    POLRESTABES = "polrestabes", "Polrestabes"
    POLRES_METRO = "polres_metro", "Polres Metro"
    POLSEK = "polsek", "Polsek"
    POLSEKTA = "polsekta", "Polsekta"


LEVEL_OF_KIND = {
    UnitKind.MABES: UnitLevel.MABES,
    UnitKind.POLDA: UnitLevel.POLDA,
    UnitKind.POLRES: UnitLevel.POLRES,
    UnitKind.POLRESTA: UnitLevel.POLRES,
    UnitKind.POLRESTABES: UnitLevel.POLRES,
    UnitKind.POLRES_METRO: UnitLevel.POLRES,
    UnitKind.POLSEK: UnitLevel.POLSEK,
    UnitKind.POLSEKTA: UnitLevel.POLSEK,
}

# The level a unit's parent must have.
PARENT_LEVEL = {
    UnitLevel.MABES: None,
    UnitLevel.POLDA: UnitLevel.MABES,
    UnitLevel.POLRES: UnitLevel.POLDA,
    UnitLevel.POLSEK: UnitLevel.POLRES,
}

# How a unit of each kind is written before its name ("Polres Metro Jakarta Timur" keeps "Metro").
KIND_PREFIX = {
    UnitKind.MABES: "Mabes Polri",
    UnitKind.POLDA: "Polda",
    UnitKind.POLRES: "Polres",
    UnitKind.POLRESTA: "Polresta",
    UnitKind.POLRESTABES: "Polrestabes",
    UnitKind.POLRES_METRO: "Polres Metro",
    UnitKind.POLSEK: "Polsek",
    UnitKind.POLSEKTA: "Polsekta",
}


class RankGroup(models.TextChoices):
    PATI = "pati", _("General officers (Pati)")
    PAMEN = "pamen", _("Senior officers (Pamen)")
    PAMA = "pama", _("Junior officers (Pama)")
    BINTARA = "bintara", _("Non-commissioned officers (Bintara)")
    TAMTAMA = "tamtama", _("Enlisted (Tamtama)")
