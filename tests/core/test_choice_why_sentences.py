"""The wizard's answer in words: each recommendation's "why" sentence, the notes that depend on
the old phone and on an option's conditions, and the tie-break by catalog order. Catalogs are
written out here (plain data, as `Catalog.from_data` takes them); expected sentences too."""

from __future__ import annotations

from typing import Any

from checkers.backup_choice import ChoiceInputs, choose
from checkers.catalog import Catalog
from checkers.wording import Wording

ITEMS = [
    {"id": "id", "name": "ID"}, {"id": "contacts", "name": "Contacts"},
    {"id": "groups", "name": "Groups"}, {"id": "settings", "name": "Settings"},
    {"id": "chats", "name": "Chats"}, {"id": "media", "name": "Media"},
]  # fmt: skip
BOTH = ["android", "ios"]
WORDS = Wording()
# An option's how, with the old phone at hand.
MAKE_A2I = (
    "Set it up on your old Android phone while the app still works there, then restore it on "
    "the new iPhone."
)


def option(
    option_id: str, name: str, carries: list[str], *, platforms: list[str] = BOTH,
    provided_by: str | None = None, needs_old_device: bool = False,
    conditions: dict[str, str] | None = None,
) -> dict[str, Any]:  # fmt: skip
    data: dict[str, Any] = {
        "id": option_id, "name": name, "summary": f"{name}.", "carries": carries,
        "from": platforms, "to": platforms, "needs": "Nothing.",
        "needs_old_device": needs_old_device, "provided_by": provided_by,
        "guide": {"create": f"create-{option_id}", "restore": f"restore-{option_id}"},
    }  # fmt: skip
    if conditions:
        data["conditions"] = conditions
    return data


CHAT_EXPORT = {**option("chat-export", "Chat export", [], needs_old_device=True),
               "guide": {"create": "export-chats", "restore": None}}  # fmt: skip
NEW_ID = {**option("new-id", "New ID", []), "guide": {"create": None, "restore": "without-backup"}}
ALL_ITEMS = ["id", "contacts", "groups", "settings", "chats", "media"]
SAFE = option("threema-safe", "Threema Safe", ["id", "contacts", "groups", "settings"],
              provided_by="threema-safe")  # fmt: skip
ID_EXPORT = option("id-export", "ID export", ["id"], provided_by="id-export")
DATA_BACKUP = option("data-backup", "Data backup", ALL_ITEMS, platforms=["android"],
                     provided_by="data-backup")  # fmt: skip


def catalog(*options: dict[str, Any]) -> Catalog:
    return Catalog.from_data({"items": ITEMS, "options": [*options, CHAT_EXPORT, NEW_ID]})


def ask(
    shelf: Catalog, route: str, old_device: str, keep: set[str], have: set[str] | None = None
) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """(option, why) of each recommendation, and each note's code -> words."""
    old, new = route.split("-")
    inputs = ChoiceInputs(old, new, old_device, frozenset(keep), frozenset(have or ()))
    answer = choose(shelf, inputs)
    whys = [(r.option, WORDS(r.why)) for r in answer.recommendations]
    return whys, {note.code: WORDS(note.message) for note in answer.notes}


def test_each_recommendation_says_what_it_keeps_and_the_chat_export_what_it_saves() -> None:
    """The first keeps most, the chat export saves the chats, the next keeps what it can."""
    whys, _ = ask(catalog(SAFE, ID_EXPORT), "android-ios", "available", {"id", "chats"})
    assert whys == [
        ("threema-safe", "Threema Safe keeps your ID, the most any option can here; chats cannot "
         f"come along, because no backup carries them from Android to iOS. {MAKE_A2I}"),
        ("chat-export", "Chats cannot move to the new iPhone this way, so export the "
         "conversations that matter on your old Android phone: you keep a copy you can read, "
         "with the media files attached."),
        ("id-export", "If the first choice does not work out: ID export keeps your ID. "
         f"{MAKE_A2I}"),
    ]  # fmt: skip


def test_a_later_option_keeping_nothing_asked_for_says_what_it_still_brings() -> None:
    """Only chats wanted across platforms: the ID export still brings the ID."""
    whys, _ = ask(catalog(SAFE, ID_EXPORT), "android-ios", "available", {"chats"})
    assert whys[0] == ("threema-safe", (
        "Chats cannot come along, because no backup carries them from Android to iOS. Threema "
        "Safe still brings your ID, contacts, groups and settings, so you need not start again "
        f"with a new ID. {MAKE_A2I}"
    ))  # fmt: skip
    assert whys[2] == (
        "id-export",
        f"If the first choice does not work out: ID export still brings your ID. {MAKE_A2I}",
    )


def test_a_first_option_keeping_everything_lists_what_it_keeps() -> None:
    """Everything asked for fits: the sentence names the items kept."""
    whys, _ = ask(catalog(DATA_BACKUP, SAFE), "android-android", "available", {"id", "contacts"})
    assert whys[0] == ("data-backup", (
        "Data backup keeps everything you asked for: your ID and contacts. Set it up on your "
        "old Android phone while the app still works there, then restore it on the new Android "
        "phone."
    ))  # fmt: skip


ADDRESS_BOOK = option("address-book", "Address book", ["contacts", "groups"])


def test_an_option_needing_no_backup_is_set_up_on_the_new_phone() -> None:
    """Old phone lost, an option that needs no backup: set it up on the new phone."""
    whys, _ = ask(catalog(ADDRESS_BOOK, SAFE), "android-ios", "lost", {"contacts"})
    assert whys == [("address-book", (
        "Address book keeps everything you asked for: your contacts. Set it up on the new iPhone."
    ))]  # fmt: skip


def test_a_first_option_without_the_id_brings_what_it_can_without_the_id_sentence() -> None:
    """Nothing wanted can move and the option does not carry the ID: no "new ID" remark."""
    whys, notes = ask(catalog(ADDRESS_BOOK), "android-ios", "lost", {"chats"})
    assert whys == [("address-book", (
        "Chats cannot come along, because no backup carries them from Android to iOS. Address "
        "book still brings your contacts and groups. Set it up on the new iPhone."
    ))]  # fmt: skip
    assert list(notes) == ["password-needed", "ask-resend", "tip-passcode"]


def test_options_alike_in_what_they_carry_keep_the_catalog_order() -> None:
    """Two options carrying the same items: the one written first in the catalog comes first."""
    cloud = option("contact-cloud", "Contact cloud", ["contacts", "groups"])
    first, _ = ask(catalog(ADDRESS_BOOK, cloud), "ios-ios", "lost", {"contacts"})
    assert [name for name, _ in first] == ["address-book", "contact-cloud"]
    second, _ = ask(catalog(cloud, ADDRESS_BOOK), "ios-ios", "lost", {"contacts"})
    assert [name for name, _ in second] == ["contact-cloud", "address-book"]
    assert second[1][1] == (
        "If the first choice does not work out: Address book keeps your contacts. Set it up on "
        "the new iPhone."
    )


def test_no_route_at_all_with_the_old_phone_at_hand_means_a_new_id() -> None:
    """With the old phone working but no backup between the platforms: a new ID, and the old
    ID deleted once the new one works."""
    android_only = option("address-book", "Address book", ["contacts"], platforms=["android"])
    whys, notes = ask(catalog(android_only), "ios-ios", "available", {"contacts"})
    assert whys == [
        ("new-id", "No backup can move anything from iOS to iOS, so the new phone starts with a "
         "new ID.")
    ]  # fmt: skip
    assert notes["delete-old-id"] == (
        "Once your new ID works, delete the ID on your old iPhone (“my profile” → “remove id and "
        "data”), so that notifications reach the new phone only."
    )


FULL_BACKUP = option(
    "full-backup", "Full backup", ALL_ITEMS, platforms=["android"], provided_by="data-backup",
    conditions={"chats": "with [[include_chats]] on", "media": "with [[include_media]] on"},
)  # fmt: skip
LABELS = {"include_media": {"android": "Media too", "ios": "Save media"}}


def test_a_condition_on_a_wanted_item_is_worded_for_the_old_phone() -> None:
    """With the old phone at hand: make the backup so; the app label of the old phone's
    platform; a condition on an item not wanted (listed first) says nothing."""
    shelf = catalog(FULL_BACKUP)
    inputs = ChoiceInputs("android", "android", "available", frozenset({"id", "media"}))
    answer = choose(shelf, inputs)
    notes = {note.code: Wording(labels=LABELS)(note.message) for note in answer.notes}
    assert list(notes) == ["delete-old-id", "full-backup-media"]
    assert notes["full-backup-media"] == (
        "Make the full backup with “Media too” on; without that, it leaves your media behind."
    )


def test_a_condition_with_the_old_phone_lost_asks_how_the_backup_was_made() -> None:
    """With the old phone lost: it brings the item back only if it was made so."""
    inputs = ChoiceInputs("android", "android", "lost", frozenset({"chats"}),
                          frozenset({"data-backup"}))  # fmt: skip
    answer = choose(catalog(FULL_BACKUP), inputs)
    notes = {note.code: Wording(labels=LABELS)(note.message) for note in answer.notes}
    assert notes["full-backup-chats"] == (
        "The full backup brings back your chats only if it was made with “include chats” on."
    )


def test_inputs_given_as_lists_are_kept_as_sets() -> None:
    """`keep` and `have` given as lists compare and hash as the sets they stand for."""
    inputs = ChoiceInputs("ios", "ios", "lost", ["id", "contacts"], ["id-export"])  # type: ignore[arg-type]
    assert inputs.keep == frozenset({"id", "contacts"})
    assert inputs.have == frozenset({"id-export"})
    same = ChoiceInputs("ios", "ios", "lost", frozenset({"contacts", "id"}),
                        frozenset({"id-export"}))  # fmt: skip
    assert {inputs: "answer"}[same] == "answer"
