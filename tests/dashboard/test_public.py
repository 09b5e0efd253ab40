import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client

from sejuk.dashboard.models import PublicationSetting
from sejuk.dashboard.public import shown
from sejuk.press.choices import Status as PressStatus
from sejuk.press.models import PressRelease
from sejuk.regions.models import Region
from sejuk.units.models import Unit
from tests.activities.helpers import make_figure
from tests.dashboard.helpers import DAY, karawang_heat, visit

ON = "?date=2024-11-28"


@pytest.mark.parametrize(("count", "text"), [(0, "0"), (1, "< 5"), (4, "< 5"), (5, "5"), (120, "120")])
def test_small_counts_are_hidden(count, text):
    assert shown(count) == text


def verified_visits(cast, n, region="32.15.05.2001", day=DAY):
    for i in range(n):
        visit(
            cast["officer_a"], region=region, day=day - dt.timedelta(days=i % 3), verify_by=cast["kapolsek_a"]
        )


def release(status, title):
    return PressRelease.objects.create(
        unit=Unit.objects.get(code="polres-karawang"),
        activity_date=DAY,
        title=title,
        body="Isi rilis.",
        status=status,
        published_at=dt.datetime(2024, 11, 29, 8, tzinfo=dt.UTC) if status == PressStatus.PUBLISHED else None,
    )


def page():
    response = Client().get("/publik/" + ON)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_anyone_sees_published_releases_and_verified_activities_per_kabupaten(cast):
    release(PressStatus.PUBLISHED, "Polsek Klari Sambangi Tokoh Masyarakat")
    release(PressStatus.DRAFT, "Draf Belum Terbit")
    verified_visits(cast, 6)
    visit(cast["officer_b"], region="32.15.13.2001", verify_by=cast["kapolres"])  # one in Karawang again
    visit(cast["officer_a"], region="32.15.05.2002")  # submitted, not verified: not shown
    text = page()
    assert "Polsek Klari Sambangi Tokoh Masyarakat" in text and "Draf Belum Terbit" not in text
    row = text.split('id="public-activities"')[1].split("</table>")[0]
    assert "Kabupaten Karawang" in row and '<td class="num">7</td>' in row


@pytest.mark.django_db
def test_a_kabupaten_with_few_activities_shows_less_than_five_and_no_names(cast):
    figure = make_figure(name="Haji Rahasia Sekali")
    visit(cast["officer_a"], figures=[figure], verify_by=cast["kapolsek_a"])
    text = page()
    row = text.split('id="public-activities"')[1].split("</table>")[0]
    assert "&lt; 5" in row and ">1<" not in row
    assert "Haji Rahasia Sekali" not in text and "Tes Bhabin A" not in text and "Duren" not in text


@pytest.mark.django_db
def test_only_the_bands_the_command_chose_are_published(cast):
    karawang_heat()
    text = page()
    assert 'id="public-bands"' not in text
    PublicationSetting.objects.create(unit=Unit.objects.get(code="polsek-cikampek"))
    PublicationSetting.objects.create(region=Region.objects.get(code="32.15"), publish_bands=False)
    text = page()
    bands = text.split('id="public-bands"')[1].split("</ul>")[0]
    assert "Polsek Cikampek" in bands and "Sejuk" in bands
    assert "Karawang</li>" not in bands and "Panas" not in bands and "72" not in bands


@pytest.mark.django_db
def test_a_publication_setting_names_a_unit_or_a_region_not_both():
    unit, region = Unit.objects.get(code="polsek-klari"), Region.objects.get(code="32.15.05")
    with pytest.raises(ValidationError):
        PublicationSetting(unit=unit, region=region).clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        PublicationSetting.objects.create()
    with pytest.raises(ValidationError):
        PublicationSetting(region=Region.objects.get(code="32.15.05.2001")).clean()


@pytest.mark.django_db
@pytest.mark.parametrize("size", [1, 8])
def test_the_public_page_takes_a_fixed_number_of_queries(cast, size, django_assert_num_queries):
    karawang_heat()
    verified_visits(cast, size)
    for n in range(size):
        release(PressStatus.PUBLISHED, f"Rilis {n}")
    PublicationSetting.objects.create(unit=Unit.objects.get(code="polsek-cikampek"))
    PublicationSetting.objects.create(region=Region.objects.get(code="32.15.05"))
    # releases, activities per kabupaten, their names, settings, heat day, roll-ups, kecamatan snapshots
    with django_assert_num_queries(7):
        page()


@pytest.mark.django_db
def test_the_admin_lets_an_administrator_publish_in_the_jurisdiction_only(cast):
    from tests.conftest import client_for

    client = client_for(cast["admin"])
    response = client.post(
        "/admin/dashboard/publicationsetting/add/", {"region": "31.71", "publish_bands": "on", "note": ""}
    )
    assert response.status_code == 200 and not PublicationSetting.objects.exists()  # Jakarta: not his
    response = client.post(
        "/admin/dashboard/publicationsetting/add/", {"region": "32.15", "publish_bands": "on", "note": ""}
    )
    assert response.status_code == 302 and PublicationSetting.objects.get().region_id == "32.15"
    assert client_for(cast["kapolres"]).get("/admin/dashboard/publicationsetting/").status_code in (302, 403)
