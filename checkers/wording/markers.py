"""Markers that Babel's extractor finds (`N_`, `NP_`); at run time they return what they mark."""


def N_(text: str) -> str:  # noqa: N802 - the gettext convention
    """Marks `text` as a msgid of the message catalog."""
    return text


def NP_(singular: str, plural: str, count: str) -> tuple[str, str, str]:  # noqa: N802
    """Marks a msgid with its plural; `count` names the parameter that picks the form."""
    return (singular, plural, count)
