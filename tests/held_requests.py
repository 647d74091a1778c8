"""Waiting for a request that a test holds back with `route()` (its handler appends the route)."""

from __future__ import annotations

POLL_MS = 50


def wait_until_held(page, held: list, what: str, timeout_ms: int = 120_000):
    """The first held route once `what` has been requested. Playwright runs the route handlers
    while the page waits; `timeout_ms` only bounds a hang (a loaded machine may take long)."""
    waited = 0
    while not held and waited < timeout_ms:
        page.wait_for_timeout(POLL_MS)
        waited += POLL_MS
    assert held, f"{what} was never requested"
    return held[0]
