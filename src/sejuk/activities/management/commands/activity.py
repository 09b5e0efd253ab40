from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from sejuk.activities import services
from sejuk.activities.models import Activity


class Command(BaseCommand):
    help = "Move an activity through its lifecycle: submit, verify or return (with --note), as a named user."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["submit", "verify", "return", "show"])
        parser.add_argument("activity_id", type=int)
        parser.add_argument("--as", dest="actor", required=True, help="username acting (their rights apply)")
        parser.add_argument("--note", default="", help="what must be corrected (for return)")

    def handle(self, *args, action, activity_id, actor, note, **options):
        from auditlog.context import set_actor

        user = get_user_model().objects.filter(username=actor, is_active=True).first()
        if user is None:
            raise CommandError(f"Pengguna tidak ditemukan: {actor}")
        activity = Activity.objects.restrict(user).filter(pk=activity_id).first()
        if activity is None:
            raise CommandError(f"Kegiatan #{activity_id} tidak ditemukan di wilayah hukum {actor}.")
        steps = {
            "submit": lambda: services.submit_activity(user, activity),
            "verify": lambda: services.verify_activity(user, activity),
            "return": lambda: services.return_activity(user, activity, note),
            "show": lambda: activity,
        }
        try:
            with set_actor(user):
                steps[action]()
        except (ValidationError, PermissionDenied) as error:
            raise CommandError(" ".join(getattr(error, "messages", [str(error)]))) from error
        self.stdout.write(
            f"#{activity.pk} {activity.get_activity_type_display()} {activity.region_id}: "
            f"{activity.get_status_display()}"
        )
