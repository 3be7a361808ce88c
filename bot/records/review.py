"""Each member's missed questions in Leitner boxes: a question moves up a box when answered right and
comes back later the higher its box, back to the first box when missed, out when learned."""

from __future__ import annotations

import time

from bot.content.models import QuizQuestion
from bot.quiz_rules import LEARNED, next_box
from bot.records.database import Database

# A missed question into the member's first box (again, if it was there), due now.
MISSED = (
    "INSERT INTO quiz_review VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT (guild_id, member_id, question_key) "
    "DO UPDATE SET question = excluded.question, box = 1, due_at = excluded.due_at"
)


class ReviewRecords:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def due(self, guild_id: int, member_id: int) -> tuple[QuizQuestion, int] | None:
        """The member's question due soonest, if one is due now, and its box."""
        row = await self._db.fetchrow(
            "SELECT question, box FROM quiz_review WHERE guild_id = ? AND member_id = ? AND due_at <= ? "
            "ORDER BY due_at, question_key LIMIT 1",
            guild_id,
            member_id,
            time.time(),
        )
        return (QuizQuestion.model_validate_json(row[0]), int(row[1])) if row else None

    async def waiting(self, guild_id: int, member_id: int) -> tuple[int, float | None]:
        """How many questions wait in the member's boxes, and when the next falls due."""
        row = await self._db.fetchrow(
            "SELECT count(*), min(due_at) FROM quiz_review WHERE guild_id = ? AND member_id = ?", guild_id, member_id
        )
        return (int(row[0]), row[1]) if row else (0, None)

    async def question(self, guild_id: int, member_id: int, key: str) -> QuizQuestion | None:
        """The question as the member missed it, while it is in their boxes."""
        row = await self._db.fetchrow(
            "SELECT question FROM quiz_review WHERE guild_id = ? AND member_id = ? AND question_key = ?",
            guild_id,
            member_id,
            key,
        )
        return QuizQuestion.model_validate_json(row[0]) if row else None

    async def answered(self, guild_id: int, member_id: int, key: str, box: int, *, right: bool) -> int | None:
        """Move the question from `box` by the member's answer: its new box (`LEARNED` when it leaves the
        boxes), or None when it was not in that box (a second click on the same message)."""
        moved, wait = next_box(box, right=right)
        where = "WHERE guild_id = ? AND member_id = ? AND question_key = ? AND box = ?"
        if moved is None:
            changed = await self._db.execute(f"DELETE FROM quiz_review {where}", guild_id, member_id, key, box)
        else:
            changed = await self._db.execute(
                f"UPDATE quiz_review SET box = ?, due_at = ? {where}",
                moved,
                time.time() + wait,
                guild_id,
                member_id,
                key,
                box,
            )
        if changed == 0:
            return None
        return LEARNED if moved is None else moved
