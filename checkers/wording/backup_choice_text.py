"""English source text (gettext msgids) of the backup_choice checker's messages, by code.

`[[key]]` is a UI label of labels.yml, shown in the wording of the message's `platform`.
Option and item names are content (backup-options.yml) and arrive as parameters.
"""

from checkers.wording.markers import N_, NP_

MESSAGES: dict[str, str | tuple[str, str, str]] = {
    # A bad input (the command line's usage error, the wizard's "one answer does not fit").
    "choice.input.error.values": N_("{input}: {problem}; allowed values: {allowed}"),
    "choice.input.error.inputs": N_("{input}: {problem}; allowed inputs: {allowed}"),
    "choice.input.not-allowed": N_("'{value}' is not allowed"),
    "choice.input.not-allowed.close": N_("'{value}' is not allowed (did you mean '{close}'?)"),
    "choice.input.unknown": N_("unknown input"),
    "choice.input.unknown.close": N_("unknown input (did you mean '{close}'?)"),
    "choice.input.not-text": N_("expected text, got {type}"),
    "choice.input.missing": N_("missing"),
    "choice.input.one-value": N_("takes one value, got '{value}'"),
    "choice.input.keep-empty": N_("name at least one thing to keep"),
    # Pieces that the sentences below put together.
    "choice.item": N_("{name:lower}"),  # an item's name inside a sentence ("contacts", "ID")
    "choice.items": N_("{items:list}"),
    "choice.route": N_("from {old} to {new}"),
    "choice.old-phone.android": N_("old Android phone"),
    "choice.old-phone.ios": N_("old iPhone"),
    "choice.new-phone.android": N_("new Android phone"),
    "choice.new-phone.ios": N_("new iPhone"),
    "choice.a-phone.android": N_("an Android phone"),
    "choice.a-phone.ios": N_("an iPhone"),
    "choice.have.threema-safe": N_("Threema Safe backup"),
    "choice.have.id-export": N_("ID export"),
    "choice.have.data-backup": N_("data backup"),
    "choice.have.device-backup": N_("encrypted iPhone backup with the ID export"),
    # Why a recommendation: what it keeps, then how to use it.
    "choice.why.keeps-all": N_("{option} keeps everything you asked for: your {kept}. {how}"),
    "choice.why.keeps-most": N_(
        "{option} keeps your {kept}, the most any option can here; {gone} cannot come along, "
        "because {reason}. {how}"
    ),
    "choice.why.keeps-none": N_(
        "{gone:upper} cannot come along, because {reason}. {option} still brings your "
        "{brings}. {how}"
    ),
    "choice.why.keeps-none-but-id": N_(
        "{gone:upper} cannot come along, because {reason}. {option} still brings your "
        "{brings}, so you need not start again with a new ID. {how}"
    ),
    "choice.why.second-keeps": N_("If the first choice does not work out: {option} keeps your "
                                  "{kept}. {how}"),
    "choice.why.second-brings": N_("If the first choice does not work out: {option} still "
                                   "brings your {brings}. {how}"),
    "choice.why.readable-copy": N_(
        "{gone:upper} cannot move to the {new_phone} this way, so export the conversations that "
        "matter on your {old_phone}: you keep a copy you can read, with the media files attached."
    ),
    "choice.why.new-id.no-route": N_(
        "No backup can move anything {route}, so the new phone starts with a new ID."
    ),
    "choice.why.new-id.no-backup": N_(
        "Without the old phone and without a backup, nothing can be restored, not even by the "
        "app's makers: start again with a new ID."
    ),
    "choice.why.new-id.backups-do-not-fit": N_(
        "Without the old phone only existing backups count, and your {backups:list} cannot move "
        "{route}: start again with a new ID."
    ),
    "choice.reason.no-route": N_("no backup carries them {route}"),
    "choice.reason.not-in-your-backups": N_(
        "none of the backups you have can bring them to the {new_phone}"
    ),
    "choice.how.make-then-restore": N_(
        "Set it up on your {old_phone} while the app still works there, then restore it on the "
        "{new_phone}."
    ),
    "choice.how.restore-yours": N_(
        "Restore your {backup} on the {new_phone}; you need its password."
    ),
    "choice.how.set-up-new": N_("Set it up on the {new_phone}."),
    # Notes, by note code.
    "choice.where.delete-id.android": N_("[[my_profile]] → [[delete_id]]"),
    "choice.where.delete-id.ios": N_("[[my_profile]] → [[remove_id_and_data]]"),
    "choice.note.delete-old-id.after-restore": N_(
        "After restoring on the {new_phone}, delete the ID on your {old_phone} ({where}), so "
        "that notifications reach the new phone only."
    ),
    "choice.note.delete-old-id.after-new-id": N_(
        "Once your new ID works, delete the ID on your {old_phone} ({where}), so that "
        "notifications reach the new phone only."
    ),
    "choice.note.condition.make": N_(
        "Make the {option:lower} {condition}; without that, it leaves your {items} behind."
    ),
    "choice.note.condition.made": N_(
        "The {option:lower} brings back your {items} only if it was made {condition}."
    ),
    "choice.note.password-needed": N_(
        "Restoring takes the backup's password: without it nobody can open the backup, not even "
        "the app's makers."
    ),
    "choice.note.ask-resend": N_(
        "Ask your chat partners to send the messages and media you miss once more, or to export "
        "the conversation for you."
    ),
    "choice.note.revoke-old-id": N_(
        "If you set a revocation password for your old ID, revoke that ID now; without such a "
        "password it cannot be deleted and is marked inactive after three months without use."
    ),
    "choice.note.tip-save-media": N_(
        "For next time: let the app save incoming media files to the phone's gallery, where they "
        "stay even without a backup."
    ),
    "choice.note.tip-passcode": N_(
        "For next time: lock the app with a passcode, so that a stolen phone does not give your "
        "ID away."
    ),
    "choice.note.tip-backup-early": N_(
        "For next time: switch on Threema Safe or make an ID export as soon as you have an ID."
    ),
    # The answer as a page or a terminal shows it around the recommendations.
    "choice.headline.available": N_("From {old} to {new}, with the old phone at hand. Best first:"),
    "choice.headline.lost": N_("From {old} to {new}, without the old phone. Best first:"),
    "choice.names": N_("{names:list}"),
    "choice.carries-nothing": N_("nothing the app can restore"),
    "choice.lost.nothing": N_("Nothing: the first suggestion takes along everything you picked."),
    "choice.lost.some": NP_(
        "{names:upper}: the first suggestion can't take this along.",
        "{names:upper}: the first suggestion can't take these along.",
        "count",
    ),
    # When no suggestion at all carries them ("the first" would hint that another could).
    "choice.lost.none-can": NP_(
        "{names:upper}: none of these suggestions can take this along.",
        "{names:upper}: none of these suggestions can take these along.",
        "count",
    ),
    "choice.guide-link": N_("{title} ({platform_name} guide)"),
    "choice.guide-lead.steps": N_("Steps:"),
    "choice.guide-lead.restore": N_("Then, on the new phone:"),
    "choice.announce": N_("Your answer: {option} fits best. {lost}"),
}
