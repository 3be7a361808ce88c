"""A corrupt or locked database: a clear message, nothing stored lost, the rest keeps working."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.sandbox.server import Sandbox
from tests.cogs.test_quiz import answers_in_db, click, question_message, right_letter, standings_message
from tests.conftest import PROJECT
from tests.test_run import start
from tests.world import World, eventually, lock_database, world_in


async def test_a_corrupt_database_stops_the_bot_with_a_clear_message_and_is_left_untouched(tmp_path, private_seeds):
    data = tmp_path / "data"
    data.mkdir()
    database = data / "studybot.sqlite3"
    database.write_bytes(b"this is not a database" * 100)
    config = tmp_path / "bot.yaml"
    config.write_text(f"sources: {private_seeds}\ndata_dir: {data}\ntopics: {PROJECT / 'config' / 'topics.yaml'}\n")
    sandbox = Sandbox()
    await sandbox.start()
    try:  # the sandbox answers from this event loop, so the bot runs as an asyncio subprocess
        process = await start(config, sandbox.token, sandbox.base_url)
        _, err = await asyncio.wait_for(process.communicate(), 60)
    finally:
        await sandbox.stop()
    stderr = err.decode()
    assert process.returncode == 2, stderr
    assert str(database) in stderr and "left untouched" in stderr
    assert "Traceback" not in stderr
    assert database.read_bytes() == b"this is not a database" * 100


async def test_a_locked_database_refuses_an_answer_plainly_and_takes_it_once_unlocked(world: World, documents):
    await (await world.alice.run("study", "quiz start", questions=1, seconds=30)).wait()
    question = await question_message(world, 1)
    right = right_letter(question["embeds"][0], documents)
    holder = await lock_database(world)
    try:
        refused = await (await world.alice.click(question, right)).wait(5)
        assert refused.ephemeral and "could not be saved" in refused.content
        assert refused.ack_seconds < 3.0  # acknowledged in time though the write waited on the lock
        busy = await (await world.bob.run("study", "quiz start")).wait(5)
        assert busy.ephemeral  # busy channel or busy database: either way the member is told
    finally:
        holder.rollback()
        holder.close()
    assert (await click(world.alice, question, right)).startswith("Right!")
    with sqlite3.connect(world.bot.settings.data_dir / "studybot.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM quiz_answers").fetchone()[0] == 1


async def test_a_locked_database_refuses_a_review_or_daily_answer_plainly(world: World, admin, documents):
    from tests.cogs.test_daily import at

    await (await world.alice.run("study", "quiz start", questions=1, seconds=5)).wait()
    first = await question_message(world, 1)
    right = right_letter(first["embeds"][0], documents)
    await click(world.alice, first, next(letter for letter in world.alice.button_labels(first) if letter != right))
    await standings_message(world, "Final standings")
    review = await (await world.alice.run("study", "quiz review")).wait()
    general = str(world.guild.channel_id("general"))
    daily = world.daily
    daily.check.cancel()
    await (await admin.run("study", "daily set", channel=general, time="09:00", timezone="UTC", post="question")).wait()
    await daily.run_due(at("2026-11-23T09:00:00"))
    [asked] = [m.payload for m in world.sandbox.channel_messages(int(general)) if m.payload["embeds"]]

    holder = await lock_database(world)
    try:
        for member, message in ((world.alice, review.message), (world.bob, asked)):
            refused = await (await member.click(message, "A")).wait(5)
            assert refused.ephemeral and "could not be saved" in refused.content, refused.content
    finally:
        holder.rollback()
        holder.close()
    await (await world.alice.click(review.message, right)).wait()
    result = world.sandbox.messages[int(review.message["id"])].payload["embeds"][0]
    assert result["title"].startswith("Right: ")  # taken once the database is free
    taken = await (await world.bob.click(asked, "A")).wait()
    assert taken.content.startswith("Your answer, A)")


def questions_shown(world: World) -> int:
    db = sqlite3.connect(world.bot.settings.data_dir / "studybot.sqlite3")
    try:
        return int(db.execute("SELECT count(*) FROM quiz_questions").fetchone()[0])
    finally:
        db.close()


@contextlib.contextmanager
def small_disk(where: Path, size: str) -> Iterator[Path]:
    """A real filesystem of `size` (tmpfs), so a full disk is ENOSPC from the kernel, not a simulation."""
    where.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {mounted.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=True)


def fill(disk: Path) -> Path:
    """Fill the disk to the last byte: in smaller and smaller writes, so no write-ahead log page still fits."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as handle:  # unbuffered: nothing left to fail when it closes
        for chunk in (65536, 4096, 1):
            try:
                while True:
                    handle.write(b"\0" * chunk)
            except OSError as error:
                assert error.errno == errno.ENOSPC
    return filler


async def test_a_full_disk_refuses_writes_plainly_keeps_what_was_stored_and_recovers(
    engine, tmp_path, documents, caplog
):
    with small_disk(tmp_path / "disk", "4m") as disk:
        async with world_in(engine, disk) as world:
            await (await world.alice.run("study", "quiz start", questions=2, seconds=5)).wait()
            first = await question_message(world, 1)
            right = right_letter(first["embeds"][0], documents)
            assert (await click(world.alice, first, right)).startswith("Right!")
            assert (await click(world.bob, first, right)).startswith("Right!")
            second = await question_message(world, 2)
            right = right_letter(second["embeds"][0], documents)
            # The bot notes a question as asked just after showing it: the disk fills once that is written,
            # or the note's failed write would leave log space behind that the answer could then use.
            await eventually(lambda: questions_shown(world) == 2 or None)

            filler = fill(disk)
            refused = await (await world.alice.click(second, right)).wait(5)
            assert refused.ephemeral and "disk is full" in refused.content
            other = await (await world.bob.run("general", "quiz start")).wait(5)
            assert other.ephemeral and "out of space" in other.content and "nothing was recorded" in other.content
            found = await (await world.bob.run("study", "search", query="detention")).wait()
            assert found.embeds and not found.ephemeral  # reading needs no space
            assert len(answers_in_db(world)) == 2  # what was stored before the disk filled is all there
            assert "database or disk is full" in caplog.text  # SQLite's own words for the kernel's ENOSPC

            filler.unlink()
            assert (await click(world.alice, second, right)).startswith("Right!")
            assert (await click(world.bob, second, right)).startswith("Right!")
            await standings_message(world, "Final standings")
            assert len(answers_in_db(world)) == 4


async def test_a_second_bot_on_the_same_data_folder_is_refused_and_the_first_plays_on(world: World, engine):
    from bot.app import StudyBot
    from bot.records.database import DatabaseError

    start = await (await world.alice.run("study", "quiz start", questions=2, seconds=30)).wait()
    assert not start.ephemeral
    second = StudyBot(engine, world.bot.settings, sync_guilds=[world.guild.id])
    with pytest.raises(DatabaseError, match=r"another studybot \(process \d+\) is using this data folder"):
        async with second:
            await second.start(world.sandbox.token)
    with sqlite3.connect(world.bot.settings.data_dir / "studybot.sqlite3") as db:
        assert db.execute("SELECT status FROM quiz_sessions").fetchall() == [("running",)]
    question = await question_message(world, 1)
    assert (await click(world.bob, question, "A")).startswith(("Right!", "Not this time"))


async def test_a_database_from_a_newer_studybot_is_refused_and_left_untouched(tmp_path, engine):
    from bot.app import StudyBot
    from bot.config import Settings
    from bot.records.database import DATABASE_FILE, DatabaseError
    from bot.records.migrations import MIGRATIONS

    data = tmp_path / "data"
    data.mkdir()
    with sqlite3.connect(data / DATABASE_FILE) as db:
        db.execute("CREATE TABLE future (x)")
        db.execute("PRAGMA user_version = 99")
    before = (data / DATABASE_FILE).read_bytes()
    bot = StudyBot(engine, Settings(data_dir=data), sync_guilds=[])
    known = len(MIGRATIONS)
    async with bot:  # as `python -m bot run` holds it
        with pytest.raises(
            DatabaseError, match=f"made by a newer studybot \\(schema 99; this one knows up to {known}\\)"
        ):
            await bot.setup_hook()
    assert (data / DATABASE_FILE).read_bytes() == before
