"""The "which backup?" logic: a table of decision scenarios, input parsing and invariants."""

from __future__ import annotations

import itertools
import json
import re

import pytest

from checkers.backup_choice import (
    INPUTS,
    Answer,
    ChoiceInputs,
    InputError,
    choose,
    parse_inputs,
)
from checkers.catalog import HAVE_VALUES, ITEM_IDS, Catalog
from checkers.platforms import PLATFORMS
from checkers.wording import Wording, message
from helpcenter.catalog_source import load_catalog_file
from helpcenter.choice_data import DEFAULT_CONTENT_DIR
from helpcenter.content import load_labels
from helpcenter.guide_sections import GUIDE_SECTIONS

ALL = list(ITEM_IDS)
TIPS = ["tip-save-media", "tip-passcode", "tip-backup-early"]

# The facts of spec backup-choice.md §1, written out independently of the catalog.
SPEC_CARRIES = {
    "data-backup": set(ITEM_IDS),
    "ios-device-transfer": set(ITEM_IDS),
    "threema-safe": {"id", "contacts", "groups", "settings"},
    "id-export": {"id"},
    "chat-export": set(),
    "new-id": set(),
}
SPEC_PLATFORMS = {
    "data-backup": ({"android"}, {"android"}),
    "ios-device-transfer": ({"ios"}, {"ios"}),
}
SPEC_ENABLED_BY = {  # what `have` must hold to use an option with the old phone lost
    "data-backup": "data-backup",
    "ios-device-transfer": "device-backup",
    "threema-safe": "threema-safe",
    "id-export": "id-export",
}
TRANSFERS = tuple(SPEC_ENABLED_BY)


# The shipped content's words: labels.yml's labels, the English source text.
WORDS = Wording(labels=load_labels(DEFAULT_CONTENT_DIR))


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog_file(DEFAULT_CONTENT_DIR / "backup-options.yml")


def ask(catalog: Catalog, **values: str) -> Answer:
    return choose(catalog, parse_inputs({key.replace("_", "-"): v for key, v in values.items()}))


def scenario(
    rule: str, inputs: dict[str, str], options: list[str], lost: list[str], guides: list[str],
    notes: list[str],
):  # fmt: skip
    return pytest.param(inputs, options, lost, guides, notes, id=rule)


def android(section: str) -> str:
    return f"/guides/android/#{section}"


def ios(section: str) -> str:
    return f"/guides/ios/#{section}"


AVAILABLE, LOST = {"old-device": "available"}, {"old-device": "lost"}
A2A, A2I = {"from": "android", "to": "android"}, {"from": "android", "to": "ios"}
I2I, I2A = {"from": "ios", "to": "ios"}, {"from": "ios", "to": "android"}

SCENARIOS = [
    # Every platform pair x old-device state.
    scenario(
        "android-android-available-data-backup-keeps-all", {**A2A, **AVAILABLE},
        ["data-backup", "threema-safe", "id-export"], [],
        [android("create-data-backup"), android("create-threema-safe"),
         android("create-id-export")],
        ["delete-old-id", "data-backup-media"],
    ),
    scenario(
        "android-android-lost-nothing-possible-new-id-only", {**A2A, **LOST},
        ["new-id"], ALL, [android("without-backup")], ["ask-resend", "revoke-old-id", *TIPS],
    ),
    scenario(
        "android-ios-available-spec-example", {**A2I, **AVAILABLE,
        "keep": "id,contacts,groups,chats", "have": "threema-safe"},
        ["threema-safe", "chat-export", "id-export"], ["chats"],
        [android("create-threema-safe"), android("export-chats"), android("create-id-export")],
        ["delete-old-id", "ask-resend"],
    ),
    scenario(
        "android-ios-lost-data-backup-does-not-fit", {**A2I, **LOST, "have": "data-backup"},
        ["new-id"], ALL, [ios("without-backup")], ["ask-resend", "revoke-old-id", *TIPS],
    ),
    scenario(
        "ios-ios-available-device-transfer-keeps-all", {**I2I, **AVAILABLE},
        ["ios-device-transfer", "threema-safe", "id-export"], [],
        [ios("create-device-backup"), ios("create-threema-safe"), ios("create-id-export")],
        # The ID comes along only with an ID export in the phone backup (issue 11).
        ["delete-old-id", "ios-device-transfer-id"],
    ),
    scenario(
        "ios-ios-lost-device-backup-enables-transfer", {**I2I, **LOST, "have": "device-backup"},
        ["ios-device-transfer"], [], [ios("restore-device-backup")],
        ["ios-device-transfer-id", "password-needed", "tip-passcode"],
    ),
    scenario(
        "ios-android-available-threema-safe-plus-chat-export", {**I2A, **AVAILABLE},
        ["threema-safe", "chat-export", "id-export"], ["chats", "media"],
        [ios("create-threema-safe"), ios("export-chats"), ios("create-id-export")],
        ["delete-old-id", "ask-resend", "tip-save-media"],
    ),
    scenario(
        "ios-android-lost-restore-threema-safe-on-android", {**I2A, **LOST, "have": "threema-safe"},
        ["threema-safe"], ["chats", "media"], [android("restore-threema-safe")],
        ["password-needed", "ask-resend", "tip-save-media", "tip-passcode"],
    ),
    # Platform fit.
    scenario(
        "never-data-backup-unless-both-android", {**A2I, **AVAILABLE, "keep": "chats,id"},
        ["threema-safe", "chat-export", "id-export"], ["chats"],
        [android("create-threema-safe"), android("export-chats"), android("create-id-export")],
        ["delete-old-id", "ask-resend"],
    ),
    scenario(
        "never-device-transfer-unless-both-iphones", {**I2A, **LOST, "have": "device-backup"},
        ["new-id"], ALL, [android("without-backup")], ["ask-resend", "revoke-old-id", *TIPS],
    ),
    # Old phone lost: only what `have` provides, never chat-export.
    scenario(
        "lost-data-backup-enabled-by-itself", {**A2A, **LOST, "have": "data-backup"},
        ["data-backup"], [], [android("restore-data-backup")],
        ["data-backup-media", "password-needed", "tip-passcode"],
    ),
    scenario(
        "lost-id-export-enabled-by-itself", {**A2I, **LOST, "have": "id-export"},
        ["id-export"], ["contacts", "groups", "settings", "chats", "media"],
        [ios("restore-id-export")],
        ["password-needed", "ask-resend", "tip-save-media", "tip-passcode"],
    ),
    scenario(
        "lost-id-export-does-not-enable-device-transfer", {**I2I, **LOST, "have": "id-export"},
        ["id-export"], ["contacts", "groups", "settings", "chats", "media"],
        [ios("restore-id-export")],
        ["password-needed", "ask-resend", "tip-save-media", "tip-passcode"],
    ),
    scenario(
        "lost-never-chat-export-even-with-chats-lost", {**A2A, **LOST, "have": "threema-safe"},
        ["threema-safe"], ["chats", "media"], [android("restore-threema-safe")],
        ["password-needed", "ask-resend", "tip-save-media", "tip-passcode"],
    ),
    scenario(
        "lost-best-of-several-existing-backups",
        {**I2I, **LOST, "have": "threema-safe,device-backup,id-export"},
        ["ios-device-transfer", "threema-safe", "id-export"], [],
        [ios("restore-device-backup"), ios("restore-threema-safe"), ios("restore-id-export")],
        ["ios-device-transfer-id", "password-needed", "tip-passcode"],
    ),
    # Ordering: first carries all of keep when possible, else as many as possible; tie-breaks.
    scenario(
        "first-carries-all-of-keep-over-existing-backup",
        {**A2I, **AVAILABLE, "keep": "id,contacts", "have": "id-export"},
        ["threema-safe", "id-export"], [],
        [android("create-threema-safe"), android("create-id-export")],
        ["delete-old-id"],
    ),
    scenario(
        "first-carries-as-many-as-possible", {**I2A, **LOST, "keep": "id,groups,chats",
        "have": "id-export,threema-safe"},
        ["threema-safe", "id-export"], ["chats"],
        [android("restore-threema-safe"), android("restore-id-export")],
        ["password-needed", "ask-resend", "tip-passcode"],
    ),
    scenario(
        "have-does-not-count-while-the-old-phone-works",
        {**A2A, **AVAILABLE, "keep": "id", "have": "id-export"},
        ["data-backup", "threema-safe", "id-export"], [],
        [android("create-data-backup"), android("create-threema-safe"),
         android("create-id-export")],
        ["delete-old-id"],
    ),
    scenario(
        "tie-break-more-items-carried-in-all", {**A2A, **AVAILABLE, "keep": "id"},
        ["data-backup", "threema-safe", "id-export"], [],
        [android("create-data-backup"), android("create-threema-safe"),
         android("create-id-export")],
        ["delete-old-id"],
    ),
    # chat-export when chats or media are lost and the old phone is available.
    scenario(
        "chat-export-when-media-lost", {**A2I, **AVAILABLE, "keep": "id,media"},
        ["threema-safe", "chat-export", "id-export"], ["media"],
        [android("create-threema-safe"), android("export-chats"), android("create-id-export")],
        ["delete-old-id", "ask-resend", "tip-save-media"],
    ),
    scenario(
        "no-chat-export-when-nothing-of-chats-lost", {**A2I, **AVAILABLE, "keep": "id,settings"},
        ["threema-safe", "id-export"], [],
        [android("create-threema-safe"), android("create-id-export")],
        ["delete-old-id"],
    ),
    # Nothing of keep can move, yet a backup still keeps the ID: new-id only with nothing possible.
    scenario(
        "only-chats-wanted-across-platforms-threema-safe-keeps-the-id",
        {**I2A, **AVAILABLE, "keep": "chats"},
        ["threema-safe", "chat-export", "id-export"], ["chats"],
        [ios("create-threema-safe"), ios("export-chats"), ios("create-id-export")],
        ["delete-old-id", "ask-resend"],
    ),
    scenario(
        "lost-only-chats-wanted-existing-safe-restores-the-id-no-revoke",
        {**A2A, **LOST, "keep": "chats", "have": "threema-safe"},
        ["threema-safe"], ["chats"], [android("restore-threema-safe")],
        ["password-needed", "ask-resend", "tip-passcode"],
    ),
    scenario(
        "lost-only-media-wanted-existing-id-export-restores-the-id",
        {**I2A, **LOST, "keep": "media", "have": "id-export,data-backup"},
        ["id-export"], ["media"], [android("restore-id-export")],
        ["password-needed", "ask-resend", "tip-save-media", "tip-passcode"],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("inputs", "options", "lost", "guides", "notes"), SCENARIOS)
def test_decision_table(
    catalog: Catalog, inputs: dict[str, str], options: list[str], lost: list[str],
    guides: list[str], notes: list[str],
) -> None:  # fmt: skip
    answer = choose(catalog, parse_inputs(inputs))
    assert [r.option for r in answer.recommendations] == options
    assert list(answer.lost) == lost
    assert [r.guide for r in answer.recommendations] == guides
    assert [note.code for note in answer.notes] == notes
    assert answer.keeps_everything == (not lost)


def test_spec_example_json_shape(catalog: Catalog) -> None:
    answer = ask(
        catalog, **{"from": "android", "to": "ios", "old_device": "available"},
        keep="id,contacts,groups,chats", have="threema-safe",
    )  # fmt: skip
    data = json.loads(json.dumps(answer.to_dict(WORDS)))
    assert set(data) == {"recommendations", "lost", "notes"}
    first = data["recommendations"][0]
    # The spec's fields, then new ones: the message's code and parameters, the restore step.
    assert set(first) == {
        "option", "carries", "guide", "why", "why_code", "why_params", "restore_guide",
    }  # fmt: skip
    assert first["option"] == "threema-safe"
    assert first["carries"] == ["id", "contacts", "groups", "settings"]
    assert first["guide"] == "/guides/android/#create-threema-safe"
    assert first["restore_guide"] == "/guides/ios/#restore-threema-safe"
    assert first["why"] == (
        "Threema Safe keeps your ID, contacts and groups, the most any option can here; chats "
        "cannot come along, because no backup carries them from Android to iOS. Set it up on "
        "your old Android phone while the app still works there, then restore it on the new "
        "iPhone."
    )
    assert first["why_code"] == "choice.why.keeps-most"
    assert first["why_params"]["option"] == "Threema Safe"
    assert first["why_params"]["reason"] == {
        "code": "choice.reason.no-route",
        "params": {"route": {"code": "choice.route", "params": {"old": "Android", "new": "iOS"}}},
    }
    assert data["lost"] == ["chats"]
    assert all(
        set(note) == {"code", "message", "message_code", "message_params"}
        for note in data["notes"]
    )
    assert data["notes"][1] == {
        "code": "ask-resend",
        "message": "Ask your chat partners to send the messages and media you miss once more, "
        "or to export the conversation for you.",
        "message_code": "choice.note.ask-resend",
        "message_params": {},
    }


@pytest.mark.parametrize(
    ("platform", "wording"),
    [("android", "“My Profile” → “Delete ID”"), ("ios", "“Profile” → “Remove ID and Data”")],
)
def test_delete_old_id_note_uses_the_old_phones_labels(
    catalog: Catalog, platform: str, wording: str
) -> None:
    answer = ask(catalog, **{"from": platform, "to": "android", "old_device": "available"})
    note = next(note for note in answer.notes if note.code == "delete-old-id")
    assert wording in WORDS(note.message)
    assert WORDS(note.message).startswith("After restoring")


def test_revoke_note_is_conditional_on_a_revocation_password(catalog: Catalog) -> None:
    answer = ask(catalog, **{"from": "ios", "to": "ios", "old_device": "lost"})
    note = next(note for note in answer.notes if note.code == "revoke-old-id")
    assert WORDS(note.message).startswith("If you set a revocation password")


def test_why_speaks_of_what_the_person_has(catalog: Catalog) -> None:
    lost = ask(catalog, **{"from": "ios", "to": "ios", "old_device": "lost"}, have="device-backup")
    assert "Restore your encrypted iPhone backup" in WORDS(lost.recommendations[0].why)
    made = ask(catalog, **{"from": "android", "to": "android", "old_device": "available"})
    assert "old Android phone" in WORDS(made.recommendations[0].why)
    nothing = ask(
        catalog, **{"from": "android", "to": "ios", "old_device": "lost"}, have="data-backup"
    )
    assert "data backup cannot move from Android to iOS" in WORDS(nothing.recommendations[0].why)


def test_why_names_what_a_backup_still_brings_when_nothing_asked_for_can_move(
    catalog: Catalog,
) -> None:
    answer = ask(catalog, **{"from": "android", "to": "android", "old_device": "lost"},
                 keep="chats", have="threema-safe")  # fmt: skip
    why = WORDS(answer.recommendations[0].why)
    assert why == (
        "Chats cannot come along, because none of the backups you have can bring them to the "
        "new Android phone. Threema Safe still brings your ID, contacts, groups and settings, "
        "so you need not start again with a new ID. Restore your Threema Safe backup on the new "
        "Android phone; you need its password."
    )
    assert "revoke" not in " ".join(WORDS(note.message) for note in answer.notes)


@pytest.mark.parametrize("platforms", [A2A, A2I, I2I, I2A], ids=["a2a", "a2i", "i2i", "i2a"])
def test_have_changes_nothing_while_the_old_phone_works(
    catalog: Catalog, platforms: dict[str, str]
) -> None:
    """The wizard does not ask `have` then (spec §2), so the CLI must not depend on it either."""
    for keep in _subsets(ITEM_IDS)[1:]:
        values = {**platforms, **AVAILABLE, "keep": ",".join(sorted(keep))}
        without = choose(catalog, parse_inputs(values)).to_dict(WORDS)
        for have in _subsets(HAVE_VALUES)[1:]:
            answer = choose(catalog, parse_inputs({**values, "have": ",".join(sorted(have))}))
            assert answer.to_dict(WORDS) == without, (keep, have)


# --- parsing -------------------------------------------------------------------------------


def test_parse_defaults_keep_all_and_have_none() -> None:
    inputs = parse_inputs({"from": "android", "to": "ios", "old-device": "lost"})
    assert inputs == ChoiceInputs("android", "ios", "lost", frozenset(ITEM_IDS), frozenset())
    assert not inputs.old_device_available


def test_parse_comma_separated_sets_tolerating_case_and_spaces() -> None:
    inputs = parse_inputs({
        "from": " iOS", "to": "Android", "old-device": "available",
        "keep": "id, Chats,,id", "have": "threema-safe,device-backup",
    })  # fmt: skip
    assert inputs.keep == {"id", "chats"}
    assert inputs.have == {"threema-safe", "device-backup"}
    assert (inputs.from_platform, inputs.to_platform) == ("ios", "android")


BASE = {"from": "android", "to": "ios", "old-device": "available"}


@pytest.mark.parametrize(
    ("values", "input_name", "words"),
    [
        pytest.param({"from": "windows"}, "from", ["'windows' is not allowed"], id="bad-from"),
        pytest.param({"to": "iso"}, "to", ["did you mean 'ios'"], id="bad-to"),
        pytest.param({"old-device": "broken"}, "old-device", ["'broken'"], id="bad-old-device"),
        pytest.param({"keep": "id,chat"}, "keep", ["did you mean 'chats'"], id="bad-keep"),
        pytest.param({"keep": ""}, "keep", ["at least one"], id="empty-keep"),
        pytest.param({"have": "safe"}, "have", ["'safe'"], id="bad-have"),
        pytest.param({"from": "android,ios"}, "from", ["takes one value, got 'android,ios'"],
                     id="two-platforms"),
        pytest.param({"from": None}, "from", ["missing"], id="missing-from"),
        pytest.param({"keep": 3}, "keep", ["expected text, got int"], id="not-text"),
    ],
)
def test_bad_input_names_the_input_and_allowed_values(
    values: dict[str, object], input_name: str, words: list[str]
) -> None:
    with pytest.raises(InputError) as caught:
        parse_inputs({**BASE, **values})
    error = caught.value
    assert error.input_name == input_name
    assert error.allowed == INPUTS[input_name]
    assert str(error).startswith(f"{input_name}: ")
    assert f"allowed values: {', '.join(INPUTS[input_name])}" in str(error)
    for word in words:
        assert word in str(error)


def test_an_error_about_an_input_that_does_not_exist_lists_no_values() -> None:
    error = InputError("colour", message("choice.input.missing"))
    assert error.allowed == ()
    assert str(error) == "colour: missing; allowed inputs: "


def test_unknown_input_suggests_the_known_one() -> None:
    with pytest.raises(InputError, match="did you mean 'from'") as caught:
        parse_inputs({**BASE, "form": "android"})
    assert caught.value.allowed == tuple(INPUTS)


# --- invariants over all inputs ------------------------------------------------------------


def spec_possible(option: str, inputs: ChoiceInputs) -> bool:
    from_ok, to_ok = SPEC_PLATFORMS.get(option, (set(PLATFORMS), set(PLATFORMS)))
    if inputs.from_platform not in from_ok or inputs.to_platform not in to_ok:
        return False
    if inputs.old_device_available or option == "new-id":
        return True
    return option in SPEC_ENABLED_BY and SPEC_ENABLED_BY[option] in inputs.have


def check_invariants(catalog: Catalog, inputs: ChoiceInputs, rendered: bool = True) -> None:
    answer = choose(catalog, inputs)
    options = [r.option for r in answer.recommendations]
    first = options[0]
    assert len(options) == len(set(options))
    assert all(spec_possible(option, inputs) for option in options)
    if not inputs.old_device_available:
        assert "chat-export" not in options
    assert list(answer.lost) == [i for i in ITEM_IDS if i in inputs.keep - SPEC_CARRIES[first]]
    possible = [t for t in TRANSFERS if spec_possible(t, inputs)]
    best = max((len(inputs.keep & SPEC_CARRIES[t]) for t in possible), default=0)
    assert len(inputs.keep & SPEC_CARRIES[first]) == best  # all of keep when some option can
    # Every possible backup is offered, even one carrying none of keep; new-id only without any.
    assert set(options) - {"chat-export", "new-id"} == set(possible)
    assert ("new-id" in options) == (not possible) == (first == "new-id")
    if not possible:
        assert options == ["new-id"] or options == ["new-id", "chat-export"]
    if first != "new-id":  # among the best for keep, the one carrying the most in all
        assert len(SPEC_CARRIES[first]) == max(
            len(SPEC_CARRIES[t]) for t in possible if len(inputs.keep & SPEC_CARRIES[t]) == best
        )
    chats_lost = bool({"chats", "media"} & set(answer.lost))
    assert ("chat-export" in options) == (chats_lost and inputs.old_device_available)
    for recommendation in answer.recommendations:
        option = catalog.option(recommendation.option)
        assert list(recommendation.carries) == [i for i in ITEM_IDS if i in option.carries]
        assert recommendation.why.code.startswith("choice.why.")
        match = re.fullmatch(r"/guides/(android|ios)/#([a-z-]+)", recommendation.guide)
        assert match, recommendation.guide
        platform, section = match.groups()
        assert section in GUIDE_SECTIONS[platform]
        if inputs.old_device_available and option.guide_create:
            assert (platform, section) == (inputs.from_platform, option.guide_create)
        else:
            assert (platform, section) == (inputs.to_platform, option.guide_restore)
    codes = [note.code for note in answer.notes]
    assert len(codes) == len(set(codes))
    assert ("delete-old-id" in codes) == inputs.old_device_available
    assert ("ask-resend" in codes) == (chats_lost or first == "new-id")
    assert ("revoke-old-id" in codes) == (first == "new-id" and not inputs.old_device_available)
    if any("id" in SPEC_CARRIES[option] for option in options):
        assert "revoke-old-id" not in codes  # never while a backup restores the ID
    # Each tip for next time only where it would have helped.
    assert ("tip-save-media" in codes) == ("media" in answer.lost)
    assert ("tip-passcode" in codes) == (not inputs.old_device_available)
    assert ("tip-backup-early" in codes) == ("id" in answer.lost)
    if rendered:
        data = answer.to_dict(WORDS)
        assert json.loads(json.dumps(data)) == data
        assert all(r["why"].strip() for r in data["recommendations"])


def _subsets(values: tuple[str, ...]) -> list[frozenset[str]]:
    return [
        frozenset(combo)
        for size in range(len(values) + 1)
        for combo in itertools.combinations(values, size)
    ]


def test_invariants_hold_for_every_input(catalog: Catalog) -> None:
    """All 8064 input combinations: cheap enough to check exhaustively."""
    combinations = itertools.product(
        PLATFORMS, PLATFORMS, ("available", "lost"), _subsets(ITEM_IDS)[1:], _subsets(HAVE_VALUES)
    )
    for index, values in enumerate(combinations):
        # Worded for one in seven: wording every one is slow and checks no further rule.
        check_invariants(catalog, ChoiceInputs(*values), rendered=index % 7 == 0)


def test_invariants_hold_for_parsed_text_inputs(catalog: Catalog) -> None:
    """Property test through parse_inputs, with the values in any order and case."""
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies

    def text_set(values: tuple[str, ...], min_size: int):
        return st.lists(st.sampled_from(values), min_size=min_size).map(",".join)

    @hypothesis.settings(max_examples=300, deadline=None)
    @hypothesis.given(
        from_platform=st.sampled_from(PLATFORMS),
        to_platform=st.sampled_from(PLATFORMS),
        old_device=st.sampled_from(("available", "lost", "Lost", " available ")),
        keep=text_set(ITEM_IDS, 1),
        have=text_set(HAVE_VALUES, 0),
    )
    def check(from_platform: str, to_platform: str, old_device: str, keep: str, have: str):
        values = {"from": from_platform, "to": to_platform, "old-device": old_device}
        inputs = parse_inputs({**values, "keep": keep, "have": have})
        assert inputs.keep == set(keep.split(","))
        check_invariants(catalog, inputs)

    check()


# --- wording from the content (issues 9 and 11) ----------------------------------------------


def test_lost_phone_across_platforms_says_no_backup_carries_chats(catalog: Catalog) -> None:
    """Android to iPhone with the phone lost: the chats are lost because no backup moves them
    between the two systems, as with the phone at hand, not because of what you have."""
    answer = ask(catalog, **{"from": "android", "to": "ios", "old_device": "lost"},
                 have="threema-safe")  # fmt: skip
    assert WORDS(answer.recommendations[0].why) == (
        "Threema Safe keeps your ID, contacts, groups and settings, the most any option can "
        "here; chats and media files cannot come along, because no backup carries them from "
        "Android to iOS. Restore your Threema Safe backup on the new iPhone; you need its "
        "password."
    )


def test_threema_safe_links_to_making_it_and_to_restoring_it(catalog: Catalog) -> None:
    answer = ask(catalog, **{"from": "ios", "to": "android", "old_device": "available"})
    safe = answer.recommendations[0]
    assert safe.option == "threema-safe"
    assert safe.guide == "/guides/ios/#create-threema-safe"  # on the old phone
    assert safe.restore_guide == "/guides/android/#restore-threema-safe"  # on the new one
    lost = ask(catalog, **{"from": "ios", "to": "android", "old_device": "lost"},
               have="threema-safe")  # fmt: skip
    assert lost.recommendations[0].guide == "/guides/android/#restore-threema-safe"
    assert lost.recommendations[0].restore_guide is None  # nothing to make any more


def test_a_renamed_label_changes_the_wizards_words(catalog: Catalog) -> None:
    labels = load_labels(DEFAULT_CONTENT_DIR)
    renamed = {**labels, "my_profile": {**labels["my_profile"], "android": "Me & My ID"}}
    answer = ask(catalog, **{"from": "android", "to": "ios", "old_device": "available"})
    note = next(note for note in answer.notes if note.code == "delete-old-id")
    assert "(“My Profile” → “Delete ID”)" in WORDS(note.message)
    assert "(“Me & My ID” → “Delete ID”)" in Wording(labels=renamed)(note.message)
    ios = ask(catalog, **{"from": "ios", "to": "ios", "old_device": "available"})
    ios_note = next(note for note in ios.notes if note.code == "delete-old-id")
    assert "(“Profile” → “Remove ID and Data”)" in Wording(labels=renamed)(ios_note.message)


def test_iphone_to_iphone_says_the_id_needs_an_export_in_the_phone_backup(catalog) -> None:
    """Issue 11: the chats may come back without the ID; the wizard says what brings the ID."""
    from checkers.wording import Wording

    labels = {}
    answer = choose(catalog, parse_inputs({"from": "ios", "to": "ios", "old-device": "lost",
                                           "have": "device-backup"}))  # fmt: skip
    note = next(note for note in answer.notes if note.code == "ios-device-transfer-id")
    assert Wording(labels=labels)(note.message) == (
        "The iPhone to iPhone transfer brings back your ID only if it was made with the ID export "
        "in the phone backup."
    )


def test_with_the_old_phone_at_hand_and_no_backup_on_the_route_the_new_id_says_why(
    catalog: Catalog,
) -> None:
    """A catalog whose only options are a fresh start and the readable copy (which carries no
    ID): even with the old phone at hand nothing moves the ID, and the fresh start says that
    no backup takes this route, naming it."""
    data = catalog.to_data()
    data["options"] = [o for o in data["options"] if o["id"] in ("new-id", "chat-export")]
    small = Catalog.from_data(data)
    answer = ask(small, **{"from": "android", "to": "ios", "old_device": "available"})
    first = answer.recommendations[0]
    assert first.option == "new-id"
    route = message("choice.route", old="Android", new="iOS")
    assert first.why == message("choice.why.new-id.no-route", route=route)
