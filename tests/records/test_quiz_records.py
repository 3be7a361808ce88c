"""The quiz's records directly, on a real SQLite file: leaderboard seasons."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.records.database import open_database
from bot.records.quiz import QuizRecords


async def test_a_season_begins_with_each_month_and_on_demand(tmp_path):
    db = await open_database(tmp_path / "studybot.sqlite3")
    try:
        records = QuizRecords(db)
        november = datetime(2026, 11, 20, tzinfo=UTC).timestamp()
        first = await records.seasons(7, now=november)
        assert [(s.number, s.ended_at) for s in first] == [(1, None)]
        assert first[0].started_at == datetime(2026, 11, 1, tzinfo=UTC).timestamp()
        await records.new_season(7, now=november + 60)
        december = datetime(2026, 12, 2, tzinfo=UTC).timestamp()
        seasons = await records.seasons(7, now=december)
        assert [s.number for s in seasons] == [1, 2, 3]
        assert seasons[0].ended_at == november + 60 and seasons[1].ended_at == seasons[2].started_at
        assert await records.seasons(8, now=december) != seasons  # each server its own
    finally:
        await db.close()


async def test_a_removed_source_takes_its_questions_out_of_one_servers_records(tmp_path):
    db = await open_database(tmp_path / "studybot.sqlite3")
    try:
        for guild in (1, 2):
            for key in ("figure:5", "who:6", "source:7", "figure:15"):
                await db.execute("INSERT INTO quiz_asked VALUES (?, '', ?, 0)", (guild, key))
                await db.execute("INSERT INTO quiz_dropped VALUES (?, ?, 99, 0)", (guild, key))
        await db.commit()
        await QuizRecords(db).forget_sentences(1, [5, 6])
        assert await QuizRecords(db).asked(1, None) == {"source:7", "figure:15"}
        assert await QuizRecords(db).dropped(1) == {"source:7", "figure:15"}
        assert len(await QuizRecords(db).asked(2, None)) == 4
    finally:
        await db.close()
