from contextlib import nullcontext

from auditlog.context import set_actor
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from sejuk.elections.calendar import load_election_calendar


class Command(BaseCommand):
    help = (
        "Add the built-in calendar of Pilkada 2024 and Pemilu 2024 (KPU dates); idempotent, "
        "never overwrites dates corrected in the admin."
    )

    def add_arguments(self, parser):
        parser.add_argument("--as", dest="actor", help="username recorded as the author in the audit trail")

    def handle(self, *args, actor: str | None = None, **options):
        user = None
        if actor:
            user = get_user_model().objects.filter(username=actor).first()
            if user is None:
                raise CommandError(f"Pengguna tidak ditemukan: {actor}")
        with set_actor(user) if user else nullcontext():
            report = load_election_calendar()
        if not report.ok:
            raise CommandError(report.summary())
        self.stdout.write(report.summary())
