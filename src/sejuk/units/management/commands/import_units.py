from sejuk.core.commands import ImportCommand
from sejuk.units.importers import import_units


class Command(ImportCommand):
    help = "Import Polri units from a CSV file (all rows or none; see docs/samples/units.csv)."
    importer = staticmethod(import_units)
