"""Daily schedules, the record of what was posted on which local date (a fact, a question or both), and
members' answers to the daily question until its answer is revealed."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from bot.content.models import QuizQuestion
from bot.records.database import Database
from bot.records.models import DailyChoice, DailyKind, DailyPost, DailyQuestion, DailySchedule, PostStatus
from bot.records.quiz import ASKED
from bot.records.review import MISSED

_SCHEDULE = "SELECT guild_id, channel_id, time, timezone, enabled, last_error, post, reveal_hours FROM daily_schedules"
_POST = "SELECT guild_id, local_date, kind, item_key, channel_id, status, message_id, posted_at FROM daily_posts"
_QUESTION = (
    "SELECT q.guild_id, q.local_date, q.question, q.reveal_at, q.revealed, p.channel_id, p.message_id "
    "FROM daily_questions q JOIN daily_posts p "
    "ON p.guild_id = q.guild_id AND p.local_date = q.local_date AND p.kind = 'question'"
)


def _schedule(row: Sequence[Any]) -> DailySchedule:
    guild_id, channel_id, at, timezone, enabled, last_error, post, reveal_hours = row
    return DailySchedule(
        guild_id, channel_id, at, timezone, bool(enabled), last_error, DailyChoice(post), int(reveal_hours)
    )


def _post(row: Sequence[Any]) -> DailyPost:
    guild_id, local_date, kind, key, channel_id, status, message_id, claimed_at = row
    return DailyPost(guild_id, local_date, DailyKind(kind), key, channel_id, PostStatus(status), message_id, claimed_at)


def _question(row: Sequence[Any]) -> DailyQuestion:
    guild_id, local_date, question, reveal_at, revealed, channel_id, message_id = row
    return DailyQuestion(
        guild_id,
        local_date,
        QuizQuestion.model_validate_json(question),
        reveal_at,
        bool(revealed),
        channel_id,
        message_id,
    )


class DailyRecords:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def set_schedule(
        self, guild_id: int, channel_id: int, at: str, timezone: str, post: DailyChoice, reveal_hours: int
    ) -> None:
        await self._db.execute(
            "INSERT INTO daily_schedules (guild_id, channel_id, time, timezone, enabled, last_error, updated_at, "
            "post, reveal_hours) VALUES (?, ?, ?, ?, 1, NULL, ?, ?, ?) ON CONFLICT (guild_id) DO UPDATE SET "
            "channel_id = excluded.channel_id, time = excluded.time, timezone = excluded.timezone, enabled = 1, "
            "last_error = NULL, updated_at = excluded.updated_at, post = excluded.post, "
            "reveal_hours = excluded.reveal_hours",
            guild_id,
            channel_id,
            at,
            timezone,
            time.time(),
            post,
            reveal_hours,
        )

    async def disable(self, guild_id: int) -> bool:
        return await self._db.execute("UPDATE daily_schedules SET enabled = 0 WHERE guild_id = ?", guild_id) > 0

    async def schedule(self, guild_id: int) -> DailySchedule | None:
        row = await self._db.fetchrow(f"{_SCHEDULE} WHERE guild_id = ?", guild_id)
        return _schedule(row) if row else None

    async def enabled(self) -> list[DailySchedule]:
        return [_schedule(row) for row in await self._db.fetch(f"{_SCHEDULE} WHERE enabled = 1")]

    async def set_error(self, guild_id: int, error: str | None) -> None:
        await self._db.execute("UPDATE daily_schedules SET last_error = ? WHERE guild_id = ?", error, guild_id)

    async def claim(
        self,
        guild_id: int,
        local_date: str,
        kind: DailyKind,
        key: str,
        channel_id: int,
        question: tuple[QuizQuestion, float] | None = None,
    ) -> bool:
        """Reserve the day's post of this kind before sending it; False when the day already has one (sent or
        sending), also when another bot process claimed it first. A question is kept with the moment its
        answer is revealed, and counted as asked in the server, in the same transaction."""
        async with self._db.transaction() as records:
            claimed = await records.execute(
                "INSERT INTO daily_posts VALUES (?, ?, ?, ?, ?, ?, NULL, ?, 0) ON CONFLICT DO NOTHING",
                guild_id,
                local_date,
                kind,
                key,
                channel_id,
                PostStatus.SENDING,
                time.time(),
            )
            if claimed and question is not None:
                asked, reveal_at = question
                await records.execute(
                    "INSERT INTO daily_questions VALUES (?, ?, ?, ?, 0) ON CONFLICT (guild_id, local_date) "
                    "DO UPDATE SET question = excluded.question, reveal_at = excluded.reveal_at, revealed = 0",
                    guild_id,
                    local_date,
                    asked.model_dump_json(),
                    reveal_at,
                )
                # The server's quizzes on all topics do not ask it again until their questions run out.
                await records.execute(ASKED, guild_id, "", asked.key, time.time())
        return claimed > 0

    async def count_failure(self, guild_id: int, local_date: str, kind: DailyKind) -> int:
        """One more refusal of the day's post; returns how many there have been."""
        row = await self._db.fetchrow(
            "UPDATE daily_posts SET failures = failures + 1 WHERE guild_id = ? AND local_date = ? AND kind = ? "
            "RETURNING failures",
            guild_id,
            local_date,
            kind,
        )
        return int(row[0]) if row else 0

    async def finish(
        self, guild_id: int, local_date: str, kind: DailyKind, status: PostStatus, message_id: int | None = None
    ) -> None:
        await self._db.execute(
            "UPDATE daily_posts SET status = ?, message_id = ? WHERE guild_id = ? AND local_date = ? AND kind = ?",
            status,
            message_id,
            guild_id,
            local_date,
            kind,
        )

    async def post(self, guild_id: int, local_date: str, kind: DailyKind) -> DailyPost | None:
        row = await self._db.fetchrow(
            f"{_POST} WHERE guild_id = ? AND local_date = ? AND kind = ?", guild_id, local_date, kind
        )
        return _post(row) if row else None

    async def posted_keys(self, guild_id: int, kind: DailyKind) -> list[str]:
        rows = await self._db.fetch(
            "SELECT item_key FROM daily_posts WHERE guild_id = ? AND kind = ? AND status = ? ORDER BY local_date",
            guild_id,
            kind,
            PostStatus.POSTED,
        )
        return [row[0] for row in rows]

    async def last_posts(self, guild_id: int) -> list[DailyPost]:
        """The latest day's posts, fact before question."""
        rows = await self._db.fetch(
            f"{_POST} WHERE guild_id = ? AND local_date = "
            "(SELECT max(local_date) FROM daily_posts WHERE guild_id = ?) ORDER BY kind",
            guild_id,
            guild_id,
        )
        return [_post(row) for row in rows]

    # -- the daily question -------------------------------------------------------------------------

    async def question(self, guild_id: int, local_date: str) -> DailyQuestion | None:
        row = await self._db.fetchrow(f"{_QUESTION} WHERE q.guild_id = ? AND q.local_date = ?", guild_id, local_date)
        return _question(row) if row else None

    async def to_reveal(self, now: float) -> list[DailyQuestion]:
        """Posted questions whose answer is due to be shown."""
        rows = await self._db.fetch(
            f"{_QUESTION} WHERE q.revealed = 0 AND q.reveal_at <= ? AND p.status = ?", now, PostStatus.POSTED
        )
        return [_question(row) for row in rows]

    async def answer(self, guild_id: int, local_date: str, member_id: int, choice: int) -> int:
        """Store a member's answer; returns the choice that counts: theirs, or an earlier one (the first counts)."""
        row = await self._db.fetchrow(
            "INSERT INTO daily_answers VALUES (?, ?, ?, ?, ?) ON CONFLICT (guild_id, local_date, member_id) "
            "DO UPDATE SET choice = daily_answers.choice RETURNING choice",
            guild_id,
            local_date,
            member_id,
            choice,
            time.time(),
        )
        assert row is not None  # an upsert with RETURNING always returns its row
        return int(row[0])

    async def answers(self, guild_id: int, local_date: str) -> dict[int, int]:
        """Each member who answered, and their choice."""
        rows = await self._db.fetch(
            "SELECT member_id, choice FROM daily_answers WHERE guild_id = ? AND local_date = ? ORDER BY answered_at",
            guild_id,
            local_date,
        )
        return {int(member): int(choice) for member, choice in rows}

    async def revealed(self, asked: DailyQuestion, missed_by: list[int]) -> None:
        """The answer is out; the members who missed it find the question in their review boxes, in the same
        transaction, so a crash cannot add it twice or not at all."""
        async with self._db.transaction() as records:
            await records.execute(
                "UPDATE daily_questions SET revealed = 1 WHERE guild_id = ? AND local_date = ?",
                asked.guild_id,
                asked.local_date,
            )
            await records.executemany(
                MISSED,
                [
                    (asked.guild_id, member, asked.question.key, asked.question.model_dump_json(), time.time())
                    for member in missed_by
                ],
            )
