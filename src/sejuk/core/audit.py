"""Recording reads of personal data in the same audit trail as changes."""

from collections.abc import Iterable

from auditlog.signals import accessed


def log_personal_access(instances: Iterable) -> None:
    """One ACCESS entry per record whose personal data was shown (actor from the request)."""
    for instance in instances:
        accessed.send(sender=type(instance), instance=instance)
