"""Per-process caches, with a time to live, of data that every API submission reads and that
changes seldom: a region by its code (reference data, reloaded by `load_regions`) and a
kecamatan's GPS reference point (the median of its verified activities' points).

Each gunicorn worker keeps its own; a change made in another process is seen within the time to
live (docs/operations.md). Misses are not cached: a region loaded a minute ago is found at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any
from weakref import WeakSet

from cachetools import TTLCache

_ALL: WeakSet[ProcessCache] = WeakSet()


class ProcessCache:
    def __init__(self, name: str, *, maxsize: int, ttl: float):
        self.name = name
        self._entries: TTLCache = TTLCache(maxsize=maxsize, ttl=ttl)
        self._lock = threading.Lock()  # gthread workers share a process
        _ALL.add(self)

    def get(self, key: Hashable, compute: Callable[[], Any], *, keep: Callable[[Any], bool] = bool) -> Any:
        """The value kept for `key`, else `compute()`, kept when `keep(value)` says so."""
        with self._lock:
            try:
                return self._entries[key]
            except KeyError:
                pass
        value = compute()
        if keep(value):
            with self._lock:
                self._entries[key] = value
        return value

    def forget(self, key: Hashable) -> None:
        with self._lock:
            self._entries.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


def clear_all() -> None:
    """Forget everything every cache of this process holds (tests, after a bulk reload)."""
    for cache in list(_ALL):
        cache.clear()
