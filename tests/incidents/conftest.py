import pytest


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate-limit counts live in the cache, which outlives a test; each test starts clean."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
