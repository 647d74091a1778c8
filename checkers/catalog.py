"""The backup-options catalog: its data classes and checks of plain data (no files, no YAML).

`Catalog.from_data` takes the catalog as a plain mapping (parsed YAML or JSON) and collects every
problem as a (key path, message) pair; the caller (helpcenter's content loader, the CLI) turns
key paths into `file:line`. Which guide sections exist is the site's business: helpcenter checks
the `guide` links against its guides.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from checkers.platforms import PLATFORMS, did_you_mean

ITEM_IDS = ("id", "contacts", "groups", "settings", "chats", "media")
# What a person may already have, with its password (the `have` input of the decision logic).
HAVE_VALUES = ("threema-safe", "id-export", "data-backup", "device-backup")
# The decision logic treats these two options specially, so every catalog must define them.
FALLBACK_OPTION = "new-id"
READABLE_COPY_OPTION = "chat-export"

KeyPath = tuple[str | int, ...]
Problem = tuple[KeyPath, str]

_TOP_FIELDS = ("items", "options")
_ITEM_FIELDS = ("id", "name")
_OPTION_FIELDS = (
    "id", "name", "summary", "carries", "from", "to", "needs", "needs_old_device",
    "provided_by", "guide", "notes", "conditions",
)  # fmt: skip
_OPTIONAL_OPTION_FIELDS = ("notes", "conditions")
_GUIDE_FIELDS = ("create", "restore")


def format_key_path(key_path: KeyPath) -> str:
    """("options", 2, "guide") -> "options[2].guide"."""
    text = ""
    for key in key_path:
        text += f"[{key}]" if isinstance(key, int) else (f".{key}" if text else key)
    return text or "(top level)"


class CatalogError(ValueError):
    """Invalid catalog data: every problem found, each a (key path, message) pair."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple((tuple(k), m) for k, m in problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(
            f"{format_key_path(key_path)}: {message}" if key_path else message
            for key_path, message in self.problems
        )


@dataclass(frozen=True)
class Item:
    """Something a backup can carry into the new app (ID, contacts, ...)."""

    id: str
    name: str


@dataclass(frozen=True)
class BackupOption:
    """One way to move to a new phone, as described in the catalog."""

    id: str
    name: str
    summary: str
    carries: tuple[str, ...]
    from_platforms: tuple[str, ...]
    to_platforms: tuple[str, ...]
    needs: str
    needs_old_device: bool
    provided_by: str | None
    guide_create: str | None
    guide_restore: str | None
    notes: tuple[str, ...] = ()
    # Items carried only when the backup was made a certain way: item id -> how it must be made,
    # worded to follow "made" ("with “Include media files” switched on").
    conditions: tuple[tuple[str, str], ...] = ()

    def condition(self, item: str) -> str | None:
        """The condition under which this option carries `item`, or None if it always does."""
        return dict(self.conditions).get(item)

    def fits(self, from_platform: str, to_platform: str) -> bool:
        return from_platform in self.from_platforms and to_platform in self.to_platforms


@dataclass(frozen=True)
class Catalog:
    """The checked catalog: items in display order and options in catalog order."""

    items: tuple[Item, ...]
    options: tuple[BackupOption, ...]

    @classmethod
    def from_data(cls, data: object) -> Catalog:
        """Check plain data (parsed YAML or JSON); raise CatalogError listing every problem."""
        check = _Checker()
        catalog = check.catalog(data)
        if check.problems or catalog is None:
            raise CatalogError(check.problems)
        return catalog

    def option(self, option_id: str) -> BackupOption:
        for option in self.options:
            if option.id == option_id:
                return option
        known = tuple(option.id for option in self.options)
        raise KeyError(f"no option {option_id!r}{did_you_mean(option_id, known)}")

    def item_name(self, item_id: str) -> str:
        return next(item.name for item in self.items if item.id == item_id)

    def in_item_order(self, item_ids: Iterable[str]) -> tuple[str, ...]:
        """The given item ids, in the catalog's item order."""
        wanted = set(item_ids)
        return tuple(item.id for item in self.items if item.id in wanted)

    def to_data(self) -> dict[str, Any]:
        """The catalog as plain data in the YAML shape (for the JSON copy the browser loads)."""
        return {
            "items": [{"id": item.id, "name": item.name} for item in self.items],
            "options": [_option_data(option) for option in self.options],
        }


def _option_data(option: BackupOption) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": option.id, "name": option.name, "summary": option.summary,
        "carries": list(option.carries), "from": list(option.from_platforms),
        "to": list(option.to_platforms), "needs": option.needs,
        "needs_old_device": option.needs_old_device, "provided_by": option.provided_by,
        "guide": {"create": option.guide_create, "restore": option.guide_restore},
    }  # fmt: skip
    if option.notes:
        data["notes"] = list(option.notes)
    if option.conditions:
        data["conditions"] = dict(option.conditions)  # pairs back to the YAML's mapping
    return data


class _Checker:
    """Reads the catalog's fields, recording each problem and going on with a fallback value."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def report(self, key_path: KeyPath, message: str) -> None:
        self.problems.append((tuple(key_path), message))

    def catalog(self, data: object) -> Catalog | None:
        top = self.mapping(data, (), _TOP_FIELDS, _TOP_FIELDS)
        if top is None:
            return None
        before = len(self.problems)
        raw_items = self.list(top, "items", ())
        items, paths = [], []
        for i, raw in enumerate(raw_items):
            if (item := self.item(raw, ("items", i))) is not None:
                items.append(item)
                paths.append(("items", i))
        self.no_duplicates([item.id for item in items], paths)
        if isinstance(top.get("items"), list) and len(self.problems) == before:
            # Only when the items read well: a misspelt or repeated id is its own problem.
            for expected in ITEM_IDS:
                if expected not in {item.id for item in items}:
                    self.report(("items",), f"item {expected!r} is missing")
        # Options may carry any known item; one missing from `items` is reported above.
        item_ids = ITEM_IDS
        options: list[BackupOption] = []
        paths = []
        for i, raw in enumerate(self.list(top, "options", ())):
            option = self.option(raw, ("options", i), item_ids)
            if option is not None:
                options.append(option)
                paths.append(("options", i))
        self.no_duplicates([option.id for option in options], paths)
        if isinstance(top.get("options"), list):
            written = {o.get("id") for o in top["options"] if isinstance(o, Mapping)}
            for needed in (FALLBACK_OPTION, READABLE_COPY_OPTION):
                if needed not in written:
                    self.report(
                        ("options",), f"option {needed!r} is missing; the decision logic needs it"
                    )
        return Catalog(tuple(items), tuple(options))

    def mapping(
        self, value: object, path: KeyPath, fields: tuple[str, ...], required: tuple[str, ...]
    ) -> Mapping[str, Any] | None:
        if not isinstance(value, Mapping):
            self.report(path, f"expected a mapping with {', '.join(fields)}")
            return None
        for key in value:
            if key not in fields:
                self.report(
                    (*path, key), f"unknown field {key!r}{did_you_mean(key, fields)}; "
                    f"allowed: {', '.join(fields)}"
                )  # fmt: skip
        for key in required:
            if key not in value:
                self.report((*path, key), f"missing field {key!r}")
        return value

    def text(self, mapping: Mapping[str, Any], key: str, path: KeyPath) -> str | None:
        if key not in mapping:
            return None  # reported as a missing field
        value = mapping[key]
        if not isinstance(value, str) or not value.strip():
            self.report((*path, key), "expected non-empty text")
            return None
        return value

    def list(self, mapping: Mapping[str, Any], key: str, path: KeyPath) -> list[Any]:
        if key not in mapping:
            return []
        value = mapping[key]
        if not isinstance(value, list):
            self.report((*path, key), "expected a list")
            return []
        return value

    def choices(
        self, mapping: Mapping[str, Any], key: str, path: KeyPath, allowed: tuple[str, ...],
        what: str,
    ) -> tuple[str, ...]:  # fmt: skip
        values = self.list(mapping, key, path)
        good = []
        for index, value in enumerate(values):
            if value not in allowed:
                self.report(
                    (*path, key, index), f"unknown {what} {value!r}{did_you_mean(value, allowed)}; "
                    f"known: {', '.join(allowed)}"
                )  # fmt: skip
            else:
                good.append(value)
        self.no_duplicates(values, [(*path, key, i) for i in range(len(values))])
        return tuple(dict.fromkeys(good))

    def no_duplicates(self, values: list[Any], paths: list[KeyPath]) -> None:
        seen: set[Any] = set()
        for value, path in zip(values, paths, strict=True):
            if isinstance(value, str) and value in seen:
                self.report(path, f"duplicate id {value!r}")
            seen.add(value)

    def item(self, raw: object, path: KeyPath) -> Item | None:
        mapping = self.mapping(raw, path, _ITEM_FIELDS, _ITEM_FIELDS)
        if mapping is None:
            return None
        item_id, name = self.text(mapping, "id", path), self.text(mapping, "name", path)
        if item_id is not None and item_id not in ITEM_IDS:
            self.report(
                (*path, "id"), f"unknown item {item_id!r}{did_you_mean(item_id, ITEM_IDS)}; "
                f"known: {', '.join(ITEM_IDS)}"
            )  # fmt: skip
            return None
        return Item(item_id, name) if item_id and name else None

    def option(self, raw: object, path: KeyPath, item_ids: tuple[str, ...]) -> BackupOption | None:
        required = tuple(f for f in _OPTION_FIELDS if f not in _OPTIONAL_OPTION_FIELDS)
        mapping = self.mapping(raw, path, _OPTION_FIELDS, required)
        if mapping is None:
            return None
        before = len(self.problems)
        option_id = self.text(mapping, "id", path)
        parts = option_id.split("-") if option_id else []
        if option_id and not all(part.isalnum() and part.islower() for part in parts):
            self.report((*path, "id"), f"{option_id!r} is not a lowercase-with-dashes anchor")
        from_platforms = self.choices(mapping, "from", path, PLATFORMS, "platform")
        to_platforms = self.choices(mapping, "to", path, PLATFORMS, "platform")
        for side in ("from", "to"):
            if isinstance(mapping.get(side), list) and not mapping[side]:
                self.report((*path, side), "name at least one platform")
        needs_old_device = mapping.get("needs_old_device", False)
        if not isinstance(needs_old_device, bool):
            self.report((*path, "needs_old_device"), "expected true or false")
        provided_by = mapping.get("provided_by")
        if provided_by is not None and provided_by not in HAVE_VALUES:
            self.report(
                (*path, "provided_by"), f"unknown value {provided_by!r}"
                f"{did_you_mean(provided_by, HAVE_VALUES)}; use null or one of "
                f"{', '.join(HAVE_VALUES)}"
            )  # fmt: skip
        guide_create, guide_restore = self.guide(mapping, path)
        guide = mapping.get("guide")
        # `restore: null` written out (a section id that is no text is its own problem).
        no_restore = isinstance(guide, Mapping) and "restore" in guide and guide["restore"] is None
        if no_restore and guide_create and needs_old_device is False:
            # Such an option can be chosen with the old phone lost: only a restore step applies.
            self.report(
                (*path, "guide", "restore"),
                "an option usable without the old phone needs a restore section",
            )
        notes: list[str] = []
        for index, note in enumerate(self.list(mapping, "notes", path)):
            if not isinstance(note, str) or not note.strip():
                self.report((*path, "notes", index), "expected non-empty text")
            else:
                notes.append(note)
        carries = self.choices(mapping, "carries", path, item_ids, "item")
        conditions = self.conditions(mapping, path, carries)
        name = self.text(mapping, "name", path)
        summary = self.text(mapping, "summary", path)
        needs = self.text(mapping, "needs", path)
        if len(self.problems) > before or not (option_id and name and summary and needs):
            return None
        return BackupOption(
            id=option_id, name=name, summary=summary, carries=carries,
            from_platforms=from_platforms, to_platforms=to_platforms, needs=needs,
            needs_old_device=needs_old_device, provided_by=provided_by,
            guide_create=guide_create, guide_restore=guide_restore, notes=tuple(notes),
            conditions=conditions,
        )  # fmt: skip

    def conditions(
        self, mapping: Mapping[str, Any], path: KeyPath, carries: tuple[str, ...]
    ) -> tuple[tuple[str, str], ...]:
        """The optional item -> condition map, as pairs; each item one the option carries."""
        raw = mapping.get("conditions", {})
        if not isinstance(raw, Mapping):
            self.report((*path, "conditions"), "expected a mapping of item id to condition")
            return ()
        pairs = []
        for item, condition in raw.items():
            if item not in carries:
                self.report(
                    (*path, "conditions", item),
                    f"{item!r} is not carried by this option{did_you_mean(item, carries)}",
                )
            elif not isinstance(condition, str) or not condition.strip():
                self.report((*path, "conditions", item), "expected non-empty text")
            else:
                pairs.append((item, condition))
        return tuple(pairs)

    def guide(self, mapping: Mapping[str, Any], path: KeyPath) -> tuple[str | None, str | None]:
        """The create and restore section ids (whether the guides have them, helpcenter checks)."""
        if "guide" not in mapping:
            return None, None
        guide_path = (*path, "guide")
        guide = self.mapping(mapping["guide"], guide_path, _GUIDE_FIELDS, _GUIDE_FIELDS)
        if guide is None:
            return None, None
        sections: dict[str, str | None] = {}
        for side in _GUIDE_FIELDS:
            section = guide.get(side)
            if section is not None and (not isinstance(section, str) or not section.strip()):
                self.report((*guide_path, side), "expected a section id or null")
                section = None
            sections[side] = section
        if all(side in guide and guide[side] is None for side in _GUIDE_FIELDS):
            self.report(guide_path, "link at least one guide section (create or restore)")
        return sections["create"], sections["restore"]
