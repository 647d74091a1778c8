"""The collector against SQLite and a real PostgreSQL server: what it stores, what it refuses,
the report's counts, the read endpoint, and no acknowledged vote lost to SIGKILL."""

from __future__ import annotations

import http.client
import json
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from feedback_support import (
    ROOT,
    amcheck,
    collector_process,
    free_port,
    postgres_cluster,
    request,
    reset_postgres,
    serve_asgi,
    wait_for_port,
)

from helpcenter.feedback import Settings, make_feedback_app
from helpcenter.feedback.database import Vote, open_store
from helpcenter.feedback.ratelimit import utc_today
from helpcenter.feedback.report import build_report

ALL_TIME = (date(2000, 1, 1), date(2100, 1, 1))


@pytest.fixture(scope="module")
def postgres() -> Iterator[str]:
    with postgres_cluster() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/feedback.sqlite3"
    else:
        url = request.getfixturevalue("postgres")
        reset_postgres(url)
        yield url


@pytest.fixture
def collector(database_url: str) -> Iterator[str]:
    items = {"/faq/": frozenset({"what-is-an-id-export", "which-backups-exist"})}
    app = make_feedback_app(database_url, Settings(rate_limit=0, items=items))
    with serve_asgi(app) as url:
        yield url


def report(database_url: str):
    store = open_store(database_url, migrate=False)
    try:
        return build_report(store, *ALL_TIME)
    finally:
        store.close()


def vote(anchor: str, helpful: bool, page: str = "/faq/") -> dict:
    return {"page": page, "anchor": anchor, "helpful": helpful, "lang": "en"}


def test_the_report_counts_what_was_sent(collector: str, database_url: str) -> None:
    sent = [vote("what-is-an-id-export", True)] * 3 + [vote("what-is-an-id-export", False)] * 7
    sent += [vote("which-backups-exist", False)]
    for body in sent:
        status, answer, headers = request(collector + "/vote", body)
        assert (status, answer) == (201, {"stored": "vote"})
        assert "set-cookie" not in {name.lower() for name in headers}
    comment = {"page": "/faq/", "anchor": "which-backups-exist", "lang": "de",
               "comment": "Nothing about iCloud. Mail me: a.b@example.org"}  # fmt: skip
    assert request(collector + "/comment", comment)[0] == 201
    for terms in ["iCloud backup", "icloud  Backup!", "ICLOUD BACKUP", "move to Android"]:
        assert request(collector + "/search", {"terms": terms, "lang": "en"})[0] == 201

    result = report(database_url)
    votes = {(a.page, a.anchor): (a.yes, a.no) for a in result.answers}
    assert votes == {
        ("/faq/", "what-is-an-id-export"): (3, 7),
        ("/faq/", "which-backups-exist"): (0, 1),
    }
    # Wilson lower bounds of the share of "no": 7 of 10 -> 0.397, 1 of 1 -> 0.207.
    assert [f"{a.page}#{a.anchor}" for a in result.failing] == [
        "/faq/#what-is-an-id-export",
        "/faq/#which-backups-exist",
    ]
    assert [(c.anchor, c.text) for c in result.comments] == [
        ("which-backups-exist", "Nothing about iCloud. Mail me: [e-mail]")
    ]
    # Case, spacing and punctuation aside, the first three are one search; the first spelling
    # seen of the most frequent stands for the group.
    assert [(s.terms, s.count) for s in result.searches] == [
        ("iCloud backup", 3),
        ("move to Android", 1),
    ]


def test_rows_hold_no_more_than_the_issue_allows(collector: str, database_url: str) -> None:
    assert request(collector + "/vote", vote("which-backups-exist", True))[0] == 201
    store = open_store(database_url, migrate=False)
    try:
        with store.transaction() as cursor:
            cursor.execute("SELECT * FROM votes")
            columns = [d[0] for d in cursor.description]
            row = cursor.fetchone()
    finally:
        store.close()
    assert columns == ["id", "page", "anchor", "helpful", "lang", "day"]
    assert row[1:3] == ("/faq/", "which-backups-exist")
    assert str(row[5]) == utc_today().isoformat()  # the day (UTC), no time of day


BAD_REQUESTS = [
    # (what, path, body, extra headers, expected status)
    ("not JSON", "/vote", b"{page", {}, 400),
    ("not UTF-8", "/vote", b'{"page": "\xff"}', {}, 400),
    ("a list", "/vote", b"[]", {}, 400),
    ("nested 2000 deep", "/vote", b"[" * 2000 + b"]" * 2000, {}, 400),
    ("unknown field", "/vote", {**vote("which-backups-exist", True), "id": "x"}, {}, 400),
    ("missing field", "/vote", {"page": "/faq/", "anchor": "x", "lang": "en"}, {}, 400),
    ("vote as text", "/vote", {**vote("which-backups-exist", True), "helpful": "yes"}, {}, 400),
    ("vote as number", "/vote", {**vote("which-backups-exist", True), "helpful": 1}, {}, 400),
    ("page not a path", "/vote", vote("which-backups-exist", True, page="faq"), {}, 422),
    ("page elsewhere", "/vote", vote("which-backups-exist", True, page="https://x.org/"), {}, 422),
    ("anchor unknown", "/vote", vote("not-an-answer", True), {}, 422),
    ("anchor malformed", "/vote", vote("What Is <b>", True), {}, 422),
    ("bad language", "/vote", {**vote("which-backups-exist", True), "lang": "english!"}, {}, 422),
    ("comment too long", "/comment", {"page": "/faq/", "anchor": "which-backups-exist",
                                      "lang": "en", "comment": "x" * 501}, {}, 422),  # fmt: skip
    ("comment empty", "/comment", {"page": "/faq/", "anchor": "which-backups-exist",
                                   "lang": "en", "comment": " \n\x00 "}, {}, 422),  # fmt: skip
    ("search too long", "/search", {"terms": "y" * 201, "lang": "en"}, {}, 422),
    ("body too large", "/search", b'{"terms": "' + b"z" * 5000 + b'"}', {}, 413),
    ("form post", "/vote", b"page=x", {"Content-Type": "application/x-www-form-urlencoded"}, 415),
    ("another site", "/vote", vote("which-backups-exist", True),
     {"Origin": "https://evil.example"}, 403),  # fmt: skip
    ("cross-site fetch", "/vote", vote("which-backups-exist", True),
     {"Sec-Fetch-Site": "cross-site"}, 403),  # fmt: skip
    ("unknown endpoint", "/votes", vote("which-backups-exist", True), {}, 404),
    ("GET a POST endpoint", "/vote", None, {}, 405),
    ("read endpoint off", "/report", None, {}, 404),
]


@pytest.mark.parametrize(
    ("path", "body", "headers", "status"),
    [case[1:] for case in BAD_REQUESTS],
    ids=[case[0] for case in BAD_REQUESTS],
)
def test_bad_requests_get_a_short_reason_and_store_nothing(
    collector: str, database_url: str, path: str, body, headers: dict, status: int
) -> None:
    got, answer, _ = request(collector + path, body, headers=headers)
    assert got == status
    assert list(answer) == ["error"] and 0 < len(answer["error"]) < 80
    assert "Traceback" not in answer["error"]
    result = report(database_url)
    assert (result.answers, result.comments, result.searches) == ((), (), ())


def test_the_rate_limit_refuses_and_stores_nothing_more(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/f.sqlite3"
    app = make_feedback_app(url, Settings(rate_limit=3))
    with serve_asgi(app) as base:
        statuses = [request(base + "/vote", vote("a", True))[0] for _ in range(5)]
        tracked = app.rate_limit.tracked()
    assert statuses == [201, 201, 201, 429, 429]
    assert tracked == 1
    assert [(a.yes, a.no) for a in report(url).answers] == [(3, 0)]


def test_the_read_endpoint_needs_its_token(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/f.sqlite3"
    app = make_feedback_app(url, Settings(rate_limit=0, read_token="s3cret-token"))
    with serve_asgi(app) as base:
        request(base + "/vote", vote("a", False))
        assert request(base + "/report")[0] == 401
        assert request(base + "/report", headers={"Authorization": "Bearer nope"})[0] == 401
        status, data, _ = request(
            base + "/report?days=7", headers={"Authorization": "Bearer s3cret-token"}
        )
        bad = request(
            base + "/report?since=yesterday", headers={"Authorization": "Bearer s3cret-token"}
        )
    assert status == 200
    assert [(a["anchor"], a["yes"], a["no"]) for a in data["answers"]] == [("a", 0, 1)]
    assert bad[0] == 400 and "since" in bad[1]["error"]


def test_a_failed_batch_leaves_nothing_behind(database_url: str) -> None:
    store = open_store(database_url)
    good = Vote("/faq/", "a", True, "en", date(2026, 1, 2))
    broken = Vote(None, "b", True, "en", date(2026, 1, 2))  # type: ignore[arg-type]  # NOT NULL
    try:
        with pytest.raises(Exception):  # noqa: B017 - the driver's own integrity error
            store.insert([good, good, broken])
        store.insert([good])
        assert store.integrity_check() == "ok"
    finally:
        store.close()
    assert [(a.anchor, a.yes) for a in report(database_url).answers] == [("a", 1)]


def test_migrations_are_versioned_and_applied_once(database_url: str) -> None:
    first = open_store(database_url, migrate=False)
    try:
        assert first.migrate() == [1]
        assert first.migrate() == []
        assert first.schema_version() == 1
    finally:
        first.close()


def test_the_report_command_prints_and_writes_html(
    collector: str, database_url: str, tmp_path: Path
) -> None:
    for body in [vote("which-backups-exist", False)] * 2 + [vote("what-is-an-id-export", True)]:
        assert request(collector + "/vote", body)[0] == 201
    page = tmp_path / "out" / "report.html"
    run = subprocess.run(
        [sys.executable, "-m", "helpcenter.feedback", "report", "--database", database_url,
         "--days", "2", "--html", str(page)],  # fmt: skip
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    html = page.read_text()
    assert "/faq/#which-backups-exist" in html and 'aria-label="0 yes, 2 no"' in html
    assert 'aria-label="1 yes, 0 no"' in html
    text = subprocess.run(
        [sys.executable, "-m", "helpcenter.feedback", "report", "--database", database_url,
         "--json"], cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    data = json.loads(text)
    assert [(a["anchor"], a["yes"], a["no"]) for a in data["answers"]] == [
        ("what-is-an-id-export", 1, 0),
        ("which-backups-exist", 0, 2),
    ]
    assert data["failing"] == ["/faq/#which-backups-exist"]


def test_the_report_command_explains_bad_input(tmp_path: Path) -> None:
    cases = [
        (["--since", "30.11.2026"], "since '30.11.2026' is not a date"),
        (["--since", "2026-11-02", "--until", "2026-11-01"], "starts (2026-11-02) after it ends"),
        (["--database", f"sqlite:///{tmp_path}/none.sqlite3"], "no feedback database there yet"),
        (["--database", "mysql://x"], "expected sqlite:///FILE or postgresql://"),
    ]
    for args, message in cases:
        run = subprocess.run(
            [sys.executable, "-m", "helpcenter.feedback", "report", *args],
            cwd=ROOT, capture_output=True, text=True,
        )  # fmt: skip
        assert run.returncode == 2 and message in run.stderr, (args, run.stderr)


def test_sigkill_under_load_loses_no_acknowledged_vote(database_url: str) -> None:
    port = free_port()
    server = collector_process(database_url, port, "--rate-limit", "0")
    acknowledged: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()

    def client(number: int) -> None:
        for index in range(10_000):
            if stop.is_set():
                return
            anchor = f"c{number}-{index}"
            try:
                status = request(f"http://127.0.0.1:{port}/vote", vote(anchor, True))[0]
            except (OSError, http.client.HTTPException):
                # The server is gone (refused, reset, or killed mid-answer): never acknowledged.
                return
            if status == 201:
                with lock:
                    acknowledged.append(anchor)

    try:
        wait_for_port(port, process=server)
        clients = [threading.Thread(target=client, args=(n,)) for n in range(8)]
        for thread in clients:
            thread.start()
        while len(acknowledged) < 300 and server.poll() is None:
            stop.wait(0.02)
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=10)
        stop.set()
        for thread in clients:
            thread.join(timeout=30)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    assert len(acknowledged) >= 300

    restarted = collector_process(database_url, port, "--rate-limit", "0")
    try:
        wait_for_port(port, process=restarted)
        assert request(f"http://127.0.0.1:{port}/vote", vote("after-restart", True))[0] == 201
    finally:
        restarted.send_signal(signal.SIGTERM)
        restarted.wait(timeout=20)
    if database_url.startswith("postgresql"):
        assert amcheck(database_url) == "ok"
    store = open_store(database_url, migrate=False)
    try:
        assert store.integrity_check() == "ok"
        with store.transaction() as cursor:
            cursor.execute("SELECT anchor, count(*) FROM votes GROUP BY anchor")
            stored = dict(cursor.fetchall())
    finally:
        store.close()
    assert all(count == 1 for count in stored.values()), "a vote was stored twice"
    missing = [anchor for anchor in acknowledged if anchor not in stored]
    assert not missing, f"{len(missing)} acknowledged votes lost, e.g. {missing[:5]}"
    assert "after-restart" in stored
