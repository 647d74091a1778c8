"""MkDocs plugin: loads the content YAML and adds the generated pages and the catalog JSON."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from helpcenter.choice_data import choice_data
from helpcenter.content import Content, load_content
from helpcenter.content_config import ContentPluginConfig
from helpcenter.i18n.site import SiteLanguage, english_site, localized_site
from helpcenter.pages import PAGE_TEMPLATES, PageRenderer
from helpcenter.yamlsource import ContentError


class ContentPlugin(BasePlugin[ContentPluginConfig]):
    """Generates /, /faq/, /backups/, /guides/<platform>/ and /tools/... from docs/content/."""

    # The checked content of the current build, for plugins that run after this one.
    content: Content | None = None
    # This build's language: its translations, its other-language versions. A translated
    # build's runner (helpcenter/i18n/build.py) sets it before the build, loaded once.
    site_language: SiteLanguage | None = None
    preloaded: SiteLanguage | None = None

    def content_dir(self, config) -> Path:
        configured = Path(self.config.content_dir)
        if configured.is_absolute():
            return configured
        return Path(config.config_file_path or ".").resolve().parent / configured

    def on_config(self, config):
        # Loaded and checked once per build, here: a mistake stops `mkdocs build` before MkDocs
        # cleans the site folder. The print plugin reads self.content (no second load).
        self.content = None
        try:
            if self.preloaded is not None:
                self.site_language = self.preloaded
            elif self.config.language == "en":
                content = load_content(self.content_dir(config))
                self.site_language = english_site(content, self.config.languages)
            else:
                self.site_language = localized_site(
                    self.content_dir(config), self.project_path(config, self.config.locale_dir),
                    self.config.language, self.config.languages,
                )  # fmt: skip
            self.content = self.site_language.content
        except ContentError as error:
            # MkDocs logs a PluginError's message as is and exits non-zero, without a traceback.
            count = len(error.problems)
            raise PluginError(f"{count} content problem{'s' * (count != 1)}:\n{error}") from None
        # Templates (theme and pages) read the language and its alternates from here.
        config.extra["hc_language"] = self.site_language.template_data(config.site_url)
        return config

    def project_path(self, config, path: str) -> Path:
        configured = Path(path)
        if configured.is_absolute():
            return configured
        return Path(config.config_file_path or ".").resolve().parent / configured

    def on_env(self, env, *, config, files):
        # The theme's own templates (main.html, 404.html) word their text through gettext too.
        if "jinja2.ext.InternationalizationExtension" not in env.extensions:
            env.add_extension("jinja2.ext.i18n")
            env.policies["ext.i18n.trimmed"] = True  # as the page templates and extraction
        if self.site_language is not None:
            env.install_gettext_translations(self.site_language.translations)
        return env

    def on_files(self, files: Files, *, config) -> Files:
        content = self.content
        if content is None:  # on_config failed, and MkDocs went on anyway (it does not)
            raise PluginError("the content was not loaded")
        renderer = PageRenderer(content, config.use_directory_urls, self.site_language)
        for src_uri in PAGE_TEMPLATES:
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(f"docs/{src_uri} exists, but that page is generated: remove it")
            files.append(File.generated(config, src_uri, content=renderer.render(src_uri)))
        catalog_json = json.dumps(content.catalog.to_data(), ensure_ascii=False, indent=1)
        files.append(File.generated(config, self.config.catalog_json, content=catalog_json))
        # The apps' UI labels, for the checkers' messages in the browser (same words as pages).
        labels_json = json.dumps(content.labels, ensure_ascii=False, indent=1)
        files.append(File.generated(config, self.config.labels_json, content=labels_json))
        # The guide sections' titles, which the wizard's answers link to: the worker sets up the
        # wizard with them, the catalog and the labels before the page asks (checkers-worker.mjs).
        titles_json = json.dumps(choice_data(content).guide_titles, ensure_ascii=False, indent=1)
        files.append(File.generated(config, self.config.guide_titles_json, content=titles_json))
        messages = self.site_language.checkers_messages() if self.site_language else {}
        messages_json = json.dumps(messages, ensure_ascii=False, indent=1)
        files.append(File.generated(config, self.config.messages_json, content=messages_json))
        return files

    def on_serve(self, server, *, config, builder):
        # `mkdocs serve` rebuilds when the content changes, also when it lives outside docs/.
        content_dir = self.content_dir(config)
        if not content_dir.resolve().is_relative_to(Path(config.docs_dir).resolve()):
            server.watch(str(content_dir))
        return server
