"""MkDocs plugin: makes every page work under a strict Content Security Policy.

The theme writes a few small scripts inline into each page; a policy without 'unsafe-inline'
would block them. This plugin moves each one, in place and in order, into a same-origin file
named by its content's digest (written into the site at the end of the build), and adds the
policy itself as a <meta http-equiv> so a page is protected even when served without headers.

Chromium's preload scanner stops at a policy in a meta tag: without it each script was asked
for only when the parser reached it, one after the other (on the emulated phone the theme's
bundle ~0.8 s after the page came in). So the head ends with a preload hint for every script
of the body (`modulepreload` for modules), and all are fetched at once, in order.
Data blocks (`type="application/json"` and the like) are never executed and stay inline.
"""

from __future__ import annotations

import hashlib
import html
import logging
import re
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from helpcenter.csp_config import CspPluginConfig
from helpcenter.security import CONTENT_SECURITY_POLICY

log = logging.getLogger("mkdocs.plugins.helpcenter.csp")

SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.I | re.S)
ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
# Types a browser runs as script; anything else (JSON, templates) is a data block.
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
HEAD_END = re.compile(r"</head\s*>", re.I)
HEAD_START = re.compile(r"<head\b[^>]*>(\s*<meta\s+charset=[^>]*>)?", re.I)
SCRIPT_SOURCE = re.compile(r"<script\b(?P<attrs>[^>]*\bsrc\s*=[^>]*)>", re.I)
PRELOADED = re.compile(r"<link\b[^>]*\brel=[\"']?(?:modulepreload|preload)\b[^>]*>", re.I)
# Inline event handlers and javascript: URLs are inline script too, which the policy blocks.
INLINE_HANDLER = re.compile(r"<[a-z][^>]*\s(on[a-z]+\s*=|href\s*=\s*[\"']?javascript:)", re.I)


def parse_attributes(text: str) -> dict[str, str]:
    """Attributes of a start tag (names lowercased; a bare attribute has the value "")."""
    return {
        match.group(1).lower(): html.unescape(next((g for g in match.groups()[1:] if g), ""))
        for match in ATTRIBUTE.finditer(text)
    }


def preload_hints(body: str, head: str = "") -> str:
    """`<link>` preload hints for every script with a `src` in `body`, in document order, once
    each, less those `head` already preloads: a module's as `modulepreload`, a classic script's
    as `preload as=script` (with its `crossorigin`, or the browser fetches it twice)."""
    hinted = {parse_attributes(tag).get("href") for tag in PRELOADED.findall(head)}
    hints = []
    for match in SCRIPT_SOURCE.finditer(body):
        attrs = parse_attributes(match.group("attrs"))
        src, kind = attrs["src"], attrs.get("type", "").strip().lower()
        if src in hinted or kind not in EXECUTABLE_TYPES:
            continue
        hinted.add(src)
        href = html.escape(src)
        if kind == "module":
            hints.append(f'<link rel="modulepreload" href="{href}">')
            continue
        cors = ""
        if "crossorigin" in attrs:
            cors = f' crossorigin="{html.escape(attrs["crossorigin"])}"'
        hints.append(f'<link rel="preload" as="script" href="{href}"{cors}>')
    return "".join(hints)


def is_executable_inline(attrs: dict[str, str]) -> bool:
    return "src" not in attrs and attrs.get("type", "").strip().lower() in EXECUTABLE_TYPES


class CspPlugin(BasePlugin[CspPluginConfig]):
    """Moves inline scripts into files and adds the CSP meta tag to every HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: dict[str, str] = {}

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.scripts = {}

    @property
    def policy(self) -> str:
        return self.config.policy or CONTENT_SECURITY_POLICY

    def script_path(self, body: str) -> str:
        """Site path of the file holding this script body (same body, same file)."""
        digest = hashlib.sha256(body.encode()).hexdigest()[:16]
        self.scripts[digest] = body
        return PurePosixPath(self.config.scripts_dir, f"{digest}.js").as_posix()

    def rewrite(self, output: str, to_url, where: str) -> str:
        """The page with inline scripts moved out and the policy in its <head>."""

        def move(match: re.Match) -> str:
            attrs = parse_attributes(match.group("attrs"))
            if not is_executable_inline(attrs):
                return match.group(0)
            # Keep a classic script classic (it runs in document order, blocking as before).
            kept = "".join(f' {name}="{html.escape(value)}"' for name, value in attrs.items())
            src = html.escape(to_url(self.script_path(match.group("body"))))
            return f'<script src="{src}"{kept}></script>'

        output = SCRIPT.sub(move, output)
        handler = INLINE_HANDLER.search(output)
        if handler:
            log.warning(f"{where}: inline script in an attribute, blocked by the CSP: {handler[0]}")
        policy = html.escape(self.policy, quote=False).replace('"', "&quot;")  # keep 'self' legible
        meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        output, count = HEAD_START.subn(lambda m: m.group(0) + meta, output, count=1)
        # At the head's end, for the body's scripts: what the head asks for (the checkers'
        # early start, the stylesheets) keeps its head start.
        end = HEAD_END.search(output)
        if end:
            hints = preload_hints(output[end.end() :], output[: end.start()])
            output = output[: end.start()] + hints + output[end.start() :]
        if not count:
            log.warning(f"{where}: no <head>, so no Content-Security-Policy meta tag")
        return output

    @event_priority(-100)  # after every other plugin has changed the page
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return self.rewrite(
            output, lambda path: get_relative_url(path, page.url), page.file.src_uri
        )

    @event_priority(-100)
    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        if not template_name.endswith(".html"):
            return output_content
        # 404.html is served at any depth, so its links must not be relative.
        root = urlsplit(config.site_url or "/").path.rstrip("/")
        return self.rewrite(output_content, lambda path: f"{root}/{path}", template_name)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        folder = Path(config.site_dir, self.config.scripts_dir)
        folder.mkdir(parents=True, exist_ok=True)
        for digest, body in sorted(self.scripts.items()):
            (folder / f"{digest}.js").write_text(body, encoding="utf-8")
