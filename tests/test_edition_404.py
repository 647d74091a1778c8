"""Issue 13: a German visitor gets the German 404 on every host: the project's server, and the
generated host files (nginx and Caddy blocks, Netlify's `_redirects`) for any translated edition."""

from __future__ import annotations

from pathlib import Path

import pytest
from httpfetch import fetch

from helpcenter.hosting import caddyfile, nginx_server, translated_editions, write_hosting_files
from helpcenter.server import RunningServer, make_app

ENGLISH_404 = "<html lang=\"en\"><h1>This page does not exist</h1></html>"
GERMAN_404 = "<html lang=\"de\"><h1>Diese Seite gibt es nicht</h1></html>"


@pytest.fixture(scope="module")
def two_editions(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("site")
    (root / "404.html").write_text(ENGLISH_404, encoding="utf-8")
    (root / "faq").mkdir()
    (root / "faq" / "index.html").write_text("<h1>FAQ</h1>", encoding="utf-8")
    (root / "de" / "faq").mkdir(parents=True)
    (root / "de" / "404.html").write_text(GERMAN_404, encoding="utf-8")
    (root / "de" / "faq" / "index.html").write_text("<h1>Häufige Fragen</h1>", encoding="utf-8")
    # A folder whose name starts like the edition's is not the edition.
    (root / "demo").mkdir()
    (root / "assets").mkdir()
    return root


@pytest.fixture(scope="module")
def base(two_editions: Path):
    with RunningServer(make_app(two_editions)) as server:
        yield server.base_url


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/de/no/such/page/", GERMAN_404),
        ("/de/faq/missing.html", GERMAN_404),
        ("/de/nope", GERMAN_404),
        ("/no/such/page/", ENGLISH_404),
        ("/demo/", ENGLISH_404),
        ("/demo/de/x", ENGLISH_404),
        ("/assets/", ENGLISH_404),
        ("/_redirects", ENGLISH_404),
    ],
)
def test_the_server_answers_with_the_editions_own_404(base: str, path: str, expected: str) -> None:
    status, headers, body = fetch(base + path)
    assert (status, body.decode()) == (404, expected)
    assert headers["content-type"] == "text/html; charset=utf-8"


def test_pages_of_both_editions_are_still_served(base: str) -> None:
    assert fetch(base + "/de/faq/")[:1] == (200,)
    assert fetch(base + "/de/faq/")[2].decode() == "<h1>Häufige Fragen</h1>"
    assert fetch(base + "/faq/")[2].decode() == "<h1>FAQ</h1>"


def test_editions_are_the_folders_with_their_own_404(two_editions: Path) -> None:
    assert translated_editions(two_editions) == ["de"]


def test_host_files_name_the_german_404(two_editions: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "de").mkdir(parents=True)
    (site / "404.html").write_text(ENGLISH_404, encoding="utf-8")
    (site / "de" / "404.html").write_text(GERMAN_404, encoding="utf-8")
    write_hosting_files(site)
    redirects = (site / "_redirects").read_text(encoding="utf-8")
    assert "\n/de/*  /de/404.html  404\n" in redirects
    nginx = (site / "_deploy" / "nginx.conf").read_text(encoding="utf-8")
    assert "    location /de/ {\n        error_page 403 404 =404 /de/404.html;\n" in nginx
    assert "    location = /_redirects { return 404; }\n" in nginx
    caddy = (site / "_deploy" / "Caddyfile").read_text(encoding="utf-8")
    assert "\t\t@de path /de/*\n\t\thandle @de {\n\t\t\trewrite * /de/404.html\n" in caddy
    assert "\t\thandle {\n\t\t\trewrite * /404.html\n" in caddy
    assert "\t@hidden path /_headers /_redirects /_deploy/*\n" in caddy


def test_an_english_only_site_has_no_redirects_file(tmp_path: Path) -> None:
    (tmp_path / "404.html").write_text(ENGLISH_404, encoding="utf-8")
    write_hosting_files(tmp_path)
    assert not (tmp_path / "_redirects").exists()
    assert "error_page 403 404 =404 /404.html;" in nginx_server()
    assert "location /de/" not in nginx_server() and "@de" not in caddyfile()
