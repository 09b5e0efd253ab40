from importlib import resources

from django.core.management.base import BaseCommand, CommandError

from sejuk.core.demo.activities import load_demo_activities
from sejuk.core.demo.loader import DEMO_LOGINS, DEMO_PASSWORD, load_demo
from sejuk.dashboard.geometry import load_geometry
from sejuk.elections.demo import load_demo_elections
from sejuk.heat.demo import FIRST_DAY, LAST_DAY, load_demo_heat
from sejuk.incidents.demo import load_demo_incidents
from sejuk.regions.models import Region


class Command(BaseCommand):
    help = "Load the demo scenario (Polda Jabar, Polres Karawang and Purwakarta); safe to run again."

    def handle(self, *args, **options):
        if not Region.objects.filter(code="32.15.05").exists():
            raise CommandError("Wilayah belum dimuat: jalankan 'sejuk load_regions' dulu.")
        reports = load_demo()
        for report in reports:
            self.stdout.write(report.summary())
        figures, activities = load_demo_activities()
        self.stdout.write(f"Tokoh demo: {figures}; kegiatan baru: {activities}.")
        self.stdout.write(f"Insiden demo baru: {load_demo_incidents()}.")
        for report in load_demo_elections():
            self.stdout.write(report.summary())
        days = load_demo_heat()
        self.stdout.write(f"Suhu demo: {len(days)} hari ({FIRST_DAY:%d/%m/%Y}-{LAST_DAY:%d/%m/%Y}).")
        # The map's demo points (#6): approximate kecamatan points, so the map has places to draw.
        geometry = resources.files("sejuk.core.demo").joinpath("geometry.geojson").read_bytes()
        self.stdout.write(load_geometry(geometry, source="demo (perkiraan)").summary())
        self.stdout.write(f"\nLogin demo (kata sandi / password: {DEMO_PASSWORD}):")
        for login in DEMO_LOGINS:
            self.stdout.write(f"  {login.username:<20} {login.role:<14} {login.description}")
