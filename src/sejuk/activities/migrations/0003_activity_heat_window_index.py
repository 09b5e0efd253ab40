"""An index for the temperature's engagement window (#4): the daily run reads every activity of the
last 28 days with its status and id; this lets PostgreSQL answer that from the index alone."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0002_initial"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="activity",
            index=models.Index(fields=["occurred_at", "status", "id"], name="activity_heat_window_idx"),
        ),
    ]
