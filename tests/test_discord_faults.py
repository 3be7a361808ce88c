"""Discord misbehaving while quizzes and daily posts run: 429 storms, 5xx bursts, lost answers, outages.

The bot must ride out what passes, post nothing twice (a 5xx can come after Discord already created
the message), and give up on what persists with a report, instead of retrying forever.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3

import pytest

from tests.cogs.test_daily import at, daily, posts, set_daily
from tests.cogs.test_quiz import answers_in_db, click, question_message, right_letter, standings_message
from tests.world import World, lock_database

CHANNEL_POST = r"^/channels/\d+/messages$"
CALLBACK = r"^/interactions/\d+/[^/]+/callback$"


def first_titles(world: World) -> list[str]:
    """What each public message in #study said when first posted (questions are later edited to reveals)."""
    messages = world.sandbox.channel_messages(world.guild.channel_id("study"))
    return [m.history[0]["embeds"][0]["title"] for m in messages if not m.ephemeral and m.history[0]["embeds"]]


def session_status(world: World) -> list[str]:
    with sqlite3.connect(world.bot.settings.data_dir / "studybot.sqlite3") as db:
        return [row[0] for row in db.execute("SELECT status FROM quiz_sessions ORDER BY started_at")]


async def settled(world: World, seconds: float = 1.0) -> int:
    """How many faults were injected, once nothing new has been tried for `seconds`."""
    count = -1
    while count != len(world.sandbox.faults.injected):
        count = len(world.sandbox.faults.injected)
        await asyncio.sleep(seconds)
    return count


async def test_a_quiz_rides_out_429_storms_a_lost_5xx_and_a_gateway_drop_posting_nothing_twice(world: World, documents):
    faults = world.sandbox.faults
    faults.error(CALLBACK, 429, times=4, retry_after=0.1)
    await (await world.alice.run("study", "quiz start", questions=3, seconds=5)).wait(10)
    first = await question_message(world, 1)
    right = right_letter(first["embeds"][0], documents)
    # Question 2's post: a 500 that comes after Discord created the message, then 429s on the retries.
    faults.error(CHANNEL_POST, 500, method="POST", times=1, after=True)
    faults.error(CHANNEL_POST, 429, method="POST", times=2, retry_after=0.1)
    assert (await click(world.alice, first, right)).startswith("Right!")
    assert (await click(world.bob, first, right)).startswith("Right!")

    second = await question_message(world, 2)
    await world.sandbox.gateway.drop()  # the members' clicks arrive while the bot is away, and are replayed
    right = right_letter(second["embeds"][0], documents)
    clicks = await asyncio.gather(click(world.alice, second, right), click(world.bob, second, right))
    assert all(c.startswith("Right!") for c in clicks)

    third = await question_message(world, 3)
    faults.error(CALLBACK, 429, times=2, retry_after=0.1)
    faults.error(CHANNEL_POST, 502, method="POST", times=1, after=True)  # the final standings: created, answer lost
    right = right_letter(third["embeds"][0], documents)
    assert (await click(world.alice, third, right)).startswith("Right!")
    assert (await click(world.bob, third, right)).startswith("Right!")
    await standings_message(world, "Final standings")

    assert sorted(status for _, _, status in faults.injected) == [429] * 8 + [500, 502]
    shown = first_titles(world)
    assert [t for t in shown if t.startswith("Question")] == [f"Question {n} of 3" for n in (1, 2, 3)]
    assert len([t for t in shown if t.startswith("Final standings")]) == 1
    assert len(answers_in_db(world)) == 6 and session_status(world) == ["finished"]


@pytest.mark.parametrize(("status", "retry_after"), [(503, 0.0), (429, 0.1)], ids=["503-outage", "429-storm"])
async def test_a_quiz_discord_keeps_refusing_stops_keeps_its_scores_and_the_bot_goes_on(
    world: World, documents, caplog, status, retry_after
):
    world.sandbox.faults.error(CHANNEL_POST, status, method="POST", times=None, retry_after=retry_after)
    await (await world.alice.run("study", "quiz start", questions=2, seconds=5)).wait(10)
    first = await question_message(world, 1)  # the first question is the command's answer, not a channel post
    right = right_letter(first["embeds"][0], documents)
    assert (await click(world.alice, first, right)).startswith("Right!")
    assert (await click(world.bob, first, right)).startswith("Right!")

    with caplog.at_level(logging.ERROR):
        # the end is written to the database and the log after the last request: nothing the sandbox sees
        for _ in range(200):
            if session_status(world) == ["stopped"] and "could not post its scores" in caplog.text:
                break
            await asyncio.sleep(0.05)
    assert session_status(world) == ["stopped"] and "stopped: Discord refused it" in caplog.text
    tries = await settled(world)
    assert 0 < tries <= 10  # two posts (question 2, the scores), each tried at most five times
    assert len(answers_in_db(world)) == 2

    world.sandbox.faults.clear()
    found = await (await world.bob.run("study", "search", query="detention")).wait()
    assert found.embeds and not found.ephemeral
    restart = await (await world.bob.run("study", "quiz start", questions=1, seconds=5)).wait()
    assert not restart.ephemeral and restart.embeds[0]["title"].startswith("Question 1 of 1")


async def test_a_daily_post_through_a_429_storm_and_lost_5xx_answers_goes_out_once(world: World, admin):
    cog = daily(world)
    await set_daily(world, admin)
    faults = world.sandbox.faults
    faults.error(CHANNEL_POST, 500, method="POST", times=1, after=True)
    faults.error(CHANNEL_POST, 429, method="POST", times=3, retry_after=0.1)
    await cog.run_due(at("2026-11-23T08:00:30"))
    # Another day: the post goes out but its answer is lost, and the next check cannot read the channel either.
    faults.error(CHANNEL_POST, 503, method="POST", times=1, after=True)
    faults.error(CHANNEL_POST, 503, method="GET", times=1)
    await cog.run_due(at("2026-11-24T08:00:30"))
    await cog.run_due(at("2026-11-24T08:01:00"))
    await cog.run_due(at("2026-11-24T08:01:30"))
    assert [status for _, _, status in faults.injected] == [500, 429, 429, 429, 503, 503]
    footers = [p["embeds"][0]["footer"]["text"] for p in posts(world)]
    assert footers == ["Daily fact · 2026-11-23", "Daily fact · 2026-11-24"]
    status = await (await admin.run("study", "daily status")).wait()
    assert "Last: 2026-11-24 (fact posted)" in status.content and "Problem" not in status.content


@pytest.mark.parametrize(("status", "retry_after"), [(503, 0.0), (429, 60.0)], ids=["503-outage", "429-long-wait"])
async def test_a_daily_post_discord_keeps_refusing_is_given_up_after_its_attempts_and_reported(
    world: World, admin, status, retry_after
):
    cog = daily(world)
    await set_daily(world, admin)
    attempts = world.bot.settings.daily.send_attempts
    world.sandbox.faults.error(CHANNEL_POST, status, method="POST", times=None, retry_after=retry_after)
    for minute in range(attempts + 3):  # the checks keep coming; the tries stop at the set number
        await cog.run_due(at(f"2026-11-23T08:{minute:02d}:30"))
    # A long rate limit is refused without waiting; an outage is asked once per check.
    assert len(world.sandbox.faults.injected) == attempts
    assert posts(world) == []
    report = await (await admin.run("study", "daily status")).wait()
    assert f"Discord refused the daily fact {attempts} times" in report.content
    assert "Last: 2026-11-23 (fact failed)" in report.content

    world.sandbox.faults.clear()
    await cog.run_due(at("2026-11-24T08:00:30"))
    assert [p["embeds"][0]["footer"]["text"] for p in posts(world)] == ["Daily fact · 2026-11-24"]
    report = await (await admin.run("study", "daily status")).wait()
    assert "Problem" not in report.content


async def test_the_scheduler_outlives_a_database_error_and_posts_at_the_next_check(world: World, admin, caplog):
    cog = world.daily
    await set_daily(world, admin, at="00:00", timezone="UTC")
    cog.clock = lambda: at("2026-11-23T00:00:30")
    holder = await lock_database(world)
    try:
        cog.check.change_interval(seconds=0.2)
        cog.check.restart()
        for _ in range(100):
            if "could not be recorded" in caplog.text:
                break
            await asyncio.sleep(0.05)
        assert posts(world) == []
    finally:
        holder.rollback()
        holder.close()
    await world.sandbox.wait_until(lambda: posts(world), 5)
    await asyncio.sleep(0.5)  # a few more checks: still one post
    assert [p["embeds"][0]["footer"]["text"] for p in posts(world)] == ["Daily fact · 2026-11-23"]
    assert cog.check.is_running()
