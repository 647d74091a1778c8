"""Options of the `helpcenter/content` MkDocs plugin (mkdocs.yml), kept apart from its logic."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class ContentPluginConfig(base.Config):
    """`plugins: - helpcenter/content: {...}`."""

    # Folder of the content YAML (labels.yml, faq.yml, backup-options.yml, guides/*.yml),
    # relative to mkdocs.yml unless absolute; tests point it at a broken copy.
    content_dir = c.Type(str, default="docs/content")
    # Where in the built site the catalog is published as JSON for the in-browser wizard.
    catalog_json = c.Type(str, default="assets/checkers/backup-options.json")
    # Where the UI labels (labels.yml) are published as JSON for the checkers' messages.
    labels_json = c.Type(str, default="assets/checkers/labels.json")
