"""English source of the command line's `--help` and of argparse's own words (issue 13).

`cli.help.*`: our options' help, the commands' descriptions and metavars (checkers/cli/*.py
take them by code). `argparse.*`: the words Python's argparse prints itself, each msgid exactly
as argparse 3.11+ writes it (it asks gettext for them; checkers/cli/argparse_words.py answers
from this catalog), so keep argparse's %-placeholders in the translation.
"""

from checkers.wording.markers import N_, NP_

MESSAGES = {
    "cli.help.description": N_("Backup checkers."),
    "cli.help.language": N_(
        "the language of the messages and of this help (default: en); translations from "
        "docs/locale, or $HELPCENTER_LOCALE_DIR"
    ),
    "cli.help.json": N_("print one JSON object"),
    # Placeholders of the options' values, in capitals.
    "cli.metavar.text": N_("TEXT"),
    "cli.metavar.file": N_("FILE"),
    "cli.metavar.dir": N_("DIR"),
    "cli.metavar.path": N_("PATH"),
    "cli.metavar.platform": N_("PLATFORM"),
    "cli.metavar.state": N_("STATE"),
    "cli.metavar.items": N_("ITEMS"),
    "cli.metavar.backups": N_("BACKUPS"),
    # Password options of id-export and data-backup.
    "cli.help.password-stdin": N_(
        "read the password from standard input (on a terminal: asked for, not echoed)"
    ),
    "cli.help.password-file": N_("read the password from {file}"),
    "cli.help.content-dir": N_(
        "the site's content, for the apps' UI labels in messages (default: "
        "$HELPCENTER_CONTENT_DIR, else the project's docs/content)"
    ),
    # id-export
    "cli.help.id-export": N_("check an ID export and, optionally, its password"),
    "cli.help.id-export.description": N_(
        "Checks an ID export as pasted (lowercase, spaces and missing dashes are fine), "
        "names each problem with its position, and with a password decrypts it and shows "
        "the ID and its public key. The password never comes from the command line. "
        "An empty password (empty input, or only a line break) counts as no password: "
        "the text is checked without one and the exit status follows that verdict."
    ),
    "cli.help.id-export.text": N_(
        "the export (several words are joined with spaces); '-' or nothing: standard input"
    ),
    # data-backup
    "cli.help.data-backup": N_(
        "check an Android data backup (ZIP) and its password before a phone is reset"
    ),
    "cli.help.data-backup.description": N_(
        "Checks an Android data backup file (threema-backup_….zip): whether the password "
        "opens it, the ID it restores, its format version, what it holds, and every "
        "problem. Reads only the parts it needs (well under 1 MB of a multi-GB file). "
        "The password never comes from the command line; without one, only the file's "
        "structure is checked (exit status 1)."
    ),
    "cli.help.data-backup.file": N_("the backup file"),
    # backup-choice
    "cli.help.backup-choice": N_("which backup should I use to move to a new phone?"),
    "cli.help.backup-choice.description": N_(
        "Recommend the backup options that keep what you want on your new phone."
    ),
    "cli.help.backup-choice.epilog": N_(
        "exit status:\n"
        "  0  a backup can move something: the recommendations (what they cannot carry is\n"
        "     listed under \"lost\")\n"
        "  1  nothing can be moved: the only recommendation is a new ID\n"
        "  2  usage error: a bad input value, or content (catalog, labels) that cannot be read\n"
        "\n"
        "example:\n"
        "  python -m checkers backup-choice --from android --to ios --old-device available \\\n"
        "      --keep id,contacts,groups,chats --have threema-safe --json\n"
    ),
    "cli.help.backup-choice.from": N_("the old phone's platform: {choices}"),
    "cli.help.backup-choice.to": N_("the new phone's platform: {choices}"),
    "cli.help.backup-choice.old-device": N_(
        "available (the app still works on it) or lost (lost, stolen, broken, reset)"
    ),
    "cli.help.backup-choice.keep": N_("comma-separated, what to keep (default: all): {choices}"),
    "cli.help.backup-choice.have": N_(
        "comma-separated, backups that exist already with a known password: {choices} "
        "(default: none); counts only with --old-device lost, since any backup can still be "
        "made while the old phone works"
    ),
    "cli.help.backup-choice.json": N_("print the answer as one JSON object"),
    "cli.help.backup-choice.catalog": N_(
        "backup-options catalog, YAML or JSON (default: the one in the content folder)"
    ),
    "cli.help.backup-choice.content": N_(
        "content folder whose labels.yml (and catalog) word the answer "
        "(default: the project's docs/content)"
    ),
    # argparse's own words (Python 3.11's argparse.py; 3.12 and 3.13 use the same).
    "argparse.usage": N_("usage: "),
    "argparse.positionals": N_("positional arguments"),
    "argparse.options": N_("options"),
    "argparse.help": N_("show this help message and exit"),
    "argparse.argument": N_("argument %(argument_name)s: %(message)s"),
    "argparse.required": N_("the following arguments are required: %s"),
    "argparse.one-required": N_("one of the arguments %s is required"),
    "argparse.unrecognized": N_("unrecognized arguments: %s"),
    "argparse.not-allowed-with": N_("not allowed with argument %s"),
    "argparse.ignored-explicit": N_("ignored explicit argument %r"),
    "argparse.expected-one": N_("expected one argument"),
    "argparse.expected-at-most-one": N_("expected at most one argument"),
    "argparse.expected-at-least-one": N_("expected at least one argument"),
    "argparse.expected-n": NP_("expected %s argument", "expected %s arguments", "count"),
    "argparse.ambiguous": N_("ambiguous option: %(option)s could match %(matches)s"),
    "argparse.invalid-value": N_("invalid %(type)s value: %(value)r"),
    "argparse.invalid-choice": N_("invalid choice: %(value)r (choose from %(choices)s)"),
    "argparse.unexpected-option": N_("unexpected option string: %s"),
}
