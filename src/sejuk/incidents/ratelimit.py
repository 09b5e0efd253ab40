"""A tiny fixed-window rate limiter on Django's cache (no extra dependency).

Counts live in the default cache. Django's default LocMemCache counts per process: with several
gunicorn workers or machines each keeps its own count, so a visitor gets up to `limit` per
worker. Production should configure a shared cache (Redis, Memcached or the database cache) in
CACHES so that the limit holds across workers. Identities (IP addresses) are hashed before
they become cache keys, and the counts expire with their window.

A fixed window lets a burst of up to 2 × limit straddle a window boundary; for spam protection
that is acceptable and keeps each check at two cache operations.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class RateLimit:
    scope: str
    limit: int
    window_seconds: int

    def _key(self, identity: str) -> str:
        digest = hashlib.sha256(f"{self.scope}:{identity}".encode()).hexdigest()[:32]
        return f"sejuk:rl:{self.scope}:{digest}:{int(time.time() // self.window_seconds)}"

    def used(self, identity: str) -> int:
        return int(cache.get(self._key(identity), 0))

    def exceeded(self, identity: str) -> bool:
        """Whether the identity has used up its allowance (does not count a hit)."""
        return self.used(identity) >= self.limit

    def hit(self, identity: str) -> bool:
        """Count one hit; True while the identity is still within its allowance."""
        key = self._key(identity)
        cache.add(key, 0, timeout=self.window_seconds + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=self.window_seconds + 1)
            count = 1
        return count <= self.limit


def client_ip(request, trust_proxy: bool) -> str:
    """The visitor's address. Behind our own reverse proxy the last X-Forwarded-For entry is the
    one the proxy appended (earlier entries are whatever the client sent, so they are ignored)."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if trust_proxy and forwarded:
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "") or "unknown"
