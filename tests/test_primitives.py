"""The pure-Python primitives: published known answers, and agreement with PyNaCl (libsodium)."""

from __future__ import annotations

import pytest
from idexport_encoder import aead_encrypt

from checkers import base32
from checkers.primitives import aead, x25519
from checkers.primitives.chacha20 import chacha20_block
from checkers.primitives.poly1305 import poly1305
from checkers.primitives.salsa20 import xsalsa20_stream, xsalsa20_xor

try:
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError:  # e.g. a browser runtime without hypothesis: the known answers still run
    st = None


def test_x25519_rfc7748_key_pairs() -> None:
    alice = bytes.fromhex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a")
    bob = bytes.fromhex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb")
    alice_public = x25519.x25519_base(alice)
    bob_public = x25519.x25519_base(bob)
    assert alice_public.hex() == "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"
    assert bob_public.hex() == "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"
    shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"
    assert x25519.x25519(alice, bob_public).hex() == shared
    assert x25519.x25519(bob, alice_public).hex() == shared


def test_x25519_rfc7748_scalar_multiplication() -> None:
    scalar = bytes.fromhex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4")
    point = bytes.fromhex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c")
    expected = "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"
    assert x25519.x25519(scalar, point).hex() == expected


def test_poly1305_rfc8439_example() -> None:
    key = bytes.fromhex("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b")
    tag = poly1305(b"Cryptographic Forum Research Group", key)
    assert tag.hex() == "a8061dc1305136c6c22b8baf0c0127a9"


def test_chacha20_rfc8439_block() -> None:
    block = chacha20_block(bytes(range(32)), 1, bytes.fromhex("000000090000004a00000000"))
    assert block[:16].hex() == "10f1e7e4d13b5915500fdd1fa32071c4"


def test_xsalsa20_matches_a_libsodium_secretbox_stream() -> None:
    # libsodium's crypto_secretbox of 64 zero bytes under this key and nonce; its ciphertext
    # (after the 16-byte tag) is XSalsa20 keystream bytes 32 to 95.
    from_libsodium = (
        "02b999c93ab6cee9b0fd23943784a3183eaa38a7e4a64b1ba60c42940a8bc988"
        "a86ff4184f379be4f51617620013dd65c190ae181286395f03e15304dbb29e64"
    )
    stream = xsalsa20_stream(bytes(range(32)), bytes(range(100, 124)), 96)
    assert stream[32:].hex() == from_libsodium


def test_aead_round_trip_and_tamper_detection() -> None:
    key, nonce, aad = bytes(range(32)), bytes(12), b"\x01header!"
    sealed = aead_encrypt(b"identity and private key", aad, nonce, key)
    assert aead.decrypt(sealed, aad, nonce, key) == b"identity and private key"
    for broken in (sealed[:-1] + bytes([sealed[-1] ^ 1]), bytes([sealed[0] ^ 1]) + sealed[1:]):
        with pytest.raises(aead.AeadError):
            aead.decrypt(broken, aad, nonce, key)
    with pytest.raises(aead.AeadError):
        aead.decrypt(sealed, b"\x02header!", nonce, key)


def test_base32_matches_the_standard_library() -> None:
    import base64

    data = bytes(range(65))
    assert base32.encode(data) == base64.b32encode(data).decode("ascii")
    assert base32.decode(base32.encode(data)) == data
    with pytest.raises(ValueError):
        base32.decode("ABC")


if st is not None:
    keys = st.binary(min_size=32, max_size=32)

    @settings(max_examples=40, deadline=None)
    @given(private_key=keys)
    def test_x25519_base_agrees_with_pynacl(private_key: bytes) -> None:
        bindings = pytest.importorskip("nacl.bindings")
        assert x25519.x25519_base(private_key) == bindings.crypto_scalarmult_base(private_key)

    @settings(max_examples=40, deadline=None)
    @given(private_key=keys, peer=keys)
    def test_x25519_agrees_with_pynacl(private_key: bytes, peer: bytes) -> None:
        bindings = pytest.importorskip("nacl.bindings")
        from nacl.exceptions import RuntimeError as NaclRuntimeError

        try:
            expected = bindings.crypto_scalarmult(private_key, peer)
        except NaclRuntimeError:  # libsodium refuses points of small order (all-zero result)
            assert x25519.x25519(private_key, peer) == bytes(32)
            return
        assert x25519.x25519(private_key, peer) == expected

    @settings(max_examples=40, deadline=None)
    @given(key=keys, nonce=st.binary(min_size=24, max_size=24), message=st.binary(max_size=300))
    def test_xsalsa20_agrees_with_pynacl_secretbox(key: bytes, nonce: bytes, message: bytes):
        bindings = pytest.importorskip("nacl.bindings")
        # secretbox = Poly1305 tag ‖ message XOR XSalsa20 keystream from byte 32 on.
        box = bindings.crypto_secretbox(message, nonce, key)
        padded = bytes(32) + message
        assert xsalsa20_xor(padded, nonce, key)[32:] == box[16:]

    @settings(max_examples=40, deadline=None)
    @given(
        key=keys,
        nonce=st.binary(min_size=12, max_size=12),
        aad=st.binary(max_size=40),
        message=st.binary(max_size=200),
    )
    def test_chacha20poly1305_agrees_with_pynacl(key, nonce, aad, message) -> None:
        bindings = pytest.importorskip("nacl.bindings")
        sealed = bindings.crypto_aead_chacha20poly1305_ietf_encrypt(message, aad, nonce, key)
        assert aead_encrypt(message, aad, nonce, key) == sealed
        assert aead.decrypt(sealed, aad, nonce, key) == message
