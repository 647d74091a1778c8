"""The rate limit: per address, by fixed windows, keyed hash only, a new key every day."""

from __future__ import annotations

from datetime import date

from helpcenter.feedback.ratelimit import RateLimit


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.day = date(2026, 11, 30)


def limit_of_two() -> tuple[RateLimit, Clock]:
    clock = Clock()
    return RateLimit(2, window=600, clock=lambda: clock.now, today=lambda: clock.day), clock


def test_each_address_has_its_own_allowance_per_window() -> None:
    limit, clock = limit_of_two()
    assert [limit.allow("192.0.2.1") for _ in range(3)] == [True, True, False]
    assert limit.allow("2001:db8::1") is True
    clock.now += 599
    assert limit.allow("192.0.2.1") is False
    clock.now += 1
    assert limit.allow("192.0.2.1") is True


def test_a_new_day_forgets_everything_and_changes_the_key() -> None:
    limit, clock = limit_of_two()
    limit.allow("192.0.2.1")
    limit.allow("192.0.2.1")
    key = limit._key
    clock.day = date(2026, 12, 1)
    assert limit.allow("192.0.2.1") is True
    assert limit._key != key
    assert limit.tracked() == 1


def test_only_keyed_hashes_are_held() -> None:
    limit, _ = limit_of_two()
    address = "198.51.100.77"
    limit.allow(address)
    (digest,) = limit._counts
    assert isinstance(digest, bytes) and len(digest) == 16
    assert address.encode() not in digest
    # Another process (another key) gives the same address another hash: nothing to link.
    other, _ = limit_of_two()
    other.allow(address)
    assert set(other._counts) != {digest}


def test_zero_means_no_limit() -> None:
    limit = RateLimit(0)
    assert all(limit.allow("192.0.2.1") for _ in range(1000))
    assert limit.tracked() == 0
