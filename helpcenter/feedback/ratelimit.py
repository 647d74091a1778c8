"""A per-address rate limit that never stores an address: only a keyed hash, in memory.

The key is random, lives only in this process and is replaced every day (UTC), so yesterday's
hashes cannot be linked to today's, nor to an address, even by whoever runs the server.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections.abc import Callable
from datetime import UTC, date, datetime

# Beyond this many tracked hashes, windows that have ended are dropped (bounded memory).
_MAX_TRACKED = 100_000


def utc_today() -> date:
    return datetime.now(UTC).date()


class RateLimit:
    """At most `limit` requests per address in any fixed window of `window` seconds."""

    def __init__(
        self,
        limit: int,
        window: float = 600.0,
        clock: Callable[[], float] = time.monotonic,
        today: Callable[[], date] = utc_today,
    ) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._today = today
        self._lock = threading.Lock()
        self._day = today()
        self._key = secrets.token_bytes(32)
        self._counts: dict[bytes, tuple[float, int]] = {}  # hash -> (window start, count)

    def _digest(self, address: str) -> bytes:
        return hmac.new(self._key, address.encode(), hashlib.sha256).digest()[:16]

    def allow(self, address: str) -> bool:
        """Counts one request from `address`; false when it is over the limit."""
        if self.limit <= 0:
            return True
        now = self._clock()
        with self._lock:
            if self._today() != self._day:  # a new day: a new key, and nothing carried over
                self._day = self._today()
                self._key = secrets.token_bytes(32)
                self._counts.clear()
            if len(self._counts) >= _MAX_TRACKED:
                self._counts = {
                    k: v for k, v in self._counts.items() if now - v[0] < self.window
                }
            digest = self._digest(address)
            start, count = self._counts.get(digest, (now, 0))
            if now - start >= self.window:
                start, count = now, 0
            if count >= self.limit:
                return False
            self._counts[digest] = (start, count + 1)
            return True

    def tracked(self) -> int:
        """How many hashes are held (for tests: never an address)."""
        return len(self._counts)
