"""The `identity` entry judged (databackup.check.judge_opened): each way it can be found (missing,
not opened, holding something that is no export, an export with errors, one the password does
not open, one whose key cannot be derived here) gives its own finding, written out below; and
the export inside is checked without its public key (the report shows none, and X25519 in pure
Python would only cost the browser time)."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

from checkers.cli.data_backup_host import FileHost, check_file
from checkers.databackup import entries as names
from checkers.databackup import winzip_aes as aes
from checkers.databackup.check import judge_opened, start_report
from checkers.databackup.early import head_entries, open_identity
from checkers.databackup.ziprange import ByteCache
from checkers.driver import run
from checkers.verdict import ERROR, WARNING, Problem, Verdict
from checkers.wording import message

pytestmark = pytest.mark.skipif(
    sys.platform == "emscripten", reason="backups are made with pyzipper, not in this runtime"
)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.databackup_maker import Backup

    return Backup().write(tmp_path_factory.mktemp("identity-entry"))


def problem(code: str, severity: str = ERROR) -> Problem:
    return Problem(code, severity, message(f"test.{code}"))


EXPORT = Verdict("id-export", 0, identity="ECHOECHO")
OPENED = aes.Opened(b"(the export's text)")


@pytest.mark.parametrize(
    ("found", "aes_entry", "findings", "identity", "password_ok"),
    [
        (None, True, [("missing-entry", {"entry": "identity"})], None, True),
        # The password opened settings: the identity's verifier failing is damage, not the password.
        ((aes.Opened(None, aes.WRONG_PASSWORD), None), True,
         [("damaged-entry", {"entry": "identity", "reason": "authentication"})], None, True),
        ((aes.Opened(None, aes.TRUNCATED), None), True,
         [("truncated", {"entry": "identity"})], None, True),
        ((OPENED, EXPORT), True, [], "ECHOECHO", True),
        ((OPENED, replace(EXPORT, problems=(problem("short-password", WARNING),))), True, [],
         "ECHOECHO", True),
        # An ID readable but the export wrong (a typo): not restorable, no ID claimed.
        ((OPENED, replace(EXPORT, problems=(problem("typo"),))), True,
         [("identity-invalid", {"codes": ["typo"]})], None, True),
        ((OPENED, Verdict("id-export", 0, problems=(problem("wrong-password"),))), True,
         [("identity-password", {})], None, True),
        # An unencrypted ZIP: the export is all the password guards.
        ((OPENED, Verdict("id-export", 0, problems=(problem("wrong-password"),))), False,
         [("wrong-password", {})], None, False),
        ((OPENED, Verdict("id-export", 0, problems=(problem("kdf-unavailable"),))), True,
         [("kdf-unavailable", {"entry": "identity"})], None, True),
        ((OPENED, Verdict("contact-qr", identity="ECHOECHO")), True,
         [("identity-invalid", {"codes": ["contact-qr"]})], None, True),
    ],
)  # fmt: skip
def test_each_way_the_identity_is_found(
    made: Path, found, aes_entry: bool, findings: list, identity: str | None,
    password_ok: bool | None,
) -> None:
    listing = head_entries(made.read_bytes()[:4096])
    if not aes_entry:
        listing = {name: entry._replace(flag_bits=0, compress_type=8)
                   for name, entry in listing.items()}  # fmt: skip
    report, facts = start_report(made.stat().st_size, made.name)
    counts = [None, None, None]
    judged = judge_opened(report, listing, facts, aes.Opened(b"version,27\n"), found, counts)
    assert [(f.code, dict(f.params)) for f in judged.findings] == findings
    assert (judged.identity, judged.password_ok, judged.format_version) == (
        identity, password_ok, 27,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("content", "codes"),
    [(b"\xff\xfe\x00 not text", ["unrecognized"]), ("hello", ["unrecognized"]),
     ("3HGAZYX9", ["threema-id"])],  # a bare ID: the app's ID, not an export of it
)  # fmt: skip
def test_an_identity_entry_without_an_export(
    tmp_path: Path, content: str | bytes, codes: list[str]
) -> None:
    from tests.databackup_maker import PASSWORD, Backup

    report = check_file(Backup(identity_text=content).write(tmp_path), PASSWORD)
    assert [(f.code, f.param("codes")) for f in report.findings] == [("identity-invalid", codes)]
    assert report.identity is None and not report.ok and report.password_ok is True


def test_the_export_inside_is_checked_without_its_public_key(made: Path) -> None:
    from tests.databackup_maker import PASSWORD

    data = made.read_bytes()
    info = head_entries(data[:4096])[names.IDENTITY]
    secret = PASSWORD.encode("utf-8")
    with made.open("rb") as file:
        host = FileHost(file.fileno())
        steps = open_identity(info, secret, PASSWORD, len(data), 64 * 1024, ByteCache())
        identity = run(steps, host.perform)
        assert identity.verdict is None and identity.ticket is not None  # its key only begun
        opened, verdict = run(identity.result(), host.perform)
    import pyzipper

    with pyzipper.AESZipFile(made) as archive:  # the export as stored, read by another library
        assert opened.data == archive.read(names.IDENTITY, pwd=secret)
    assert (verdict.identity, verdict.public_key, verdict.ok) == ("ECHOECHO", None, True)


@pytest.mark.parametrize(
    ("settings", "listed", "findings", "identity", "password_ok", "version"),
    [
        (None, True, [("missing-entry", {"entry": "settings"})], "ECHOECHO", True, None),
        (aes.Opened(b"version,27\n"), False, [("missing-entry", {"entry": "settings"})],
         "ECHOECHO", True, None),
        # Cut short or the wrong password: nothing after settings is judged.
        (aes.Opened(None, aes.TRUNCATED), True, [("truncated", {"entry": "settings"})], None,
         None, None),
        (aes.Opened(None, aes.WRONG_PASSWORD), True, [("wrong-password", {})], None, False, None),
        (aes.Opened(b"version,x\n"), True,
         [("damaged-entry", {"entry": "settings", "reason": "version"})], "ECHOECHO", True, None),
    ],
)  # fmt: skip
def test_each_way_settings_is_found_and_what_is_judged_after_it(
    made: Path, settings, listed: bool, findings: list, identity: str | None,
    password_ok: bool | None, version: int | None,
) -> None:
    listing = head_entries(made.read_bytes()[:4096])
    if not listed:
        del listing[names.SETTINGS]
    report, facts = start_report(made.stat().st_size, made.name)
    judged = judge_opened(report, listing, facts, settings, (OPENED, EXPORT), [None, None, None])
    assert [(f.code, dict(f.params)) for f in judged.findings] == findings
    assert (judged.identity, judged.password_ok, judged.format_version) == (
        identity, password_ok, version,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("name", "findings"),
    [
        ("threema-backup_ZZZZZZZZ_1763673304000_1.zip",
         [("name-identity", WARNING, {"name_identity": "ZZZZZZZZ", "identity": "ECHOECHO"})]),
        ("threema-backup_ECHOECHO_1763673304000_1.zip", []),
        ("threema-backup_1763673304000_1.zip", []),  # today's names carry no ID
    ],
)  # fmt: skip
def test_an_id_in_the_file_name_that_is_not_the_backups(
    made: Path, name: str, findings: list
) -> None:
    listing = head_entries(made.read_bytes()[:4096])
    report, facts = start_report(made.stat().st_size, name)
    judged = judge_opened(
        report, listing, facts, aes.Opened(b"version,27\n"), (OPENED, EXPORT), [None, None, None]
    )
    assert [(f.code, f.severity, dict(f.params)) for f in judged.findings] == findings
    assert judged.identity == "ECHOECHO"
