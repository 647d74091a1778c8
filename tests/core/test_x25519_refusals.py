"""X25519 (checkers.primitives.x25519) refuses a scalar or a point that is not 32 bytes long,
whichever of the two is wrong, in words."""

from __future__ import annotations

import pytest

from checkers.primitives.x25519 import x25519


@pytest.mark.parametrize(
    ("scalar", "point"),
    [(bytes(32), bytes(31)), (bytes(31), bytes(32)), (bytes(33), bytes(33)), (b"", bytes(32))],
)
def test_a_scalar_or_point_not_32_bytes_long_is_refused(scalar: bytes, point: bytes) -> None:
    """Either input of the wrong length alone is refused, with the lengths X25519 needs."""
    with pytest.raises(ValueError, match="^X25519 needs a 32-byte scalar and a 32-byte point$"):
        x25519(scalar, point)
