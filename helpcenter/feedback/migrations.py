"""The collector's versioned schema: each migration once, in order, per database kind."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sqlite: tuple[str, ...]
    postgresql: tuple[str, ...]


# Never edit a published migration; add the next version instead. No column ever holds an
# address, a user agent, a time of day or anything else that could tell two visitors apart.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "votes, comments and searches",
        sqlite=(
            """CREATE TABLE votes (
                 id INTEGER PRIMARY KEY,
                 page TEXT NOT NULL, anchor TEXT NOT NULL,
                 helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
                 lang TEXT NOT NULL, day TEXT NOT NULL)""",
            """CREATE TABLE comments (
                 id INTEGER PRIMARY KEY,
                 page TEXT NOT NULL, anchor TEXT NOT NULL,
                 lang TEXT NOT NULL, day TEXT NOT NULL, text TEXT NOT NULL)""",
            """CREATE TABLE searches (
                 id INTEGER PRIMARY KEY,
                 lang TEXT NOT NULL, day TEXT NOT NULL, terms TEXT NOT NULL)""",
            "CREATE INDEX votes_day ON votes (day)",
            "CREATE INDEX comments_day ON comments (day)",
            "CREATE INDEX searches_day ON searches (day)",
        ),
        postgresql=(
            """CREATE TABLE votes (
                 id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                 page TEXT NOT NULL, anchor TEXT NOT NULL, helpful BOOLEAN NOT NULL,
                 lang TEXT NOT NULL, day DATE NOT NULL)""",
            """CREATE TABLE comments (
                 id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                 page TEXT NOT NULL, anchor TEXT NOT NULL,
                 lang TEXT NOT NULL, day DATE NOT NULL, text TEXT NOT NULL)""",
            """CREATE TABLE searches (
                 id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                 lang TEXT NOT NULL, day DATE NOT NULL, terms TEXT NOT NULL)""",
            "CREATE INDEX votes_day ON votes (day)",
            "CREATE INDEX comments_day ON comments (day)",
            "CREATE INDEX searches_day ON searches (day)",
        ),
    ),
)
