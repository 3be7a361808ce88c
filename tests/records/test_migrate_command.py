"""`python -m bot migrate`: the configured database brought up to date, and a bot's SQLite records moved into
PostgreSQL, on real databases."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.__main__ import main
from bot.config import DATABASE_URL_VARIABLE
from bot.records.daily import DailyRecords
from bot.records.migrations import MIGRATIONS
from bot.records.models import DailyChoice, DailyKind
from bot.records.postgres import open_postgres
from bot.records.quiz import QuizRecords
from bot.records.sqlite import open_sqlite

GUILD = 1_234_567_890_123_456_789


def _config(tmp_path: Path, database: str = "sqlite") -> Path:
    config = tmp_path / "bot.yaml"
    config.write_text(f"data_dir: {tmp_path / 'data'}\ndatabase: {database}\n")
    return config


async def _a_bots_records(path: Path) -> None:
    db = await open_sqlite(path)
    try:
        quiz = QuizRecords(db)
        await quiz.start("s1", guild_id=GUILD, channel_id=7, starter_id=8, topic=None, seed=1, questions=1, seconds=9)
        await quiz.record_answer(
            "s1", question=0, member_id=8, guild_id=GUILD, choice=1, correct=True, seconds=1.5, points=140
        )
        assert await quiz.report(GUILD, "figure:5", "How many?", 8, "wrong") == 1
        assert await quiz.report(GUILD, "figure:6", "How many?", 8, "wrong") == 2
        await DailyRecords(db).set_schedule(GUILD, 7, "09:00", "UTC", DailyChoice.FACT, 8)
        await DailyRecords(db).claim(GUILD, "2026-12-03", DailyKind.FACT, "stat:1", 7)
    finally:
        await db.close()


def test_migrate_brings_the_sqlite_database_up_to_date(tmp_path, capsys):
    assert main(["migrate", "--config", str(_config(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert f"studybot.sqlite3: schema {len(MIGRATIONS)}, the latest." in out
    assert (tmp_path / "data" / "studybot.sqlite3").is_file()


def test_postgresql_without_its_address_is_a_clear_error(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv(DATABASE_URL_VARIABLE, raising=False)
    assert main(["migrate", "--config", str(_config(tmp_path, "postgresql"))]) == 2
    assert DATABASE_URL_VARIABLE in capsys.readouterr().err


def test_a_bots_sqlite_records_move_to_postgresql_once(tmp_path, capsys, monkeypatch, postgres_url):
    source = tmp_path / "old" / "studybot.sqlite3"
    asyncio.run(_a_bots_records(source))
    monkeypatch.setenv(DATABASE_URL_VARIABLE, postgres_url.replace("studybot@", "studybot:secret@"))
    config = str(_config(tmp_path, "postgresql"))

    assert main(["migrate", "--config", config, "--from-sqlite", str(source)]) == 0
    out = capsys.readouterr().out
    assert "Copied 6 rows" in out and "quiz_reports 2" in out and "secret" not in out

    async def check() -> None:
        db = await open_postgres(postgres_url)
        try:
            [session] = await QuizRecords(db).running()
            assert (session.id, session.guild_id) == ("s1", GUILD)
            assert [(s.member_id, s.points) for s in await QuizRecords(db).standings("s1")] == [(8, 140)]
            assert await QuizRecords(db).report(GUILD, "figure:7", "Who?", 8, "wrong") == 3  # numbering goes on
            assert not await DailyRecords(db).claim(GUILD, "2026-12-03", DailyKind.FACT, "stat:2", 7)
            assert len(await DailyRecords(db).enabled()) == 1
        finally:
            await db.close()

    asyncio.run(check())
    # A second copy would mix two bots' records (or the same twice): refused, and nothing changes.
    assert main(["migrate", "--config", config, "--from-sqlite", str(source)]) == 2
    assert "already has records" in capsys.readouterr().err
