"""Storage of feedback in SQLite (WAL, the default) or PostgreSQL, chosen by a database URL."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from helpcenter.feedback.migrations import MIGRATIONS

DEFAULT_DATABASE_URL = "sqlite:///var/feedback.sqlite3"
# Serializes concurrent migrations of several collector instances on one PostgreSQL database.
_PG_MIGRATION_LOCK = 0x48435F4642  # "HC_FB"


class DatabaseError(RuntimeError):
    """The database cannot be opened, migrated or written; the message says which and why."""


@dataclass(frozen=True)
class Vote:
    page: str
    anchor: str
    helpful: bool
    lang: str
    day: date


@dataclass(frozen=True)
class Comment:
    page: str
    anchor: str
    lang: str
    day: date
    text: str


@dataclass(frozen=True)
class Search:
    lang: str
    day: date
    terms: str


Item = Vote | Comment | Search


def describe(url: str) -> str:
    """The URL without a password, for messages."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        credentials, host = rest.rsplit("@", 1)
        return f"{scheme}://{credentials.split(':', 1)[0]}@{host}"
    return url


def sqlite_path(url: str) -> Path:
    """sqlite:///relative/path or sqlite:////absolute/path (as SQLAlchemy writes them)."""
    rest = url.removeprefix("sqlite://")
    if not rest.startswith("/") or len(rest) < 2:
        raise DatabaseError(f"database URL {url!r}: write sqlite:///path/to/file.sqlite3")
    return Path(rest[1:])


class Store:
    """One connection to the feedback database; every write is one transaction."""

    kind: str

    def __init__(self, url: str) -> None:
        self.url = url
        self._lock = threading.Lock()
        if url.startswith("sqlite:"):
            self.kind = "sqlite"
            self._conn = self._open_sqlite(sqlite_path(url))
        elif url.startswith(("postgresql://", "postgres://")):
            self.kind = "postgresql"
            self._conn = self._open_postgresql(url)
        else:
            raise DatabaseError(
                f"database URL {describe(url)!r}: expected sqlite:///FILE or postgresql://..."
            )

    @staticmethod
    def _open_sqlite(path: Path) -> sqlite3.Connection:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Autocommit mode: transactions are explicit (BEGIN IMMEDIATE ... COMMIT).
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA busy_timeout = 10000")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            # FULL: a commit is on disk before the collector acknowledges the vote.
            conn.execute("PRAGMA synchronous = FULL")
        except (OSError, sqlite3.Error) as error:
            raise DatabaseError(f"{path}: cannot open the SQLite database: {error}") from None
        if mode.lower() != "wal":
            raise DatabaseError(f"{path}: SQLite refused WAL mode (journal mode {mode})")
        return conn

    @staticmethod
    def _open_postgresql(url: str):
        import psycopg

        try:
            return psycopg.connect(url, autocommit=False, connect_timeout=10)
        except psycopg.Error as error:
            message = str(error).strip().splitlines()[0] if str(error).strip() else error
            raise DatabaseError(f"{describe(url)}: cannot connect: {message}") from None

    def _sql(self, statement: str) -> str:
        return statement if self.kind == "sqlite" else statement.replace("?", "%s")

    def _day(self, day: date) -> Any:
        return day.isoformat() if self.kind == "sqlite" else day

    @contextlib.contextmanager
    def transaction(self, write: bool = True) -> Iterator[Any]:
        """A cursor inside one transaction: committed on success, rolled back on any error.

        SQLite: a writing transaction takes the write lock at once (no upgrade deadlock); a
        reading one never blocks the collector's writes (WAL).
        """
        with self._lock:
            cursor = self._conn.cursor()
            try:
                if self.kind == "sqlite":
                    cursor.execute("BEGIN IMMEDIATE" if write else "BEGIN")
                yield cursor
                if self.kind == "sqlite":
                    cursor.execute("COMMIT")
                else:
                    self._conn.commit()
            except BaseException:
                with contextlib.suppress(Exception):
                    self._conn.rollback()
                raise
            finally:
                cursor.close()

    def schema_version(self) -> int:
        with self.transaction() as cursor:
            cursor.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_on TEXT NOT NULL)"
            )
            cursor.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")
            return int(cursor.fetchone()[0])

    def migrate(self) -> list[int]:
        """Applies the migrations this database lacks, each in its own transaction."""
        applied = []
        try:
            current = self.schema_version()
            for migration in MIGRATIONS:
                if migration.version <= current:
                    continue
                with self.transaction() as cursor:
                    if self.kind == "postgresql":
                        cursor.execute("SELECT pg_advisory_xact_lock(%s)", (_PG_MIGRATION_LOCK,))
                        cursor.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")
                        if cursor.fetchone()[0] >= migration.version:
                            continue  # another instance applied it meanwhile
                    for statement in getattr(migration, self.kind):
                        cursor.execute(statement)
                    cursor.execute(
                        self._sql(
                            "INSERT INTO schema_migrations (version, name, applied_on) "
                            "VALUES (?, ?, ?)"
                        ),
                        (migration.version, migration.name, date.today().isoformat()),
                    )
                applied.append(migration.version)
        except DatabaseError:
            raise
        except Exception as error:
            raise DatabaseError(f"{describe(self.url)}: migration failed: {error}") from None
        latest = MIGRATIONS[-1].version
        if self.schema_version() > latest:
            raise DatabaseError(
                f"{describe(self.url)}: schema version {self.schema_version()} is newer than "
                f"this collector knows ({latest}); upgrade the collector"
            )
        return applied

    def insert(self, items: Sequence[Item]) -> None:
        """Stores the items in one transaction: all of them or, on any error, none."""
        votes = [
            (i.page, i.anchor, i.helpful if self.kind != "sqlite" else int(i.helpful), i.lang,
             self._day(i.day))
            for i in items if isinstance(i, Vote)
        ]  # fmt: skip
        comments = [
            (i.page, i.anchor, i.lang, self._day(i.day), i.text)
            for i in items
            if isinstance(i, Comment)
        ]
        searches = [(i.lang, self._day(i.day), i.terms) for i in items if isinstance(i, Search)]
        with self.transaction() as cursor:
            if votes:
                cursor.executemany(
                    self._sql("INSERT INTO votes (page, anchor, helpful, lang, day) "
                              "VALUES (?, ?, ?, ?, ?)"), votes)  # fmt: skip
            if comments:
                cursor.executemany(
                    self._sql("INSERT INTO comments (page, anchor, lang, day, text) "
                              "VALUES (?, ?, ?, ?, ?)"), comments)  # fmt: skip
            if searches:
                cursor.executemany(
                    self._sql("INSERT INTO searches (lang, day, terms) VALUES (?, ?, ?)"),
                    searches,
                )

    def query(self, statement: str, since: date, until: date) -> list[tuple]:
        """Rows of a read-only statement with `day BETWEEN ? AND ?` (the period) in it."""
        with self.transaction(write=False) as cursor:
            cursor.execute(self._sql(statement), (self._day(since), self._day(until)))
            return [tuple(row) for row in cursor.fetchall()]

    def integrity_check(self) -> str:
        """'ok', or what SQLite's integrity check found (PostgreSQL: ids unique and readable;
        tests and the benchmark add pg_amcheck, which checks every table and index)."""
        with self.transaction(write=False) as cursor:
            if self.kind == "sqlite":
                cursor.execute("PRAGMA integrity_check")
                return "\n".join(str(row[0]) for row in cursor.fetchall())
            # Reading every row of every table through its primary key index finds broken pages.
            for table in ("votes", "comments", "searches"):
                cursor.execute(f"SELECT count(*), count(DISTINCT id) FROM {table}")  # noqa: S608
                total, distinct = cursor.fetchone()
                if total != distinct:
                    return f"{table}: {total} rows but {distinct} distinct ids"
            return "ok"

    def close(self) -> None:
        with self._lock, contextlib.suppress(Exception):
            self._conn.close()


def open_store(url: str, *, migrate: bool = True) -> Store:
    """An open store whose schema is up to date (migrated unless `migrate` is false)."""
    store = Store(url)
    try:
        if migrate:
            store.migrate()
    except BaseException:
        store.close()
        raise
    return store
