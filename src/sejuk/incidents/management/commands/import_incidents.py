from sejuk.core.commands import ImportCommand
from sejuk.incidents.importers import import_incidents


class Command(ImportCommand):
    help = (
        "Import incidents from another system, e.g. a violence monitor (all rows or none; "
        "see docs/samples/incidents.csv)."
    )
    importer = staticmethod(import_incidents)
