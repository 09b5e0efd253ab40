"""Add field officers with logins to Polsek Klari for the API bench; print what the bench needs as JSON."""

import json

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand

from sejuk.accounts.models import User
from sejuk.accounts.roles import Role
from sejuk.figures.models import Figure
from sejuk.units.models import Officer, Unit

UNIT_CODE = "polsek-klari"
KECAMATAN = "32.15.05"


class Command(BaseCommand):
    help = "Create bench field officers (idempotent) and print their usernames and Klari's figure ids."

    def add_arguments(self, parser):
        parser.add_argument("--officers", type=int, default=8)
        parser.add_argument("--password", default="sejuk-bench")

    def handle(self, *args, officers, password, **options):
        unit = Unit.objects.get(code=UNIT_CODE)
        hashed = make_password(password)  # hashed once: PBKDF2 is slow on purpose
        usernames = []
        for n in range(1, officers + 1):
            officer, _ = Officer.objects.get_or_create(
                nrp=f"9999{n:04d}",
                defaults={
                    "name": f"Petugas Bench {n}",
                    "rank_id": "Bripka",
                    "position_id": "bhabinkamtibmas",
                    "unit": unit,
                },
            )
            username = f"bench.klari.{n}"
            User.objects.get_or_create(
                username=username,
                defaults={"role": Role.FIELD_OFFICER, "unit": unit, "officer": officer, "password": hashed},
            )
            usernames.append(username)
        figure_ids = list(
            Figure.objects.current()
            .filter(home_region__code__startswith=KECAMATAN + ".")
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        self.stdout.write(json.dumps({"usernames": usernames, "figure_ids": figure_ids}))
