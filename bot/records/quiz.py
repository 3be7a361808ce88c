"""Quiz sessions and answers: written as they happen, read back for standings, leaderboards and stats."""

from __future__ import annotations

import sqlite3
import time

import aiosqlite

from bot.records.models import MemberStats, SessionStatus, Standing, StoredSession


class QuizRecords:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db

    async def start(
        self,
        session_id: str,
        *,
        guild_id: int,
        channel_id: int,
        starter_id: int,
        topic: str | None,
        seed: int,
        questions: int,
        seconds: int,
    ) -> None:
        await self._db.execute(
            "INSERT INTO quiz_sessions (id, guild_id, channel_id, starter_id, topic, seed, questions, seconds, "
            "status, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                session_id,
                guild_id,
                channel_id,
                starter_id,
                topic,
                seed,
                questions,
                seconds,
                SessionStatus.RUNNING,
                time.time(),
            ),
        )
        await self._db.commit()

    async def set_message(self, session_id: str, message_id: int) -> None:
        await self._db.execute("UPDATE quiz_sessions SET message_id = ? WHERE id = ?", (message_id, session_id))
        await self._db.commit()

    async def record_answer(
        self,
        session_id: str,
        *,
        question: int,
        member_id: int,
        guild_id: int,
        choice: int,
        correct: bool,
        seconds: float,
        points: int,
    ) -> bool:
        """Store a member's answer; False if they had already answered this question (the first counts)."""
        try:
            await self._db.execute(
                "INSERT INTO quiz_answers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    session_id,
                    question,
                    member_id,
                    guild_id,
                    choice,
                    int(correct),
                    seconds,
                    points,
                    time.time(),
                ),
            )
        except sqlite3.IntegrityError:
            return False
        await self._db.commit()
        return True

    async def end(self, session_id: str, status: SessionStatus) -> None:
        await self._db.execute(
            "UPDATE quiz_sessions SET status = ?, ended_at = ? WHERE id = ? AND status = ?",
            (status, time.time(), session_id, SessionStatus.RUNNING),
        )
        await self._db.commit()

    async def running(self) -> list[StoredSession]:
        async with self._db.execute(
            "SELECT id, guild_id, channel_id, starter_id, status, started_at, message_id FROM quiz_sessions "
            "WHERE status = ? ORDER BY started_at",
            (SessionStatus.RUNNING,),
        ) as cursor:
            return [
                StoredSession(id, guild, channel, starter, SessionStatus(status), started, message)
                async for id, guild, channel, starter, status, started, message in cursor
            ]

    async def last_start(self, guild_id: int, member_id: int) -> float | None:
        async with self._db.execute(
            "SELECT max(started_at) FROM quiz_sessions WHERE guild_id = ? AND starter_id = ?",
            (guild_id, member_id),
        ) as cursor:
            row = await cursor.fetchone()
        return row[0] if row else None

    async def standings(self, session_id: str) -> list[Standing]:
        async with self._db.execute(
            "SELECT member_id, sum(points), sum(correct), count(*) FROM quiz_answers WHERE session_id = ? "
            "GROUP BY member_id ORDER BY sum(points) DESC, sum(correct) DESC, min(answered_at)",
            (session_id,),
        ) as cursor:
            return [Standing(*row) async for row in cursor]

    async def leaderboard(self, guild_id: int, *, since: float) -> list[Standing]:
        """Points from sessions two or more members played, so a solo game does not farm the board."""
        async with self._db.execute(
            "SELECT a.member_id, sum(a.points), sum(a.correct), count(*) FROM quiz_answers a "
            "WHERE a.guild_id = ? AND a.answered_at >= ? AND a.session_id IN ("
            "  SELECT session_id FROM quiz_answers GROUP BY session_id HAVING count(DISTINCT member_id) >= 2) "
            "GROUP BY a.member_id ORDER BY sum(a.points) DESC, sum(a.correct) DESC",
            (guild_id, since),
        ) as cursor:
            return [Standing(*row) async for row in cursor]

    async def member_stats(self, guild_id: int, member_id: int) -> MemberStats:
        async with self._db.execute(
            "SELECT correct, seconds FROM quiz_answers WHERE guild_id = ? AND member_id = ? ORDER BY answered_at",
            (guild_id, member_id),
        ) as cursor:
            rows = [row async for row in cursor]
        longest = current = 0
        for correct, _ in rows:
            current = current + 1 if correct else 0
            longest = max(longest, current)
        fastest = min((seconds for correct, seconds in rows if correct), default=None)
        return MemberStats(len(rows), sum(c for c, _ in rows), current, longest, fastest)
