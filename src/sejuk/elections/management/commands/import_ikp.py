from sejuk.core.commands import ImportCommand
from sejuk.elections.importers import import_ikp


class Command(ImportCommand):
    help = (
        "Import Bawaslu IKP bands per kabupaten/kota from a CSV file "
        "(all rows or none; see docs/samples/ikp.csv)."
    )
    importer = staticmethod(import_ikp)
