"""The records on both databases: every test here runs on a real SQLite file and on a real PostgreSQL server."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import asyncpg
import pytest

from bot.content.engine import StudyEngine
from bot.content.models import QuizQuestion
from bot.records.daily import DailyRecords
from bot.records.database import Database, DatabaseError, RecordsError
from bot.records.migrations import MIGRATIONS, TABLES
from bot.records.models import DailyChoice, DailyKind, PostStatus, SessionStatus
from bot.records.postgres import open_postgres
from bot.records.quiz import QuizRecords
from bot.records.review import ReviewRecords
from bot.records.sqlite import open_sqlite

GUILD = 1_234_567_890_123_456_789  # Discord ids need 64 bits; above 2**53 a double would round them
OTHER = 987_654_321_987_654_321
ALICE, BOB, CAROL = 1_100_000_000_000_000_001, 1_100_000_000_000_000_002, 1_100_000_000_000_000_003


@pytest.fixture(params=["sqlite", "postgresql"])
async def database(request: pytest.FixtureRequest, tmp_path) -> AsyncIterator[Database]:
    if request.param == "sqlite":
        db: Database = await open_sqlite(tmp_path / "studybot.sqlite3")
    else:
        db = await open_postgres(request.getfixturevalue("postgres_url"))
    try:
        yield db
    finally:
        await db.close()


@pytest.fixture(scope="module")
def questions(engine: StudyEngine) -> list[QuizQuestion]:
    return engine.quiz(count=3, seed=5).questions


async def _session(records: QuizRecords, session: str, channel: int = 70, starter: int = ALICE) -> None:
    await records.start(
        session, guild_id=GUILD, channel_id=channel, starter_id=starter, topic=None, seed=1, questions=3, seconds=20
    )


async def test_a_session_keeps_the_first_answer_and_ranks_its_players(database: Database, questions):
    records = QuizRecords(database)
    await _session(records, "s1")
    await records.set_message("s1", 5_000_000_000_000_000_001)
    [stored] = await records.running()
    assert (stored.guild_id, stored.starter_id, stored.message_id) == (GUILD, ALICE, 5_000_000_000_000_000_001)
    answer = {"guild_id": GUILD, "choice": 1, "seconds": 2.5}
    assert await records.record_answer("s1", question=0, member_id=ALICE, correct=True, points=140, **answer)
    assert not await records.record_answer("s1", question=0, member_id=ALICE, correct=False, points=0, **answer)
    assert await records.record_answer(
        "s1", question=0, member_id=BOB, correct=False, points=0, missed=questions[0], **answer
    )
    assert await records.record_answer("s1", question=1, member_id=BOB, correct=True, points=110, **answer)
    standings = await records.standings("s1")
    assert [(s.member_id, s.points, s.correct, s.answered) for s in standings] == [
        (ALICE, 140, 1, 1),
        (BOB, 110, 1, 2),
    ]
    assert (await ReviewRecords(database).question(GUILD, BOB, questions[0].key)) == questions[0]
    assert await ReviewRecords(database).question(GUILD, ALICE, questions[0].key) is None
    await records.end("s1", SessionStatus.FINISHED)
    await records.end("s1", SessionStatus.INTERRUPTED)  # only a running session ends
    assert await records.running() == []
    stats = await records.member_stats(GUILD, BOB)
    assert (stats.answered, stats.correct, stats.current_streak, stats.fastest_seconds) == (2, 1, 1, 2.5)
    assert await records.last_start(GUILD, ALICE) is not None
    assert await records.last_start(GUILD, BOB) is None


async def test_the_leaderboard_counts_only_sessions_two_members_played(database: Database):
    records = QuizRecords(database)
    await _session(records, "solo")
    await _session(records, "pair")
    common = {"guild_id": GUILD, "choice": 0, "seconds": 1.0, "correct": True}
    await records.record_answer("solo", question=0, member_id=CAROL, points=500, **common)
    await records.record_answer("pair", question=0, member_id=ALICE, points=120, **common)
    await records.record_answer("pair", question=0, member_id=BOB, points=150, **common)
    board = await records.leaderboard(GUILD, since=0)
    assert [(s.member_id, s.points) for s in board] == [(BOB, 150), (ALICE, 120)]
    assert await records.leaderboard(OTHER, since=0) == []
    assert await records.leaderboard(GUILD, since=0, until=1) == []


async def test_a_question_shown_is_asked_and_can_be_reported_dropped_or_dismissed(database: Database):
    records = QuizRecords(database)
    await _session(records, "s1", channel=71)
    await records.shown("s1", 0, guild_id=GUILD, topic="food", key="figure:5", prompt="How many?")
    await records.shown("s1", 0, guild_id=GUILD, topic="food", key="figure:5", prompt="How many?")  # twice: once
    assert await records.asked(GUILD, "food") == {"figure:5"}
    assert await records.asked(GUILD, None) == set()
    assert await records.latest_question(71, 1) == ("figure:5", "How many?")
    assert await records.latest_question(71, 2) is None
    first = await records.report(GUILD, "figure:5", "How many?", ALICE, "wrong figure")
    assert first is not None
    assert await records.report(GUILD, "figure:5", "How many?", ALICE, "again") is None
    second = await records.report(GUILD, "figure:5", "How many?", BOB, "unclear")
    assert second is not None and second != first
    assert [r.member_id for r in await records.open_reports(GUILD)] == [ALICE, BOB]
    assert await records.handle_report(GUILD, first, CAROL, drop=True) == "figure:5"
    assert await records.open_reports(GUILD) == []  # dropping closes every report of the question
    assert await records.dropped(GUILD) == {"figure:5"}
    assert await records.handle_report(GUILD, first, CAROL, drop=True) is None
    third = await records.report(GUILD, "who:6", "Who?", BOB, "no")
    assert third is not None
    assert await records.handle_report(OTHER, third, CAROL, drop=False) is None  # another server's report
    assert await records.handle_report(GUILD, third, CAROL, drop=False) == "who:6"
    assert await records.dropped(GUILD) == {"figure:5"}
    await records.start_over(GUILD, "food")
    assert await records.asked(GUILD, "food") == set()


async def test_a_season_begins_with_each_month_and_on_demand(database: Database):
    records = QuizRecords(database)
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


async def test_a_removed_source_takes_its_questions_out_of_one_servers_records(database: Database):
    for guild in (1, 2):
        for key in ("figure:5", "who:6", "source:7", "figure:15"):
            await database.execute("INSERT INTO quiz_asked VALUES (?, '', ?, 0)", guild, key)
            await database.execute("INSERT INTO quiz_dropped VALUES (?, ?, 99, 0)", guild, key)
    await QuizRecords(database).forget_sentences(1, [5, 6])
    assert await QuizRecords(database).asked(1, None) == {"source:7", "figure:15"}
    assert await QuizRecords(database).dropped(1) == {"source:7", "figure:15"}
    assert len(await QuizRecords(database).asked(2, None)) == 4


async def test_a_days_post_is_claimed_once_and_its_question_revealed_once(database: Database, questions):
    records = DailyRecords(database)
    await records.set_schedule(GUILD, 70, "09:00", "Europe/Paris", DailyChoice.BOTH, 8)
    await records.set_schedule(GUILD, 71, "10:30", "UTC", DailyChoice.BOTH, 6)  # a second call updates
    schedule = await records.schedule(GUILD)
    assert schedule is not None and (schedule.channel_id, schedule.time, schedule.reveal_hours) == (71, "10:30", 6)
    await records.set_error(GUILD, "Missing Access")
    assert [s.last_error for s in await records.enabled()] == ["Missing Access"]

    assert await records.claim(GUILD, "2026-12-03", DailyKind.FACT, "stat:12", 71)
    assert not await records.claim(GUILD, "2026-12-03", DailyKind.FACT, "stat:13", 71)
    assert await records.count_failure(GUILD, "2026-12-03", DailyKind.FACT) == 1
    assert await records.count_failure(GUILD, "2026-12-03", DailyKind.FACT) == 2
    await records.finish(GUILD, "2026-12-03", DailyKind.FACT, PostStatus.POSTED, 8_000_000_000_000_000_008)
    asked = questions[1]
    assert await records.claim(GUILD, "2026-12-03", DailyKind.QUESTION, asked.key, 71, (asked, 100.0))
    await records.finish(GUILD, "2026-12-03", DailyKind.QUESTION, PostStatus.POSTED, 9)
    assert asked.key in await QuizRecords(database).asked(GUILD, None)
    fact = await records.post(GUILD, "2026-12-03", DailyKind.FACT)
    assert fact is not None and (fact.key, fact.message_id) == ("stat:12", 8_000_000_000_000_000_008)
    assert [p.kind for p in await records.last_posts(GUILD)] == [DailyKind.FACT, DailyKind.QUESTION]
    assert await records.posted_keys(GUILD, DailyKind.FACT) == ["stat:12"]

    assert await records.answer(GUILD, "2026-12-03", ALICE, asked.answer) == asked.answer
    wrong = (asked.answer + 1) % len(asked.options)
    assert await records.answer(GUILD, "2026-12-03", BOB, wrong) == wrong
    assert await records.answer(GUILD, "2026-12-03", BOB, asked.answer) == wrong  # the first choice counts
    assert await records.answers(GUILD, "2026-12-03") == {ALICE: asked.answer, BOB: wrong}
    assert await records.to_reveal(99.0) == []
    [due] = await records.to_reveal(100.0)
    assert due.question == asked and due.message_id == 9 and not due.revealed
    await records.revealed(due, [BOB])
    assert await records.to_reveal(100.0) == []
    question = await records.question(GUILD, "2026-12-03")
    assert question is not None and question.revealed
    assert await ReviewRecords(database).question(GUILD, BOB, asked.key) == asked
    assert await records.disable(GUILD)
    assert not await records.disable(OTHER)
    assert await records.enabled() == []


async def test_a_missed_question_climbs_the_boxes_and_a_second_click_moves_it_once(database: Database, questions):
    reviews = ReviewRecords(database)
    await _session(QuizRecords(database), "s1")
    await QuizRecords(database).record_answer(
        "s1",
        question=0,
        member_id=ALICE,
        guild_id=GUILD,
        choice=0,
        correct=False,
        seconds=1,
        points=0,
        missed=questions[2],
    )
    due = await reviews.due(GUILD, ALICE)
    assert due is not None and due == (questions[2], 1)
    assert await reviews.answered(GUILD, ALICE, questions[2].key, 1, right=True) == 2
    assert await reviews.answered(GUILD, ALICE, questions[2].key, 1, right=True) is None  # the second click
    count, next_due = await reviews.waiting(GUILD, ALICE)
    assert count == 1 and next_due is not None
    assert await reviews.due(GUILD, ALICE) is None  # box 2 waits a day


async def test_a_transaction_that_fails_leaves_nothing(database: Database):
    with pytest.raises(RecordsError):
        async with database.transaction() as records:
            await records.execute("INSERT INTO quiz_dropped VALUES (1, 'figure:1', 9, 0)")
            await records.execute("INSERT INTO quiz_dropped VALUES (1, 'figure:1', 9, 0)")  # the same key
    assert await QuizRecords(database).dropped(1) == set()
    await database.execute("INSERT INTO quiz_dropped VALUES (1, 'figure:2', 9, 0)")  # the database goes on
    assert await QuizRecords(database).dropped(1) == {"figure:2"}


async def test_racing_claims_of_one_days_post_give_it_to_exactly_one(database: Database):
    records = DailyRecords(database)
    claims = await asyncio.gather(
        *(records.claim(GUILD, "2026-12-03", DailyKind.FACT, f"stat:{n}", 70) for n in range(20))
    )
    assert sum(claims) == 1


async def test_two_processes_on_one_postgresql_post_each_day_once(postgres_url):
    """Two bot processes (two pools) claiming the same days at once: each day goes to exactly one of them."""
    first, second = await open_postgres(postgres_url), await open_postgres(postgres_url)
    try:
        days = [f"2026-12-{d:02d}" for d in range(1, 29)]

        async def claim_all(db: Database, name: str) -> list[bool]:
            return await asyncio.gather(*(DailyRecords(db).claim(GUILD, d, DailyKind.FACT, name, 1) for d in days))

        won_first, won_second = await asyncio.gather(claim_all(first, "a"), claim_all(second, "b"))
        assert [a + b for a, b in zip(won_first, won_second, strict=True)] == [1] * len(days)
        keys = await first.fetch("SELECT item_key FROM daily_posts ORDER BY local_date")
        assert [k for (k,) in keys] == ["a" if a else "b" for a in won_first]
    finally:
        await first.close()
        await second.close()


async def test_both_databases_have_the_same_tables_and_columns(tmp_path, postgres_url):
    lite = await open_sqlite(tmp_path / "studybot.sqlite3")
    postgres = await open_postgres(postgres_url)
    try:
        tables = [t for (t,) in await lite.fetch("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        in_sqlite = {t: [c[1] for c in await lite.fetch(f"PRAGMA table_info({t})")] for t in tables}
        rows = await postgres.fetch(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' "
            "AND table_name <> 'studybot_schema' ORDER BY table_name, ordinal_position"
        )
        in_postgres: dict[str, list[str]] = {}
        for table, column in rows:
            in_postgres.setdefault(table, []).append(column)
        assert in_postgres == in_sqlite
        assert set(in_sqlite) == set(TABLES)  # every table is copied by `migrate --from-sqlite`
    finally:
        await lite.close()
        await postgres.close()


async def test_postgresql_migrates_once_for_processes_starting_together(postgres_url):
    opened = await asyncio.gather(*(open_postgres(postgres_url) for _ in range(4)))
    try:
        versions = await opened[0].fetch("SELECT version FROM studybot_schema")
        assert [v for (v,) in versions] == [len(MIGRATIONS)]
    finally:
        for db in opened:
            await db.close()


async def test_a_postgresql_database_from_a_newer_studybot_is_refused_untouched(postgres_url):
    db = await open_postgres(postgres_url)
    await db.execute("UPDATE studybot_schema SET version = 99")
    await db.execute("INSERT INTO quiz_dropped VALUES (1, 'figure:1', 9, 0)")
    await db.close()
    with pytest.raises(DatabaseError, match="newer studybot"):
        await open_postgres(postgres_url)
    connection = await asyncpg.connect(postgres_url)
    try:
        assert await connection.fetchval("SELECT count(*) FROM quiz_dropped") == 1
    finally:
        await connection.close()


@pytest.mark.parametrize(
    ("address", "said"),
    [
        ("postgresql://studybot:hunter2@/nowhere?host={folder}", "cannot be opened"),
        ("postgresql://studybot:hunter2@localhost:notaport/db", "not an address asyncpg can read"),
        ("postgresql://studybot:hunter2@[::1/db", "not an address asyncpg can read"),
    ],
    ids=["nothing there", "a port that is not a number", "a broken address"],
)
async def test_an_unreachable_or_unreadable_postgresql_is_named_without_its_password(tmp_path, address, said):
    with pytest.raises(DatabaseError) as refused:
        await open_postgres(address.format(folder=tmp_path))
    assert said in refused.value.message and "hunter2" not in refused.value.message


async def test_a_busy_sqlite_database_refuses_within_the_deadline(tmp_path):
    db = await open_sqlite(tmp_path / "studybot.sqlite3")
    holder = sqlite3.connect(tmp_path / "studybot.sqlite3", check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        started = asyncio.get_running_loop().time()
        with pytest.raises(RecordsError):
            await DailyRecords(db).claim(GUILD, "2026-12-03", DailyKind.FACT, "stat:1", 70)
        assert asyncio.get_running_loop().time() - started < 3
    finally:
        holder.rollback()
        holder.close()
        await db.close()
