"""Configuration schema of the CSP plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class CspPluginConfig(base.Config):
    """An empty policy means helpcenter.security.CONTENT_SECURITY_POLICY, the servers' own."""

    policy = c.Type(str, default="")
    # Site folder for the scripts moved out of the pages (named by their content's digest).
    scripts_dir = c.Type(str, default="assets/javascripts/inline")
