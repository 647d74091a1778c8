"""The backup-options catalog: the shipped file loads, and every kind of bad data is named."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from checkers.catalog import (
    DEFAULT_CATALOG,
    GUIDE_SECTIONS,
    HAVE_VALUES,
    ITEM_IDS,
    PLATFORMS,
    Catalog,
    CatalogError,
    load_catalog_file,
)

OPTION_IDS = (
    "data-backup", "ios-device-transfer", "threema-safe", "id-export", "chat-export", "new-id",
)  # fmt: skip


@pytest.fixture(scope="module")
def shipped() -> Catalog:
    pytest.importorskip("yaml")
    return load_catalog_file(DEFAULT_CATALOG)


@pytest.fixture
def data(shipped: Catalog) -> dict[str, Any]:
    """A fresh, valid copy of the shipped catalog's data to break in one place."""
    return copy.deepcopy(shipped.to_data())


def _index(data: dict[str, Any], option_id: str) -> int:
    return next(i for i, option in enumerate(data["options"]) if option["id"] == option_id)


def test_shipped_catalog_has_the_six_items_and_options(shipped: Catalog) -> None:
    assert tuple(item.id for item in shipped.items) == ITEM_IDS
    assert tuple(option.id for option in shipped.options) == OPTION_IDS
    assert shipped.option("threema-safe").carries == ("id", "contacts", "groups", "settings")
    assert shipped.option("data-backup").from_platforms == ("android",)
    assert shipped.option("ios-device-transfer").to_platforms == ("ios",)
    assert shipped.option("ios-device-transfer").provided_by == "device-backup"
    assert shipped.option("chat-export").needs_old_device is True
    assert shipped.option("new-id").guide_restore == "without-backup"


def test_shipped_catalog_links_only_fixed_guide_sections(shipped: Catalog) -> None:
    for option in shipped.options:
        assert option.guide_create or option.guide_restore, option.id
        for platform in option.from_platforms if option.guide_create else ():
            assert option.guide_create in GUIDE_SECTIONS[platform]
        for platform in option.to_platforms if option.guide_restore else ():
            assert option.guide_restore in GUIDE_SECTIONS[platform]
        assert option.provided_by is None or option.provided_by in HAVE_VALUES


def test_guide_sections_differ_only_in_platform_specific_backups() -> None:
    assert set(GUIDE_SECTIONS) == set(PLATFORMS)
    android, ios = set(GUIDE_SECTIONS["android"]), set(GUIDE_SECTIONS["ios"])
    assert android - ios == {"create-data-backup", "restore-data-backup"}
    assert ios - android == {"create-device-backup", "restore-device-backup"}


def test_data_round_trips_and_survives_json(shipped: Catalog) -> None:
    data = json.loads(json.dumps(shipped.to_data()))
    assert Catalog.from_data(data) == shipped


def test_to_data_is_the_yaml_data(shipped: Catalog) -> None:
    yaml = pytest.importorskip("yaml")
    assert shipped.to_data() == yaml.safe_load(DEFAULT_CATALOG.read_text(encoding="utf-8"))


def test_option_lookup_suggests_close_ids(shipped: Catalog) -> None:
    with pytest.raises(KeyError, match="did you mean 'threema-safe'"):
        shipped.option("threema-saf")


def _set(path: tuple[Any, ...], value: Any):
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _option_set(option_id: str, key: str, value: Any):
    def change(data: dict[str, Any]) -> None:
        data["options"][_index(data, option_id)][key] = value

    return change


def _option_del(option_id: str, key: str):
    def change(data: dict[str, Any]) -> None:
        del data["options"][_index(data, option_id)][key]

    return change


def _drop_option(option_id: str):
    def change(data: dict[str, Any]) -> None:
        del data["options"][_index(data, option_id)]

    return change


# (change, expected key_path, words the message must contain); option indexes: see OPTION_IDS.
BAD_CATALOGS = [
    pytest.param(
        _option_set("data-backup", "carries", ["id", "contact"]),
        ("options", 0, "carries", 1), ["unknown item 'contact'", "did you mean 'contacts'"],
        id="unknown-item-in-carries",
    ),
    pytest.param(
        _set(("items", 1, "id"), "contact"),
        ("items", 1, "id"), ["unknown item 'contact'", "did you mean 'contacts'"],
        id="unknown-item-id",
    ),
    pytest.param(
        _set(("items",), [{"id": item, "name": item} for item in ITEM_IDS[:-1]]),
        ("items",), ["'media' is missing"],
        id="missing-item",
    ),
    pytest.param(
        _option_set("threema-safe", "from", ["android", "iso"]),
        ("options", 2, "from", 1), ["unknown platform 'iso'", "did you mean 'ios'"],
        id="unknown-platform",
    ),
    pytest.param(
        _option_set("threema-safe", "to", []),
        ("options", 2, "to"), ["at least one platform"],
        id="no-platform",
    ),
    pytest.param(
        _option_set("threema-safe", "guide", {"create": None, "restore": None}),
        ("options", 2, "guide"), ["at least one guide section"],
        id="missing-guide-link",
    ),
    pytest.param(
        _option_set("id-export", "guide", {"create": "create-id-export", "restore": None}),
        ("options", 3, "guide", "restore"), ["needs a restore section"],
        id="no-restore-link-for-option-usable-without-old-phone",
    ),
    pytest.param(
        _option_set("threema-safe", "guide", {"create": "create-data-backup", "restore": None}),
        ("options", 2, "guide", "create"), ["not a section of the ios guide"],
        id="guide-section-of-other-platform",
    ),
    pytest.param(
        _option_set(
            "threema-safe",
            "guide",
            {"create": "create-threema-saf", "restore": "restore-threema-safe"},
        ),
        ("options", 2, "guide", "create"), ["did you mean 'create-threema-safe'"],
        id="unknown-guide-section",
    ),
    pytest.param(
        _option_set("threema-safe", "guide", {"create": "create-threema-safe"}),
        ("options", 2, "guide", "restore"), ["missing field 'restore'"],
        id="missing-guide-field",
    ),
    pytest.param(
        _option_set("id-export", "id", "threema-safe"),
        ("options", 3), ["duplicate id 'threema-safe'"],
        id="duplicate-option-id",
    ),
    pytest.param(
        _set(("items", 1, "id"), "id"),
        ("items", 1), ["duplicate id 'id'"],
        id="duplicate-item-id",
    ),
    pytest.param(
        _option_set("ios-device-transfer", "nedes", "the old phone"),
        ("options", 1, "nedes"), ["unknown field 'nedes'", "did you mean 'needs'"],
        id="unknown-field-did-you-mean",
    ),
    pytest.param(
        _option_del("ios-device-transfer", "needs"),
        ("options", 1, "needs"), ["missing field 'needs'"],
        id="missing-field",
    ),
    pytest.param(
        _option_set("threema-safe", "provided_by", "threema_safe"),
        ("options", 2, "provided_by"), ["did you mean 'threema-safe'"],
        id="provided-by-not-a-have-value",
    ),
    pytest.param(
        _option_set("chat-export", "needs_old_device", "yes"),
        ("options", 4, "needs_old_device"), ["true or false"],
        id="needs-old-device-not-a-boolean",
    ),
    pytest.param(
        _option_set("chat-export", "summary", ""),
        ("options", 4, "summary"), ["non-empty text"],
        id="empty-summary",
    ),
    pytest.param(
        _option_set("data-backup", "carries", ["id", "id"]),
        ("options", 0, "carries", 1), ["duplicate id 'id'"],
        id="item-carried-twice",
    ),
    pytest.param(
        _option_set("data-backup", "id", "Data Backup"),
        ("options", 0, "id"), ["lowercase-with-dashes"],
        id="option-id-not-an-anchor",
    ),
    pytest.param(
        _option_set("threema-safe", "conditions", {"media": "with media switched on"}),
        ("options", 2, "conditions", "media"), ["not carried by this option"],
        id="condition-on-an-item-not-carried",
    ),
    pytest.param(
        _option_set("data-backup", "conditions", {"media": ""}),
        ("options", 0, "conditions", "media"), ["non-empty text"],
        id="empty-condition",
    ),
    pytest.param(
        _drop_option("new-id"),
        ("options",), ["'new-id' is missing"],
        id="option-the-logic-needs-is-missing",
    ),
]


@pytest.mark.parametrize(("change", "key_path", "words"), BAD_CATALOGS)
def test_bad_catalog_names_the_key_path(
    data: dict[str, Any], change, key_path: tuple[Any, ...], words: list[str]
) -> None:
    change(data)
    with pytest.raises(CatalogError) as caught:
        Catalog.from_data(data)
    assert caught.value.key_path == key_path
    for word in words:
        assert word in str(caught.value)


@pytest.mark.parametrize("data", [None, [], "items"], ids=["null", "list", "text"])
def test_catalog_must_be_a_mapping(data: object) -> None:
    with pytest.raises(CatalogError, match="expected a mapping") as caught:
        Catalog.from_data(data)
    assert caught.value.key_path == ()


def test_file_error_names_file_line_and_key_path(tmp_path: Path, shipped: Catalog) -> None:
    pytest.importorskip("yaml")
    text = DEFAULT_CATALOG.read_text(encoding="utf-8")
    broken = text.replace("carries: [id]\n", "carries: [id, contact]\n", 1)
    assert broken != text
    line = next(i for i, row in enumerate(broken.splitlines(), 1) if "contact]" in row)
    path = tmp_path / "backup-options.yml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog_file(path)
    assert str(caught.value).startswith(f"{path}:{line}: options[3].carries[1]: unknown item")
    assert caught.value.key_path == ("options", 3, "carries", 1)


def test_yaml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    pytest.importorskip("yaml")
    path = tmp_path / "broken.yml"
    path.write_text("items:\n  - id: id\n    name: [ID\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=rf"^{re.escape(str(path))}:\d+: invalid YAML"):
        load_catalog_file(path)


def test_json_catalog_loads_without_yaml(tmp_path: Path, shipped: Catalog) -> None:
    path = tmp_path / "backup-options.json"
    path.write_text(json.dumps(shipped.to_data()), encoding="utf-8")
    assert load_catalog_file(path) == shipped


def test_missing_file_is_a_catalog_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.yml"
    with pytest.raises(CatalogError, match=rf"^{re.escape(str(missing))}: cannot read the catalog"):
        load_catalog_file(missing)
