"""Which backup should I use? Inputs, the rules of spec backup-choice.md §3, and the answer.

Every possible option that carries something is ranked, even one that carries none of the
wanted items: keeping the ID beats starting again. Best first:
1. more of the wanted items (`keep`) carried;
2. more items carried in all (the spare ones may be wanted later);
3. catalog order.
`new-id` comes first only when nothing else is possible. `have` counts only with the old phone
lost (spec §2): while the old phone works any backup can still be made, and the wizard does not
even ask for it then, so it must not change the answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any

from checkers.catalog import (
    FALLBACK_OPTION,
    HAVE_VALUES,
    ITEM_IDS,
    READABLE_COPY_OPTION,
    BackupOption,
    Catalog,
)
from checkers.platforms import PLATFORM_NAMES, PLATFORMS, close_match
from checkers.wording import Message, Wording, message

OLD_DEVICE_STATES = ("available", "lost")
# Every input and its allowed values; `keep` and `have` take comma-separated sets.
INPUTS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "from": PLATFORMS, "to": PLATFORMS, "old-device": OLD_DEVICE_STATES,
    "keep": ITEM_IDS, "have": HAVE_VALUES,
})  # fmt: skip
_SINGLE_INPUTS = ("from", "to", "old-device")
_CHAT_ITEMS = frozenset({"chats", "media"})

class InputError(ValueError):
    """A bad input value; `message` names the input, the problem and the allowed values.

    str() is the English sentence (the command line's usage error); front ends in other
    languages word `message` themselves."""

    def __init__(self, input_name: str, problem: Message, allowed: tuple[str, ...] | None = None):
        self.input_name = input_name
        self.problem = problem
        self.allowed = INPUTS.get(input_name, ()) if allowed is None else allowed
        kind = "values" if input_name in INPUTS else "inputs"
        self.message = message(
            f"choice.input.error.{kind}", input=input_name, problem=problem,
            allowed=", ".join(self.allowed),  # input names and values: not words to translate
        )  # fmt: skip
        super().__init__(Wording()(self.message))


def _not_allowed(value: str, known: tuple[str, ...], code: str = "choice.input.not-allowed"):
    """The problem of a value not among `known`, with the likely intended one if any."""
    close = close_match(value, known)
    if close is None:
        return message(code, value=value)
    return message(f"{code}.close", value=value, close=close)


@dataclass(frozen=True)
class ChoiceInputs:
    """The wizard's answers: platforms of both phones, the old phone's state, keep and have."""

    from_platform: str
    to_platform: str
    old_device: str
    keep: frozenset[str] = frozenset(ITEM_IDS)
    have: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        object.__setattr__(self, "keep", frozenset(self.keep))
        object.__setattr__(self, "have", frozenset(self.have))
        given = {"from": {self.from_platform}, "to": {self.to_platform},
                 "old-device": {self.old_device}, "keep": self.keep, "have": self.have}  # fmt: skip
        for name, values in given.items():
            for value in sorted(values):
                if value not in INPUTS[name]:
                    raise InputError(name, _not_allowed(value, INPUTS[name]))
        if not self.keep:
            raise InputError("keep", message("choice.input.keep-empty"))

    @property
    def old_device_available(self) -> bool:
        return self.old_device == "available"


def parse_inputs(mapping: Mapping[str, Any]) -> ChoiceInputs:
    """Inputs from text values (CLI options, form fields); keep defaults to all, have to none."""
    for key in mapping:
        if key not in INPUTS:
            problem = _not_allowed(str(key), tuple(INPUTS), "choice.input.unknown")
            raise InputError(str(key), problem, tuple(INPUTS))
    given = {key: value for key, value in mapping.items() if value is not None}
    for key, value in given.items():
        if not isinstance(value, str):
            raise InputError(key, message("choice.input.not-text", type=type(value).__name__))
    for key in _SINGLE_INPUTS:
        if key not in given:
            raise InputError(key, message("choice.input.missing"))
        if "," in given[key]:
            raise InputError(key, message("choice.input.one-value", value=given[key]))
    return ChoiceInputs(
        from_platform=given["from"].strip().lower(),
        to_platform=given["to"].strip().lower(),
        old_device=given["old-device"].strip().lower(),
        keep=_value_set(given["keep"]) if "keep" in given else frozenset(ITEM_IDS),
        have=_value_set(given.get("have", "")),
    )


def _value_set(text: str) -> frozenset[str]:
    return frozenset(part.strip().lower() for part in text.split(",") if part.strip())


@dataclass(frozen=True)
class Recommendation:
    """One option to use: what it carries, where its steps are, and why (a Message)."""

    option: str
    carries: tuple[str, ...]
    guide: str
    why: Message
    # Where the backup is restored, when `guide` is the step of making it on the old phone.
    restore_guide: str | None = None


@dataclass(frozen=True)
class Note:
    """Something good to know: a stable code and what to say (a Message)."""

    code: str
    message: Message


@dataclass(frozen=True)
class Answer:
    """The decision: recommendations best first, the wanted items lost, and notes."""

    recommendations: tuple[Recommendation, ...]
    lost: tuple[str, ...]
    notes: tuple[Note, ...]

    @property
    def keeps_everything(self) -> bool:
        """True when the first recommendation carries every item asked for."""
        return not self.lost

    @property
    def nothing_possible(self) -> bool:
        """True when no backup fits (spec §3): the only recommendation is a new ID."""
        return self.recommendations[0].option == FALLBACK_OPTION

    def to_dict(self, wording: Wording) -> dict[str, Any]:
        """The JSON object of spec backup-choice.md §4, worded by `wording`.

        Beyond the spec's fields (all kept): each recommendation's `why_code` and `why_params`
        and `restore_guide` (or null), each note's `message_code` and `message_params`.
        """
        return {
            "recommendations": [
                {
                    "option": r.option, "carries": list(r.carries), "guide": r.guide,
                    "why": wording(r.why), "restore_guide": r.restore_guide,
                    "why_code": r.why.code, "why_params": r.why.to_dict()["params"],
                }  # fmt: skip
                for r in self.recommendations
            ],
            "lost": list(self.lost),
            "notes": [
                {
                    "code": note.code, "message": wording(note.message),
                    "message_code": note.message.code,
                    "message_params": note.message.to_dict()["params"],
                }  # fmt: skip
                for note in self.notes
            ],
        }


def is_possible(option: BackupOption, inputs: ChoiceInputs) -> bool:
    """Fits both platforms, and with the old phone lost needs only what `have` provides."""
    if not option.fits(inputs.from_platform, inputs.to_platform):
        return False
    if inputs.old_device_available:
        return True  # any backup can still be made on the old phone
    return not option.needs_old_device and (
        option.provided_by is None or option.provided_by in inputs.have
    )


def choose(catalog: Catalog, inputs: ChoiceInputs) -> Answer:
    """The ranked recommendations, the wanted items that are lost, and notes for a person."""
    inputs = _effective_inputs(inputs)
    ranked = sorted(
        (
            option
            for option in catalog.options
            if option.id not in (FALLBACK_OPTION, READABLE_COPY_OPTION)
            and option.carries
            and is_possible(option, inputs)
        ),
        key=lambda option: _rank_key(option, inputs, catalog.options.index(option)),
    )
    first = ranked[0] if ranked else catalog.option(FALLBACK_OPTION)
    lost = catalog.in_item_order(inputs.keep.difference(first.carries))
    chosen = [first]
    readable_copy = catalog.option(READABLE_COPY_OPTION)
    if _CHAT_ITEMS.intersection(lost) and is_possible(readable_copy, inputs):
        chosen.append(readable_copy)  # right after the first: it saves what the first cannot
    chosen.extend(ranked[1:])
    reasons = _Reasons(catalog, inputs)
    recommendations = tuple(
        Recommendation(
            option=option.id,
            carries=catalog.in_item_order(option.carries),
            guide=guide_path(option, inputs),
            why=reasons.why(option, first, lost),
            restore_guide=restore_guide_path(option, inputs),
        )
        for option in chosen
    )
    return Answer(recommendations, lost, reasons.notes(first, lost, chosen))


def _effective_inputs(inputs: ChoiceInputs) -> ChoiceInputs:
    """The inputs the answer depends on: `have` is dropped while the old phone is available."""
    if inputs.old_device_available and inputs.have:
        return replace(inputs, have=frozenset())
    return inputs


def _rank_key(option: BackupOption, inputs: ChoiceInputs, index: int) -> tuple[int, ...]:
    kept = len(inputs.keep.intersection(option.carries))
    return (-kept, -len(option.carries), index)


def guide_path(option: BackupOption, inputs: ChoiceInputs) -> str:
    """The create section on the old phone's guide while it works, else the restore section."""
    if option.guide_create is not None and (
        inputs.old_device_available or option.guide_restore is None
    ):
        return f"/guides/{inputs.from_platform}/#{option.guide_create}"
    return f"/guides/{inputs.to_platform}/#{option.guide_restore}"


def restore_guide_path(option: BackupOption, inputs: ChoiceInputs) -> str | None:
    """The restore section on the new phone's guide, when `guide` is the create step."""
    if option.guide_restore is None:
        return None
    restore = f"/guides/{inputs.to_platform}/#{option.guide_restore}"
    return None if guide_path(option, inputs) == restore else restore


class _Reasons:
    """The Messages of an answer (codes and parameters; the words are in checkers.wording)."""

    def __init__(self, catalog: Catalog, inputs: ChoiceInputs) -> None:
        self.catalog = catalog
        self.inputs = inputs
        self.old_phone = message(f"choice.old-phone.{inputs.from_platform}")
        self.new_phone = message(f"choice.new-phone.{inputs.to_platform}")
        self.route = message(
            "choice.route",
            old=PLATFORM_NAMES[inputs.from_platform],
            new=PLATFORM_NAMES[inputs.to_platform],
        )
        # What some backup between these two platforms can carry at all.
        self.route_carries = frozenset(
            item
            for option in catalog.options
            if option.fits(inputs.from_platform, inputs.to_platform)
            for item in option.carries
        )

    def items(self, item_ids: Iterable[str]) -> Message:
        """The items, named as the catalog names them, in catalog order, as one list."""
        names = tuple(
            message("choice.item", name=self.catalog.item_name(item))
            for item in self.catalog.in_item_order(item_ids)
        )
        return message("choice.items", items=names)

    def why(self, option: BackupOption, first: BackupOption, lost: tuple[str, ...]) -> Message:
        if option.id == FALLBACK_OPTION:
            return self._why_new_id()
        if option.id == READABLE_COPY_OPTION:
            return message(
                "choice.why.readable-copy", gone=self.items(_CHAT_ITEMS.intersection(lost)),
                new_phone=self.new_phone, old_phone=self.old_phone,
            )  # fmt: skip
        kept_ids = self.inputs.keep.intersection(option.carries)
        words: dict[str, Any] = dict(option=option.name, how=self._how(option))
        if option is not first:
            if kept_ids:
                return message("choice.why.second-keeps", kept=self.items(kept_ids), **words)
            return message("choice.why.second-brings", brings=self.items(option.carries), **words)
        if not lost:
            return message("choice.why.keeps-all", kept=self.items(kept_ids), **words)
        words.update(gone=self.items(lost), reason=self._reason(lost))
        if kept_ids:
            return message("choice.why.keeps-most", kept=self.items(kept_ids), **words)
        # Nothing asked for can move, but starting again would lose even the ID.
        code = "choice.why.keeps-none-but-id" if "id" in option.carries else "choice.why.keeps-none"
        return message(code, brings=self.items(option.carries), **words)

    def _reason(self, lost: tuple[str, ...]) -> Message:
        """Why `lost` cannot come: no backup on this route carries them, or none of yours does."""
        if self.inputs.old_device_available or not self.route_carries.intersection(lost):
            return message("choice.reason.no-route", route=self.route)
        return message("choice.reason.not-in-your-backups", new_phone=self.new_phone)

    def _how(self, option: BackupOption) -> Message:
        if self.inputs.old_device_available:  # `have` is not asked then: any backup can be made
            return message(
                "choice.how.make-then-restore", old_phone=self.old_phone, new_phone=self.new_phone
            )
        if option.provided_by is not None and option.provided_by in self.inputs.have:
            return message(
                "choice.how.restore-yours",
                backup=message(f"choice.have.{option.provided_by}"), new_phone=self.new_phone,
            )  # fmt: skip
        return message("choice.how.set-up-new", new_phone=self.new_phone)

    def _why_new_id(self) -> Message:
        # Only reached when no option other than a fresh start is possible at all.
        if self.inputs.old_device_available:
            return message("choice.why.new-id.no-route", route=self.route)
        if not self.inputs.have:
            return message("choice.why.new-id.no-backup")
        yours = tuple(
            message(f"choice.have.{value}") for value in HAVE_VALUES if value in self.inputs.have
        )
        return message("choice.why.new-id.backups-do-not-fit", backups=yours, route=self.route)

    def notes(
        self, first: BackupOption, lost: tuple[str, ...], chosen: list[BackupOption]
    ) -> tuple[Note, ...]:
        fresh_start = first.id == FALLBACK_OPTION
        available = self.inputs.old_device_available
        notes: list[Note] = []
        if available:
            platform = self.inputs.from_platform
            where = message(f"choice.where.delete-id.{platform}", platform=platform)
            when = "after-new-id" if fresh_start else "after-restore"
            notes.append(Note("delete-old-id", message(
                f"choice.note.delete-old-id.{when}", where=where, old_phone=self.old_phone,
                new_phone=self.new_phone,
            )))  # fmt: skip
        for option in chosen:  # items the catalog says come along only under a condition
            for item, condition in option.conditions:
                if item not in self.inputs.keep:
                    continue
                code = "choice.note.condition.make" if available else "choice.note.condition.made"
                notes.append(Note(f"{option.id}-{item}", message(
                    code, option=option.name, items=self.items([item]), condition=condition,
                    platform=self.inputs.from_platform,
                )))  # fmt: skip
        if not available and not fresh_start:
            notes.append(_note("password-needed"))
        if fresh_start or _CHAT_ITEMS.intersection(lost):
            notes.append(_note("ask-resend"))
        if fresh_start and not available:
            notes.append(_note("revoke-old-id"))
        # Tips for next time, each only where it would have helped: media kept in the gallery,
        # a passcode on a phone someone else may now hold, an ID backup made early.
        if "media" in lost:
            notes.append(_note("tip-save-media"))
        if not available:
            notes.append(_note("tip-passcode"))
        if "id" in lost:
            notes.append(_note("tip-backup-early"))
        return tuple(notes)


def _note(code: str) -> Note:
    return Note(code, message(f"choice.note.{code}"))
