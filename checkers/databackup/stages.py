"""The data-backup check in two stages: what the file shows without its password, then the password.

The page reads the file as soon as it is chosen (`open_steps`: the end records, the directory,
the format facts and findings that need no password, and the stored bytes of `settings`,
`identity` and the lists), so that pressing Check runs only what needs the password
(`keyed_steps`: key derivations, AES, the ID export's check). Both stages together give exactly
the report of `check_steps`, which does it all in one go (the command line);
tests/core/test_databackup_stages.py compares them on every kind of file.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass, replace
from typing import Any

from checkers.databackup import check
from checkers.databackup import entries as names
from checkers.databackup import winzip_aes as aes
from checkers.databackup.check import MAX_LIST_BYTES, MAX_SMALL_ENTRY
from checkers.databackup.report import BackupReport, Finding, backup_wording, size_message
from checkers.databackup.requests import (
    Batch,
    Begin,
    Finish,
    KeyedAesRequest,
    finish,
    relay,
    together,
)
from checkers.databackup.winzip_aes import entry_range
from checkers.databackup.ziprange import ByteCache, Entry, read_directory
from checkers.driver import HostUnavailable
from checkers.wording import Wording, message

# How much of each opened entry is read early, at most (as open_entry refuses larger ones).
_LIMITS = {names.SETTINGS: MAX_SMALL_ENTRY, names.IDENTITY: MAX_SMALL_ENTRY} | dict.fromkeys(
    names.LISTS, MAX_LIST_BYTES
)


@dataclass(frozen=True)
class Prepared:
    """A backup file read as far as it can be without its password.

    `report` holds what is known so far; `final` says that no password can change it (not a
    ZIP, unfinished, cut short, another app's file); `listing` the directory's records of the
    entries the password opens; `cache` the bytes read, those entries' included."""

    size: int
    report: BackupReport
    final: bool
    facts: names.NameFacts
    listing: dict[str, Entry]
    cache: ByteCache


def open_steps(size: int, name: str | None, prefetch: bool = True) -> Generator[Any, Any, Prepared]:
    """Reads the file of `size` bytes called `name` without its password: the head and the tail
    (one round), the directory if it lies further back, then (`prefetch`) the stored bytes of
    the entries the password will open, in one more round. Never raises on any file."""
    report, facts = check.start_report(size, name)
    cache = ByteCache()
    if size <= 0:
        empty = replace(report, findings=(Finding.of("empty-file"),))
        return Prepared(size, empty, True, facts, {}, cache)
    directory = yield from read_directory(size, cache)
    report, listing = check.judge_structure(report, directory, facts)
    if listing is None:
        return Prepared(size, report, True, facts, {}, cache)
    if prefetch:
        wanted = tuple(
            entry_range(info, size)
            for entry, info in listing.items()
            if max(info.compress_size, info.file_size) <= _LIMITS.get(entry, 0)
            and info.header_offset < size
        )
        yield from cache.fetch_many(wanted)
    return Prepared(size, report, False, facts, listing, cache)


def keyed_steps(
    prepared: Prepared, password: str | None, words: Wording | None = None
) -> Generator[Any, Any, BackupReport]:
    """The rest of the check of a file read by `open_steps`, with `password`.

    The identity's key is begun first, the other entries' keys behind it; as soon as the
    identity is open, the ID export's key derivation (the longest wait) is begun, and the other
    entries are decrypted while it runs. Reads only what `open_steps` did not (nothing, for a
    file as the app writes it). `words` (a Wording.remembering() copy, optional): the report
    known without the ID export is rendered with it during that wait, so that rendering the
    final report with it afterwards only words what the ID export changed."""
    report = prepared.report
    if prepared.final:
        return report
    report, go_on = check.password_notes(report, password)
    if not go_on or password is None:
        return report
    secret = password.encode("utf-8", "surrogatepass")
    size, cache, listing = prepared.size, prepared.cache, prepared.listing
    identity_step = check.open_listed_identity(
        listing.get(names.IDENTITY), secret, password, size, cache
    )
    others = [check.open_listed(listing.get(names.SETTINGS), secret, size, cache)]
    others += [
        check.open_listed(listing.get(entry), secret, size, cache, MAX_LIST_BYTES)
        for entry in names.LISTS
    ]
    first, identity = _start(identity_step)
    if first is not None and not isinstance(first, Begin):
        # The identity's key is begun before the other entries' requests are made: the
        # browser derives it while Python makes them (a Begin is answered at once). An
        # unencrypted identity's first request is the ID export's key, begun already.
        first = Finish((yield Begin(first)))
    started = [_start(step) for step in others]
    asked = [Begin(request) for request, _ in started if request is not None]
    answers = yield Batch(((first,) if first is not None else ()) + tuple(asked))
    tickets = iter(answers[1:] if first is not None else answers)
    if first is not None:
        identity = yield from _resumed(identity_step, answers[0])
    pending = [
        finish(step, next(tickets)) if request is not None else check.known(result)
        for step, (request, result) in zip(others, started, strict=True)
    ]
    settings, *counted = yield from together(pending)
    counts = check.count_lists(listing, counted)  # while the ID export's key is derived
    if words is not None and identity is not None and identity.export is not None:
        # Provisional (the identity not yet judged: reported missing); only its words are kept.
        check.judge_opened(report, listing, prepared.facts, settings, None, counts).to_dict(words)
    opened = (yield from identity.result()) if identity is not None else None
    return check.judge_opened(report, listing, prepared.facts, settings, opened, counts)


def planned_keys(prepared: Prepared) -> tuple[KeyedAesRequest, ...]:
    """The keyed AES requests that `keyed_steps` will make first, in its order (the identity's,
    then settings' and the lists'), with an empty password: what a host can begin the moment
    the password is given, before the check's Python runs. Each entry read early and opened
    with a key; none for a file no password opens. A host that begins these must still answer
    keyed_steps' own requests, which say the same with the password (a plan, not a promise)."""
    planned = []
    for entry in (names.IDENTITY, names.SETTINGS, *names.LISTS):
        info = prepared.listing.get(entry)  # none at all when the file is final
        if info is None:
            continue
        steps = aes.open_entry(info, b"", prepared.size, _LIMITS[entry], prepared.cache)
        try:
            request = next(steps)
        except StopIteration:  # nothing to derive: unencrypted, too large or damaged
            continue
        if isinstance(request, KeyedAesRequest):  # not a read: its bytes came early
            planned.append(request)
    return tuple(planned)


def early_dict(prepared: Prepared, wording: Wording | None, read_bytes: int) -> dict[str, Any]:
    """The report of a file read without its password (BackupReport.to_dict's shape, plus
    `stage`: "read" and `final`). Unless final, its headline says what was read and that the
    password is still to be checked, and its tone is neutral: nothing in it is a verdict."""
    data = prepared.report.to_dict(wording)
    data.update(stage="read", final=prepared.final)
    if not prepared.final:
        headline = message(
            "backup.headline.read", entries=prepared.report.entries, size=size_message(read_bytes)
        )
        data.update(headline=backup_wording(wording)(headline), headline_code=headline.code,
                    tone="neutral")  # fmt: skip
    return data


def _start(step: Generator[Any, Any, Any]) -> tuple[Any, Any]:
    """(the first request of `step`, None), or (None, its result) if it needs nothing."""
    try:
        return next(step), None
    except StopIteration as finished:
        return None, finished.value


def _resumed(steps: Generator[Any, Any, Any], answer: Any) -> Generator[Any, Any, Any]:
    """Runs `steps` on from the answer to its first request to its result."""
    try:
        request = steps.throw(answer) if isinstance(answer, HostUnavailable) else steps.send(answer)
    except StopIteration as finished:
        return finished.value
    return (yield from relay(steps, request))
