"""The backup-options catalog as plain data: the shipped one checks, and every bad datum is named.

checkers.catalog knows no files: these tests give it mappings. Reading the file, `path:line`
and the guide-section links are helpcenter's (tests/test_catalog_source.py).
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from checkers.catalog import ITEM_IDS, Catalog, CatalogError
from helpcenter.catalog_source import load_catalog_file
from helpcenter.choice_data import DEFAULT_CONTENT_DIR

DEFAULT_CATALOG = DEFAULT_CONTENT_DIR / "backup-options.yml"

OPTION_IDS = (
    "data-backup", "ios-device-transfer", "threema-safe", "id-export", "chat-export", "new-id",
)  # fmt: skip


@pytest.fixture(scope="module")
def shipped() -> Catalog:
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
        _option_set("data-backup", "carries", [*ITEM_IDS, "contact"]),
        ("options", 0, "carries", 6), ["unknown item 'contact'", "did you mean 'contacts'"],
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
        _option_set("data-backup", "carries", [*ITEM_IDS, "id"]),
        ("options", 0, "carries", 6), ["duplicate id 'id'"],
        id="item-carried-twice",
    ),
    pytest.param(
        _option_set("data-backup", "id", "Data Backup"),
        ("options", 0, "id"), ["lowercase-with-dashes"],
        id="option-id-not-an-anchor",
    ),
    pytest.param(
        _option_set("data-backup", "id", "Data-backup"),
        ("options", 0, "id"), ["lowercase-with-dashes"],
        id="option-id-with-a-capital",
    ),
    pytest.param(
        _option_set("data-backup", "id", "data_backup"),
        ("options", 0, "id"), ["lowercase-with-dashes"],
        id="option-id-with-an-underscore",
    ),
    pytest.param(
        _option_set("data-backup", "provided_by", "safe"),
        ("options", 0, "provided_by"),
        ["unknown value 'safe'", "use null or one of threema-safe, id-export, data-backup, "
         "device-backup"],
        id="unknown-provider",
    ),
    pytest.param(
        _option_set("data-backup", "notes", "one note"),
        ("options", 0, "notes"), ["expected a list"],
        id="notes-not-a-list",
    ),
    pytest.param(
        _option_set("data-backup", "to", ["andriod"]),
        ("options", 0, "to", 0), ["unknown platform 'andriod'", "did you mean 'android'"],
        id="unknown-platform-to",
    ),
    pytest.param(
        _option_set("data-backup", "from", []),
        ("options", 0, "from"), ["name at least one platform"],
        id="no-platform-from",
    ),
    pytest.param(
        lambda data: data.update(items="chats, media"),
        ("items",), ["expected a list"],
        id="items-not-a-list",
    ),
    pytest.param(
        lambda data: data["items"][0].update(id=5),
        ("items", 0, "id"), ["non-empty text"],
        id="item-id-not-text",
    ),
    pytest.param(
        _option_set("data-backup", "conditions", {"medai": "with media switched on"}),
        ("options", 0, "conditions", "medai"),
        ["not carried by this option", "did you mean 'media'"],
        id="condition-on-a-misspelt-item",
    ),
    pytest.param(
        _option_set("id-export", "guide", {"create": "create-id-export", "restore": 5}),
        ("options", 3, "guide", "restore"), ["expected a section id or null"],
        id="guide-section-not-text",  # that problem alone, not also "needs a restore section"
    ),
    pytest.param(
        _option_set("data-backup", "name", " "),
        ("options", 0, "name"), ["non-empty text"],
        id="option-name-blank",
    ),
    pytest.param(
        _option_set("data-backup", "needs", 3),
        ("options", 0, "needs"), ["non-empty text"],
        id="option-needs-not-text",
    ),
    pytest.param(
        _option_set("data-backup", "id", ""),
        ("options", 0, "id"), ["non-empty text"],
        id="option-id-empty",
    ),
    pytest.param(
        _option_set("data-backup", "id", 7),
        ("options", 0, "id"), ["non-empty text"],
        id="option-id-not-text",
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
    assert [path for path, _ in caught.value.problems] == [key_path]  # that problem alone
    message = caught.value.problems[0][1]
    for word in words:
        assert word in message


def test_a_missing_old_phone_need_is_read_as_false_for_the_other_rules(
    data: dict[str, Any],
) -> None:
    """Left out, `needs_old_device` is reported and read as false, the reading that asks
    more of the option: its missing restore section is reported in the same run."""
    _option_del("id-export", "needs_old_device")(data)
    _option_set("id-export", "guide", {"create": "create-id-export", "restore": None})(data)
    with pytest.raises(CatalogError) as caught:
        Catalog.from_data(data)
    assert [path for path, _ in caught.value.problems] == [
        ("options", 3, "needs_old_device"),
        ("options", 3, "guide", "restore"),
    ]


def test_a_faulty_option_is_not_also_counted_as_a_duplicate(data: dict[str, Any]) -> None:
    """An option refused for a problem of its own is left out of the duplicate count: its id
    written twice is not a second problem."""
    twin = copy.deepcopy(data["options"][_index(data, "data-backup")])
    twin["provided_by"] = "safe"
    data["options"].append(twin)
    with pytest.raises(CatalogError) as caught:
        Catalog.from_data(data)
    assert [path for path, _ in caught.value.problems] == [
        ("options", len(data["options"]) - 1, "provided_by")
    ]


def test_every_problem_is_collected(data: dict[str, Any]) -> None:
    """Not only the first: three mistakes in three places give three problems, in order."""
    _set(("items", 1, "id"), "contact")(data)
    _option_set("threema-safe", "from", ["android", "iso"])(data)
    _option_del("ios-device-transfer", "needs")(data)
    with pytest.raises(CatalogError) as caught:
        Catalog.from_data(data)
    assert caught.value.problems == (
        (("items", 1, "id"), "unknown item 'contact' (did you mean 'contacts'?); "
         "known: id, contacts, groups, settings, chats, media"),
        (("options", 1, "needs"), "missing field 'needs'"),
        (("options", 2, "from", 1), "unknown platform 'iso' (did you mean 'ios'?); "
         "known: android, ios"),
    )  # fmt: skip
    assert str(caught.value).splitlines() == [
        "items[1].id: unknown item 'contact' (did you mean 'contacts'?); "
        "known: id, contacts, groups, settings, chats, media",
        "options[1].needs: missing field 'needs'",
        "options[2].from[1]: unknown platform 'iso' (did you mean 'ios'?); known: android, ios",
    ]


@pytest.mark.parametrize("data", [None, [], "items"], ids=["null", "list", "text"])
def test_catalog_must_be_a_mapping(data: object) -> None:
    with pytest.raises(CatalogError, match="expected a mapping") as caught:
        Catalog.from_data(data)
    assert [path for path, _ in caught.value.problems] == [()]
