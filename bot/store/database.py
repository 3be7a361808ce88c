"""Open the bot's SQLite database through an async driver and bring its schema up to date.

Migrations are numbered and applied in order at start, each in its own transaction, and the schema
version is kept in SQLite's `user_version`. Writes are committed before callers report success.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import aiosqlite

from bot.content.errors import StudybotError

BUSY_TIMEOUT_MS = 1500

MIGRATIONS: list[str] = [
    # 1: quiz sessions and answers, daily schedules and posts
    """
    CREATE TABLE quiz_sessions (
        id TEXT PRIMARY KEY, guild_id INTEGER NOT NULL, channel_id INTEGER NOT NULL,
        starter_id INTEGER NOT NULL, topic TEXT, seed INTEGER NOT NULL, questions INTEGER NOT NULL,
        seconds INTEGER NOT NULL, status TEXT NOT NULL
            CHECK (status IN ('running', 'finished', 'stopped', 'interrupted')),
        started_at REAL NOT NULL, ended_at REAL, message_id INTEGER
    );
    CREATE INDEX quiz_sessions_by_channel ON quiz_sessions (channel_id, status);
    CREATE TABLE quiz_answers (
        session_id TEXT NOT NULL REFERENCES quiz_sessions (id), question INTEGER NOT NULL,
        member_id INTEGER NOT NULL, guild_id INTEGER NOT NULL, choice INTEGER NOT NULL,
        correct INTEGER NOT NULL, seconds REAL NOT NULL, points INTEGER NOT NULL, answered_at REAL NOT NULL,
        PRIMARY KEY (session_id, question, member_id)
    );
    CREATE INDEX quiz_answers_by_member ON quiz_answers (guild_id, member_id, answered_at);
    CREATE TABLE daily_schedules (
        guild_id INTEGER PRIMARY KEY, channel_id INTEGER NOT NULL, time TEXT NOT NULL, timezone TEXT NOT NULL,
        enabled INTEGER NOT NULL, last_error TEXT, updated_at REAL NOT NULL
    );
    CREATE TABLE daily_posts (
        guild_id INTEGER NOT NULL, local_date TEXT NOT NULL, fact_key TEXT NOT NULL, channel_id INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('sending', 'posted', 'failed')), message_id INTEGER,
        posted_at REAL NOT NULL, PRIMARY KEY (guild_id, local_date)
    );
    """,
    # 2: how many times Discord refused a day's post, so a persistent failure ends instead of repeating
    """
    ALTER TABLE daily_posts ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
    """,
]


class StoreError(StudybotError):
    """The database cannot be used; it is left as it is, so nothing stored in it is lost."""


async def open_database(path: Path) -> aiosqlite.Connection:
    """The database at `path` (created if missing), migrated to the latest schema."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = await aiosqlite.connect(path)
    except (OSError, sqlite3.Error) as error:
        raise StoreError(f"{path}: cannot be opened ({error}).") from error
    try:
        await db.execute("PRAGMA journal_mode=WAL")
        await db.execute("PRAGMA foreign_keys=ON")
        # Shorter than Discord's 3-second deadline, so a member hears about a busy database in time.
        await db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        await migrate(db)
    except sqlite3.Error as error:
        await db.close()
        raise StoreError(
            f"{path}: cannot be used ({error}). It was left untouched: move it aside to start afresh, "
            "or restore a backup."
        ) from error
    return db


async def migrate(db: aiosqlite.Connection) -> int:
    """Apply the migrations the database has not seen; returns the schema version."""
    async with db.execute("PRAGMA user_version") as cursor:
        row = await cursor.fetchone()
    version = int(row[0]) if row else 0
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        await db.executescript(f"BEGIN; {script} PRAGMA user_version = {number}; COMMIT;")
    return len(MIGRATIONS)
