"""The data-backup check in two stages (checkers.databackup.stages), as the page runs it: the file
read without its password when it is chosen, then only the keyed part when the password comes.

Both stages together must give the command line's report (check_steps) on every kind of file;
the keyed stage reads nothing more for a backup as the app writes it."""

from __future__ import annotations

import struct
import sys
from pathlib import Path
from typing import Any

import pytest

from checkers.cli.data_backup_host import FileHost, check_file
from checkers.databackup import BackupReport, Prepared, keyed_steps, open_steps
from checkers.databackup.report import backup_wording
from checkers.databackup.requests import (
    Batch,
    Finish,
    KeyedAesRequest,
    ReadKeyedAesRequest,
    ReadRequest,
    answer_batch,
    answer_chained,
)
from checkers.databackup.stages import early_dict
from checkers.driver import run as drive
from checkers.kdf import KdfRequest, KdfUnavailable
from checkers.wording import Wording
from tests.databackup_maker import (
    FILE_NAME,
    PASSWORD,
    PRIVATE_KEY,
    Backup,
    entry_data_range,
    sparse_giant,
    zip_end,
)
from tests.idexport_encoder import encode_export
from tests.request_kinds import kind

pytestmark = pytest.mark.skipif(
    sys.platform == "emscripten", reason="this runtime has no pyzipper or hashlib pbkdf2_hmac"
)


class Staged:
    """One file checked in the page's two stages by the CPython host, each stage's requests
    kept apart."""

    def __init__(self, path: Path, refuse_keys: bool = False) -> None:
        self.path = path
        self.refuse_keys = refuse_keys
        self.seen: list[str] = []
        self.read_bytes = 0

    def perform(self, request: Any) -> Any:
        if isinstance(request, Batch):
            return answer_batch(request, self.perform)
        if isinstance(request, Finish):
            return self.perform(request.ticket)
        if isinstance(request, ReadKeyedAesRequest):
            return answer_chained(request, self.perform)
        if self.refuse_keys and isinstance(request, KeyedAesRequest | KdfRequest):
            raise KdfUnavailable("no PBKDF2 here")
        answer = self.host.perform(request)
        if isinstance(request, ReadRequest):
            self.read_bytes += len(answer)
        return answer

    def steps(self, steps: Any) -> tuple[Any, list[str]]:
        self.seen = []
        with self.path.open("rb") as file:
            self.host = FileHost(file.fileno())

            def traced(request: Any) -> Any:
                self.seen.append(kind(request))
                return self.perform(request)

            return drive(steps, traced), self.seen

    def open(self) -> tuple[Prepared, list[str]]:
        return self.steps(open_steps(self.path.stat().st_size, self.path.name))

    def keyed(self, prepared: Prepared, password: str | None) -> tuple[BackupReport, list[str]]:
        return self.steps(keyed_steps(prepared, password))


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The issue's cases and a few more, as files."""
    folder = tmp_path_factory.mktemp("staged-backups")
    good = Backup().write(folder)
    data = good.read_bytes()
    made = {"right": good}
    made["no media"] = Backup(include_media=False).write(folder, "no-media.zip")
    made["version 28"] = Backup(version=28).write(folder, "v28.zip")
    made["no encryption"] = Backup(encrypt=False).write(folder, "plain.zip")
    other = encode_export("ECHOECHO", PRIVATE_KEY, "a different password")
    made["identity under another password"] = Backup(identity_text=other).write(folder, "o.zip")
    unfinished = folder / f"INCOMPLETE-{FILE_NAME}"
    unfinished.write_bytes(data[: zip_end(data)["offset"]])
    made["unfinished"] = unfinished
    made["complete, named INCOMPLETE-"] = folder / f"INCOMPLETE-x-{FILE_NAME}"
    made["complete, named INCOMPLETE-"].write_bytes(data)
    made["truncated"] = folder / "truncated.zip"
    made["truncated"].write_bytes(data[: len(data) * 2 // 3])
    for entry in ("settings", "identity", "contacts.csv"):
        damaged = bytearray(data)
        start, end = entry_data_range(data, entry)
        damaged[(start + end) // 2] ^= 0x20
        made[f"damaged {entry}"] = folder / f"damaged-{entry}.zip"
        made[f"damaged {entry}"].write_bytes(bytes(damaged))
    # The directory's record of `identity` says 16 bytes more than its local header.
    longer = bytearray(data)
    record = data.index(b"PK\x01\x02")
    while data[record + 46 : record + 54] != b"identity":
        record = data.index(b"PK\x01\x02", record + 46)
    struct.pack_into("<L", longer, record + 20, struct.unpack_from("<L", data, record + 20)[0] + 16)
    made["directory disagrees"] = folder / "disagrees.zip"
    made["directory disagrees"].write_bytes(bytes(longer))
    made["not a zip"] = folder / "photo.zip"
    made["not a zip"].write_bytes(b"\xff\xd8\xff\xe0" + bytes(3000))
    made["empty"] = folder / "empty.zip"
    made["empty"].write_bytes(b"")
    (folder / "giant").mkdir()
    made["2 GB"] = sparse_giant(data, folder / "giant" / FILE_NAME, 2 * 1024**3, 2000)
    # 5,000 more entries: a directory of ~400 kB, longer than the tail read first (256 KiB), so
    # that the lists cannot be begun from the tail and are opened from the directory.
    (folder / "long").mkdir()
    made["long directory"] = sparse_giant(data, folder / "long" / FILE_NAME, 5000, 5000)
    return made


CASES = [
    "right", "no media", "version 28", "no encryption", "identity under another password",
    "unfinished", "complete, named INCOMPLETE-", "truncated", "damaged settings",
    "damaged identity", "damaged contacts.csv", "directory disagrees", "not a zip", "empty",
    "2 GB", "long directory",
]  # fmt: skip


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("password", [PASSWORD, "not the password", "short", None])
def test_both_stages_give_the_command_lines_report(
    files: dict[str, Path], case: str, password: str | None
) -> None:
    staged = Staged(files[case])
    prepared, _ = staged.open()
    report, _ = staged.keyed(prepared, password)
    assert report == check_file(files[case], password)


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("password", [PASSWORD, "not the password", None])
def test_words_rendered_during_the_wait_give_the_same_report(
    files: dict[str, Path], case: str, password: str | None, language: str
) -> None:
    """The page's keyed stage renders the report known so far while the ID export's key is
    derived (a remembering Wording) and renders the final one with it: the final words must
    be those of a fresh Wording, for every kind of file (a remembered sentence of the
    provisional report, e.g. "identity missing", must not stay in the final one)."""
    from checkers.cli.content import wording

    words = backup_wording(wording(language=language))
    staged = Staged(files[case])
    prepared, _ = staged.open()
    remembering = words.remembering()
    report, _ = staged.steps(keyed_steps(prepared, password, remembering))
    assert report.to_dict(remembering) == report.to_dict(words)
    assert report == check_file(files[case], password)


@pytest.mark.parametrize("case", ["right", "2 GB"])
def test_after_the_id_exports_key_only_what_it_changed_is_worded(
    files: dict[str, Path], case: str
) -> None:
    """The point of rendering during the wait: once the ID export's key (the last request) is
    answered, the final report's words need only the headline and the identity's fact; every
    other sentence (the settings' and the lists' facts, the sizes) was worded during the wait."""
    words = backup_wording(Wording()).remembering()
    staged = Staged(files[case])
    prepared, _ = staged.open()
    worded: list[tuple[int, str]] = []
    render = words._render

    def recorded(said: Any) -> str:
        worded.append((len(staged.seen), said.code))
        return render(said)

    words._render = recorded  # type: ignore[method-assign]
    report, seen = staged.steps(keyed_steps(prepared, PASSWORD, words))
    report.to_dict(words)
    assert seen[-1] == "finish"  # the ID export's key
    during = [code for requests, code in worded if requests < len(seen)]
    after = [code for requests, code in worded if requests == len(seen)]
    assert {"backup.fact.contacts", "backup.fact.media", "backup.fact.size"} <= set(during)
    assert after == ["backup.headline.ok", "backup.fact.identity", "backup.value.plain"]


@pytest.mark.parametrize("case", ["right", "2 GB"])
def test_a_refused_key_derivation_gives_the_same_findings(
    files: dict[str, Path], case: str
) -> None:
    staged = Staged(files[case], refuse_keys=True)
    prepared, _ = staged.open()
    report, _ = staged.keyed(prepared, PASSWORD)
    assert [(f.code, f.param("entry")) for f in report.findings] == [
        ("kdf-unavailable", "settings"),
        ("kdf-unavailable", "identity"),
        ("kdf-unavailable", "contacts.csv"),
        ("kdf-unavailable", "groups.csv"),
        ("kdf-unavailable", "distribution_list.csv"),
    ]
    assert not report.ok and report.password_ok is None


@pytest.mark.parametrize("case", ["right", "2 GB"])
def test_the_password_stage_reads_nothing_and_begins_the_id_exports_key_second(
    files: dict[str, Path], case: str
) -> None:
    staged = Staged(files[case])
    prepared, opening = staged.open()
    assert not prepared.final and prepared.report.findings == ()
    assert staged.read_bytes < 1024**2
    report, keyed = staged.keyed(prepared, PASSWORD)
    assert report.ok and report.identity == "ECHOECHO" and report.contacts == 3
    sha1 = "key+aes:pbkdf2-sha1"
    assert keyed == [
        # The identity's key begun first; settings' and the lists' begun behind it.
        f"begin({sha1})",
        f"[finish begin({sha1}) begin({sha1}) begin({sha1}) begin({sha1})]",
        "begin(key:pbkdf2-sha256)",  # the ID export inside identity: the longest wait
        "[finish finish finish finish]",  # settings and the lists, decrypted meanwhile
        "finish",
    ]
    # The file stage: head and tail at once (a small file: all of it, once, its head within
    # it; 2 GB: the directory is in the last 256 KiB); then the three lists, far from both
    # ends, in one more round.
    assert opening == {
        "right": ["[ReadRequest]"],
        "2 GB": ["[ReadRequest ReadRequest]", "[ReadRequest ReadRequest ReadRequest]"],
    }[case]
    if case == "right":  # no byte read twice: what the page says it read is at most the file
        assert staged.read_bytes == files[case].stat().st_size


def test_lists_in_a_directory_longer_than_the_tail_are_opened_and_counted(
    files: dict[str, Path],
) -> None:
    """The command line's check begins the lists from the tail's copy of the directory; when
    the directory does not fit in the tail, it opens them once the directory is read."""
    report = check_file(files["long directory"], PASSWORD)
    assert report.ok and report.entries == 15 + 5000
    assert (report.contacts, report.groups, report.distribution_lists) == (3, 2, 1)
    assert report.media.files == 2 + 5000


def test_an_unencrypted_identitys_export_key_is_begun_once(files: dict[str, Path]) -> None:
    """Its first request is the ID export's key, begun already: never begun a second time."""
    staged = Staged(files["no encryption"])
    prepared, _ = staged.open()
    report, keyed = staged.keyed(prepared, PASSWORD)
    assert report.identity == "ECHOECHO"
    assert keyed == ["[begin(key:pbkdf2-sha256)]", "finish"]


def test_one_file_read_checks_with_several_passwords(files: dict[str, Path]) -> None:
    staged = Staged(files["right"])
    prepared, _ = staged.open()
    wrong, _ = staged.keyed(prepared, "not the password")
    assert [f.code for f in wrong.findings] == ["wrong-password"] and wrong.password_ok is False
    right, keyed = staged.keyed(prepared, PASSWORD)
    assert right.ok and not any(step.startswith(("Read", "[Read")) for step in keyed)
    none, asked = staged.keyed(prepared, None)
    assert [f.code for f in none.findings] == ["no-password"] and asked == []


@pytest.mark.parametrize(
    ("case", "codes", "kind"),
    [
        ("unfinished", ["unfinished"], "android-data-backup"),
        ("truncated", ["truncated"], "android-data-backup"),
        ("not a zip", ["not-zip"], "not-zip"),
        ("empty", ["empty-file"], "not-zip"),
    ],
)
def test_problems_that_need_no_password_are_final_at_once(
    files: dict[str, Path], case: str, codes: list[str], kind: str
) -> None:
    staged = Staged(files[case])
    prepared, _ = staged.open()
    assert prepared.final
    assert [f.code for f in prepared.report.findings] == codes
    assert prepared.report.kind == kind
    report, asked = staged.keyed(prepared, PASSWORD)
    assert report == prepared.report and asked == []  # the password changes nothing
    early = early_dict(prepared, None, 1234)
    assert early["stage"] == "read" and early["final"] is True and early["tone"] == "problem"
    assert early["headline_code"] != "backup.headline.read"


def test_the_early_report_says_what_was_read_and_that_the_password_is_still_to_come(
    files: dict[str, Path],
) -> None:
    staged = Staged(files["complete, named INCOMPLETE-"])
    prepared, _ = staged.open()
    early = early_dict(prepared, None, 262_144)
    assert (early["stage"], early["final"], early["tone"], early["ok"]) == (
        "read", False, "neutral", False,
    )  # fmt: skip
    assert early["headline_code"] == "backup.headline.read"
    assert early["headline"] == (
        "NOT CHECKED YET: 262 kB of the file read without the password, its table of contents "
        "with 15 entries. Whether the password opens it is still to be checked."
    )
    assert early["password_ok"] is None and early["identity"] is None
    assert [f["code"] for f in early["findings"]] == ["incomplete-name"]
    assert [fact["key"] for fact in early["facts"]] == ["newest_entry", "size", "chats", "media"]


def test_an_empty_file_is_read_as_one(tmp_path: Path) -> None:
    from checkers.databackup.entries import name_facts
    from checkers.databackup.ziprange import ByteCache

    empty = tmp_path / FILE_NAME
    empty.write_bytes(b"")
    prepared, asked = Staged(empty).open()
    assert asked == []  # nothing to read in it
    assert (prepared.size, prepared.final, prepared.listing) == (0, True, {})
    assert prepared.facts == name_facts(FILE_NAME) and prepared.facts.created is not None
    assert isinstance(prepared.cache, ByteCache) and prepared.cache.ranges == []


def test_the_early_report_in_german(files: dict[str, Path]) -> None:
    from checkers.cli.content import wording

    prepared, _ = Staged(files["right"]).open()
    early = early_dict(prepared, wording(language="de"), 262_144)
    assert early["headline"] == (
        "NOCH NICHT GEPRÜFT: 262 kB der Datei ohne das Passwort gelesen, ihr Inhaltsverzeichnis "
        "mit 15 Einträgen. Ob das Passwort sie öffnet, wird erst noch geprüft."
    )
    assert {fact["key"]: fact["label"] for fact in early["facts"]}["size"] == "Größe"


@pytest.mark.parametrize(
    ("password", "codes"),
    [("", ["no-password"]), (None, ["no-password"]),
     # A lone surrogate, as a browser's string can hold one: tried (as UTF-8 with the
     # surrogate kept), not a crash.
     ("pass\udc80word", ["wrong-password"])],
)  # fmt: skip
def test_passwords_without_a_key_or_with_a_lone_surrogate(
    files: dict[str, Path], password: str | None, codes: list[str]
) -> None:
    staged = Staged(files["right"])
    prepared, _ = staged.open()
    report, asked = staged.keyed(prepared, password)
    assert [f.code for f in report.findings] == codes
    assert (asked == []) == (codes == ["no-password"])


def test_a_backup_without_an_identity_entry(tmp_path: Path) -> None:
    path = Backup(omit=("identity",)).write(tmp_path)
    staged = Staged(path)
    prepared, _ = staged.open()
    report, asked = staged.keyed(prepared, PASSWORD)
    assert [(f.code, f.param("entry")) for f in report.findings] == [("missing-entry", "identity")]
    assert report.format_version == 27 and report.contacts == 3 and not report.ok
    assert report == check_file(path, PASSWORD)
    # settings and the three lists side by side; no identity, so no ID export's key.
    sha1 = "key+aes:pbkdf2-sha1"
    assert asked == [f"[begin({sha1}) begin({sha1}) begin({sha1}) begin({sha1})]",
                     "[finish finish finish finish]"]  # fmt: skip


def test_a_list_larger_than_a_small_entry_is_still_counted(tmp_path: Path) -> None:
    """The lists may hold up to MAX_LIST_BYTES (256 KiB), more than settings and identity
    (64 KiB): 2,000 contacts, about 130 kB."""
    from tests.databackup_maker import CONTACTS_CSV

    header = CONTACTS_CSV.splitlines(keepends=True)[0]
    row = '"{:08d}","00","UNVERIFIED","","First","Last","nick","1","false","false","{}"\n'
    contacts = header + "".join(row.format(n, n) for n in range(2000))
    assert 100_000 < len(contacts) < 256 * 1024
    path = Backup(contacts_csv=contacts).write(tmp_path)
    prepared, _ = Staged(path).open()
    report, _ = Staged(path).keyed(prepared, PASSWORD)
    assert report.ok and report.contacts == 2000


def test_a_one_byte_file_is_read_not_called_empty(tmp_path: Path) -> None:
    one = tmp_path / "one.zip"
    one.write_bytes(b"P")
    prepared, asked = Staged(one).open()
    assert [f.code for f in prepared.report.findings] == ["not-zip"] and prepared.final
    assert asked == ["[ReadRequest]"]


@pytest.mark.parametrize("case", ["not a zip", "unfinished", "truncated"])
def test_a_file_judged_without_its_password_keeps_what_was_read(
    files: dict[str, Path], case: str
) -> None:
    from checkers.databackup.entries import name_facts

    path = files[case]
    prepared, _ = Staged(path).open()
    assert prepared.final and prepared.listing == {}
    assert (prepared.size, prepared.facts) == (path.stat().st_size, name_facts(path.name))
    assert sum(len(data) for _, data in prepared.cache.ranges) == min(
        path.stat().st_size, 4096 + 256 * 1024
    )


def _contacts(rows: int, width: int = 0) -> str:
    """A contacts.csv of `rows` contacts, each with `width` random hex digits as its nickname
    (random: the ZIP's deflate cannot shrink them)."""
    import secrets

    from tests.databackup_maker import CONTACTS_CSV

    header = CONTACTS_CSV.splitlines(keepends=True)[0]
    row = '"{:08d}","00","UNVERIFIED","","First","Last","{}","1","false","false","{}"\n'
    return header + "".join(row.format(n, secrets.token_hex(width // 2), n) for n in range(rows))


def test_a_list_too_large_to_count_is_not_read_when_the_file_is_chosen(tmp_path: Path) -> None:
    import io
    import zipfile

    contacts = _contacts(3000, 200)  # ~700 kB, ~350 kB deflated: beyond MAX_LIST_BYTES
    path = Backup(contacts_csv=contacts).write(tmp_path)
    info = zipfile.ZipFile(io.BytesIO(path.read_bytes())).getinfo("contacts.csv")
    assert info.compress_size > 256 * 1024 and path.stat().st_size > 4096 + 256 * 1024
    staged = Staged(path)
    prepared, _ = staged.open()
    assert staged.read_bytes < info.compress_size  # its head, its tail and the small entries
    report, _ = staged.keyed(prepared, PASSWORD)
    assert [(f.code, f.param("entry")) for f in report.findings] == [
        ("not-counted", "contacts.csv")
    ]


def test_a_list_of_exactly_the_largest_size_counted_is_read_when_chosen(tmp_path: Path) -> None:
    contacts = _contacts(2500)
    last = '"LASTLAST","00","UNVERIFIED","","First","Last","{}","1","false","false","2500"\n'
    contacts += last.format("x" * (256 * 1024 - len(contacts) - len(last.format(""))))
    assert len(contacts.encode()) == 256 * 1024  # 256 KiB exactly, the last nickname made long
    # 300 kB that do not deflate after it: the list lies outside the tail read first.
    import os

    path = Backup(contacts_csv=contacts, extra={"zz_after": os.urandom(300_000)}).write(tmp_path)
    staged = Staged(path)
    prepared, _ = staged.open()
    report, asked = staged.keyed(prepared, PASSWORD)
    assert report.contacts == 2501 and report.findings == ()
    assert not any("read" in step.lower() for step in asked)  # read when chosen, not now
