"""The backup-options catalog (docs/content/backup-options.yml): its data classes and checks."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

PLATFORMS = ("android", "ios")
ITEM_IDS = ("id", "contacts", "groups", "settings", "chats", "media")
# What a person may already have, with its password (the `have` input of the decision logic).
HAVE_VALUES = ("threema-safe", "id-export", "data-backup", "device-backup")
# The decision logic treats these two options specially, so every catalog must define them.
FALLBACK_OPTION = "new-id"
READABLE_COPY_OPTION = "chat-export"

_SHARED_SECTIONS = (
    "create-threema-safe", "restore-threema-safe", "create-id-export", "restore-id-export",
    "export-chats", "move-to-new-phone", "without-backup", "remove-id", "revoke-id",
    "change-phone-number", "fix-duplicate-id", "verify-email", "verify-phone",
)  # fmt: skip
# Fixed section ids of /guides/<platform>/ (team brief); the site generator checks guides too.
GUIDE_SECTIONS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "android": (*_SHARED_SECTIONS, "create-data-backup", "restore-data-backup"),
    "ios": (*_SHARED_SECTIONS, "create-device-backup", "restore-device-backup"),
})  # fmt: skip

DEFAULT_CATALOG = Path(__file__).resolve().parent.parent / "docs" / "content" / "backup-options.yml"

KeyPath = tuple[str | int, ...]

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


def did_you_mean(value: object, allowed: tuple[str, ...]) -> str:
    """A " (did you mean 'x'?)" suffix when a close match exists, else ""."""
    close = difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


class CatalogError(ValueError):
    """Invalid catalog data: `key_path` says where, `source`/`line` say which file and line."""

    def __init__(
        self, key_path: KeyPath, message: str, source: str | None = None, line: int | None = None
    ) -> None:
        self.key_path = tuple(key_path)
        self.message = message
        self.source = source
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{format_key_path(self.key_path)}: " if self.key_path else ""
        if self.source is None:
            return f"{where}{self.message}"
        place = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{place}: {where}{self.message}"

    def located(self, source: str, line: int | None) -> CatalogError:
        return CatalogError(self.key_path, self.message, source, line)


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
        """Check plain data (parsed YAML or JSON); raise CatalogError at the first problem."""
        top = _mapping(data, (), _TOP_FIELDS, _TOP_FIELDS)
        items = tuple(_item(raw, ("items", i)) for i, raw in enumerate(_list(top, "items", ())))
        _no_duplicates([item.id for item in items], ("items",))
        for expected in ITEM_IDS:
            if expected not in {item.id for item in items}:
                raise CatalogError(("items",), f"item {expected!r} is missing")
        item_ids = tuple(item.id for item in items)
        raw_options = _list(top, "options", ())
        options = tuple(_option(raw, ("options", i), item_ids) for i, raw in enumerate(raw_options))
        _no_duplicates([option.id for option in options], ("options",))
        for needed in (FALLBACK_OPTION, READABLE_COPY_OPTION):
            if needed not in {option.id for option in options}:
                raise CatalogError(
                    ("options",), f"option {needed!r} is missing; the decision logic needs it"
                )
        return cls(items, options)

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


def _mapping(
    value: object, path: KeyPath, fields: tuple[str, ...], required: tuple[str, ...]
) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise CatalogError(path, f"expected a mapping with {', '.join(fields)}")
    for key in value:
        if key not in fields:
            raise CatalogError(
                (*path, key), f"unknown field {key!r}{did_you_mean(key, fields)}; "
                f"allowed: {', '.join(fields)}"
            )  # fmt: skip
    for key in required:
        if key not in value:
            raise CatalogError((*path, key), f"missing field {key!r}")
    return value


def _text(mapping: Mapping[str, Any], key: str, path: KeyPath) -> str:
    value = mapping[key]
    if not isinstance(value, str) or not value.strip():
        raise CatalogError((*path, key), "expected non-empty text")
    return value


def _list(mapping: Mapping[str, Any], key: str, path: KeyPath) -> list[Any]:
    value = mapping[key]
    if not isinstance(value, list):
        raise CatalogError((*path, key), "expected a list")
    return value


def _choices(
    mapping: Mapping[str, Any], key: str, path: KeyPath, allowed: tuple[str, ...], what: str
) -> tuple[str, ...]:
    values = _list(mapping, key, path)
    for index, value in enumerate(values):
        if value not in allowed:
            raise CatalogError(
                (*path, key, index), f"unknown {what} {value!r}{did_you_mean(value, allowed)}; "
                f"known: {', '.join(allowed)}"
            )  # fmt: skip
    _no_duplicates(values, (*path, key))
    return tuple(values)


def _no_duplicates(values: list[Any], path: KeyPath) -> None:
    seen: set[Any] = set()
    for index, value in enumerate(values):
        if value in seen:
            raise CatalogError((*path, index), f"duplicate id {value!r}")
        seen.add(value)


def _item(raw: object, path: KeyPath) -> Item:
    mapping = _mapping(raw, path, _ITEM_FIELDS, _ITEM_FIELDS)
    item_id = _text(mapping, "id", path)
    if item_id not in ITEM_IDS:
        raise CatalogError(
            (*path, "id"), f"unknown item {item_id!r}{did_you_mean(item_id, ITEM_IDS)}; "
            f"known: {', '.join(ITEM_IDS)}"
        )  # fmt: skip
    return Item(item_id, _text(mapping, "name", path))


def _option(raw: object, path: KeyPath, item_ids: tuple[str, ...]) -> BackupOption:
    required = tuple(f for f in _OPTION_FIELDS if f not in _OPTIONAL_OPTION_FIELDS)
    mapping = _mapping(raw, path, _OPTION_FIELDS, required)
    option_id = _text(mapping, "id", path)
    if not all(part.isalnum() and part.islower() for part in option_id.split("-")):
        raise CatalogError((*path, "id"), f"{option_id!r} is not a lowercase-with-dashes anchor")
    from_platforms = _choices(mapping, "from", path, PLATFORMS, "platform")
    to_platforms = _choices(mapping, "to", path, PLATFORMS, "platform")
    for side, platforms in (("from", from_platforms), ("to", to_platforms)):
        if not platforms:
            raise CatalogError((*path, side), "name at least one platform")
    needs_old_device = mapping["needs_old_device"]
    if not isinstance(needs_old_device, bool):
        raise CatalogError((*path, "needs_old_device"), "expected true or false")
    provided_by = mapping["provided_by"]
    if provided_by is not None and provided_by not in HAVE_VALUES:
        raise CatalogError(
            (*path, "provided_by"), f"unknown value {provided_by!r}"
            f"{did_you_mean(provided_by, HAVE_VALUES)}; use null or one of {', '.join(HAVE_VALUES)}"
        )  # fmt: skip
    guide_create, guide_restore = _guide(mapping, path, from_platforms, to_platforms)
    if guide_restore is None and not needs_old_device:
        # Such an option can be chosen with the old phone lost: only a restore step applies then.
        raise CatalogError(
            (*path, "guide", "restore"),
            "an option usable without the old phone needs a restore section",
        )
    notes: tuple[str, ...] = ()
    if "notes" in mapping:
        raw_notes = _list(mapping, "notes", path)
        for index, note in enumerate(raw_notes):
            if not isinstance(note, str) or not note.strip():
                raise CatalogError((*path, "notes", index), "expected non-empty text")
        notes = tuple(raw_notes)
    carries = _choices(mapping, "carries", path, item_ids, "item")
    conditions = _conditions(mapping, path, carries)
    return BackupOption(
        id=option_id,
        name=_text(mapping, "name", path),
        summary=_text(mapping, "summary", path),
        carries=carries,
        from_platforms=from_platforms,
        to_platforms=to_platforms,
        needs=_text(mapping, "needs", path),
        needs_old_device=needs_old_device,
        provided_by=provided_by,
        guide_create=guide_create,
        guide_restore=guide_restore,
        notes=notes,
        conditions=conditions,
    )


def _conditions(
    mapping: Mapping[str, Any], path: KeyPath, carries: tuple[str, ...]
) -> tuple[tuple[str, str], ...]:
    """The optional item -> condition map, as pairs; each item must be one the option carries."""
    raw = mapping.get("conditions", {})
    if not isinstance(raw, dict):
        raise CatalogError((*path, "conditions"), "expected a mapping of item id to condition")
    for item, condition in raw.items():
        if item not in carries:
            raise CatalogError(
                (*path, "conditions", item),
                f"{item!r} is not carried by this option{did_you_mean(str(item), carries)}",
            )
        if not isinstance(condition, str) or not condition.strip():
            raise CatalogError((*path, "conditions", item), "expected non-empty text")
    return tuple(raw.items())


def _guide(
    mapping: Mapping[str, Any], path: KeyPath, from_platforms: tuple[str, ...],
    to_platforms: tuple[str, ...],
) -> tuple[str | None, str | None]:  # fmt: skip
    """The create and restore section ids; each must exist in every guide it is linked from."""
    guide_path = (*path, "guide")
    guide = _mapping(mapping["guide"], guide_path, _GUIDE_FIELDS, _GUIDE_FIELDS)
    sections: dict[str, str | None] = {}
    # The create step is done on the old phone, the restore step on the new one.
    for side, platforms in (("create", from_platforms), ("restore", to_platforms)):
        section = guide[side]
        if section is not None:
            for platform in platforms:
                known = GUIDE_SECTIONS[platform]
                if section not in known:
                    raise CatalogError(
                        (*guide_path, side), f"{section!r} is not a section of the {platform} "
                        f"guide{did_you_mean(section, known)}"
                    )  # fmt: skip
        sections[side] = section
    if sections["create"] is None and sections["restore"] is None:
        raise CatalogError(guide_path, "link at least one guide section (create or restore)")
    return sections["create"], sections["restore"]


def load_catalog_file(path: str | Path = DEFAULT_CATALOG) -> Catalog:
    """Read and check a catalog file (.yml via PyYAML, .json via the standard library).

    Errors are CatalogError naming the file and, where known, the line.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CatalogError((), f"cannot read the catalog: {error}", str(path)) from None
    if path.suffix == ".json":
        try:
            data, root = json.loads(text), None
        except json.JSONDecodeError as error:
            raise CatalogError((), f"invalid JSON: {error.msg}", str(path), error.lineno) from None
    else:
        data, root = _read_yaml(text, path)
    try:
        return Catalog.from_data(data)
    except CatalogError as error:
        raise error.located(str(path), _line_of(root, error.key_path)) from None


def _read_yaml(text: str, path: Path) -> tuple[object, Any]:
    """Parsed data plus the YAML node tree (which keeps line numbers)."""
    try:
        import yaml  # lazily: the browser (Pyodide) only ever loads the JSON copy
    except ImportError:
        raise CatalogError(
            (), "reading YAML needs PyYAML; install it or pass the JSON copy of the catalog",
            str(path),
        ) from None  # fmt: skip
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise CatalogError((), f"invalid YAML: {error}", str(path), line) from None
    finally:
        loader.dispose()
    return data, root


def _line_of(root: Any, key_path: KeyPath) -> int | None:
    """1-based line of the deepest node of `key_path` that exists in the YAML node tree."""
    if root is None:
        return None
    node, line = root, root.start_mark.line + 1
    for key in key_path:
        if node.id == "mapping":
            match = next(((k, v) for k, v in node.value if k.value == key), None)
            if match is None:
                break
            line, node = match[0].start_mark.line + 1, match[1]
        elif node.id == "sequence" and isinstance(key, int) and 0 <= key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            break
    return line
