"""The records' schema as numbered migrations, written once in SQLite's SQL and applied to SQLite as written
and to PostgreSQL through `for_postgres`, so both databases have the same tables at the same number.

Only the column types differ: a Discord id needs 64 bits (SQLite's INTEGER has them, PostgreSQL's INTEGER
is 32), SQLite's REAL is PostgreSQL's DOUBLE PRECISION, and SQLite's row id key is an identity column.
"""

from __future__ import annotations

import re

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


_POSTGRES_TYPES = (
    (re.compile(r"\bINTEGER PRIMARY KEY\b"), "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"),
    (re.compile(r"\bINTEGER\b"), "BIGINT"),
    (re.compile(r"\bREAL\b"), "DOUBLE PRECISION"),
)


def for_postgres(script: str) -> str:
    """A migration in PostgreSQL's types (its statements are otherwise the same in both)."""
    for pattern, replacement in _POSTGRES_TYPES:
        script = pattern.sub(replacement, script)
    return script


# Every table, parents before the tables whose foreign keys name them: the order rows are copied in.
TABLES = (
    "quiz_sessions",
    "quiz_answers",
    "quiz_questions",
    "quiz_asked",
    "quiz_reports",
    "quiz_dropped",
    "quiz_seasons",
    "quiz_review",
    "daily_schedules",
    "daily_posts",
    "daily_questions",
    "daily_answers",
)
