"""A corrupt or locked database: a clear message, nothing stored lost, the rest keeps working."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import sys

from bot.sandbox.server import Sandbox
from tests.conftest import PROJECT
from tests.sandbox.conftest import World
from tests.sandbox.test_quiz import click, question_message


async def test_a_corrupt_database_stops_the_bot_with_a_clear_message_and_is_left_untouched(tmp_path, seeds_dir):
    data = tmp_path / "data"
    data.mkdir()
    database = data / "studybot.sqlite3"
    database.write_bytes(b"this is not a database" * 100)
    config = tmp_path / "bot.yaml"
    config.write_text(f"sources: {seeds_dir}\ndata_dir: {data}\ntopics: {PROJECT / 'config' / 'topics.yaml'}\n")
    sandbox = Sandbox()
    await sandbox.start()
    env = {**os.environ, "PYTHONPATH": str(PROJECT), "DISCORD_TOKEN": sandbox.token}
    env["STUDYBOT_SANDBOX_URL"] = sandbox.base_url
    try:  # the sandbox answers from this event loop, so the bot runs as an asyncio subprocess
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", "--config", str(config),
            cwd=PROJECT, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        _, err = await asyncio.wait_for(process.communicate(), 60)
    finally:
        await sandbox.stop()
    stderr = err.decode()
    assert process.returncode == 2, stderr
    assert str(database) in stderr and "left untouched" in stderr
    assert "Traceback" not in stderr
    assert database.read_bytes() == b"this is not a database" * 100


async def test_a_locked_database_refuses_an_answer_plainly_and_takes_it_once_unlocked(world: World, documents):
    from tests.sandbox.test_quiz import right_letter

    await (await world.alice.run("study", "quiz start", questions=1, seconds=30)).wait()
    question = await question_message(world, 1)
    right = right_letter(question["embeds"][0], documents)
    holder = sqlite3.connect(world.bot.settings.data_dir / "studybot.sqlite3", timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        refused = await (await world.alice.click(question, right)).wait(5)
        assert refused.ephemeral and "could not be saved" in refused.content
        busy = await (await world.bob.run("study", "quiz start")).wait(5)
        assert busy.ephemeral  # busy channel or busy database: either way the member is told
    finally:
        holder.rollback()
        holder.close()
    assert (await click(world.alice, question, right)).startswith("Right!")
    with sqlite3.connect(world.bot.settings.data_dir / "studybot.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM quiz_answers").fetchone()[0] == 1
