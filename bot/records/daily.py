"""Daily-fact schedules and the record of what was posted on which local date."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from typing import Any

import aiosqlite

from bot.records.models import DailyPost, DailySchedule, PostStatus

_SCHEDULE = "SELECT guild_id, channel_id, time, timezone, enabled, last_error FROM daily_schedules"
_POST = "SELECT guild_id, local_date, fact_key, channel_id, status, message_id, posted_at FROM daily_posts"


def _schedule(row: Sequence[Any]) -> DailySchedule:
    guild_id, channel_id, at, timezone, enabled, last_error = row
    return DailySchedule(guild_id, channel_id, at, timezone, bool(enabled), last_error)


def _post(row: Sequence[Any]) -> DailyPost:
    guild_id, local_date, fact_key, channel_id, status, message_id, claimed_at = row
    return DailyPost(guild_id, local_date, fact_key, channel_id, PostStatus(status), message_id, claimed_at)


class DailyRecords:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db

    async def set_schedule(self, guild_id: int, channel_id: int, at: str, timezone: str) -> None:
        await self._db.execute(
            "INSERT INTO daily_schedules VALUES (?, ?, ?, ?, 1, NULL, ?) ON CONFLICT (guild_id) DO UPDATE SET "
            "channel_id = excluded.channel_id, time = excluded.time, timezone = excluded.timezone, enabled = 1, "
            "last_error = NULL, updated_at = excluded.updated_at",
            (guild_id, channel_id, at, timezone, time.time()),
        )
        await self._db.commit()

    async def disable(self, guild_id: int) -> bool:
        cursor = await self._db.execute("UPDATE daily_schedules SET enabled = 0 WHERE guild_id = ?", (guild_id,))
        await self._db.commit()
        return cursor.rowcount > 0

    async def schedule(self, guild_id: int) -> DailySchedule | None:
        async with self._db.execute(f"{_SCHEDULE} WHERE guild_id = ?", (guild_id,)) as cursor:
            row = await cursor.fetchone()
        return _schedule(row) if row else None

    async def enabled(self) -> list[DailySchedule]:
        async with self._db.execute(f"{_SCHEDULE} WHERE enabled = 1") as cursor:
            return [_schedule(row) async for row in cursor]

    async def set_error(self, guild_id: int, error: str | None) -> None:
        await self._db.execute("UPDATE daily_schedules SET last_error = ? WHERE guild_id = ?", (error, guild_id))
        await self._db.commit()

    async def claim(self, guild_id: int, local_date: str, fact_key: str, channel_id: int) -> bool:
        """Reserve the day's post before sending it; False when the day already has one (sent or sending)."""
        try:
            await self._db.execute(
                "INSERT INTO daily_posts VALUES (?, ?, ?, ?, ?, NULL, ?, 0)",
                (guild_id, local_date, fact_key, channel_id, PostStatus.SENDING, time.time()),
            )
        except sqlite3.IntegrityError:
            return False
        await self._db.commit()
        return True

    async def count_failure(self, guild_id: int, local_date: str) -> int:
        """One more refusal of the day's post; returns how many there have been."""
        async with self._db.execute(
            "UPDATE daily_posts SET failures = failures + 1 WHERE guild_id = ? AND local_date = ? RETURNING failures",
            (guild_id, local_date),
        ) as cursor:
            row = await cursor.fetchone()
        await self._db.commit()
        return int(row[0]) if row else 0

    async def finish(self, guild_id: int, local_date: str, status: PostStatus, message_id: int | None = None) -> None:
        await self._db.execute(
            "UPDATE daily_posts SET status = ?, message_id = ? WHERE guild_id = ? AND local_date = ?",
            (status, message_id, guild_id, local_date),
        )
        await self._db.commit()

    async def post(self, guild_id: int, local_date: str) -> DailyPost | None:
        async with self._db.execute(
            f"{_POST} WHERE guild_id = ? AND local_date = ?",
            (guild_id, local_date),
        ) as cursor:
            row = await cursor.fetchone()
        return _post(row) if row else None

    async def posted_keys(self, guild_id: int) -> list[str]:
        async with self._db.execute(
            "SELECT fact_key FROM daily_posts WHERE guild_id = ? AND status = ? ORDER BY local_date",
            (guild_id, PostStatus.POSTED),
        ) as cursor:
            return [row[0] async for row in cursor]

    async def last_post(self, guild_id: int) -> DailyPost | None:
        async with self._db.execute(
            f"{_POST} WHERE guild_id = ? ORDER BY local_date DESC LIMIT 1",
            (guild_id,),
        ) as cursor:
            row = await cursor.fetchone()
        return _post(row) if row else None
