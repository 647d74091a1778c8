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
    # Where the guide sections' titles are published as JSON ("/guides/<platform>/#<section>"
    # -> title) for the wizard's answers, which link to them.
    guide_titles_json = c.Type(str, default="assets/checkers/guide-titles.json")
    # --- issue 13: languages ---
    # The language of this build's pages; helpcenter/i18n/build.py builds each translation
    # (English at the site root, the others under /<language>/) with its own language here.
    language = c.Type(str, default="en")
    # Every language the site is built in: the pages link their other-language versions.
    languages = c.Type(list, default=["en", "de"])
    # The PO catalogs (docs/locale/<language>/LC_MESSAGES/<domain>.po), relative to mkdocs.yml.
    locale_dir = c.Type(str, default="docs/locale")
    # The checkers' messages in this build's language ({language, messages: {code: text}}).
    messages_json = c.Type(str, default="assets/checkers/messages.json")
