"""The daily records directly, on a real SQLite file: a database from before daily questions keeps its posts."""

from __future__ import annotations

import sqlite3

from bot.records.daily import DailyRecords
from bot.records.migrations import MIGRATIONS
from bot.records.models import DailyChoice, DailyKind, PostStatus
from bot.records.sqlite import open_sqlite


async def test_posts_and_schedules_from_before_daily_questions_are_kept_as_facts(tmp_path):
    path = tmp_path / "studybot.sqlite3"
    with sqlite3.connect(path) as old:
        for number, script in enumerate(MIGRATIONS[:3], start=1):
            old.executescript(f"{script} PRAGMA user_version = {number};")
        old.execute("INSERT INTO daily_schedules VALUES (7, 70, '09:00', 'UTC', 1, NULL, 0)")
        old.execute("INSERT INTO daily_posts VALUES (7, '2026-11-20', 'stat:12', 70, 'posted', 700, 1.5, 0)")
    old.close()

    db = await open_sqlite(path)
    try:
        records = DailyRecords(db)
        schedule = await records.schedule(7)
        assert schedule is not None and schedule.post is DailyChoice.FACT and schedule.reveal_hours == 8
        [post] = await records.last_posts(7)
        assert (post.kind, post.key, post.status, post.message_id) == (
            DailyKind.FACT,
            "stat:12",
            PostStatus.POSTED,
            700,
        )
        assert await records.posted_keys(7, DailyKind.FACT) == ["stat:12"]
        assert await records.posted_keys(7, DailyKind.QUESTION) == []
    finally:
        await db.close()
