"""English source text (gettext msgids) of the command line's own words, by code (issue 13).

Only the words `python -m checkers` prints around the checkers' messages: severity names,
the wizard's line leads, usage errors and the password prompt. The ID-export verdict lines
(`cli.ok-*`, `cli.not-ok.*`, ...) live with the validator's messages in idexport_text.py.
"""

from checkers.wording.markers import N_

MESSAGES: dict[str, str | tuple[str, str, str]] = {
    # A problem or finding as one line, `which` its code: "error (typo): The export has a typo".
    "cli.problem": N_("{severity} ({which}): {text}"),
    "cli.severity.error": N_("error"),
    "cli.severity.warning": N_("warning"),
    # The wizard's answer in the terminal, a recommendation per block.
    "cli.choice.recommendation": N_("{rank}. {name} ({option}) - carries: {carries}"),
    "cli.choice.guide": N_("Guide: {href}"),
    "cli.choice.then": N_("Then: {href}"),
    "cli.choice.lost": N_("Lost: {lost}"),
    "cli.choice.notes": N_("Notes:"),
    # Usage errors (exit status 2), after the program's name.
    "cli.error": N_("{prog}: error: {problem}"),
    "cli.error.labels": N_("the content's labels: {problem}"),
    "cli.error.catalog-english-only": N_(
        "--catalog {path}: a catalog file is English only; --language {language} takes the "
        "content folder's"
    ),
    "cli.error.stdin-with-text": N_("'-' (read standard input) cannot be combined with other TEXT"),
    "cli.error.both-from-stdin": N_(
        "the export and the password cannot both come from standard input; give the password "
        "with --password-file FILE"
    ),
    "cli.error.password-file": N_("cannot read the password file {name}: {reason}"),
    "cli.error.password-too-long.stdin": N_(
        "the password from standard input is longer than {limit} bytes"
    ),
    "cli.error.password-too-long.file": N_(
        "the password from {name} is longer than {limit} bytes"
    ),
    "cli.error.password-not-utf8.stdin": N_("the password from standard input is not UTF-8 text"),
    "cli.error.password-not-utf8.file": N_("the password from {name} is not UTF-8 text"),
    "cli.error.cannot-read": N_("cannot read {name}: {reason}"),
    # Why a file cannot be read, for the errors the system names (others keep its own words).
    "cli.reason.not-found": N_("no such file or folder"),
    "cli.reason.permission": N_("permission denied"),
    "cli.reason.is-folder": N_("it is a folder, not a file"),
    # Asked on a terminal, without echo.
    "cli.password-prompt": N_("Password (not shown): "),
}
