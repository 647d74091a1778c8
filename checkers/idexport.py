"""The ID-export validator: check_steps yields key derivations, check_export drives them here."""

from __future__ import annotations

import unicodedata
from collections.abc import Generator
from dataclasses import dataclass, field, replace

from checkers import base32
from checkers.driver import run
from checkers.export_crypto import (
    PLAINTEXT_BYTES,
    Opener,
    header_bytes,
    header_chars,
    kdf_request,
    make_opener,
    public_key_hex,
    valid_identity,
)
from checkers.export_find import Span, find_exports, has_surroundings, likeliest_export
from checkers.export_text import (
    EXPORT_CHARS,
    GROUP_SIZE,
    MAX_INPUT_CHARS,
    ExportText,
    describe_position,
    read_partial,
    read_text,
)
from checkers.kdf import KdfRequest, KdfUnavailable, derive
from checkers.typos import Correction, search
from checkers.verdict import ERROR, WARNING, Problem, Verdict
from checkers.wording import Message, message

__all__ = [
    "Problem", "Verdict", "check_export", "check_export_steps", "check_steps", "check_typing",
]  # fmt: skip

MIN_PASSWORD_NOW = 8
MIN_PASSWORD_EVER = 4
_KIND = "id-export"
MAX_CANDIDATES = 4  # different exports in one text tried with the password (a derivation each)
_FOUND = "surrounded"  # warning: the export was read out of a longer text
_SEVERAL = "several-exports"  # the text holds several different exports
_PASSWORD_FORM = "password-form"  # warning: the password opens only in another form
_INVISIBLE = "invisible"  # warning: invisible characters were dropped (export_text)

CheckSteps = Generator[KdfRequest, bytes, Verdict]


def check_export(text: str, password: str | None = None) -> Verdict:
    """The verdict on `text` (and `password`), deriving keys here with checkers.kdf.derive
    (hashlib, argon2-cffi); another host drives check_steps with checkers.driver itself."""
    return run(check_steps(text, password), derive)


def check_typing(text: str) -> Verdict:
    """Live feedback on an export still being typed: no password, never a key derivation.

    A started export (base32 so far, perhaps with a slip such as a digit 0) is `partial`, not
    wrong: kind "id-export", ok False, a warning "incomplete" that counts the characters and
    groups so far, plus a problem for each wrong character. Once the text has its full length,
    or is clearly something else (a contact QR code, a bare ID with '*' or a digit base32 lacks),
    the verdict is check_export's without a password.
    """
    text = _as_text(text)
    partial = read_partial(text)
    return partial if partial is not None else check_export(text)


def check_steps(text: str, password: str | None = None) -> CheckSteps:
    """Yields at most one KdfRequest, expects its key via send() (or KdfUnavailable via throw()),
    and returns the Verdict. Never raises on any text. An empty password means no password,
    as in the browser and on the command line."""
    text = _as_text(text)
    if password is not None:
        password = _as_text(password) or None
    if len(text) > MAX_INPUT_CHARS:  # before any other work on the text
        return (yield from _check_with_password(text, password))
    spans = find_exports(text)
    if len(spans) == 1 and not has_surroundings(text, spans[0]):
        spans = []  # the export alone, perhaps with quote markers: read the text as it is
    if not spans:
        likeliest = likeliest_export(text)
        if likeliest is not None and has_surroundings(text, likeliest):
            note = Problem(_FOUND, WARNING, message("surrounded"))
            return (yield from _check_span(text, likeliest, password, note))
        return (yield from _check_with_password(text, password))
    if len(spans) == 1:
        repeated = "surrounded.repeated" if spans[0].copies > 1 else "surrounded"
        note = Problem(_FOUND, WARNING, message(repeated, copies=spans[0].copies))
        return (yield from _check_span(text, spans[0], password, note))
    return (yield from _check_several(text, spans[:MAX_CANDIDATES], password))


def check_export_steps(text: str, password: str, *, public_key: bool = True) -> CheckSteps:
    """As check_steps, for a text that holds one export alone (a data backup's `identity`
    entry, written by the app): no search for an export among other words, and with
    `public_key` False no public key in the verdict (in the browser, X25519 in pure Python)."""
    return (yield from _check_with_password(_as_text(text), _as_text(password) or None,
                                            public_key=public_key))  # fmt: skip


def _check_span(text: str, span: Span, password: str | None, note: Problem) -> CheckSteps:
    """The verdict on the export at `span`, with `note` (a warning) on how it was found."""
    verdict = yield from _check_with_password(text[span.start : span.end], password)
    problems = (*verdict.problems, note)
    return replace(verdict, problems=problems, span=(span.start, span.end))


def _check_several(text: str, spans: list[Span], password: str | None) -> CheckSteps:
    """Each different export tried with the password; the verdict names the one that opens."""
    starts = [base32.group(span.compact[:8]) for span in spans]
    if password is not None:
        for which, span in enumerate(spans):
            opens = message("several.opens", count=len(spans), which=which + 1, start=starts[which])
            note = Problem(_SEVERAL, WARNING, opens)
            verdict = yield from _check_span(text, span, password, note)
            if verdict.identity is not None:
                return verdict
        code = "several.none"
    else:
        code = "several.unchecked"
    verdict = yield from _check_with_password(text[spans[0].start : spans[0].end], None)
    several = Problem(_SEVERAL, ERROR, message(code, count=len(spans), starts=starts))
    span = (spans[0].start, spans[0].end)
    return replace(verdict, problems=(several, *verdict.problems), span=span)


def _check_with_password(
    text: str, password: str | None, *, public_key: bool = True
) -> CheckSteps:
    """The verdict on `text`; when the password fails, the forms a paste or a file may have
    changed it from (NFC, NFD, a trailing space or line break) are tried too."""
    verdict = yield from _check_text(text, password, public_key=public_key)
    if password is None or verdict.problem("wrong-password") is None:
        return verdict
    for variant, code in _password_variants(password):
        retried = yield from _check_text(text, variant, public_key=public_key)
        if retried.identity is not None:
            note = Problem(_PASSWORD_FORM, WARNING, message(code))
            return replace(retried, problems=(*retried.problems, note))
    return verdict


def _password_variants(password: str) -> list[tuple[str, str]]:
    """Other forms of `password` worth a try, each with the message code that explains it."""
    trimmed = password.rstrip(" \t\r\n")
    variants = [(trimmed, "password-form.trailing")] if trimmed and trimmed != password else []
    for form, code in (("NFC", "password-form.composed"), ("NFD", "password-form.decomposed")):
        for base in dict.fromkeys((password, trimmed)):
            changed = unicodedata.normalize(form, base)
            if base and changed != base and all(changed != v for v, _ in variants):
                variants.append((changed, code))
    return variants


def _check_text(text: str, password: str | None, *, public_key: bool = True) -> CheckSteps:
    """The verdict on `text` read as one export (or as something else)."""
    reading = read_text(text)
    if isinstance(reading, Verdict):
        return reading
    warnings = list(reading.warnings)
    if password is not None:
        warnings += _password_warnings(password)
    if reading.problems:
        return (yield from _check_malformed(reading, password, warnings, public_key=public_key))
    blob = base32.decode(reading.compact)
    unsupported = _version_problem(blob)
    if unsupported is not None:
        if password is not None:
            warnings.append(_password_unchecked(message("unchecked.version")))
        return Verdict(_KIND, None, reading.normalized, problems=(unsupported, *warnings))
    version = 0 if 8 * len(blob) == 5 * EXPORT_CHARS[0] else 1
    if password is None:
        return Verdict(_KIND, version, reading.normalized, problems=tuple(warnings))
    attempt = yield from _attempt(reading.compact, version, password, public_key=public_key)
    found = _judge_well_formed(attempt, version, reading.pasted)
    return Verdict(
        _KIND,
        version,
        reading.normalized,
        identity=attempt.identity,
        public_key=attempt.public_key,
        problems=(*found, *_clean_text_after_typo(warnings, found)),
    )


def _clean_text_after_typo(warnings: list[Problem], found: list[Problem]) -> list[Problem]:
    """The invisible-characters warning offers the clean text to paste; once the password has
    found a typo in it, that text would paste the typo back. The one correction takes its
    place, or nothing when the correction is not certain (several candidates, unexplained)."""
    typo = next((problem for problem in found if problem.code == "typo"), None)
    if typo is None:
        return warnings
    return [
        replace(w, suggestion=typo.suggestion) if w.code == _INVISIBLE and w.suggestion else w
        for w in warnings
    ]


@dataclass
class _Attempt:
    """What trying the password on a text found."""

    identity: str | None = None
    public_key: str | None = None
    corrections: list[Correction] = field(default_factory=list)
    correction_ids: list[str] = field(default_factory=list)
    plausible_identity: str | None = None
    unavailable: str | None = None


def _as_text(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bytes | bytearray):
        return bytes(value).decode("utf-8", "replace")
    return str(value)


def _password_warnings(password: str) -> list[Problem]:
    count = len(password)
    if count >= MIN_PASSWORD_NOW:
        return []
    code = "short-password.never" if count < MIN_PASSWORD_EVER else "short-password.old"
    return [Problem("short-password", WARNING, message(code, count=count))]


def _version_problem(blob: bytes) -> Problem | None:
    if 8 * len(blob) == 5 * EXPORT_CHARS[0] or blob[0] == 1:
        return None
    if blob[0] == 0:
        text = message("unsupported-version.zero")
    else:
        text = message("unsupported-version.newer")
    return Problem("unsupported-version", ERROR, text, position=0)


def _attempt(
    text: str, version: int, password: str, *, public_key: bool = True
) -> Generator[KdfRequest, bytes, _Attempt]:
    """Derives the key from the salt in `text` once, then opens the text or a one-edit fix
    (and, if `public_key`, computes the identity's public key)."""
    expected = EXPORT_CHARS[version]
    header_len = header_bytes(version)
    # Both callers give a whole export or one a character off (79 characters and more); its
    # header lies in the first 16 characters (10 bytes) whatever comes later.
    header = base32.decode(text[:16])[:header_len]
    if version == 1 and header[0] != 1:
        return _Attempt()
    secret = password.encode("utf-8", "surrogatepass")
    try:
        key = yield kdf_request(version, secret, header[-8:])
    except KdfUnavailable as error:
        return _Attempt(unavailable=str(error) or type(error).__name__)
    opener = make_opener(version, bytes(key), header)
    attempt = _Attempt()
    if len(text) == expected:
        number = int(base32.to_digits(text), 32)
        content = opener.open_first(number)
        if content is not None:
            return _opened(attempt, content, public_key)
        attempt.plausible_identity = opener.plausible_identity(number)
    first = opener.header_bits // 5
    attempt.corrections = search(text, expected, first, opener.open, limit=3)
    attempt.correction_ids = [_identity_of(opener, c) for c in attempt.corrections]
    return attempt


def _opened(attempt: _Attempt, content: bytes, public_key: bool = True) -> _Attempt:
    attempt.identity = valid_identity(content)
    if public_key and attempt.identity is not None and len(content) == PLAINTEXT_BYTES:
        attempt.public_key = public_key_hex(content[8:])
    return attempt


def _identity_of(opener: Opener, correction: Correction) -> str:
    content = opener.open(int(base32.to_digits(correction.corrected), 32)) or b""
    return valid_identity(content) or "?"


def _judge_well_formed(attempt: _Attempt, version: int, pasted: tuple[str, ...]) -> list[Problem]:
    """The password verdict on a text without character or length problems."""
    if attempt.unavailable is not None:
        return [_unavailable_problem(attempt.unavailable)]
    if attempt.identity is not None:
        return []
    if attempt.corrections:
        return [_typo_problem(attempt, pasted)]
    if attempt.plausible_identity is not None:
        return [_unexplained_typo(attempt.plausible_identity)]
    return [_wrong_password(version)]


def _typo_problem(
    attempt: _Attempt, pasted: tuple[str, ...], lead: Message | None = None
) -> Problem:
    lead = lead or message("typo.lead")
    if len(attempt.corrections) == 1:
        fix = attempt.corrections[0]
        text = message(
            "typo.one", lead=lead, fix=fix.describe(pasted), identity=attempt.correction_ids[0]
        )
        suggestion = base32.group(fix.corrected)
        return Problem("typo", ERROR, text, fix.position, suggestion)
    # The 2-byte checksum of version 0 lets about 3 % of typos match a second fix as well:
    # no single suggestion then, but every candidate, for the person to compare.
    candidates = tuple(base32.group(c.corrected) for c in attempt.corrections)
    fixes = [
        message("typo.candidate", fix=c.describe(pasted), text=text, identity=identity)
        for c, text, identity in zip(
            attempt.corrections, candidates, attempt.correction_ids, strict=True
        )
    ]
    text = message("typo.several", lead=lead, fixes=fixes)
    position = attempt.corrections[0].position
    return Problem("typo", ERROR, text, position, candidates=candidates)


def _unexplained_typo(identity: str) -> Problem:
    return Problem("typo", ERROR, message("typo.unexplained", identity=identity))


def _wrong_password(version: int) -> Problem:
    code = "wrong-password.v0" if version == 0 else "wrong-password.v1"
    count = header_chars(version)
    text = message(code, count=count, groups=_first_groups(count))
    return Problem("wrong-password", ERROR, text)


def _first_groups(count: int) -> Message:
    """Where the first `count` characters lie in the groups of four ("groups 1 to 3 and the
    first character of group 4")."""
    whole, rest = divmod(count, GROUP_SIZE)
    if rest == 0:
        return message("header.groups.whole", groups=whole)
    return message("header.groups.part", groups=whole, rest=rest, next=whole + 1)


def _unavailable_problem(reason: str) -> Problem:
    return Problem("kdf-unavailable", ERROR, message("kdf-unavailable", reason=reason))


def _check_malformed(
    reading: ExportText, password: str | None, warnings: list[Problem], *, public_key: bool = True
) -> CheckSteps:
    """Character or length problems; with a password, tries the likely repair or a one-edit fix."""
    problems = list(reading.problems)
    exact = len(reading.compact) == reading.expected_chars
    version = reading.expected_version if exact else None
    working = reading.repaired
    off_by_one = abs(len(reading.compact) - reading.expected_chars) == 1
    if password is None:
        return Verdict(_KIND, version, None, problems=(*problems, *warnings))
    judged: list[Problem] = []
    unchecked = message("unchecked.malformed")
    if working is not None and (exact or off_by_one):
        attempt = yield from _attempt(
            working, reading.expected_version, password, public_key=public_key
        )
        judged = _judge_repair(attempt, reading, working)
        if attempt.unavailable is not None:
            unchecked = message("unchecked.no-kdf", detail=attempt.unavailable)
    if not judged:  # say so rather than stay silent about the password
        warnings.append(_password_unchecked(unchecked))
    return Verdict(_KIND, version, None, problems=(*problems, *judged, *warnings))


def _judge_repair(attempt: _Attempt, reading: ExportText, working: str) -> list[Problem]:
    repaired_chars = [p.position for p in reading.problems if p.code == "character"]
    if attempt.identity is not None:  # the suggested letters alone make it open
        places = [describe_position(p) for p in repaired_chars if p is not None]
        first = min((p for p in repaired_chars if p is not None), default=None)
        text = message("typo.repaired", count=len(places), places=places, identity=attempt.identity)
        return [Problem("typo", ERROR, text, first, base32.group(working))]
    if attempt.corrections:
        lead = message("typo.lead-repaired" if repaired_chars else "typo.lead")
        return [_typo_problem(attempt, _regrouped(working, reading.pasted), lead)]
    if attempt.plausible_identity is not None:
        return [_unexplained_typo(attempt.plausible_identity)]
    return []


def _regrouped(text: str, pasted: tuple[str, ...]) -> tuple[str, ...]:
    """`text` (the pasted characters with the suggested letters in) cut as `pasted` was."""
    groups, start = [], 0
    for piece in pasted:
        groups.append(text[start : start + len(piece)])
        start += len(piece)
    return tuple(groups)


def _password_unchecked(reason: Message) -> Problem:
    return Problem("password-unchecked", WARNING, message("password-unchecked", reason=reason))
