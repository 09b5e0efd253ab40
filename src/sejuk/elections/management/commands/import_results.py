from sejuk.core.commands import ImportCommand
from sejuk.elections.result_import import import_results


class Command(ImportCommand):
    help = (
        "Import contests, candidate pairs and results (quick count, official) from a CSV file "
        "(all rows or none; see docs/samples/results.csv)."
    )
    importer = staticmethod(import_results)
