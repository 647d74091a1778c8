"""Issue 13: one runtime and one offline cache for both editions. After one visit of a German
tool page, the German wizard and the English validator work with the network off (both start
from the snapshot in the cache), the worker fetches the runtime only from /assets/, never a copy
under /de/, and the German answer is in German."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from quality import VALIDATOR_PATH, WIZARD_ANSWER_QUERY, WIZARD_PATH, wait_for_wizard_answer
from test_offline import _CACHE_NAMES, TIMEOUT_MS, check_export, open_and_wait


def test_one_visit_in_german_keeps_both_editions_tools_offline(chromium, site_url: str) -> None:
    context = chromium.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(urlsplit(request.url).path))
    try:
        page = context.new_page()
        assert open_and_wait(page, site_url + "/de" + VALIDATOR_PATH) == "bare"
        page.wait_for_selector("html[data-offline='ready']", state="attached", timeout=TIMEOUT_MS)
        assert "Internetverbindung" in page.locator("[data-offline-note]").first.inner_text()
        # One worker for the whole site, at its root.
        scope = page.evaluate("navigator.serviceWorker.ready.then((r) => r.scope)")
        assert urlsplit(scope).path == "/"
        assert len(page.evaluate(_CACHE_NAMES)) == 1

        context.set_offline(True)
        assert open_and_wait(page, site_url + "/de" + WIZARD_PATH + WIZARD_ANSWER_QUERY) == (
            "snapshot"
        )
        wait_for_wizard_answer(page)
        shown = page.inner_text("#backup-choice-result")
        assert "Was zu Ihrem Umzug passt" in shown, shown
        assert page.locator("#backup-choice-result a[href*='/de/guides/']").count() >= 1
        # The English validator, never opened, from the same cache.
        assert open_and_wait(page, site_url + VALIDATOR_PATH) == "snapshot"
        check_export(page)
    finally:
        context.close()
    runtime = [path for path in requests if "/assets/runtime/" in path]
    assert runtime and all(path.startswith("/assets/runtime/") for path in runtime), runtime
    assert not [path for path in requests if path.startswith("/de/assets/js/")]


def test_the_german_build_ships_no_second_runtime(built_site: Path) -> None:
    german = built_site / "de" / "assets"
    assert (built_site / "assets" / "runtime").is_dir()
    for shared in ("runtime", "vendor", "js"):
        assert not (german / shared).exists(), shared
    assert sorted(p.name for p in (german / "checkers").iterdir() if p.suffix == ".json") == [
        "backup-options.json",
        "guide-titles.json",
        "labels.json",
        "messages.json",
    ]
    assert not (built_site / "de" / "sw.js").exists()
    worker = (built_site / "sw.js").read_text(encoding="utf-8")
    for page in ("de/tools/id-export/", "de/tools/backup-choice/", "de/tools/data-backup/",
                 "tools/id-export/", "de/assets/checkers/messages.json",
                 "de/assets/checkers/guide-titles.json"):  # fmt: skip
        assert f'"{page}"' in worker, page
