from datetime import datetime

from sejuk.activities.services import ActivityInput
from sejuk.figures.models import Figure
from sejuk.regions.models import Region


def make_figure(name="Arif Kuspriyadi", region="32.15.05.2001", kind="tokoh_masyarakat", **extra):
    return Figure.objects.create(name=name, kind=kind, home_region=Region.objects.get(code=region), **extra)


def seed_visit(**overrides) -> ActivityInput:
    """The seed release's visit: a sambang to a tokoh masyarakat in Klari on Kamis 28/11/2024."""
    values = dict(
        activity_type="sambang",
        region_code="32.15.05",
        occurred_at=datetime(2024, 11, 28, 10, 0),
        theme_codes=["jaga_kamtibmas", "patuhi_hukum", "hindari_provokasi", "netralitas_polri"],
        situation="aman",
        narrative="Sambang tokoh masyarakat pasca Pilkada 2024.",
    )
    values.update(overrides)
    return ActivityInput(**values)
