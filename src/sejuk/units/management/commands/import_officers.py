from sejuk.core.commands import ImportCommand
from sejuk.units.officer_import import import_officers


class Command(ImportCommand):
    help = "Import officers from a CSV file (all rows or none; see docs/samples/officers.csv)."
    importer = staticmethod(import_officers)
