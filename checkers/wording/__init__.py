"""Words for the checkers' codes: English source text as gettext msgids, labels from content.

The checks return Messages (a code and parameters); a front end renders them with a Wording
for the visitor's language and platform. `MESSAGES` is the catalog's source (what Babel
extracts into the PO template); other languages come as gettext catalogs the caller loads.
"""

from checkers.wording.message import Message, message
from checkers.wording.render import Labels, Wording
from checkers.wording.source import MESSAGES
from checkers.wording.translations import CodeTranslations

__all__ = ["MESSAGES", "CodeTranslations", "Labels", "Message", "Wording", "message"]
