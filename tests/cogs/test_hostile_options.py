"""Property-based: any values a member can send for /quiz and /daily options, through the real client.

Discord enforces each option's declared length and range before the bot sees it, so the values here
stay within those; inside them anything goes. Every answer is acknowledged in time, fits Discord's
limits, pings no one, and a refusal says what to do instead.
"""

from __future__ import annotations

import asyncio
import re
from zoneinfo import available_timezones

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from bot.sandbox.members import SandboxMember
from tests.cogs.test_commands import within_limits
from tests.conftest import example_count
from tests.world import World

NASTY = [
    "@everyone",
    "@here",
    "<@123456789012345678>",
    "<@&123456789012345678>",
    "discord.gg/abc",
    "```x```",
    "**b**",
    "\u202eRTL\u202c",
    "\u200b\u200d",
    "👩‍👩‍👧‍👦",
    "שלום",
    "||s||",
    "> q",
    "\\",
    "\n",
    " ",
    "food",
    "sanctions",
    "Europe/Berlin",
    "09:00",
    "25:61",
    "UTC",
    "../../etc",
    "%s%n",
    "'; DROP TABLE quiz_answers; --",
]


def typed(min_size: int, max_size: int) -> st.SearchStrategy[str]:
    """What a member can type into a string option declared with these lengths."""
    words = st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=12)), max_size=10).map(" ".join)
    cut = words.map(lambda s: s[:max_size]).filter(lambda s: len(s) >= min_size)
    return st.one_of(st.text(min_size=min_size, max_size=max_size), cut)


def half_valid(valid: st.SearchStrategy[str], anything: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Valid values half the time, so the accepting path is tried as often as the refusing one."""
    return st.booleans().flatmap(lambda ok: valid if ok else anything)


LIVE_MENTION = re.compile(r"@(everyone|here)|<@[!&]?\d+>")
examples = settings(
    max_examples=example_count(100),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def check_answer(reply) -> None:
    assert reply.allowed_mentions == {"parse": []}
    for embed in reply.embeds:
        within_limits(embed)
    visible = reply.content + " ".join(str(e.get("description", "")) + str(e.get("title", "")) for e in reply.embeds)
    assert not LIVE_MENTION.search(visible.replace("@\u200b", "")), visible
    if reply.ephemeral and not reply.embeds:
        assert reply.content.strip()


@examples
@given(
    topic=st.none() | typed(1, 100),
    questions=st.none() | st.integers(1, 20),
    seconds=st.none() | st.integers(5, 120),
    difficulty=st.sampled_from(["easy", "normal", "hard"]),
)
async def test_quiz_start_answers_any_options_and_a_started_quiz_stops(
    world: World, topic, questions, seconds, difficulty
):
    member = SandboxMember(world.sandbox, world.guild, world.sandbox.add_user(world.guild, "player"))
    options = {"questions": questions, "seconds": seconds, "difficulty": difficulty, "topic": topic}
    reply = await (
        await member.run("study", "quiz start", **{k: v for k, v in options.items() if v is not None})
    ).wait()
    check_answer(reply)
    event("refused" if reply.ephemeral else "started")
    if reply.ephemeral:
        problem, _, hint = reply.content.partition("\n")  # every refusal says what to do instead
        assert problem.strip() and hint.strip()
        return
    assert reply.embeds[0]["title"].startswith("Question 1 of")
    stopped = await (await member.run("study", "quiz stop")).wait()
    assert stopped.ephemeral and "Stopping" in stopped.content
    study = world.guild.channel_id("study")
    for _ in range(100):  # the member is told first; the session then ends and frees the channel
        if world.bot.quiz_sessions.in_channel(study) is None:
            break
        await asyncio.sleep(0.02)
    assert world.bot.quiz_sessions.in_channel(study) is None


@examples
@given(
    time=half_valid(st.times().map(lambda t: t.strftime("%H:%M")), typed(3, 5)),
    timezone=half_valid(st.sampled_from(sorted(available_timezones())), typed(1, 64)),
)
async def test_daily_set_takes_or_refuses_any_time_and_zone(world: World, admin, time, timezone):
    channel = str(world.guild.channel_id("general"))
    reply = await (await admin.run("study", "daily set", channel=channel, time=time, timezone=timezone)).wait()
    check_answer(reply)
    assert reply.ephemeral
    event("set" if reply.content.startswith("Daily fact set") else "refused")
    if reply.content.startswith("Daily fact set"):
        status = await (await admin.run("study", "daily status")).wait()
        check_answer(status)
        assert f"<#{channel}>" in status.content
    else:
        assert "is not a time" in reply.content
    choices = (await (await admin.autocomplete("study", "daily set", "timezone", timezone)).wait()).choices
    assert len(choices) <= 25 and all(0 < len(c["name"]) <= 100 for c in choices)


@examples
@given(period=st.sampled_from(["week", "month", "all time"]), topic=typed(1, 100))
async def test_leaderboard_stats_and_topic_autocomplete_answer_anything(world: World, period, topic):
    board = await (await world.alice.run("study", "quiz leaderboard", period=period)).wait()
    check_answer(board)
    stats = await (await world.alice.run("study", "quiz stats", member=str(world.bob.id))).wait()
    check_answer(stats)
    choices = (await (await world.alice.autocomplete("study", "quiz start", "topic", topic)).wait()).choices
    assert len(choices) <= 25 and all(0 < len(c["name"]) <= 100 and len(str(c["value"])) <= 100 for c in choices)
