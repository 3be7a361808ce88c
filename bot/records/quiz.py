"""Quiz sessions and answers: written as they happen, read back for standings, leaderboards and stats."""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from bot.content.models import QuizQuestion
from bot.records.database import Database
from bot.records.models import MemberStats, QuestionReport, Season, SessionStatus, Standing, StoredSession
from bot.records.review import MISSED

# The server has been asked this question on this topic ('' for all), as of now.
ASKED = (
    "INSERT INTO quiz_asked VALUES (?, ?, ?, ?) ON CONFLICT (guild_id, topic, question_key) "
    "DO UPDATE SET asked_at = excluded.asked_at"
)


def _month_start(now: float) -> float:
    day = datetime.fromtimestamp(now, UTC)
    return day.replace(day=1, hour=0, minute=0, second=0, microsecond=0).timestamp()


class QuizRecords:
    def __init__(self, db: Database) -> None:
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
        )

    async def moved(self, session_id: str, channel_id: int) -> None:
        """The session runs in another channel (its own thread): a restart ends it there."""
        await self._db.execute("UPDATE quiz_sessions SET channel_id = ? WHERE id = ?", channel_id, session_id)

    async def set_message(self, session_id: str, message_id: int) -> None:
        await self._db.execute("UPDATE quiz_sessions SET message_id = ? WHERE id = ?", message_id, session_id)

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
        async with self._db.transaction() as records:
            stored = await records.execute(
                "INSERT INTO quiz_answers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                session_id,
                question,
                member_id,
                guild_id,
                choice,
                int(correct),
                seconds,
                points,
                time.time(),
            )
            if stored and missed is not None:
                await records.execute(MISSED, guild_id, member_id, missed.key, missed.model_dump_json(), time.time())
        return stored > 0

    async def end(self, session_id: str, status: SessionStatus) -> None:
        await self._db.execute(
            "UPDATE quiz_sessions SET status = ?, ended_at = ? WHERE id = ? AND status = ?",
            status,
            time.time(),
            session_id,
            SessionStatus.RUNNING,
        )

    async def asked(self, guild_id: int, topic: str | None) -> set[str]:
        """The keys of the questions this server has been asked on the topic (None: the whole library)."""
        rows = await self._db.fetch(
            "SELECT question_key FROM quiz_asked WHERE guild_id = ? AND topic = ?", guild_id, topic or ""
        )
        return {row[0] for row in rows}

    async def start_over(self, guild_id: int, topic: str | None) -> None:
        """The server has been asked every question on the topic: the next round may ask them all again."""
        await self._db.execute("DELETE FROM quiz_asked WHERE guild_id = ? AND topic = ?", guild_id, topic or "")

    async def shown(
        self, session_id: str, question: int, *, guild_id: int, topic: str | None, key: str, prompt: str
    ) -> None:
        """The session showed this question: the server has been asked it, and a member may report it."""
        async with self._db.transaction() as records:
            await records.execute(ASKED, guild_id, topic or "", key, time.time())
            await records.execute(
                "INSERT INTO quiz_questions VALUES (?, ?, ?, ?) ON CONFLICT (session_id, question) "
                "DO UPDATE SET question_key = excluded.question_key, prompt = excluded.prompt",
                session_id,
                question,
                key,
                prompt,
            )

    async def dropped(self, guild_id: int) -> set[str]:
        """The questions moderators took out of this server's quizzes."""
        rows = await self._db.fetch("SELECT question_key FROM quiz_dropped WHERE guild_id = ?", guild_id)
        return {row[0] for row in rows}

    async def forget_sentences(self, guild_id: int, sentence_ids: list[int]) -> None:
        """A source this server removed: the questions on its sentences leave its asked, review, dropped and
        reported lists (a question's key is `kind:sentence id`; ids are never given to another sentence)."""
        forgotten = {str(i) for i in sentence_ids}
        async with self._db.transaction() as records:
            for table in ("quiz_asked", "quiz_review", "quiz_dropped", "quiz_reports"):
                rows = await records.fetch(f"SELECT DISTINCT question_key FROM {table} WHERE guild_id = ?", guild_id)
                keys = [(guild_id, key) for (key,) in rows if key.partition(":")[2] in forgotten]
                await records.executemany(f"DELETE FROM {table} WHERE guild_id = ? AND question_key = ?", keys)

    async def latest_question(self, channel_id: int, number: int) -> tuple[str, str] | None:
        """The key and prompt of question `number` (1-based) of the channel's latest quiz, if it was shown."""
        row = await self._db.fetchrow(
            "SELECT q.question_key, q.prompt FROM quiz_questions q WHERE q.question = ? AND q.session_id = ("
            "  SELECT id FROM quiz_sessions WHERE channel_id = ? ORDER BY started_at DESC LIMIT 1)",
            number - 1,
            channel_id,
        )
        return (row[0], row[1]) if row else None

    async def report(self, guild_id: int, key: str, prompt: str, member_id: int, reason: str) -> int | None:
        """File a member's report; None if they already reported this question."""
        row = await self._db.fetchrow(
            "INSERT INTO quiz_reports (guild_id, question_key, prompt, member_id, reason, reported_at, status) "
            "VALUES (?, ?, ?, ?, ?, ?, 'open') ON CONFLICT DO NOTHING RETURNING id",
            guild_id,
            key,
            prompt,
            member_id,
            reason,
            time.time(),
        )
        return int(row[0]) if row else None

    async def open_reports(self, guild_id: int) -> list[QuestionReport]:
        rows = await self._db.fetch(
            "SELECT id, question_key, prompt, member_id, reason, reported_at FROM quiz_reports "
            "WHERE guild_id = ? AND status = 'open' ORDER BY id",
            guild_id,
        )
        return [QuestionReport(*row) for row in rows]

    async def handle_report(self, guild_id: int, report_id: int, moderator_id: int, *, drop: bool) -> str | None:
        """Drop the reported question from the server's quizzes (closing every report of it), or dismiss the
        report; the question's key, or None when the server has no such open report."""
        async with self._db.transaction() as records:
            row = await records.fetchrow(
                "SELECT question_key FROM quiz_reports WHERE id = ? AND guild_id = ? AND status = 'open'",
                report_id,
                guild_id,
            )
            if row is None:
                return None
            key = str(row[0])
            if drop:
                await records.execute(
                    "INSERT INTO quiz_dropped VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    guild_id,
                    key,
                    moderator_id,
                    time.time(),
                )
                await records.execute(
                    "UPDATE quiz_reports SET status = 'dropped', handled_by = ? "
                    "WHERE guild_id = ? AND question_key = ? AND status = 'open'",
                    moderator_id,
                    guild_id,
                    key,
                )
            else:
                await records.execute(
                    "UPDATE quiz_reports SET status = 'dismissed', handled_by = ? WHERE id = ?", moderator_id, report_id
                )
        return key

    async def running(self) -> list[StoredSession]:
        rows = await self._db.fetch(
            "SELECT id, guild_id, channel_id, starter_id, status, started_at, message_id FROM quiz_sessions "
            "WHERE status = ? ORDER BY started_at",
            SessionStatus.RUNNING,
        )
        return [
            StoredSession(id, guild, channel, starter, SessionStatus(status), started, message)
            for id, guild, channel, starter, status, started, message in rows
        ]

    async def last_start(self, guild_id: int, member_id: int) -> float | None:
        row = await self._db.fetchrow(
            "SELECT max(started_at) FROM quiz_sessions WHERE guild_id = ? AND starter_id = ?", guild_id, member_id
        )
        return row[0] if row else None

    async def standings(self, session_id: str) -> list[Standing]:
        rows = await self._db.fetch(
            "SELECT member_id, sum(points), sum(correct), count(*) FROM quiz_answers WHERE session_id = ? "
            "GROUP BY member_id ORDER BY sum(points) DESC, sum(correct) DESC, min(answered_at)",
            session_id,
        )
        return [_standing(row) for row in rows]

    async def leaderboard(self, guild_id: int, *, since: float, until: float | None = None) -> list[Standing]:
        """Points from sessions two or more members played, so a solo game does not farm the board."""
        rows = await self._db.fetch(
            "SELECT a.member_id, sum(a.points), sum(a.correct), count(*) FROM quiz_answers a "
            "WHERE a.guild_id = ? AND a.answered_at >= ? AND a.answered_at < ? AND a.session_id IN ("
            "  SELECT session_id FROM quiz_answers GROUP BY session_id HAVING count(DISTINCT member_id) >= 2) "
            "GROUP BY a.member_id ORDER BY sum(a.points) DESC, sum(a.correct) DESC",
            guild_id,
            since,
            until if until is not None else float("inf"),
        )
        return [_standing(row) for row in rows]

    async def seasons(self, guild_id: int, *, now: float) -> list[Season]:
        """The server's seasons, oldest first; a new one begins with each calendar month (UTC) or when a
        moderator starts one, so the running season is brought up to date first."""
        month = _month_start(now)
        row = await self._db.fetchrow(
            "SELECT max(number), max(started_at) FROM quiz_seasons WHERE guild_id = ?", guild_id
        )
        number, started = (row[0], row[1]) if row and row[0] is not None else (0, None)
        if started is None or started < month:
            # Two processes (or two commands) may both see the month begin: the first one's row counts.
            await self._db.execute(
                "INSERT INTO quiz_seasons VALUES (?, ?, ?) ON CONFLICT DO NOTHING", guild_id, number + 1, month
            )
        rows = await self._db.fetch(
            "SELECT number, started_at FROM quiz_seasons WHERE guild_id = ? ORDER BY number", guild_id
        )
        starts = [(int(n), float(at)) for n, at in rows]
        return [Season(n, at, starts[i + 1][1] if i + 1 < len(starts) else None) for i, (n, at) in enumerate(starts)]

    async def new_season(self, guild_id: int, *, now: float) -> Season:
        """End the running season now and start the next; past seasons keep their standings."""
        current = (await self.seasons(guild_id, now=now))[-1]
        await self._db.execute("INSERT INTO quiz_seasons VALUES (?, ?, ?)", guild_id, current.number + 1, now)
        return Season(current.number + 1, now, None)

    async def member_stats(self, guild_id: int, member_id: int) -> MemberStats:
        rows = await self._db.fetch(
            "SELECT correct, seconds FROM quiz_answers WHERE guild_id = ? AND member_id = ? ORDER BY answered_at",
            guild_id,
            member_id,
        )
        longest = current = 0
        for correct, _ in rows:
            current = current + 1 if correct else 0
            longest = max(longest, current)
        fastest = min((seconds for correct, seconds in rows if correct), default=None)
        return MemberStats(len(rows), sum(int(c) for c, _ in rows), current, longest, fastest)


def _standing(row: Sequence[Any]) -> Standing:
    # PostgreSQL sums integers as numeric (Decimal in Python); SQLite as integers.
    member, points, correct, answered = row
    return Standing(int(member), int(points), int(correct), int(answered))
