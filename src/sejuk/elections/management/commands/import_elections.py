from sejuk.core.commands import ImportCommand
from sejuk.elections.importers import import_elections


class Command(ImportCommand):
    help = (
        "Import elections and their phases from a CSV file "
        "(all rows or none; see docs/samples/elections.csv)."
    )
    importer = staticmethod(import_elections)
