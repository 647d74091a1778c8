"""The data-backup check as a generator: yields reads, key derivations and AES, returns a report."""

from __future__ import annotations

import csv
import io
from collections.abc import Generator
from dataclasses import replace
from typing import Any, TypeVar

from checkers.databackup import early
from checkers.databackup import entries as names
from checkers.databackup import winzip_aes as aes
from checkers.databackup.report import (
    KIND_BACKUP,
    KIND_OTHER,
    KIND_ZIP,
    SUPPORTED_VERSION,
    WARNING,
    BackupReport,
    Finding,
)
from checkers.databackup.requests import Batch, Begin, Finish, ReadRequest, finish, together
from checkers.databackup.ziprange import (
    LOCAL_SIGNATURE,
    ByteCache,
    Directory,
    Entry,
    Located,
    find_records,
    first_entry_name,
    head_and_tail,
    locate_directory,
    parse_directory,
)
from checkers.verdict import ERROR as VERDICT_ERROR
from checkers.verdict import Verdict

MIN_PASSWORD, MAX_PASSWORD = 8, 256  # AppConstants in the Android app
# The contact, group and list files are counted when they are at most this big (compressed):
# thousands of rows, and a multi-GB backup still costs well under 1 MB of reading.
MAX_LIST_BYTES = 256 * 1024
# `settings` holds one line and `identity` 80 characters; anything bigger is a damaged directory.
MAX_SMALL_ENTRY = 64 * 1024

# The entries this check opens (names as stored): the others are only counted.
_OPENED = {name.encode("ascii") for name in (names.SETTINGS, names.IDENTITY, *names.LISTS)}
_LIST_NAMES = tuple(name.encode("ascii") for name in names.LISTS)
CheckSteps = Generator[Any, Any, BackupReport]
T = TypeVar("T")
_ENTRY_PROBLEMS = {
    aes.NOT_AUTHENTIC: "damaged-entry",
    aes.BAD_DATA: "damaged-entry",
    aes.BAD_CRC: "damaged-entry",
    aes.BAD_HEADER: "damaged-entry",
    aes.TRUNCATED: "truncated",
    aes.UNSUPPORTED: "unsupported-encryption",
    aes.KDF_UNAVAILABLE: "kdf-unavailable",
}


def check_steps(size: int, name: str | None, password: str | None) -> CheckSteps:
    """Checks the backup file of `size` bytes called `name` (may be None) with `password`.

    Yields ReadRequest (answer: the bytes), KdfRequest (the key, or throw KdfUnavailable),
    AesRequest (the encrypted blocks) and Batch (several of those at once; answer: a tuple of
    their answers); returns the BackupReport. Never raises on any file. All in one go, ordered
    for a file and its password given together (the command line); the page runs the same
    check in two stages (stages.open_steps, stages.keyed_steps), with the same report.
    """
    report, facts = start_report(size, name)
    if size <= 0:
        return _add(report, Finding.of("empty-file"))
    cache = ByteCache()
    secret = (password or "").encode("utf-8", "surrogatepass")
    first: dict[str, tuple[Entry, Any]] = {}
    begun: dict[str, tuple[Entry, Any, Any]] = {}
    if password:
        # The ID export's key derivation is the check's longest wait and needs the identity
        # opened first: settings and identity are opened from the head (the tail's read
        # begun meanwhile) and that derivation begun before anything else; the lists (found
        # in a directory that came with the tail) are then begun, and the directory parsed,
        # while it runs. The early results are judged against the parsed directory below.
        head, tail = yield from _head_then_tail(size, cache)
        first = yield from _open_early(early.head_entries(head), secret, password, size, cache)
        yield from _collect(tail, cache)
        begun = yield from _begin_lists(size, secret, cache)
    located = yield from locate_directory(size, cache)
    directory = parse_directory(located)
    report, listing = judge_structure(report, directory, facts)
    if listing is None:
        return report
    report, go_on = password_notes(report, password)
    if not go_on:
        return report
    settings_info, identity_info = listing.get(names.SETTINGS), listing.get(names.IDENTITY)
    settings_early = _confirmed(first, names.SETTINGS, settings_info)
    identity_early = _confirmed(first, names.IDENTITY, identity_info)
    # Every entry not opened early, side by side (reads, key derivations, AES each in one round
    # trip); the findings are then judged in the order a restore meets them, one by one.
    settings_step = (
        known(settings_early) if settings_early is not None
        else open_listed(settings_info, secret, size, cache)
    )
    identity_step = (
        known(identity_early) if identity_early is not None
        else open_listed_identity(identity_info, secret, password, size, cache)
    )
    list_steps = [
        _open_list(begun.get(entry), listing.get(entry), secret, size, cache)
        for entry in names.LISTS
    ]
    settings, identity, *counted = yield from together([settings_step, identity_step, *list_steps])
    # The ID export's key was begun early; the lists above were read, opened and are counted
    # meanwhile.
    counts = count_lists(listing, counted)
    identity = (yield from identity.result()) if identity is not None else None
    return judge_opened(report, listing, facts, settings, identity, counts)


def start_report(size: int, name: str | None) -> tuple[BackupReport, names.NameFacts]:
    """The report before anything is read (what the name says), and the name's facts."""
    facts = names.name_facts(name)
    return BackupReport(KIND_OTHER, name, size, created=facts.created), facts


def judge_structure(
    report: BackupReport, directory: Directory, facts: names.NameFacts
) -> tuple[BackupReport, dict[str, Entry] | None]:
    """What the directory shows without the password: the report and the records of the
    entries the password opens (by name), or the final report and None when the file is no
    backup that a password could open (not a ZIP, unfinished, cut short, another app's)."""
    if directory.entries is None:
        finding = _unreadable(directory, facts.incomplete)
        kind = KIND_OTHER if finding.code == "not-zip" else KIND_ZIP
        if first_entry_name(directory.head) in (b"settings", b"identity"):
            kind = KIND_BACKUP  # the app writes `settings` first
        return _add(replace(report, kind=kind), finding), None
    listing = {info.filename: info for info in directory.entries if info.name in _OPENED}
    found = names.contents(directory.entries)
    report = replace(
        report,
        kind=KIND_ZIP,
        newest_entry=found.newest_entry,
        chats=found.chats,
        media=found.media,
        entries=len(directory.entries),
    )
    if names.SETTINGS not in listing and names.IDENTITY not in listing:
        encrypted = any(info.flag_bits & 1 for info in directory.entries)
        entries = len(directory.entries)
        return _add(report, Finding.of("other-zip", entries=entries, encrypted=encrypted)), None
    report = replace(report, kind=KIND_BACKUP)
    if facts.incomplete:
        report = _add(report, Finding.of("incomplete-name", WARNING))
    if not any(aes.is_aes(info) for info in directory.entries):
        report = _add(report, Finding.of("not-encrypted", WARNING))
    return report, listing


def password_notes(report: BackupReport, password: str | None) -> tuple[BackupReport, bool]:
    """The report with what the password itself calls for, and whether to try it (not: none)."""
    if not password:
        return _add(report, Finding.of("no-password", WARNING)), False
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        report = _add(
            report,
            Finding.of("password-length", WARNING, length=len(password), min=MIN_PASSWORD,
                       max=MAX_PASSWORD),
        )  # fmt: skip
    return report, True


def judge_opened(
    report: BackupReport,
    listing: dict[str, Entry],
    facts: names.NameFacts,
    settings: aes.Opened | None,
    identity: tuple[aes.Opened, Verdict | None] | None,
    counts: list[Counted],
) -> BackupReport:
    """The findings of the opened entries, in the order a restore meets them: `settings`, then
    `identity` (with its ID export's verdict), then the lists (`counts`: what count_lists gave,
    in names.LISTS order)."""
    report = _check_settings(report, listing.get(names.SETTINGS), settings)
    if report.password_ok is False or report.finding("truncated"):
        return report
    report = _check_identity(report, listing.get(names.IDENTITY), identity)
    if facts.identity and report.identity and facts.identity != report.identity:
        report = _add(
            report,
            Finding.of("name-identity", WARNING, name_identity=facts.identity,
                       identity=report.identity),
        )  # fmt: skip
    for counted in counts:
        if isinstance(counted, Finding):
            report = _add(report, counted)
        elif counted is not None:
            report = replace(report, **{counted[0]: counted[1]})
    return report


# What one list entry gives the report: (its report field, its number of records), a finding
# (damaged, too large to count), or None (not backed up).
Counted = tuple[str, int] | Finding | None


def count_lists(listing: dict[str, Entry], opened: list[aes.Opened | None]) -> list[Counted]:
    """The lists (`opened`, as names.LISTS) counted: pure work on bytes at hand, done while the
    ID export's key is still being derived."""
    return [
        _count_rows(listing.get(entry), entry, entry_opened)
        for entry, entry_opened in zip(names.LISTS, opened, strict=True)
    ]


def open_listed(
    info: Entry | None, secret: bytes, size: int, cache: ByteCache, max_bytes: int = MAX_SMALL_ENTRY
) -> Generator[Any, Any, aes.Opened | None]:
    if info is None:
        return None
    return (yield from aes.open_entry(info, secret, size, max_bytes, cache))


def _begin_lists(
    size: int, secret: bytes, cache: ByteCache
) -> Generator[Any, Any, dict[str, tuple[Entry, Any, Any]]]:
    """The lists found in a directory that came with the tail (find_records), their opening
    begun: they read and derive their keys while settings and identity open (each with its
    step and ticket, kept only if the parsed directory has the same record)."""
    located = _without_reading(locate_directory(size, cache))
    if not isinstance(located, Located):
        return {}
    records = find_records(located.directory, _LIST_NAMES)
    begun: dict[str, tuple[Entry, Any, Any]] = {}
    for info in records.values():
        step = aes.open_entry(info, secret, size, MAX_LIST_BYTES, cache)
        try:
            begun[info.filename] = (info, step, next(step))
        except StopIteration:  # too large: opened (refused) again below, from the directory
            continue
    if not begun:
        return {}
    tickets = yield Batch(tuple(Begin(request) for _, _, request in begun.values()))
    pairs = zip(begun.items(), tickets, strict=True)
    return {name: (info, step, ticket) for (name, (info, step, _)), ticket in pairs}


def _without_reading(steps: Generator[Any, Any, T]) -> T | None:
    """The result of `steps` if it needs nothing from the host, else None (and `steps` closed)."""
    try:
        next(steps)
    except StopIteration as finished:
        return finished.value
    steps.close()
    return None


def _open_list(
    begun: tuple[Entry, Any, Any] | None, info: Entry | None, secret: bytes, size: int,
    cache: ByteCache,
) -> Generator[Any, Any, aes.Opened | None]:
    """A list entry: its begun opening finished if the directory agrees, else opened anew."""
    if begun is not None and early.matches(begun[0], info):
        return (yield from finish(begun[1], begun[2]))
    return (yield from open_listed(info, secret, size, cache, MAX_LIST_BYTES))


def open_listed_identity(
    info: Entry | None, secret: bytes, password: str, size: int, cache: ByteCache
) -> Generator[Any, Any, early.Identity | None]:
    if info is None:
        return None
    return (yield from early.open_identity(info, secret, password, size, MAX_SMALL_ENTRY, cache))


def _head_then_tail(size: int, cache: ByteCache) -> Generator[Any, Any, tuple[bytes, Any]]:
    """The file's head, and the tail's read begun beside it: (head, (tail offset, ticket)) for
    `_collect`. A small file is read whole at once (its tail is all of it): (head, None)."""
    (head_at, head_length), (tail_at, tail_length) = head_and_tail(size)
    if tail_at == 0:
        head, _ = yield from cache.fetch_many(head_and_tail(size))
        return head, None
    head, ticket = yield Batch((ReadRequest(head_at, head_length),
                                Begin(ReadRequest(tail_at, tail_length))))  # fmt: skip
    cache.ranges.append((head_at, bytes(head)))
    return bytes(head), (tail_at, ticket)


def _collect(begun: tuple[int, Any] | None, cache: ByteCache) -> Generator[Any, Any, None]:
    """The bytes of a begun read (offset, ticket), into the cache."""
    if begun is not None:
        offset, ticket = begun
        cache.ranges.append((offset, bytes((yield Finish(ticket)))))


def _open_early(
    local: dict[str, Entry], secret: bytes, password: str, size: int, cache: ByteCache
) -> Generator[Any, Any, dict[str, tuple[Entry, Any]]]:
    """The entries of `local` (from their local headers) opened before the directory is read."""
    steps = [
        early.open_identity(info, secret, password, size, MAX_SMALL_ENTRY, cache)
        if name == names.IDENTITY
        else aes.open_entry(info, secret, size, MAX_SMALL_ENTRY, cache)
        for name, info in local.items()
    ]
    results = yield from together(steps)
    pairs = zip(local.items(), results, strict=True)
    return {name: (info, result) for (name, info), result in pairs}


def _confirmed(first: dict[str, tuple[Entry, Any]], name: str, listed: Entry | None) -> Any:
    """The early result for entry `name`, if the directory's record agrees with it."""
    found = first.get(name)
    return found[1] if found is not None and early.matches(found[0], listed) else None


def known(value: T) -> Generator[Any, Any, T]:
    """A step that needs nothing more from the host."""
    yield from ()
    return value


def _add(report: BackupReport, finding: Finding) -> BackupReport:
    return replace(report, findings=(*report.findings, finding))


def _unreadable(directory: Any, incomplete: bool) -> Finding:
    """Why no directory: not a ZIP at all, unfinished, or cut short."""
    starts_as_zip = directory.head[:4] == LOCAL_SIGNATURE
    if not starts_as_zip and not directory.found_end:
        return Finding.of("not-zip")
    if not directory.found_end:
        return Finding.of("unfinished" if incomplete else "truncated")
    return Finding.of("damaged-directory")


def _entry_finding(entry: str, opened: aes.Opened) -> Finding:
    code = _ENTRY_PROBLEMS.get(opened.reason or "", "damaged-entry")
    params: dict[str, Any] = {"entry": entry}
    if code == "damaged-entry":
        params["reason"] = opened.reason
    if opened.detail and code in ("unsupported-encryption", "kdf-unavailable"):
        params["detail"] = opened.detail
    return Finding.of(code, **params)


def _check_settings(
    report: BackupReport, info: Entry | None, opened: aes.Opened | None
) -> BackupReport:
    if info is None or opened is None:
        return _add(report, Finding.of("missing-entry", entry=names.SETTINGS))
    if opened.reason == aes.WRONG_PASSWORD:
        return replace(_add(report, Finding.of("wrong-password")), password_ok=False)
    if opened.data is None:
        return _add(report, _entry_finding(names.SETTINGS, opened))
    report = replace(report, password_ok=aes.is_aes(info) or None)
    version = _settings_version(opened.data)
    if version is None:
        return _add(report, Finding.of("damaged-entry", entry=names.SETTINGS, reason="version"))
    report = replace(report, format_version=version)
    if version > SUPPORTED_VERSION:
        report = _add(
            report, Finding.of("newer-version", version=version, supported=SUPPORTED_VERSION)
        )
    return report


def _settings_version(data: bytes) -> int | None:
    """The `version,<n>` row of the settings CSV (RestoreSettings in the app)."""
    for row in _rows(data) or []:
        if len(row) >= 2 and row[0] == "version":
            try:
                return int(row[1])
            except ValueError:
                return None
    return None


def _rows(data: bytes) -> list[list[str]] | None:
    try:
        return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    except (UnicodeDecodeError, csv.Error):
        return None


def _check_identity(
    report: BackupReport, info: Entry | None, found: tuple[aes.Opened, Verdict | None] | None
) -> BackupReport:
    """Judges the identity entry: `found` is it opened and the ID export inside it checked."""
    if info is None or found is None:
        return _add(report, Finding.of("missing-entry", entry=names.IDENTITY))
    opened, verdict = found
    if verdict is None:
        if opened.reason == aes.WRONG_PASSWORD:  # settings opened: not a wrong password
            opened = aes.Opened(None, aes.NOT_AUTHENTIC)
        return _add(report, _entry_finding(names.IDENTITY, opened))
    if verdict.ok and verdict.identity:
        # An unencrypted ZIP: the ID export inside is what this password opened.
        opens = True if report.password_ok is None else report.password_ok
        return replace(report, identity=verdict.identity, password_ok=opens)
    codes = [p.code for p in verdict.problems if p.severity == VERDICT_ERROR]
    if "wrong-password" in codes:
        if not aes.is_aes(info):  # the ID export is the only thing the password guards
            report = replace(report, password_ok=False)
            return _add(report, Finding.of("wrong-password"))
        return _add(report, Finding.of("identity-password"))
    if "kdf-unavailable" in codes:
        return _add(report, Finding.of("kdf-unavailable", entry=names.IDENTITY))
    return _add(report, Finding.of("identity-invalid", codes=codes or [verdict.kind]))


def _count_rows(info: Entry | None, entry: str, opened: aes.Opened | None) -> Counted:
    field = {names.CONTACTS: "contacts", names.GROUPS: "groups"}.get(entry, "distribution_lists")
    if info is None or opened is None:  # not backed up (the app writes it even when empty)
        return None
    if opened.reason == aes.TOO_LARGE:
        return Finding.of("not-counted", WARNING, entry=entry, bytes=info.file_size)
    if opened.data is None:
        return _entry_finding(entry, opened)
    rows = _rows(opened.data)
    if rows is None:
        return Finding.of("damaged-entry", entry=entry, reason="csv")
    records = [row for row in rows if any(cell.strip() for cell in row)]
    return field, max(0, len(records) - 1)  # less the header row
