"""Every message's English source text by code: the gettext msgids of the `checkers` domain."""

from checkers.wording import (
    backup_choice_text,
    cli_help_text,
    cli_text,
    common_text,
    databackup_text,
    idexport_text,
    locale_text,
)

MESSAGES: dict[str, str | tuple[str, str, str]] = {
    **common_text.MESSAGES,
    **idexport_text.MESSAGES,
    **backup_choice_text.MESSAGES,
    **databackup_text.MESSAGES,
    **cli_text.MESSAGES,  # issue 13: the command line's own words
    **cli_help_text.MESSAGES,  # issue 13: --help and argparse's own words
    **locale_text.MESSAGES,  # issue 13: numbers and dates in the language's form
}
