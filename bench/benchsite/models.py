from django.db import models


class BareRow(models.Model):
    """One row per bare insert: the floor for "a request that writes to PostgreSQL"."""

    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"bare row {self.pk}"
