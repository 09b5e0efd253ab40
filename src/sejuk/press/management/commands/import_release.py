"""`sejuk import_release FILE --as USER [--url URL] [--published YYYY-MM-DD] [--review]`.

The same services as the page: the release is read, extracted and matched; when everything a
draft needs is certain (and the user may record activities) the draft is created at once,
otherwise the import waits on its review page for a person to choose.
"""

from datetime import date
from pathlib import Path

from auditlog.context import set_actor
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils import translation

from sejuk.accounts.roles import can
from sejuk.press.importing import present, reading, service
from sejuk.press.importing.resolution import Resolution

_PARTS = {
    "unit": "satuan",
    "region": "tempat",
    "day": "tanggal",
    "activity_type": "jenis",
    "officers": "personel",
}


def _errors(error) -> str:
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        return " ".join(m for ms in error.message_dict.values() for m in ms)
    return " ".join(getattr(error, "messages", None) or [str(error)])


class Command(BaseCommand):
    help = "Import a published press release (.txt or .html) as a draft activity for review (#5)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the release, plain text or HTML (UTF-8)")
        parser.add_argument("--as", dest="actor", required=True, help="username of the importing user")
        parser.add_argument("--url", default="", help="address where the release was published")
        parser.add_argument("--published", type=date.fromisoformat, help="publication date, YYYY-MM-DD")
        parser.add_argument(
            "--review", action="store_true", help="only import; leave the draft to the review page"
        )

    def handle(self, *args, file: Path, actor: str, url: str, published, review: bool, **options):
        user = get_user_model().objects.select_related("unit").filter(username=actor).first()
        if user is None:
            raise CommandError(f"Pengguna tidak ditemukan: {actor}")
        try:
            content = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Berkas tidak dapat dibaca: {file} ({error.strerror})") from error
        with set_actor(user), translation.override(settings.LANGUAGE_CODE):
            try:
                text = reading.decode_upload(file.name, content)
                result = service.import_release(user, text, source_url=url, published_on=published)
                item = result.press_import
                self._summary(item, result.created)
                resolution = Resolution.from_json(item.resolution)
                if review or item.activity_id or resolution.missing() or not can(user, "add", "records"):
                    return self._pending(item, resolution)
                activity = service.confirm_import(user, item)
            except (ValidationError, PermissionDenied) as error:
                raise CommandError(_errors(error)) from error
        self.stdout.write(
            f"Draf kegiatan #{activity.pk} dibuat: {reverse('activities:detail', args=[activity.pk])}"
        )

    def _summary(self, item, created: bool) -> None:
        self.stdout.write(
            ("Impor baru" if created else "Sudah pernah diimpor") + f" #{item.pk}: {item.title}"
        )
        for row in present.rows(Resolution.from_json(item.resolution)):
            chosen = row.options[0][0] if row.status == "certain" else row.written
            self.stdout.write(f"  {row.part}: {chosen or '—'} [{row.status_label}]")

    def _pending(self, item, resolution: Resolution) -> None:
        if item.activity_id:
            self.stdout.write(f"Draf kegiatan #{item.activity_id} sudah ada.")
            return
        missing = ", ".join(_PARTS[part] for part in resolution.missing()) or "-"
        link = reverse("press:import_detail", args=[item.pk])
        self.stdout.write(f"Menunggu tinjauan (belum pasti: {missing}): {link}")
