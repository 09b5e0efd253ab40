import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from sejuk.activities import services as activity_services
from sejuk.figures import services
from sejuk.figures.models import Figure
from sejuk.regions.models import Region
from tests.activities.helpers import make_figure, seed_visit

pytestmark = pytest.mark.django_db


def test_a_figure_is_registered_with_titles_held_apart(cast):
    result = services.register_figure(
        cast["officer_a"],
        {
            "name": "KH. Endang Hidayatullah, Lc.",
            "kind": "tokoh_agama",
            "religion": "islam",
            "home_region": Region.objects.get(code="32.15.05.2002"),
        },
    )
    figure = result.figure
    assert (figure.name, figure.front_titles, figure.degrees) == ("Endang Hidayatullah", "KH", "Lc.")
    assert figure.kecamatan_code == "32.15.05"


def test_a_religious_figure_needs_a_religion_and_a_place_inside_the_area(cast):
    with pytest.raises(ValidationError):
        services.register_figure(
            cast["officer_a"],
            {
                "name": "Ust. Rahmat",
                "kind": "tokoh_agama",
                "home_region": Region.objects.get(code="32.15.05.2002"),
            },
        )
    with pytest.raises(ValidationError):
        services.register_figure(
            cast["officer_a"],
            {
                "name": "Budi",
                "kind": "tokoh_masyarakat",
                "home_region": Region.objects.get(code="32.15.13.2001"),
            },
        )
    assert not Figure.objects.filter(name__in=["Rahmat", "Budi"]).exists()


def test_merging_keeps_the_history_of_both(cast):
    keep, duplicate = make_figure(), make_figure(name="Arif Kuspriyadi", phone="+628111")
    activity, _ = activity_services.record_activity(cast["officer_a"], seed_visit(figure_ids=[duplicate.pk]))
    services.merge_figures(cast["kapolsek_a"], keep, duplicate)
    duplicate.refresh_from_db()
    keep.refresh_from_db()
    assert duplicate.merged_into == keep and keep.phone == "+628111"
    assert keep in activity.figures.all() and duplicate in activity.figures.all()
    assert Figure.objects.current().filter(pk=duplicate.pk).count() == 0
    assert LogEntry.objects.get_for_object(duplicate).filter(action=LogEntry.Action.UPDATE).exists()


def test_an_analyst_cannot_merge_and_nobody_merges_across_areas(cast):
    keep, other = make_figure(), make_figure(region="32.15.13.2001")
    with pytest.raises(PermissionDenied):
        services.merge_figures(cast["analyst"], keep, other)
    with pytest.raises(PermissionDenied):
        services.merge_figures(cast["kapolsek_a"], keep, other)


def test_reading_personal_data_is_audited_and_refused_to_other_roles(cast):
    figure = make_figure(phone="+6281234500000")
    assert services.personal_data(cast["humas"], figure) is None
    assert services.personal_data(cast["officer_a"], figure)["phone"] == "+6281234500000"
    assert LogEntry.objects.get_for_object(figure).filter(action=LogEntry.Action.ACCESS).count() == 1
