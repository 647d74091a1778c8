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
    PLATFORMS,
    READABLE_COPY_OPTION,
    BackupOption,
    Catalog,
    did_you_mean,
)

OLD_DEVICE_STATES = ("available", "lost")
# Every input and its allowed values; `keep` and `have` take comma-separated sets.
INPUTS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "from": PLATFORMS, "to": PLATFORMS, "old-device": OLD_DEVICE_STATES,
    "keep": ITEM_IDS, "have": HAVE_VALUES,
})  # fmt: skip
_SINGLE_INPUTS = ("from", "to", "old-device")
_CHAT_ITEMS = frozenset({"chats", "media"})

PLATFORM_NAMES = MappingProxyType({"android": "Android", "ios": "iOS"})
_PHONE = MappingProxyType({"android": "Android phone", "ios": "iPhone"})
_HAVE_NAMES = MappingProxyType({
    "threema-safe": "Threema Safe backup", "id-export": "ID export", "data-backup": "data backup",
    "device-backup": "encrypted iPhone backup with the ID export",
})  # fmt: skip
# Where the apps delete an ID (their own labels).
_DELETE_ID = MappingProxyType({
    "android": "“My Profile” → “Delete ID”", "ios": "“Profile” → “Remove ID and Data”",
})  # fmt: skip
_TIPS = (
    ("tip-save-media", "For next time: let the app save incoming media files to the phone's "
     "gallery, where they stay even without a backup."),
    ("tip-passcode", "For next time: lock the app with a passcode, so that a stolen phone "
     "does not give your ID away."),
    ("tip-backup-early", "For next time: switch on Threema Safe or make an ID export as soon "
     "as you have an ID."),
)  # fmt: skip


class InputError(ValueError):
    """A bad input value; the message names the input and the allowed values."""

    def __init__(self, input_name: str, problem: str, allowed: tuple[str, ...] | None = None):
        self.input_name = input_name
        self.problem = problem
        self.allowed = INPUTS.get(input_name, ()) if allowed is None else allowed
        kind = "values" if input_name in INPUTS else "inputs"
        super().__init__(f"{input_name}: {problem}; allowed {kind}: {', '.join(self.allowed)}")


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
                    raise InputError(
                        name, f"{value!r} is not allowed{did_you_mean(value, INPUTS[name])}"
                    )
        if not self.keep:
            raise InputError("keep", "name at least one thing to keep")

    @property
    def old_device_available(self) -> bool:
        return self.old_device == "available"


def parse_inputs(mapping: Mapping[str, Any]) -> ChoiceInputs:
    """Inputs from text values (CLI options, form fields); keep defaults to all, have to none."""
    for key in mapping:
        if key not in INPUTS:
            raise InputError(
                str(key), f"unknown input{did_you_mean(key, tuple(INPUTS))}", tuple(INPUTS)
            )
    given = {key: value for key, value in mapping.items() if value is not None}
    for key, value in given.items():
        if not isinstance(value, str):
            raise InputError(key, f"expected text, got {type(value).__name__}")
    for key in _SINGLE_INPUTS:
        if key not in given:
            raise InputError(key, "missing")
        if "," in given[key]:
            raise InputError(key, f"takes one value, got {given[key]!r}")
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
    option: str
    carries: tuple[str, ...]
    guide: str
    why: str


@dataclass(frozen=True)
class Note:
    code: str
    message: str


@dataclass(frozen=True)
class Answer:
    recommendations: tuple[Recommendation, ...]
    lost: tuple[str, ...]
    notes: tuple[Note, ...]

    @property
    def keeps_everything(self) -> bool:
        """True when the first recommendation carries every item asked for."""
        return not self.lost

    def to_dict(self) -> dict[str, Any]:
        """Exactly the JSON object of spec backup-choice.md §4."""
        return {
            "recommendations": [
                {"option": r.option, "carries": list(r.carries), "guide": r.guide, "why": r.why}
                for r in self.recommendations
            ],
            "lost": list(self.lost),
            "notes": [{"code": note.code, "message": note.message} for note in self.notes],
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
    text = _Wording(catalog, inputs)
    recommendations = tuple(
        Recommendation(
            option=option.id,
            carries=catalog.in_item_order(option.carries),
            guide=guide_path(option, inputs),
            why=text.why(option, first, lost),
        )
        for option in chosen
    )
    return Answer(recommendations, lost, text.notes(first, lost, chosen))


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


class _Wording:
    """Sentences for a person, specific to the inputs."""

    def __init__(self, catalog: Catalog, inputs: ChoiceInputs) -> None:
        self.catalog = catalog
        self.inputs = inputs
        self.old_phone = f"old {_PHONE[inputs.from_platform]}"
        self.new_phone = f"new {_PHONE[inputs.to_platform]}"
        self.route = (
            f"from {PLATFORM_NAMES[inputs.from_platform]} to {PLATFORM_NAMES[inputs.to_platform]}"
        )

    def items(self, item_ids: Iterable[str]) -> str:
        """'your ID, contacts and media files' style list in catalog order."""
        names = [
            _in_sentence(self.catalog.item_name(i)) for i in self.catalog.in_item_order(item_ids)
        ]
        return _join(names)

    def why(self, option: BackupOption, first: BackupOption, lost: tuple[str, ...]) -> str:
        if option.id == FALLBACK_OPTION:
            return self._why_new_id()
        if option.id == READABLE_COPY_OPTION:
            gone = self.items(_CHAT_ITEMS.intersection(lost))
            return (
                f"{_capitalized(gone)} cannot move to the {self.new_phone} this way, so export the "
                f"conversations that matter on your {self.old_phone}: you keep a copy you can "
                "read, with the media files attached."
            )
        kept_ids = self.inputs.keep.intersection(option.carries)
        kept = self.items(kept_ids)
        if option is not first:
            brings = self.items(option.carries)
            what = f"keeps your {kept}" if kept_ids else f"still brings your {brings}"
            coverage = f"If the first choice does not work out: {option.name} {what}."
        elif not lost:
            coverage = f"{option.name} keeps everything you asked for: your {kept}."
        else:
            reason = (
                f"no backup carries them {self.route}"
                if self.inputs.old_device_available
                else f"none of the backups you have can bring them to the {self.new_phone}"
            )
            gone = f"{self.items(lost)} cannot come along, because {reason}"
            if kept_ids:
                coverage = f"{option.name} keeps your {kept}, the most any option can here; {gone}."
            else:  # nothing asked for can move, but starting again would lose even the ID
                keeps_id = (
                    ", so you need not start again with a new ID" if "id" in option.carries else ""
                )
                coverage = (
                    f"{_capitalized(gone)}. {option.name} still brings your "
                    f"{self.items(option.carries)}{keeps_id}."
                )
        return f"{coverage} {self._how(option)}"

    def _how(self, option: BackupOption) -> str:
        if self.inputs.old_device_available:  # `have` is not asked then: any backup can be made
            return (
                f"Set it up on your {self.old_phone} while the app still works there, then "
                f"restore it on the {self.new_phone}."
            )
        if option.provided_by is not None and option.provided_by in self.inputs.have:
            return (
                f"Restore your {_HAVE_NAMES[option.provided_by]} on the {self.new_phone}; "
                "you need its password."
            )
        return f"Set it up on the {self.new_phone}."

    def _why_new_id(self) -> str:
        # Only reached when no option other than a fresh start is possible at all.
        if self.inputs.old_device_available:
            return (
                f"No backup can move anything {self.route}, so the new phone starts with a new ID."
            )
        if not self.inputs.have:
            return (
                "Without the old phone and without a backup, nothing can be restored, not even "
                "by the app's makers: start again with a new ID."
            )
        yours = _join([_HAVE_NAMES[value] for value in HAVE_VALUES if value in self.inputs.have])
        return (
            f"Without the old phone only existing backups count, and your {yours} cannot move "
            f"{self.route}: start again with a new ID."
        )

    def notes(
        self, first: BackupOption, lost: tuple[str, ...], chosen: list[BackupOption]
    ) -> tuple[Note, ...]:
        fresh_start = first.id == FALLBACK_OPTION
        available = self.inputs.old_device_available
        notes: list[Note] = []
        if available:
            where = _DELETE_ID[self.inputs.from_platform]
            when = (
                "Once your new ID works"
                if fresh_start
                else f"After restoring on the {self.new_phone}"
            )
            notes.append(Note(
                "delete-old-id",
                f"{when}, delete the ID on your {self.old_phone} ({where}), so that "
                "notifications reach the new phone only.",
            ))  # fmt: skip
        for option in chosen:  # items the catalog says come along only under a condition
            for item, condition in option.conditions:
                if item not in self.inputs.keep:
                    continue
                name, things = option.name.lower(), self.items([item])
                notes.append(Note(
                    f"{option.id}-{item}",
                    f"Make the {name} {condition}, or your {things} stay behind."
                    if available
                    else f"The {name} brings back your {things} only if it was made {condition}.",
                ))  # fmt: skip
        if not available and not fresh_start:
            notes.append(Note(
                "password-needed",
                "Restoring takes the backup's password: without it nobody can open the backup, "
                "not even the app's makers.",
            ))  # fmt: skip
        if fresh_start or _CHAT_ITEMS.intersection(lost):
            notes.append(Note(
                "ask-resend",
                "Ask your chat partners to send the messages and media you miss once more, or "
                "to export the conversation for you.",
            ))  # fmt: skip
        if fresh_start and not available:
            notes.append(Note(
                "revoke-old-id",
                "If you set a revocation password for your old ID, revoke that ID now; without "
                "such a password it cannot be deleted and is marked inactive after three months "
                "without use.",
            ))  # fmt: skip
        if lost:
            notes.extend(Note(code, message) for code, message in _TIPS)
        return tuple(notes)


def _in_sentence(name: str) -> str:
    """Item names start with a capital; inside a sentence only acronyms such as "ID" keep it."""
    return name if name.split()[0].isupper() else name[:1].lower() + name[1:]


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"
