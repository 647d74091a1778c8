"""English source text (gettext msgids) of the ID-export validator's messages, by code."""

from checkers.wording.markers import N_, NP_

MESSAGES: dict[str, str | tuple[str, str, str]] = {
    # Where a character is, counted over the export's characters as read.
    "position": N_("character {character} (group {group}, {within:ordinal} character)"),
    # What the text is, when it is not an export.
    "too-long": N_(
        "The text is longer than {limit} characters; an ID export is 80 letters and digits in "
        "20 groups of four (104 letters and digits in 26 groups for the newer, longer kind). "
        "Paste only the export itself, or the note or e-mail it is in."
    ),
    "empty": N_(
        "Nothing to check: paste the ID export (80 letters and digits in 20 groups of four)."
    ),
    "unrecognized": N_(
        "This does not look like an ID export. An export is 80 letters and digits in 20 groups "
        "of four, joined by dashes, e.g. ABCD-EFGH-IJKL-...; only the letters A-Z and the "
        "digits 2-7 occur in it."
    ),
    "contact-qr": N_(
        "This is the contact QR code of the ID {identity}: it carries only the public key, for "
        "adding the ID as a contact. It can never restore an ID. To restore, use the ID export "
        "(the 80 letters and digits in 20 groups of four that the app shows under "
        "[[id_export]]) with its password, or Threema Safe."
    ),
    "contact-qr.invalid-id": N_(
        "This is the contact QR code of a Threema ID: it carries only the public key, for adding "
        "the ID as a contact. It can never restore an ID. To restore, use the ID export (the 80 "
        "letters and digits in 20 groups of four that the app shows under [[id_export]]) with "
        "its password, or Threema Safe. The ID part ({given:quoted}) is not even a valid "
        "Threema ID."
    ),
    "threema-id": N_(
        "This is the Threema ID {identity}. An ID names an identity; it cannot restore one. To "
        "restore, use the ID export (the 80 letters and digits in 20 groups of four that the "
        "app shows under [[id_export]]) with its password, or Threema Safe (this ID plus the "
        "Safe password)."
    ),
    "threema-id.link": N_(
        "This is a link to the Threema ID {identity}. An ID names an identity; it cannot restore "
        "one. To restore, use the ID export (the 80 letters and digits in 20 groups of four that "
        "the app shows under [[id_export]]) with its password, or Threema Safe (this ID plus "
        "the Safe password)."
    ),
    "threema-id.gateway": N_(
        "This is the Threema ID {identity} (a gateway ID, used by businesses and services). An "
        "ID names an identity; it cannot restore one. To restore, use the ID export (the 80 "
        "letters and digits in 20 groups of four that the app shows under [[id_export]]) with "
        "its password, or Threema Safe (this ID plus the Safe password)."
    ),
    # An export still being typed.
    "incomplete": N_(
        "The export is not complete yet: {count} of {target} letters and digits "
        "so far ({whole_groups} of {groups} groups of four)."
    ),
    "incomplete.longer-kind": NP_(
        "The export is not complete yet: {count} of {target} letters and digits so far "
        "({whole_groups} of {groups} groups of four). That is for the newer, longer kind of "
        "export; if yours is the usual kind of 80 letters and digits, {extra} character is too "
        "many.",
        "The export is not complete yet: {count} of {target} letters and digits so far "
        "({whole_groups} of {groups} groups of four). That is for the newer, longer kind of "
        "export; if yours is the usual kind of 80 letters and digits, {extra} characters are "
        "too many.",
        "extra",
    ),
    # Characters and length.
    "character.digit": N_(
        "{where:upper} is the digit {char}; an ID export never contains {char} \u2014 it is most "
        "likely the letter {letter}."
    ),
    "character.digit-or": N_(
        "{where:upper} is the digit {char}; an ID export never contains {char} \u2014 it is most "
        "likely the letter {letter} (or {other})."
    ),
    "character.other-script": N_(
        "{where:upper} is {char:quoted} (U+{codepoint}), which looks like the letter {letter} but "
        "is another alphabet's letter; type a plain {letter}."
    ),
    "character.padding": N_(
        "{where:upper} is '=', padding that exports never have; remove it; an export holds only "
        "the letters A-Z and the digits 2-7."
    ),
    "character.letter": N_(
        "{where:upper} is the letter {char:quoted}; an export holds only the letters A-Z and the "
        "digits 2-7."
    ),
    "character.digit-other": N_(
        "{where:upper} is the digit {char:quoted}; an export holds only the letters A-Z and the "
        "digits 2-7."
    ),
    "character.symbol": N_(
        "{where:upper} is {char:quoted}{codepoint}; an export holds only the letters A-Z and the "
        "digits 2-7."
    ),
    "codepoint": N_(" (U+{hex})"),
    "length": NP_(
        "The text has {count} letters and digits; {kind} has exactly {expected} in {groups} "
        "groups of four. {difference} character is {more_or_less}{detail}",
        "The text has {count} letters and digits; {kind} has exactly {expected} in {groups} "
        "groups of four. {difference} characters are {more_or_less}{detail}",
        "difference",
    ),
    "length.kind.v0": N_("an ID export"),
    "length.kind.v1": N_("the newer, longer kind of ID export"),
    "length.too-many": N_("too many"),
    "length.missing": N_("missing"),
    "length.detail.none": N_("."),
    "length.detail.group": N_(": group {group} has {size} characters instead of 4."),
    "length.detail.whole-groups": NP_(
        ": {whole} whole group ({count} groups instead of {groups}). Compare it group by group "
        "with the original.",
        ": {whole} whole groups ({count} groups instead of {groups}). Compare it group by group "
        "with the original.",
        "whole",
    ),
    "padding": NP_(
        "The text ends with {count} padding character ('='), which ID exports never have; it "
        "was left out. Paste the export without it.",
        "The text ends with {count} padding characters ('='), which ID exports never have; it "
        "was left out. Paste the export without it.",
        "count",
    ),
    # Reading the export out of a longer text, and characters nobody can see.
    "surrounded": N_("Found the export inside other text; the words around it were ignored."),
    "surrounded.repeated": N_(
        "The same export is in the text {copies} times; it was checked once, and everything "
        "around it was ignored."
    ),
    "several.opens": N_(
        "The text holds {count} different exports. The {which:ordinal} one (starting {start}) "
        "opens with this password: that is the one checked here."
    ),
    "several.none": N_(
        "The text holds {count} different exports (starting {starts:list}), and none of them "
        "opens with this password. Check the password, or paste only the export you mean."
    ),
    "several.unchecked": N_(
        "The text holds {count} different exports (starting {starts:list}). Only the password "
        "can tell which one is yours: enter it, or paste only the export you mean."
    ),
    "invisible": NP_(
        "The text held {count} invisible character ({places:list}), such as the direction "
        "marks or zero-width spaces some apps and messengers add. It was removed; paste the "
        "clean text shown.",
        "The text held {count} invisible characters ({places:list}), such as the direction "
        "marks or zero-width spaces some apps and messengers add. They were removed; paste the "
        "clean text shown.",
        "count",
    ),
    "invisible.before": N_("before {where}"),
    "invisible.end": N_("after the last character"),
    # A password that opens the export once written the way the app would have it.
    "password-form.composed": N_(
        "The password opens the export once its accented letters are written as single "
        "characters, as a keyboard types them; the password entered had each accent as a "
        "separate mark, as copied from some files. The app uses the password exactly as it is "
        "entered: type it on the keyboard in the app rather than pasting it."
    ),
    "password-form.decomposed": N_(
        "The password opens the export once its accents are written as separate marks after "
        "their letters, as some devices store them; the password entered had the accented "
        "letters as single characters. The app uses the password exactly as it is entered: "
        "paste it into the app from where it was saved rather than typing it."
    ),
    "password-form.trailing": N_(
        "The password opens the export without the space or line break at its end, which "
        "pasting added. The app uses the password exactly as it is entered: leave that out."
    ),
    "reformatted": N_(
        "The text was read leniently ({found:list}). The Android app accepts the export only in "
        "the form shown (capital letters, a dash after each group of four): paste that one."
    ),
    "reformatted.stylised": N_("full-width or other stylised characters"),
    "reformatted.lowercase": N_("lowercase letters"),
    "reformatted.spaces": N_("spaces or line breaks"),
    "reformatted.no-dashes": N_("no dashes"),
    "reformatted.odd-dashes": N_("dashes out of place or unusual separator characters"),
    "unsupported-version.zero": N_(
        "The text has 104 letters and digits, as many as the newer, longer kind of export, but "
        "it starts like an export of the usual kind, which has 80 letters and digits. Was "
        "something added to it? The newer, longer kind starts with AE, AF, AG or AH: check the "
        "first group for a typo."
    ),
    "unsupported-version.newer": N_(
        "The text has 104 letters and digits, as many as the newer, longer kind of export, but "
        "no export the apps make starts like this: the newer, longer kind starts with AE, AF, "
        "AG or AH. Check the first group for a typo. If it is right, the export comes from an "
        "app newer than this checker, which cannot read it yet."
    ),
    # The password.
    # Whether the password was then tried, the verdict says (it is not, for an export of an
    # unknown version): this sentence only says what its length means.
    "short-password.never": NP_(
        "The password has {count} character; the apps never allowed fewer than 4 (and require 8 "
        "today), so it is probably not the export's password.",
        "The password has {count} characters; the apps never allowed fewer than 4 (and require "
        "8 today), so it is probably not the export's password.",
        "count",
    ),
    "short-password.old": N_(
        "The password has {count} characters; the apps require at least 8 to create an export. "
        "Only very old versions allowed 4, and restoring still accepts it."
    ),
    "password-unchecked": N_(
        "The password could not be checked: {reason}. Fix the problems above, then check again "
        "with the password."
    ),
    "unchecked.version": N_("this validator cannot open such a version"),
    "unchecked.malformed": N_("the text must be complete and correct first"),
    "unchecked.no-kdf": N_("this runtime cannot derive the key ({detail})"),
    "kdf-unavailable": N_(
        "The password could not be checked here ({reason}); the text itself is a well-formed "
        "export."
    ),
    # {count} is how many characters carry the salt (export_crypto.header_chars), {groups}
    # where they lie (header.groups.*): a typo there changes the key like a wrong password.
    "wrong-password.v0": N_(
        "This password does not open the export. Passwords are case-sensitive: check Caps Lock "
        "and the keyboard layout. If you are sure of the password, compare the first {count} "
        "characters ({groups}) with the original: a typo there looks exactly like a wrong "
        "password."
    ),
    "wrong-password.v1": N_(
        "This password does not open the export, or the text has a typo that no single changed, "
        "swapped, missing or extra character after the first {count} ({groups}) explains: the "
        "newer, longer kind of export cannot tell the two apart. Passwords are case-sensitive: "
        "check Caps Lock and the keyboard layout, then compare the text with the original."
    ),
    "header.groups.whole": N_("groups 1 to {groups}"),
    "header.groups.part": NP_(
        "groups 1 to {groups} and the first character of group {next}",
        "groups 1 to {groups} and the first {rest} characters of group {next}",
        "rest",
    ),
    # Typos found with the password.
    "typo.lead": N_("The password is right, but "),
    "typo.lead-repaired": N_("With the suggested letters in place, the password is right, but "),
    "typo.one": N_(
        "{lead}{fix}. With that fix the export opens and holds the ID {identity}; paste the "
        "corrected text given as the suggestion."
    ),
    "typo.several": N_(
        "{lead}more than one single-character fix opens the export, so none is picked: "
        "{fixes:alternatives}. Compare these places with the original and use the matching "
        "candidate."
    ),
    "typo.candidate": N_("{fix}, giving {text} (ID {identity})"),
    "typo.unexplained": N_(
        "The password looks right (the text decrypts to the well-formed ID {identity}), but the "
        "checksum does not match: the text has more than one typo. Compare it group by group "
        "with the original."
    ),
    "typo.repaired": NP_(
        "With the suggested letter for {places:list}, the export opens with this password and "
        "holds the ID {identity}; paste the corrected text given as the suggestion.",
        "With the suggested letters for {places:list}, the export opens with this password and "
        "holds the ID {identity}; paste the corrected text given as the suggestion.",
        "count",
    ),
    # One fix, described in terms of the groups as pasted.
    "fix.substitution": N_(
        "the {offset:ordinal} character of group {group} reads {typed} but should be {replacement}"
    ),
    "fix.swap": N_(
        "the {offset:ordinal} character of group {group} and the one after it are swapped: "
        "{typed} should read {replacement}"
    ),
    "fix.extra.group-end": N_(
        "the {typed} at the end of group {group} is one character too many (group {group} reads "
        "{piece})"
    ),
    "fix.extra.group-start": N_(
        "the {typed} at the start of group {group} is one character too many (group {group} "
        "reads {piece})"
    ),
    "fix.extra.inside": N_(
        "the {typed}, the {offset:ordinal} character of group {group}, is one character too many "
        "(group {group} reads {piece})"
    ),
    "fix.missing.group-end": N_(
        "{replacement:a} is missing at the end of group {group} (group {group} should read "
        "{fixed}, not {piece})"
    ),
    "fix.missing.group-start": N_(
        "{replacement:a} is missing at the start of group {group} (group {group} should read "
        "{fixed}, not {piece})"
    ),
    "fix.missing.inside": N_(
        "{replacement:a} is missing in group {group} before its {offset:ordinal} character "
        "(group {group} should read {fixed}, not {piece})"
    ),
    # The same, for text typed without separators: by character count.
    "fix.substitution.count": N_("{where} reads {typed} but should be {replacement}"),
    "fix.swap.count": N_("{where} and the next one are swapped: {typed} should read {replacement}"),
    "fix.missing.count": N_("{replacement:a} is missing before {where}"),
    "fix.missing.count.end": N_("{replacement:a} is missing at the end, after {where}"),
    "fix.extra.count": N_("{where}, {typed:a}, is one character too many"),
    # The page's headline over a verdict.
    "headline.restores": N_("This export restores the ID {identity}."),
    "headline.well-formed": N_(
        "The text has the right form for an ID export. Only its password can show whether a "
        "character in it is wrong."
    ),
    # Not "the password is wrong": a typo in the salt (or, in a newer export, one the search
    # cannot explain) changes the key exactly as a wrong password does.
    "headline.wrong-password": N_(
        "The password is wrong, or the text has a typo that looks like a wrong password."
    ),
    "headline.several-exports": N_("The text holds more than one export."),
    "headline.typo": N_("The export has a typo."),
    "headline.kdf-unavailable": N_(
        "The text looks complete; this browser can't check the password."
    ),
    "headline.broken": N_("This export can't be restored as it is."),
    "headline.incomplete": N_("The export is not complete yet."),
    "headline.contact-qr": N_("This is not an ID export: it is the contact QR code of an ID."),
    "headline.threema-id": N_("This is a Threema ID on its own, not an ID export."),
    "headline.unknown": N_("This is not an ID export."),
}
# Never "every character fits": a character typed as another of the alphabet fits too, and only
# the password's check can tell.
MESSAGES["live.complete"] = N_(
    "All {groups} groups are there, each character one an export can hold; whether one is "
    "mistyped, only the password can show."
)
# The command line's words around the messages.
MESSAGES.update({
    "cli.ok-opened": N_("OK: the password opens this ID export."),
    "cli.ok-well-formed": N_("OK: the text has the right form for an ID export."),
    # Not "OK" (exit status 0 as the contract says, but no verdict yet): without the password a
    # mistyped character cannot be told from a right one, as the data-backup check's words say.
    "cli.ok-unchecked": N_(
        "NOT CHECKED: the text has the right form for an ID export, but only its password can "
        "show whether a character in it is wrong (no password was given)."
    ),
    "cli.not-ok.contact-qr": N_("NOT OK: this is a contact QR code, not an ID export."),
    "cli.not-ok.threema-id": N_("NOT OK: this is a Threema ID, not an ID export."),
    "cli.not-ok.unknown": N_("NOT OK: this is not an ID export."),
    "cli.not-ok.export": N_("NOT OK: this ID export has problems."),
    "cli.canonical": N_("For the app:"),
    "cli.identity": N_("ID:"),
    "cli.public-key": N_("Public key:"),
    "cli.corrected": N_("corrected:"),
    "cli.suggestion": N_("suggestion:"),
    "cli.candidate": N_("candidate:"),
})  # fmt: skip
