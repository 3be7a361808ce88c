"""Quiz sessions and answers: written as they happen, read back for standings, leaderboards and stats."""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime

import aiosqlite

from bot.content.models import QuizQuestion
from bot.records.models import MemberStats, QuestionReport, Season, SessionStatus, Standing, StoredSession


def _month_start(now: float) -> float:
    day = datetime.fromtimestamp(now, UTC)
    return day.replace(day=1, hour=0, minute=0, second=0, microsecond=0).timestamp()


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

    async def moved(self, session_id: str, channel_id: int) -> None:
        """The session runs in another channel (its own thread): a restart ends it there."""
        await self._db.execute("UPDATE quiz_sessions SET channel_id = ? WHERE id = ?", (channel_id, session_id))
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
        missed: QuizQuestion | None = None,
    ) -> bool:
        """Store a member's answer; False if they had already answered this question (the first counts). A
        `missed` question goes into the member's first review box, in the same transaction."""
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
        if missed is not None:
            await self._db.execute(
                "INSERT OR REPLACE INTO quiz_review VALUES (?, ?, ?, ?, 1, ?)",
                (guild_id, member_id, missed.key, missed.model_dump_json(), time.time()),
            )
        await self._db.commit()
        return True

    async def end(self, session_id: str, status: SessionStatus) -> None:
        await self._db.execute(
            "UPDATE quiz_sessions SET status = ?, ended_at = ? WHERE id = ? AND status = ?",
            (status, time.time(), session_id, SessionStatus.RUNNING),
        )
        await self._db.commit()

    async def asked(self, guild_id: int, topic: str | None) -> set[str]:
        """The keys of the questions this server has been asked on the topic (None: the whole library)."""
        async with self._db.execute(
            "SELECT question_key FROM quiz_asked WHERE guild_id = ? AND topic = ?", (guild_id, topic or "")
        ) as cursor:
            return {row[0] async for row in cursor}

    async def start_over(self, guild_id: int, topic: str | None) -> None:
        """The server has been asked every question on the topic: the next round may ask them all again."""
        await self._db.execute("DELETE FROM quiz_asked WHERE guild_id = ? AND topic = ?", (guild_id, topic or ""))
        await self._db.commit()

    async def shown(
        self, session_id: str, question: int, *, guild_id: int, topic: str | None, key: str, prompt: str
    ) -> None:
        """The session showed this question: the server has been asked it, and a member may report it."""
        await self._db.execute(
            "INSERT OR REPLACE INTO quiz_asked VALUES (?, ?, ?, ?)", (guild_id, topic or "", key, time.time())
        )
        await self._db.execute(
            "INSERT OR REPLACE INTO quiz_questions VALUES (?, ?, ?, ?)", (session_id, question, key, prompt)
        )
        await self._db.commit()

    async def dropped(self, guild_id: int) -> set[str]:
        """The questions moderators took out of this server's quizzes."""
        async with self._db.execute("SELECT question_key FROM quiz_dropped WHERE guild_id = ?", (guild_id,)) as cursor:
            return {row[0] async for row in cursor}

    async def forget_sentences(self, guild_id: int, sentence_ids: list[int]) -> None:
        """A source this server removed: the questions on its sentences leave its asked, review, dropped and
        reported lists (a question's key is `kind:sentence id`; ids are never given to another sentence)."""
        if not sentence_ids:
            return
        await self._db.execute("CREATE TEMP TABLE IF NOT EXISTS forgotten (sentence INTEGER PRIMARY KEY)")
        await self._db.execute("DELETE FROM forgotten")
        await self._db.executemany("INSERT OR IGNORE INTO forgotten VALUES (?)", [(i,) for i in sentence_ids])
        for table in ("quiz_asked", "quiz_review", "quiz_dropped", "quiz_reports"):
            await self._db.execute(
                f"DELETE FROM {table} WHERE guild_id = ? AND "
                "CAST(substr(question_key, instr(question_key, ':') + 1) AS INTEGER)"
                " IN (SELECT sentence FROM forgotten)",
                (guild_id,),
            )
        await self._db.commit()

    async def latest_question(self, channel_id: int, number: int) -> tuple[str, str] | None:
        """The key and prompt of question `number` (1-based) of the channel's latest quiz, if it was shown."""
        async with self._db.execute(
            "SELECT q.question_key, q.prompt FROM quiz_questions q WHERE q.question = ? AND q.session_id = ("
            "  SELECT id FROM quiz_sessions WHERE channel_id = ? ORDER BY started_at DESC LIMIT 1)",
            (number - 1, channel_id),
        ) as cursor:
            row = await cursor.fetchone()
        return (row[0], row[1]) if row else None

    async def report(self, guild_id: int, key: str, prompt: str, member_id: int, reason: str) -> int | None:
        """File a member's report; None if they already reported this question."""
        try:
            cursor = await self._db.execute(
                "INSERT INTO quiz_reports (guild_id, question_key, prompt, member_id, reason, reported_at, status) "
                "VALUES (?, ?, ?, ?, ?, ?, 'open')",
                (guild_id, key, prompt, member_id, reason, time.time()),
            )
        except sqlite3.IntegrityError:
            return None
        await self._db.commit()
        return cursor.lastrowid

    async def open_reports(self, guild_id: int) -> list[QuestionReport]:
        async with self._db.execute(
            "SELECT id, question_key, prompt, member_id, reason, reported_at FROM quiz_reports "
            "WHERE guild_id = ? AND status = 'open' ORDER BY id",
            (guild_id,),
        ) as cursor:
            return [QuestionReport(*row) async for row in cursor]

    async def handle_report(self, guild_id: int, report_id: int, moderator_id: int, *, drop: bool) -> str | None:
        """Drop the reported question from the server's quizzes (closing every report of it), or dismiss the
        report; the question's key, or None when the server has no such open report."""
        async with self._db.execute(
            "SELECT question_key FROM quiz_reports WHERE id = ? AND guild_id = ? AND status = 'open'",
            (report_id, guild_id),
        ) as cursor:
            row = await cursor.fetchone()
        if row is None:
            return None
        key = str(row[0])
        if drop:
            await self._db.execute(
                "INSERT OR IGNORE INTO quiz_dropped VALUES (?, ?, ?, ?)", (guild_id, key, moderator_id, time.time())
            )
            await self._db.execute(
                "UPDATE quiz_reports SET status = 'dropped', handled_by = ? "
                "WHERE guild_id = ? AND question_key = ? AND status = 'open'",
                (moderator_id, guild_id, key),
            )
        else:
            await self._db.execute(
                "UPDATE quiz_reports SET status = 'dismissed', handled_by = ? WHERE id = ?", (moderator_id, report_id)
            )
        await self._db.commit()
        return key

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

    async def leaderboard(self, guild_id: int, *, since: float, until: float | None = None) -> list[Standing]:
        """Points from sessions two or more members played, so a solo game does not farm the board."""
        async with self._db.execute(
            "SELECT a.member_id, sum(a.points), sum(a.correct), count(*) FROM quiz_answers a "
            "WHERE a.guild_id = ? AND a.answered_at >= ? AND a.answered_at < ? AND a.session_id IN ("
            "  SELECT session_id FROM quiz_answers GROUP BY session_id HAVING count(DISTINCT member_id) >= 2) "
            "GROUP BY a.member_id ORDER BY sum(a.points) DESC, sum(a.correct) DESC",
            (guild_id, since, until if until is not None else float("inf")),
        ) as cursor:
            return [Standing(*row) async for row in cursor]

    async def seasons(self, guild_id: int, *, now: float) -> list[Season]:
        """The server's seasons, oldest first; a new one begins with each calendar month (UTC) or when a
        moderator starts one, so the running season is brought up to date first."""
        month = _month_start(now)
        async with self._db.execute(
            "SELECT max(number), max(started_at) FROM quiz_seasons WHERE guild_id = ?", (guild_id,)
        ) as cursor:
            row = await cursor.fetchone()
        number, started = (row[0], row[1]) if row and row[0] is not None else (0, None)
        if started is None or started < month:
            await self._db.execute("INSERT INTO quiz_seasons VALUES (?, ?, ?)", (guild_id, number + 1, month))
            await self._db.commit()
        async with self._db.execute(
            "SELECT number, started_at FROM quiz_seasons WHERE guild_id = ? ORDER BY number", (guild_id,)
        ) as cursor:
            rows = [(int(n), float(at)) async for n, at in cursor]
        return [Season(n, at, rows[i + 1][1] if i + 1 < len(rows) else None) for i, (n, at) in enumerate(rows)]

    async def new_season(self, guild_id: int, *, now: float) -> Season:
        """End the running season now and start the next; past seasons keep their standings."""
        current = (await self.seasons(guild_id, now=now))[-1]
        await self._db.execute("INSERT INTO quiz_seasons VALUES (?, ?, ?)", (guild_id, current.number + 1, now))
        await self._db.commit()
        return Season(current.number + 1, now, None)

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
