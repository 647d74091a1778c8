"""English source text (gettext msgids) of the idexport checker's messages, by code."""

from checkers.wording.markers import N_, NP_  # noqa: F401 - NP_ marks plural messages

MESSAGES: dict[str, str | tuple[str, str, str]] = {}
