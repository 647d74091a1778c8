"""Live preview for writers: rebuilds on every save, reloads the open page, shows content errors.

Works under the site's own CSP: the reload script is a same-origin file (/__preview/reload.js,
allowed by script-src 'self') added to each served page, and it listens to a same-origin event
stream (/__preview/events, allowed by connect-src 'self'). The policy is never relaxed.

Each build goes into the one of two folders that is not being served, and is swapped in only
when it succeeded, so a mistake never takes the page away: the browser keeps the last good
page and shows the `path:line` problems over it until the next good build.

The German edition (/de/) is built too, after the English pages, by the same runner as the real
build (helpcenter/i18n/build.py), in the same process: a writer editing
docs/locale/de/LC_MESSAGES/*.po or the YAML sees /de/ pages update like the English ones. A
problem of the German build (a broken catalog) is shown like any other.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import threading
import time
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from mkdocs.plugins import BasePlugin, event_priority
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, StreamingResponse
from starlette.routing import Route
from starlette.types import ASGIApp

PREVIEW_PREFIX = "/__preview"
RELOAD_SCRIPT = Path(__file__).with_name("preview_reload.js")
# Takes the place of the site's offline service worker (sw.js) in each preview build.
RETIRING_WORKER = Path(__file__).with_name("preview_sw.js")
# After a save, editors often write twice (a temporary file, then a rename): wait this long.
QUIET_S = 0.15
# Files whose change needs no rebuild.
IGNORED_PARTS = {".git", ".cache", "__pycache__", "node_modules", "site", ".venv"}
IGNORED_SUFFIXES = (".pyc", ".swp", ".swx", "~", ".tmp")


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled theme templates kept between rebuilds (Jinja checks each file's checksum)."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


class _PreviewPlugin(BasePlugin):
    """Added to each preview build's configuration: keeps what a rebuild would redo for nothing.

    The theme's compiled templates (Jinja still checks each file's checksum), and the listing
    of the theme's files (Material ships thousands of icons; MkDocs walks them on every build),
    kept until a file is added to or removed from a theme folder.
    """

    def __init__(self, cache: BytecodeCache, listings: dict) -> None:
        super().__init__()
        self.cache = cache
        self.listings = listings

    def on_config(self, config):
        theme = config.theme
        make_env = theme.get_env
        cache, listings = self.cache, self.listings

        def get_env():
            env = make_env()
            env.bytecode_cache = cache
            loader = env.loader
            folders = tuple(getattr(loader, "searchpath", ()))
            if folders:
                key = (folders, tuple(_folder_stamp(Path(folder)) for folder in folders))
                if key not in listings:
                    listings.clear()
                    listings[key] = loader.list_templates()
                listing = listings[key]
                loader.list_templates = lambda: listing
            return env

        theme.get_env = get_env
        return config

    @event_priority(-300)  # after the pyodide plugin has written the site's service worker
    def on_post_build(self, config) -> None:
        # A page opened earlier from `make serve` on this address may have left the site's
        # offline worker behind: it would show that older build. This one removes it. (A
        # translated edition writes the root's worker again: it is replaced there too.)
        pyodide = config.plugins["helpcenter/pyodide"].config
        worker = Path(config.site_dir) / pyodide.shared_from / pyodide.service_worker
        if worker.exists():
            worker.write_text(RETIRING_WORKER.read_text(encoding="utf-8"), encoding="utf-8")


def _folder_stamp(folder: Path) -> float:
    """Latest change time of a folder's own entries (not deep: theme folders change rarely)."""
    try:
        return max(
            [folder.stat().st_mtime, *(p.stat().st_mtime for p in folder.iterdir() if p.is_dir())]
        )
    except OSError:
        return 0.0


class _Collect(logging.Handler):
    """MkDocs' warnings and errors of one build (strict mode turns warnings into a failure)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@dataclass
class BuildState:
    """The latest build: its number, whether it worked, and what is wrong if not."""

    generation: int = 0
    ok: bool = False
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def to_json(self) -> str:
        return json.dumps(
            {
                "generation": self.generation,
                "ok": self.ok,
                "problems": self.problems,
                "seconds": round(self.seconds, 3),
            }  # fmt: skip
        )


class PreviewBuilder:
    """Builds the pages (and the PDFs when asked) into two alternating folders."""

    def __init__(
        self,
        config_file: Path,
        work_dir: Path,
        pdfs: bool = False,
        languages: Iterable[str] | None = None,
    ) -> None:
        from helpcenter.i18n.catalogs import LANGUAGES

        self.config_file = Path(config_file).resolve()
        # The translated editions built after the English pages, each into <site>/<language>/.
        self.languages = tuple(LANGUAGES if languages is None else languages)
        self.work_dir = Path(work_dir).resolve()
        self.pdfs = pdfs
        self.folders = (self.work_dir / "a", self.work_dir / "b")
        self.serving = self.folders[0]
        self.state = BuildState()
        self.cache = _MemoryBytecodeCache()
        self.listings: dict = {}
        self.lock = threading.Lock()

    def current_root(self) -> Path:
        return self.serving

    def build(self) -> BuildState:
        """One build; on success its folder is served from now on."""
        from mkdocs.commands.build import build as mkdocs_build
        from mkdocs.config import load_config
        from mkdocs.exceptions import MkDocsException

        with self.lock:
            target = self.folders[1] if self.serving == self.folders[0] else self.folders[0]
            collect = _Collect()
            mkdocs_log = logging.getLogger("mkdocs")
            mkdocs_log.addHandler(collect)
            started = time.perf_counter()
            problems: list[str] = []
            try:
                config = load_config(str(self.config_file), site_dir=str(target), strict=True)
                config.plugins["helpcenter/preview"] = _PreviewPlugin(self.cache, self.listings)
                mkdocs_build(config)
                self._translated(target)
                if self.pdfs:
                    self._pdfs(target)
            except (MkDocsException, OSError, RuntimeError) as error:
                problems = [*collect.messages, str(error)]
            finally:
                mkdocs_log.removeHandler(collect)
            state = BuildState(
                generation=self.state.generation + 1,
                ok=not problems,
                problems=[p for p in dict.fromkeys(problems) if p.strip()],
                seconds=time.perf_counter() - started,
            )
            if state.ok:
                self.serving = target
            self.state = state
            return state

    def _translated(self, target: Path) -> None:
        """Each translated edition into target/<language>/ (a TranslationBuildError is a
        RuntimeError: its `path:line` problems are the build's)."""
        from helpcenter.i18n.build import build_language

        def add_preview_plugin(config) -> None:
            config.plugins["helpcenter/preview"] = _PreviewPlugin(self.cache, self.listings)

        for language in self.languages:
            build_language(
                language, target / language, config_file=self.config_file,
                report=lambda text: print(f"preview: {text}", flush=True),
                configure=add_preview_plugin,
            )  # fmt: skip

    @staticmethod
    def _pdfs(target: Path) -> None:
        from helpcenter.pdf import PdfError, render_guides

        try:
            render_guides(target)
        except PdfError as error:
            raise RuntimeError(f"PDF guides: {error}") from error


def watched_change(path: str) -> bool:
    """Whether a changed file can change the site (content, templates, assets, configuration)."""
    parts = Path(path).parts
    return not (set(parts) & IGNORED_PARTS) and not path.endswith(IGNORED_SUFFIXES)


class Rebuilder:
    """Watches the folders with watchdog and rebuilds after each burst of saves."""

    def __init__(self, builder: PreviewBuilder, folders: Iterable[Path], on_build=None) -> None:
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        self.builder = builder
        self.changed = threading.Event()
        self.stopping = threading.Event()
        self.last_change = 0.0
        self.wheel_changed = False
        self.on_build = on_build
        rebuilder = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event) -> None:
                if event.is_directory or event.event_type in ("opened", "closed_no_write"):
                    return
                paths = [event.src_path, getattr(event, "dest_path", "") or ""]
                if any(p and watched_change(str(p)) for p in paths):
                    rebuilder.note_change(paths)

        self.observer = Observer()
        for folder in folders:
            if Path(folder).exists():
                self.observer.schedule(Handler(), str(folder), recursive=Path(folder).is_dir())
        self.thread = threading.Thread(target=self.run, daemon=True)

    def note_change(self, paths: list[str]) -> None:
        if any("/checkers/" in p for p in paths):
            self.wheel_changed = True
        self.last_change = time.monotonic()
        self.changed.set()

    def start(self) -> None:
        self.observer.start()
        self.thread.start()

    def stop(self) -> None:
        self.stopping.set()
        self.changed.set()
        self.observer.stop()
        self.observer.join(timeout=5)
        self.thread.join(timeout=30)

    def run(self) -> None:
        while not self.stopping.is_set():
            self.changed.wait()
            if self.stopping.is_set():
                return
            while time.monotonic() - self.last_change < QUIET_S:
                time.sleep(QUIET_S / 3)
            self.changed.clear()
            if self.wheel_changed:
                self.wheel_changed = False
                build_wheel_or_report()
            state = self.builder.build()
            if self.on_build:
                self.on_build(state)


def build_wheel_or_report() -> str | None:
    """The checkers wheel the pages ship; None, or what went wrong."""
    from helpcenter.wheel import WheelError, build_wheel

    try:
        build_wheel()
    except WheelError as error:
        return f"checkers wheel: {error}"
    return None


def inject_reload_script(page: str) -> str:
    """The page with the preview's reload script (a same-origin file) before </body>."""
    tag = f'<script src="{PREVIEW_PREFIX}/reload.js"></script>'
    index = page.rfind("</body>")
    return page[:index] + tag + page[index:] if index >= 0 else page + tag


def preview_app(builder: PreviewBuilder, stopping: threading.Event) -> ASGIApp:
    """/__preview/reload.js and /__preview/events (server-sent events, one per build)."""

    async def reload_script(request: Request) -> FileResponse:
        return FileResponse(RELOAD_SCRIPT, media_type="text/javascript; charset=utf-8",
                            headers={"Cache-Control": "no-cache"})  # fmt: skip

    async def events(request: Request) -> StreamingResponse:
        async def stream() -> AsyncIterator[str]:
            sent = -1
            idle = 0.0
            while not stopping.is_set() and not await request.is_disconnected():
                state = builder.state
                if state.generation != sent:
                    sent = state.generation
                    yield f"event: state\ndata: {state.to_json()}\n\n"
                    idle = 0.0
                elif idle > 15:
                    yield ": still here\n\n"  # keeps proxies from closing the stream
                    idle = 0.0
                await asyncio.sleep(0.1)
                idle += 0.1

        return StreamingResponse(stream(), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache"})  # fmt: skip

    return Starlette(routes=[Route("/reload.js", reload_script), Route("/events", events)])


def watched_folders(root: Path) -> list[Path]:
    """What a writer edits: content, assets, templates, theme, configuration, the checkers."""
    folders = [root / "docs", root / "helpcenter" / "templates", root / "helpcenter" / "theme",
               root / "mkdocs.yml", root / "checkers"]  # fmt: skip
    for variable in ("HELPCENTER_CONTENT_DIR", "HELPCENTER_LOCALE_DIR"):
        folder = os.environ.get(variable)
        if folder:
            folders.append(Path(folder).resolve())
    return folders
