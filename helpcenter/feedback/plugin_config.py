"""Configuration schema of the feedback plugin (mkdocs.yml: helpcenter/feedback)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class FeedbackPluginConfig(base.Config):
    # False for a host without the collector: then no page shows a feedback control.
    enabled = c.Type(bool, default=True)
    # Where the collector is mounted on the site's own origin (CSP: connect-src 'self').
    endpoint = c.Type(str, default="/api/feedback")
    # The collector's limits (helpcenter.feedback.validate.Limits); the widgets enforce them too.
    comment_max = c.Type(int, default=500)
    search_max = c.Type(int, default=200)
    # Pages (source paths, glob) that send nothing at all: the checkers.
    exclude = c.ListOfItems(c.Type(str), default=["tools/*"])
    # The answers that take feedback, for the collector's --items (page -> anchors).
    items_file = c.Type(str, default="assets/feedback/items.json")
