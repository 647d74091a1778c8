"""The data-backup check's browser host inside Pyodide: WebCrypto's PBKDF2-SHA1, the AES blocks
of @noble/ciphers (as the worker installs them) and Python's own.

Expected values are written out: RFC 6070's PBKDF2-HMAC-SHA1 vector, FIPS-197's AES vectors and
AES-128 of the WinZip counter blocks 1 and 2 under that key (computed once with `cryptography`).
"""

from __future__ import annotations

import js
from pyodide.ffi import create_proxy, run_sync, to_js

from checkers import bridge
from checkers.databackup.aes_blocks import encrypt_blocks
from checkers.databackup.requests import (
    AesRequest,
    Batch,
    Begin,
    Finish,
    KeyedAesRequest,
    ReadKeyedAesRequest,
    ReadRequest,
)
from checkers.databackup.winzip_aes import counter_blocks
from checkers.kdf import PBKDF2_SHA1, KdfRequest

RFC_6070_KEY = bytes.fromhex("4b007901b765489abead49d926f721d065a429c1")  # c=4096, dkLen=20
COUNTERS_1_2 = bytes.fromhex("f407f9efbb7286bcdd6f979192cc21bfa3fd4a5d39560739ed1b13c378292641")


def test_python_aes_matches_fips_197() -> None:
    plain = bytes.fromhex("00112233445566778899aabbccddeeff")
    expected = {  # FIPS-197 appendix C, by key size (not parametrized: the suite counts tests)
        16: "69c4e0d86a7b0430d8cdb78070b4c55a",
        24: "dda97ca4864cdfe06eaf70a0ec0d7191",
        32: "8ea2b7ca516745bfeafc49904b496089",
    }
    for key_bytes, cipher in expected.items():
        assert encrypt_blocks(bytes(range(key_bytes)), plain) == bytes.fromhex(cipher)


def test_a_keyed_aes_batch_in_one_await() -> None:
    host = bridge._FileHost(None)  # no file: these requests read nothing
    kdf = KdfRequest(PBKDF2_SHA1, b"password", b"salt", 4096, 0, 0, 20)
    keyed = KeyedAesRequest(kdf, 16, counter_blocks(32))
    answers = run_sync(
        host.perform(Batch((keyed, kdf, AesRequest(RFC_6070_KEY[:16], counter_blocks(17)))))
    )
    assert answers == (RFC_6070_KEY + COUNTERS_1_2, RFC_6070_KEY, COUNTERS_1_2)
    assert host.js.importsBegun == 1  # imported once, reused by the second derivation


def test_a_read_and_its_key_in_one_step() -> None:
    """ReadKeyedAesRequest: the salt ("salt", RFC 6070's) is taken from the bytes read, in the
    browser's promise chain; bytes too short for it are answered without a key."""
    data = b"local header" + b"salt" + b"rest of the entry"
    host = bridge._FileHost(js.Blob.new(to_js([js.Uint8Array.new(to_js(data))])))
    keyed = KeyedAesRequest(KdfRequest(PBKDF2_SHA1, b"password", b"", 4096, 0, 0, 20), 16,
                            counter_blocks(32))  # fmt: skip
    fits = ReadKeyedAesRequest(ReadRequest(0, len(data)), 12, 4, keyed)
    short = ReadKeyedAesRequest(ReadRequest(0, 14), 12, 4, keyed)
    (ticket,) = run_sync(host.perform(Batch((Begin(fits),))))  # begun: answered at once
    answers = run_sync(host.perform(Batch((Finish(ticket), short))))
    assert answers == ((data, RFC_6070_KEY + COUNTERS_1_2), (data[:14], None))
    assert (host.bytes_read, host.ranges) == (len(data) + 14, 2)


def test_the_hosts_aes_matches_fips_197_and_pythons_past_255_counter_blocks() -> None:
    """The host's AES (checkers-host.mjs: @noble/ciphers, ECB on the counter blocks) as the
    bridge calls it."""
    aes = getattr(js, bridge.AES_HOST_FUNCTION)
    plain = bytes.fromhex("00112233445566778899aabbccddeeff")
    expected = {  # FIPS-197 appendix C, by key size
        16: "69c4e0d86a7b0430d8cdb78070b4c55a",
        24: "dda97ca4864cdfe06eaf70a0ec0d7191",
        32: "8ea2b7ca516745bfeafc49904b496089",
    }
    for key_bytes, cipher in expected.items():
        got = aes(to_js(bytes(range(key_bytes))), to_js(plain * 2)).to_bytes()
        assert got == bytes.fromhex(cipher) * 2
    blocks = counter_blocks(300 * 16)  # the little-endian counter carries into its 2nd byte
    key = bytes(range(32))
    assert aes(to_js(key), to_js(blocks)).to_bytes() == encrypt_blocks(key, blocks)


def test_every_keyed_steps_blocks_go_to_the_hosts_aes_after_its_key() -> None:
    host = bridge._FileHost(None)
    real, asked = getattr(js, bridge.AES_HOST_FUNCTION), []

    def counting(key: object, blocks: object) -> object:
        asked.append(blocks.byteLength)
        return real(key, blocks)

    counter = create_proxy(counting)
    setattr(js, bridge.AES_HOST_FUNCTION, counter)  # the JS host looks it up when it needs it
    kdf = KdfRequest(PBKDF2_SHA1, b"password", b"salt", 4096, 0, 0, 20)
    many = counter_blocks(300 * 16)
    few = counter_blocks(32)
    try:
        answers = run_sync(
            host.perform(Batch((KeyedAesRequest(kdf, 16, many), KeyedAesRequest(kdf, 16, few))))
        )
    finally:
        setattr(js, bridge.AES_HOST_FUNCTION, real)
        counter.destroy()
    assert answers == (
        RFC_6070_KEY + encrypt_blocks(RFC_6070_KEY[:16], many),
        RFC_6070_KEY + COUNTERS_1_2,
    )
    assert sorted(asked) == [32, 300 * 16]  # each after its key, in whichever order they come


def test_without_the_hosts_aes_python_does_the_blocks() -> None:
    """aes.js did not load: the keyed step answers with its key alone and Python's AES
    (checkers.databackup.aes_blocks) encrypts the blocks; the answer is the same."""
    host = bridge._FileHost(None)
    real = getattr(js, bridge.AES_HOST_FUNCTION)
    js.Reflect.deleteProperty(js.globalThis, bridge.AES_HOST_FUNCTION)
    kdf = KdfRequest(PBKDF2_SHA1, b"password", b"salt", 4096, 0, 0, 20)
    try:
        keyed = run_sync(host.perform(KeyedAesRequest(kdf, 16, counter_blocks(32))))
        blocks = run_sync(host.perform(AesRequest(RFC_6070_KEY[:16], counter_blocks(17))))
    finally:
        setattr(js, bridge.AES_HOST_FUNCTION, real)
    assert (keyed, blocks) == (RFC_6070_KEY + COUNTERS_1_2, COUNTERS_1_2)


def test_planned_keys_begin_with_the_password_and_answer_the_same_request() -> None:
    """The keyed steps planned when the file was read (without the password) are begun when
    the password is given (prepare), before any request; a request deriving the same is
    answered by that begun derivation, one deriving anything else by a new one; the next
    check (prepare again) begins the plan anew."""
    host = bridge._FileHost(None)
    planned = KeyedAesRequest(KdfRequest(PBKDF2_SHA1, b"", b"salt", 4096, 0, 0, 20), 16,
                              counter_blocks(32))  # fmt: skip
    host.plan((planned,))
    assert host.js.derivationsBegun == 0  # nothing without the password
    host.prepare(b"password")
    assert host.js.derivationsBegun == 1
    kdf = KdfRequest(PBKDF2_SHA1, b"password", b"salt", 4096, 0, 0, 20)
    assert run_sync(host.perform(KeyedAesRequest(kdf, 16, counter_blocks(32)))) == (
        RFC_6070_KEY + COUNTERS_1_2
    )
    assert host.js.derivationsBegun == 1  # the planned one answered it
    # Asked again: the planned derivation was used up, so this one is derived anew.
    run_sync(host.perform(KeyedAesRequest(kdf, 16, counter_blocks(32))))
    assert host.js.derivationsBegun == 2
    other_salt = KdfRequest(PBKDF2_SHA1, b"password", b"SALT", 4096, 0, 0, 20)
    host.prepare(b"password")
    assert host.js.derivationsBegun == 3
    other = run_sync(host.perform(KeyedAesRequest(other_salt, 16, counter_blocks(32))))
    assert other[:20] != RFC_6070_KEY  # not the planned salt's key
    assert host.js.derivationsBegun == 4


def test_the_password_is_imported_when_the_check_starts_and_reused() -> None:
    host = bridge._FileHost(None)
    host.prepare(b"password")
    assert host.js.importsBegun == 1  # begun before any request
    kdf = KdfRequest(PBKDF2_SHA1, b"password", b"salt", 4096, 0, 0, 20)
    assert run_sync(host.perform(kdf)) == RFC_6070_KEY
    assert host.js.importsBegun == 1
