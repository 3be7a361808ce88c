"""The error handler: hints written as slash commands, and answers Discord no longer takes."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

from bot.cogs.error_handler import BUSY, as_slash_commands
from bot.content.engine import StudyEngine
from tests.world import eventually, world_in

NAMES = {"topics", "search", "quiz"}


def test_hints_name_slash_commands_on_discord():
    assert as_slash_commands("Try `search` or `quiz start`.", NAMES) == "Try `/search` or `/quiz start`."


def test_code_that_is_not_a_command_is_left_alone():
    assert as_slash_commands("Use `09:00` or `Europe/Berlin`; `help` is not loaded.", NAMES) == (
        "Use `09:00` or `Europe/Berlin`; `help` is not loaded."
    )


async def test_an_answer_discord_no_longer_takes_is_logged_in_a_line_and_not_retried(
    engine: StudyEngine, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    async with world_in(engine, tmp_path) as world:
        world.expect_refusals()
        # from now 1.6 s each way: the event reaches the bot after 1.6 s and its answer Discord after 3.2 s
        world.sandbox.latency = 1.6
        reply = await world.alice.run("study", "search", query="prison camps")
        await eventually(lambda: world.sandbox.refusals, timeout=10)
        await asyncio.sleep(2)  # time for an apology the handler must not try to send
        assert reply.record.ack_seconds is None
        assert [r.status for r in world.sandbox.refusals] == [404]  # the answer alone, no second attempt
        world.sandbox.latency = 0
    late = [r for r in caplog.records if "answered too late" in r.getMessage()]
    assert len(late) == 1 and late[0].levelno == logging.WARNING and late[0].exc_info is None
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR and r.name.startswith("bot.")]


async def test_a_question_the_workers_could_not_start_in_time_is_told_busy_after_thinking(
    engine: StudyEngine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # acknowledged at once ("thinking…", as every answer through a worker is), and past its deadline when
    # the engine worker comes to it
    monkeypatch.setattr("bot.app.ACKNOWLEDGE_SECONDS", -1.0)
    async with world_in(engine, tmp_path, engine_workers=1) as world:
        reply = await (await world.alice.run("study", "search", query="prison camps")).wait(10)
        assert reply.record.response_type == 5
        assert reply.ephemeral and reply.content == BUSY  # the thinking message gave way to a private note
    assert any("not answered: its 3 seconds were over" in r.getMessage() for r in caplog.records)
