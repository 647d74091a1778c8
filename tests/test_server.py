"""The project's own server (helpcenter/server): headers, MIME types, 404 page, mounts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from httpfetch import POLICY, fetch

from helpcenter.server import RunningServer, make_app


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("site")
    (root / "index.html").write_text("<h1>start</h1>", encoding="utf-8")
    (root / "404.html").write_text("<h1>the site's own 404</h1>", encoding="utf-8")
    (root / "faq").mkdir()
    (root / "faq" / "index.html").write_text("<h1>faq</h1>", encoding="utf-8")
    assets = root / "assets"
    (assets / "js").mkdir(parents=True)
    (assets / "js" / "a.mjs").write_text("export {};", encoding="utf-8")
    (assets / "x.wasm").write_bytes(b"\0asm\1\0\0\0")
    (assets / "c.whl").write_bytes(b"PK\5\6" + bytes(18))
    (assets / "vendor").mkdir()
    (assets / "vendor" / "v.js").write_text("1", encoding="utf-8")
    (root / "_deploy").mkdir()
    (root / "_deploy" / "nginx.conf").write_text("server {}", encoding="utf-8")
    (root / "_headers").write_text("/*", encoding="utf-8")
    (root.parent / "secret.txt").write_text("outside", encoding="utf-8")
    return root


async def feedback_app(scope, receive, send) -> None:
    """A stand-in for another engineer's collector: echoes the path it was mounted at."""
    body = json.dumps({"path": scope["path"], "root_path": scope.get("root_path", "")}).encode()
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"application/json")]})  # fmt: skip
    await send({"type": "http.response.body", "body": body})


@pytest.fixture(scope="module")
def base(tiny_site: Path):
    with RunningServer(make_app(tiny_site, mounts={"/api/feedback": feedback_app})) as server:
        yield server.base_url


def test_pages_carry_the_security_headers(base: str) -> None:
    status, headers, body = fetch(base + "/")
    assert (status, body) == (200, b"<h1>start</h1>")
    assert headers["content-security-policy"] == POLICY
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["cache-control"] == "no-cache"
    assert headers["content-type"] == "text/html; charset=utf-8"


@pytest.mark.parametrize(
    ("path", "mime"),
    [
        ("/assets/js/a.mjs", "text/javascript; charset=utf-8"),
        ("/assets/x.wasm", "application/wasm"),
        ("/assets/c.whl", "application/zip"),
    ],
)
def test_mime_types(base: str, path: str, mime: str) -> None:
    status, headers, _ = fetch(base + path)
    assert (status, headers["content-type"]) == (200, mime)


def test_vendored_files_may_be_cached(base: str) -> None:
    assert fetch(base + "/assets/vendor/v.js")[1]["cache-control"] == "public, max-age=86400"


@pytest.mark.parametrize(
    "path", ["/nope/", "/faq/missing.html", "/assets/", "/assets/js/", "/_deploy/nginx.conf",
             "/_headers", "/../secret.txt", "/%2e%2e/secret.txt"],
)  # fmt: skip
def test_unknown_paths_folders_and_host_files_get_the_sites_404(base: str, path: str) -> None:
    status, headers, body = fetch(base + path)
    assert (status, body) == (404, b"<h1>the site's own 404</h1>")
    assert headers["content-security-policy"] == POLICY


def test_a_folder_without_its_slash_is_redirected(base: str) -> None:
    status, headers, _ = fetch(base + "/faq?x=1")
    assert (status, headers["location"]) == (301, "/faq/?x=1")


def test_head_and_post(base: str) -> None:
    assert fetch(base + "/faq/", method="HEAD")[:1] == (200,)
    assert fetch(base + "/faq/", method="POST", data=b"x")[0] == 405


def test_a_mounted_app_shares_the_origin_and_headers(base: str) -> None:
    status, headers, body = fetch(base + "/api/feedback/entries", method="POST", data=b"{}")
    assert status == 200
    assert json.loads(body) == {"path": "/api/feedback/entries", "root_path": "/api/feedback"}
    assert headers["content-security-policy"] == POLICY


def test_built_404_page_offers_search_situations_and_faq(built_site: Path, site_url: str) -> None:
    status, _, body = fetch(site_url + "/no/such/page/")
    assert status == 404
    text = body.decode()
    assert 'role="search"' in text and 'name="q"' in text
    for href in ("/#new-phone", "/#lost-phone", "/#forgot-password", "/faq/"):
        assert f'href="{href}"' in text, href
    assert "I'm getting a new phone" in text and "I lost my phone" in text
