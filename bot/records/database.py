"""Open the bot's SQLite database through an async driver and bring its schema up to date.

Migrations are numbered and applied in order at start, each in its own transaction, and the schema
version is kept in SQLite's `user_version`. Writes are committed before callers report success.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import aiosqlite

from bot.errors import StudybotError
from bot.filelock import FileLock, Locked

DATABASE_FILE = "studybot.sqlite3"  # in the data folder
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
    # 3: the questions each server has been asked, per topic ('' for all), so none repeats until they run
    # out; each session's questions, so a member can report one; reports, and the questions a server dropped;
    # each member's missed questions in Leitner boxes, for /quiz review; each server's leaderboard seasons
    """
    CREATE TABLE quiz_asked (
        guild_id INTEGER NOT NULL, topic TEXT NOT NULL, question_key TEXT NOT NULL, asked_at REAL NOT NULL,
        PRIMARY KEY (guild_id, topic, question_key)
    );
    CREATE TABLE quiz_questions (
        session_id TEXT NOT NULL REFERENCES quiz_sessions (id), question INTEGER NOT NULL,
        question_key TEXT NOT NULL, prompt TEXT NOT NULL, PRIMARY KEY (session_id, question)
    );
    CREATE TABLE quiz_reports (
        id INTEGER PRIMARY KEY, guild_id INTEGER NOT NULL, question_key TEXT NOT NULL, prompt TEXT NOT NULL,
        member_id INTEGER NOT NULL, reason TEXT NOT NULL, reported_at REAL NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'dropped', 'dismissed')), handled_by INTEGER,
        UNIQUE (guild_id, question_key, member_id)
    );
    CREATE TABLE quiz_dropped (
        guild_id INTEGER NOT NULL, question_key TEXT NOT NULL, dropped_by INTEGER NOT NULL, dropped_at REAL NOT NULL,
        PRIMARY KEY (guild_id, question_key)
    );
    CREATE TABLE quiz_seasons (
        guild_id INTEGER NOT NULL, number INTEGER NOT NULL, started_at REAL NOT NULL, PRIMARY KEY (guild_id, number)
    );
    CREATE TABLE quiz_review (
        guild_id INTEGER NOT NULL, member_id INTEGER NOT NULL, question_key TEXT NOT NULL, question TEXT NOT NULL,
        box INTEGER NOT NULL, due_at REAL NOT NULL, PRIMARY KEY (guild_id, member_id, question_key)
    );
    """,
    # 4: a server's daily post may be a fact, a question or both, the question's answer revealed some hours
    # later: each day's posts kept per kind (the facts before this migration stay facts); each daily
    # question as it was asked, so its buttons and reveal outlive a restart; members' answers to it
    """
    ALTER TABLE daily_schedules ADD COLUMN post TEXT NOT NULL DEFAULT 'fact'
        CHECK (post IN ('fact', 'question', 'both'));
    ALTER TABLE daily_schedules ADD COLUMN reveal_hours INTEGER NOT NULL DEFAULT 8;
    CREATE TABLE daily_posts_by_kind (
        guild_id INTEGER NOT NULL, local_date TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('fact', 'question')),
        item_key TEXT NOT NULL, channel_id INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('sending', 'posted', 'failed')), message_id INTEGER,
        posted_at REAL NOT NULL, failures INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (guild_id, local_date, kind)
    );
    INSERT INTO daily_posts_by_kind
        SELECT guild_id, local_date, 'fact', fact_key, channel_id, status, message_id, posted_at, failures
        FROM daily_posts;
    DROP TABLE daily_posts;
    ALTER TABLE daily_posts_by_kind RENAME TO daily_posts;
    CREATE TABLE daily_questions (
        guild_id INTEGER NOT NULL, local_date TEXT NOT NULL, question TEXT NOT NULL, reveal_at REAL NOT NULL,
        revealed INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (guild_id, local_date)
    );
    CREATE TABLE daily_answers (
        guild_id INTEGER NOT NULL, local_date TEXT NOT NULL, member_id INTEGER NOT NULL, choice INTEGER NOT NULL,
        answered_at REAL NOT NULL, PRIMARY KEY (guild_id, local_date, member_id)
    );
    """,
]


class DatabaseError(StudybotError):
    """The database cannot be used; it is left as it is, so nothing stored in it is lost."""


async def open_database(path: Path) -> aiosqlite.Connection:
    """The database at `path` (created if missing), migrated to the latest schema."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = await aiosqlite.connect(path)
    except (OSError, sqlite3.Error) as error:
        raise DatabaseError(f"{path}: cannot be opened ({error}).") from error
    try:
        # Shorter than Discord's 3-second deadline, so a member hears about a busy database in time.
        await db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        await _refuse_newer(db, path)  # before anything below writes to the file
        await db.execute("PRAGMA journal_mode=WAL")
        await db.execute("PRAGMA foreign_keys=ON")
        await migrate(db)
    except sqlite3.Error as error:
        await db.close()
        raise DatabaseError(
            f"{path}: cannot be used ({error}). It was left untouched: move it aside to start afresh, "
            "or restore a backup."
        ) from error
    except DatabaseError:
        await db.close()
        raise
    return db


def lock_data_folder(data_dir: Path) -> FileLock:
    """Hold the data folder for this process: a second bot on the same folder would end the first one's
    quizzes and post its daily facts twice. The kernel releases the lock when the holder dies."""
    lock = FileLock(data_dir / ".lock")
    try:
        lock.acquire(wait=False)
    except Locked as held:
        raise DatabaseError(
            f"{data_dir}: another studybot (process {held.holder or 'unknown'}) is using this data folder. "
            "Stop it first, or give this bot its own data_dir."
        ) from None
    except OSError as error:
        raise DatabaseError(f"{data_dir}: cannot be locked ({error.strerror}).") from error
    return lock


async def _schema_version(db: aiosqlite.Connection) -> int:
    async with db.execute("PRAGMA user_version") as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def _refuse_newer(db: aiosqlite.Connection, path: Path) -> None:
    """A database from a newer studybot is not used: this code would misread what the newer one wrote."""
    version = await _schema_version(db)
    if version > len(MIGRATIONS):
        raise DatabaseError(
            f"{path}: made by a newer studybot (schema {version}; this one knows up to {len(MIGRATIONS)}). "
            "It was left untouched: run the newer version, or restore a backup made with this one."
        )


async def migrate(db: aiosqlite.Connection) -> int:
    """Apply the migrations the database has not seen; returns the schema version."""
    version = await _schema_version(db)
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        await db.executescript(f"BEGIN; {script} PRAGMA user_version = {number}; COMMIT;")
    return len(MIGRATIONS)
