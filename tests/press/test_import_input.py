"""Bad input to the import gets a clear error in the user's language and stores nothing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from sejuk.activities.models import Activity
from sejuk.press.importing import reading, service
from sejuk.press.models import PressImport
from tests.press.importing_helpers import KLARI_VISIT

pytestmark = pytest.mark.django_db

ENGLISH = (
    "KARAWANG - The police of Klari visited a community leader on Thursday to discuss the election. "
    "The officer asked residents to keep calm and to report any trouble to the station. "
) * 3
ONLY_SCRIPTS = (
    "<html><head><script>alert('x')</script></head><body><script>document.write('hi')</script></body></html>"
)
NO_POLICE = (
    "KARAWANG - Warga Desa Duren menggelar kerja bakti membersihkan saluran air pada hari Minggu. "
    "Kegiatan ini diikuti oleh para pemuda dan ibu-ibu dari setiap RT di desa tersebut."
)


def _refused(text: str, field: str = "text", **kwargs) -> str:
    with translation.override("en"), pytest.raises(ValidationError) as error:
        service.import_release(kwargs.pop("user"), text, **kwargs)
    assert PressImport.objects.count() == 0 and Activity.objects.count() == 0
    return " ".join(error.value.message_dict[field])


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "empty"),
        ("   \n\n  ", "empty"),
        (ENGLISH, "does not look Indonesian"),
        (ONLY_SCRIPTS, "No readable text"),
        ("x" * (reading.MAX_BYTES + 1), "too large"),
        (NO_POLICE, "No police activity"),
    ],
    ids=["empty", "blank", "english", "only-scripts", "huge", "no-police"],
)
def test_bad_text_is_refused_with_a_clear_error_and_nothing_is_stored(cast, text, words):
    assert words in _refused(text, user=cast["humas"])


def test_scripts_around_a_real_release_are_dropped_and_the_rest_is_imported(cast):
    page = (
        "<html><head><style>p{color:red}</style><script>steal(document.cookie)</script></head><body>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in KLARI_VISIT.split("\n\n"))
        + "<script>alert('x')</script></body></html>"
    )
    item = service.import_release(cast["humas"], page).press_import
    assert "Asep Saeful Zaelani" in item.text
    assert "<" not in item.text and "steal" not in item.text and "alert" not in item.text
    assert item.resolution["unit"]["candidates"][0]["value"] == "polsek-klari"


def test_an_address_that_is_not_http_is_refused(cast):
    assert "http" in _refused(KLARI_VISIT, "source_url", user=cast["humas"], source_url="javascript:alert(1)")


def test_a_publication_date_in_the_future_is_refused(cast):
    later = date.today() + timedelta(days=30)
    assert "future" in _refused(KLARI_VISIT, "published_on", user=cast["humas"], published_on=later)


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("rilis.pdf", b"%PDF-1.4", ".txt or .html"),
        ("rilis.txt", b"\x00\x01\x02binary", "not text"),
        ("rilis.html", b"a" * (reading.MAX_BYTES + 1), "too large"),
    ],
    ids=["pdf", "binary", "huge"],
)
def test_an_upload_that_is_not_a_text_release_is_refused(name, content, words):
    with translation.override("en"), pytest.raises(ValidationError) as error:
        reading.decode_upload(name, content)
    assert words in " ".join(error.value.message_dict["file"])


def test_an_upload_in_windows_encoding_is_read():
    curly = KLARI_VISIT.replace('"Polri', "\u201cPolri").replace('," ujarnya', ",\u201d ujarnya")
    text = reading.decode_upload("rilis.txt", curly.encode("cp1252"))  # not valid UTF-8
    assert "\u201cPolri bersikap netral" in text and "Polsek Klari" in text
