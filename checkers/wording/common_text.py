"""English source text (gettext msgids) shared by every checker's messages."""

from checkers.wording.markers import N_

MESSAGES = {
    # Joins the last two words of a list: "ID, contacts and groups".
    "word.and": N_("and"),
    "word.or": N_("or"),
}
