"""The bot end to end with its records in PostgreSQL: quizzes and scores across a restart, and the daily post
exactly once when two bot processes share one database."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import asyncpg
import pytest

from bot.config import DATABASE_URL_VARIABLE
from bot.sandbox.members import SandboxMember
from bot.sandbox.server import MEMBER_PERMISSIONS
from tests.cogs.test_daily import at, posts, set_daily
from tests.cogs.test_quiz import click, question_message, right_letter, standings_message
from tests.world import MANAGE_GUILD, World, quick_settings, start_bot, stop_bot, world_in


@pytest.fixture
async def pg_world(engine, tmp_path, postgres_url, monkeypatch) -> AsyncIterator[World]:
    monkeypatch.setenv(DATABASE_URL_VARIABLE, postgres_url)
    async with world_in(engine, tmp_path / "one", database="postgresql") as made:
        yield made


async def _answers(url: str) -> list[tuple[int, int, int]]:
    connection = await asyncpg.connect(url)
    try:
        rows = await connection.fetch(
            "SELECT question, member_id, correct FROM quiz_answers ORDER BY question, member_id"
        )
    finally:
        await connection.close()
    return [(r[0], r[1], r[2]) for r in rows]


async def test_a_quiz_on_postgresql_keeps_its_scores_across_a_restart(
    pg_world: World, engine, documents, postgres_url, tmp_path
):
    world = pg_world
    await (await world.alice.run("study", "quiz start", questions=1, seconds=5)).wait()
    first = await question_message(world, 1)
    right = right_letter(first["embeds"][0], documents)
    wrong = next(letter for letter in "ABCD" if letter != right)
    assert (await click(world.alice, first, right)).startswith("Right!")
    assert (await click(world.bob, first, wrong)).startswith("Not this time")
    final = await standings_message(world, "Final standings")
    assert final["description"].startswith(f"1. <@{world.alice.id}>")
    assert await _answers(postgres_url) == sorted([(0, world.alice.id, 1), (0, world.bob.id, 0)])

    await stop_bot(world.bot)
    settings = quick_settings(tmp_path / "one").model_copy(update={"database": "postgresql"})
    world.bot = await start_bot(engine, settings, world.sandbox, world.guild)
    board = await (await world.bob.run("study", "quiz leaderboard", period="all time")).wait()
    assert board.embeds[0]["fields"][0]["value"].startswith(f"<@{world.alice.id}>: ")
    review = await (await world.bob.run("study", "quiz review")).wait()
    assert review.ephemeral and review.embeds[0]["title"].startswith("Review: a question you missed (box 1")


async def test_two_bot_processes_on_one_database_post_the_days_fact_once(pg_world: World, engine, tmp_path):
    world = pg_world
    admin = SandboxMember(
        world.sandbox,
        world.guild,
        world.sandbox.add_user(world.guild, "admin", permissions=MEMBER_PERMISSIONS | MANAGE_GUILD),
    )
    await set_daily(world, admin)
    settings = quick_settings(tmp_path / "two").model_copy(update={"database": "postgresql"})
    second = await start_bot(engine, settings, world.sandbox, world.guild)
    try:
        cogs = [world.daily, World(world.sandbox, second, world.guild, world.alice, world.bob).daily]
        for cog in cogs:
            cog.check.cancel()  # the test drives the clock itself
        for minute in ("08:00:30", "08:01:00", "08:02:00"):
            await asyncio.gather(*(cog.run_due(at(f"2026-11-23T{minute}")) for cog in cogs))
        assert len(posts(world)) == 1
    finally:
        await stop_bot(second)
