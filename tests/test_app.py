"""The real discord.py client against the sandbox: commands, pages, and every injected fault."""

from __future__ import annotations

import asyncio

import discord
import pytest

from bot.sandbox.members import SandboxMember
from tests.world import World

CALLBACK = r"^/interactions/\d+/[^/]+/callback$"


async def test_commands_are_synced_to_the_guild_on_start(world: World):
    names = {c["name"] for c in world.sandbox.guild_commands[world.guild.id]}
    assert {"about", "search"} <= names
    search = next(c for c in world.sandbox.guild_commands[world.guild.id] if c["name"] == "search")
    assert search["options"][0]["name"] == "query" and search["options"][0]["required"] is True


async def test_about_tells_what_is_loaded(world: World):
    reply = await (await world.alice.run("study", "about")).wait()
    embed = reply.embeds[0]
    assert embed["title"] == "studybot"
    assert "2 documents" in embed["fields"][0]["value"]
    assert not reply.ephemeral
    assert reply.allowed_mentions == {"parse": []}


async def test_search_answers_with_quotes_sources_and_references(world: World):
    reply = await (await world.alice.run("study", "search", query="jailed dissidents")).wait()
    first = reply.embeds[0]["fields"][0]["value"]
    assert "political prison camps" in first
    assert "Reference: United Nations. (2014)." in first
    assert reply.ack_seconds < 3


async def test_member_pages_through_results_and_others_cannot(world: World):
    reply = await (await world.alice.run("study", "search", query="sanctions")).wait()
    assert reply.embeds[0]["footer"]["text"].startswith("Page 1 of")
    labels = [b["label"] for b in reply.buttons]
    assert labels == ["◀ Previous", "Next ▶"] and reply.buttons[0]["disabled"]

    refused = await (await world.bob.click(reply.message, "Next ▶")).wait()
    assert refused.followups == [] and refused.record.response_type == 4
    assert refused.ephemeral and "Only the member who asked" in refused.content
    assert reply.embeds[0]["footer"]["text"].startswith("Page 1 of")

    turned = await (await world.alice.click(reply.message, "Next ▶")).wait()
    assert turned.record.response_type == 7
    assert reply.embeds[0]["footer"]["text"].startswith("Page 2 of")
    assert reply.embeds[0]["fields"][0]["name"] == "4."
    await (await world.alice.click(reply.message, "◀ Previous")).wait()
    assert reply.embeds[0]["footer"]["text"].startswith("Page 1 of")


async def test_search_that_finds_nothing_answers_ephemerally_with_a_hint(world: World):
    reply = await (await world.alice.run("study", "search", query="zzzqqqxx")).wait()
    assert reply.ephemeral and "Nothing in the sources matches" in reply.content
    # the engine's hint names the command as the CLI does; on Discord it is a slash command
    assert "`/topics`" in reply.content and "or `topics`" not in reply.content


async def test_member_text_cannot_ping(world: World):
    reply = await (await world.alice.run("study", "search", query="@everyone zzzqqq <@&123>")).wait()
    assert "@everyone" not in reply.content.replace("@\u200beveryone", "")
    assert reply.allowed_mentions == {"parse": []}


async def test_gateway_drop_is_resumed_and_the_bot_keeps_answering(world: World):
    stats = world.sandbox.gateway.stats
    await world.sandbox.gateway.drop()
    await asyncio.wait_for(_until(lambda: stats.resumes >= 1 and world.sandbox.gateway.connected()), 15)
    assert stats.identifies == 1
    reply = await (await world.alice.run("study", "about")).wait(10)
    assert reply.embeds[0]["title"] == "studybot"


async def test_events_sent_while_disconnected_are_replayed_on_resume(world: World):
    stats = world.sandbox.gateway.stats
    await world.sandbox.gateway.drop()
    pending = await world.alice.run("study", "about")
    await asyncio.wait_for(_until(lambda: stats.resumes >= 1), 15)
    assert (await pending.wait(10)).embeds[0]["title"] == "studybot"


async def test_invalid_session_makes_the_bot_identify_again(world: World):
    stats = world.sandbox.gateway.stats
    await world.sandbox.gateway.invalidate()
    await asyncio.wait_for(_until(lambda: stats.identifies == 2 and world.sandbox.gateway.connected()), 15)
    reply = await (await world.alice.run("study", "about")).wait(10)
    assert reply.embeds[0]["title"] == "studybot"


async def test_reconnect_request_is_followed_by_a_resume(world: World):
    stats = world.sandbox.gateway.stats
    await world.sandbox.gateway.ask_reconnect()
    await asyncio.wait_for(_until(lambda: stats.resumes >= 1 and world.sandbox.gateway.connected()), 15)
    assert stats.identifies == 1


async def test_rate_limited_answer_is_retried_after_retry_after(world: World):
    world.sandbox.faults.error(CALLBACK, 429, times=2, retry_after=0.3)
    reply = await (await world.alice.run("study", "about")).wait(10)
    assert reply.embeds[0]["title"] == "studybot"
    assert [status for _, _, status in world.sandbox.faults.injected] == [429, 429]


async def test_one_server_error_is_retried(world: World):
    world.sandbox.faults.error(CALLBACK, 500, times=1)
    reply = await (await world.alice.run("study", "about")).wait(10)
    assert reply.embeds[0]["title"] == "studybot"


async def test_server_errors_past_the_deadline_are_logged_and_the_bot_carries_on(world: World, caplog):
    world.expect_refusals()  # the late answer is refused: Unknown interaction
    world.sandbox.faults.error(CALLBACK, 500, times=2)
    failed = await world.alice.run("study", "about")
    # retried past Discord's 3 seconds, the answer meets Unknown interaction: said in a line, not retried
    await asyncio.wait_for(_until(lambda: "/about answered too late" in caplog.text), 15)
    assert not failed.acknowledged
    assert "Could not tell the member either" not in caplog.text and "Command about failed" not in caplog.text
    reply = await (await world.alice.run("study", "about")).wait(10)
    assert reply.embeds[0]["title"] == "studybot"


async def test_a_slow_discord_still_gets_its_answer(world: World):
    world.sandbox.faults.slow(CALLBACK, 0.5, times=1)
    reply = await (await world.alice.run("study", "search", query="famine")).wait(10)
    assert "food" in reply.embeds[0]["fields"][0]["value"].lower()


async def test_gateway_payloads_are_compressed_as_the_client_asks(world: World):
    asked = discord.utils._ActiveDecompressionContext.COMPRESSION_TYPE
    assert world.sandbox.gateway.stats.compressions == [asked]


async def test_malformed_command_is_rejected_on_sync_as_discord_would(world: World):
    bad = [
        {"name": "Bad Name", "description": "spaces and capitals", "type": 1},
        {"name": "ok", "description": "x" * 101, "type": 1},
        {
            "name": "order",
            "description": "required after optional",
            "options": [
                {"name": "a", "description": "a", "type": 3},
                {"name": "b", "description": "b", "type": 3, "required": True},
            ],
        },
    ]
    world.expect_refusals()
    with pytest.raises(discord.HTTPException) as error:
        await world.bot.http.bulk_upsert_guild_commands(world.sandbox.application_id, world.guild.id, bad)
    assert error.value.status == 400 and error.value.code == 50035
    text = str(error.value)
    assert "APPLICATION_COMMAND_INVALID_NAME" in text or "Command name is invalid" in text
    assert "In 1.description: Must be 100 or fewer in length." in text
    assert "Required options must be placed before non-required options" in text
    names = {c["name"] for c in world.sandbox.guild_commands[world.guild.id]}
    assert "ok" not in names and "search" in names


async def _until(condition) -> None:
    while not condition():
        await asyncio.sleep(0.05)


async def test_sigterm_closes_the_bot_cleanly(engine, tmp_path):
    import os
    import signal

    from bot.app import StudyBot, run_until_stopped
    from bot.config import Settings
    from bot.sandbox.server import Sandbox, point_discord_at

    sandbox = Sandbox()
    await sandbox.start()
    point_discord_at(sandbox)
    guild = sandbox.add_guild("Study Group", ["study"])
    bot = StudyBot(engine, Settings(data_dir=tmp_path), sync_guilds=[guild.id])
    running = asyncio.create_task(run_until_stopped(bot, sandbox.token))
    try:
        await asyncio.wait_for(bot.wait_until_ready(), 15)
        os.kill(os.getpid(), signal.SIGTERM)
        await asyncio.wait_for(running, 10)
        assert bot.is_closed()
    finally:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
        await sandbox.stop()


async def test_closes_at_the_same_moment_all_finish(engine, tmp_path):
    from tests.world import world_in

    # A signal, the connection watch and the runner's own exit can close the bot at once.
    async with world_in(engine, tmp_path) as world:
        await asyncio.wait_for(asyncio.gather(world.bot.close(), world.bot.close(), world.bot.close()), 10)
        assert world.bot.is_closed()


async def test_sync_publishes_every_command_globally(engine, tmp_path):
    from bot.app import StudyBot, sync_globally
    from bot.config import Settings
    from bot.sandbox.server import Sandbox, point_discord_at

    sandbox = Sandbox()
    await sandbox.start()
    point_discord_at(sandbox)
    try:
        count = await sync_globally(StudyBot(engine, Settings(data_dir=tmp_path), sync_guilds=[]), sandbox.token)
        names = {c["name"] for c in sandbox.global_commands}
        assert count == len(names) and {"about", "search", "quiz", "daily", "summary"} <= names
    finally:
        await sandbox.stop()


async def _healthy(data_dir, wanted: bool, *, within: float = 10) -> None:
    import time

    from bot.health import is_healthy

    await asyncio.wait_for(_until(lambda: is_healthy(data_dir, time.time()) is wanted), within)


# discord.py waits a random delay before each reconnect, up to 2, 4, 8, 16 s after the first, second, ...
# failed attempt (ExponentialBackoff): after an outage of a few seconds the bot may only try again 16 s
# after the gateway is back (a run waiting 10 s failed with attempts 0.02 s and 3.58 s apart).
_RECONNECT_SECONDS = 30


async def test_health_follows_the_gateway_and_a_bot_down_too_long_exits(engine, tmp_path):
    from bot.app import EXIT_DISCONNECTED
    from tests.world import world_in

    async with world_in(engine, tmp_path, disconnected_exit_seconds=5) as world:
        await _healthy(tmp_path, True)
        await world.sandbox.gateway.outage()  # cut, and every reconnection refused
        await _healthy(tmp_path, False)  # at once, not after the heartbeat goes stale
        await asyncio.wait_for(_until(world.bot.is_closed), 20)
        assert world.bot.exit_code == EXIT_DISCONNECTED


async def test_a_short_outage_is_unhealthy_only_while_it_lasts(engine, tmp_path):
    from tests.world import world_in

    async with world_in(engine, tmp_path, disconnected_exit_seconds=60) as world:
        await _healthy(tmp_path, True)
        await world.sandbox.gateway.outage()
        await _healthy(tmp_path, False)
        world.sandbox.gateway.restore()
        await _healthy(tmp_path, True, within=_RECONNECT_SECONDS)
        assert not world.bot.is_closed() and world.bot.exit_code == 0
        reply = await (await world.alice.run("study", "about")).wait(10)
        assert reply.embeds[0]["title"] == "studybot"


async def test_the_token_never_appears_in_logs_even_at_debug(engine, tmp_path, caplog):
    import logging

    from bot.app import StudyBot
    from bot.config import Settings
    from bot.sandbox.server import Sandbox, point_discord_at

    caplog.set_level(logging.DEBUG)
    sandbox = Sandbox()
    await sandbox.start()
    point_discord_at(sandbox)
    guild = sandbox.add_guild("Study Group", ["study"])
    bot = StudyBot(engine, Settings(data_dir=tmp_path), sync_guilds=[guild.id])
    task = asyncio.create_task(bot.start(sandbox.token))
    try:
        await asyncio.wait_for(bot.wait_until_ready(), 15)
    finally:
        await bot.close()
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    wrong = StudyBot(engine, Settings(data_dir=tmp_path), sync_guilds=[])
    with pytest.raises(discord.LoginFailure) as failure:
        async with wrong:
            await wrong.login("not-the-token-" + sandbox.token[:4])
    await sandbox.stop()
    assert "Shard ID 0 has connected" in caplog.text  # the debug log did capture the session
    assert sandbox.token not in caplog.text and sandbox.token not in str(failure.value)


EVERY_COMMAND = [
    ("about", {}),
    ("help", {}),
    ("topics", {}),
    ("summary", {"topic": "food"}),
    ("stats", {}),
    ("cite", {"claim": "sanctions hurt ordinary people"}),
    ("fact", {}),
    ("sources", {}),
    ("search", {"query": "prison camps"}),
    ("quiz start", {"questions": 1, "seconds": 5}),
    ("quiz stop", {}),
    ("quiz leaderboard", {}),
    ("quiz stats", {}),
    ("daily set", {"channel": "general", "time": "09:00", "timezone": "Europe/Berlin"}),
    ("daily status", {}),
    ("daily preview", {}),
    ("daily off", {}),
]


async def test_every_command_answers_in_time_with_300_ms_each_way_to_discord(engine, tmp_path):
    from bot.sandbox.server import MEMBER_PERMISSIONS
    from tests.world import MANAGE_GUILD, world_in

    async with world_in(engine, tmp_path, latency=0.3) as world:
        admin = SandboxMember(
            world.sandbox,
            world.guild,
            world.sandbox.add_user(world.guild, "admin", permissions=MEMBER_PERMISSIONS | MANAGE_GUILD),
        )
        for command, options in EVERY_COMMAND:
            reply = await (await admin.run("study", command, **options)).wait(10)
            assert reply.ack_seconds < 3.0, command
            await reply.wait_for(lambda r: r.message_record is not None and not r.message["flags"] & 128, 10)
        choices = await (await admin.autocomplete("study", "daily set", "timezone", "Berl")).wait(10)
        assert choices.ack_seconds < 3.0 and choices.choices


async def test_interaction_tokens_never_appear_in_logs_even_at_debug(world: World, caplog):
    import logging

    caplog.set_level(logging.DEBUG)
    search = await (await world.alice.run("study", "search", query="sanctions")).wait()
    await (await world.alice.click(search.message, "Next ▶")).wait()
    await (await world.alice.run("study", "quiz start", questions=1, seconds=5)).wait()
    await (await world.alice.autocomplete("study", "summary", "topic", "fo")).wait()
    tokens = [record.token for record in world.sandbox.interactions.values()]
    assert len(tokens) == 4 and "/interactions/" in caplog.text  # the requests were logged, tokens left out
    for token in tokens:
        assert token not in caplog.text


async def test_an_engine_answer_not_ready_at_once_is_acknowledged_first_then_shown(world: World, monkeypatch):
    monkeypatch.setattr("bot.app.ANSWER_DIRECTLY_SECONDS", 0.0)  # every answer counts as not ready at once
    reply = await (await world.alice.run("study", "search", query="sanctions")).wait(10)
    assert reply.record.response_type == 5  # "thinking…", then the answer in its place
    assert "sanction" in reply.embeds[0]["fields"][0]["value"].lower() and not reply.ephemeral
    ack, answered = reply.record.ack_seconds, reply.record.answered_seconds
    assert ack is not None and answered is not None and answered >= ack
    # its pages turn as an answer's given at once do
    await (await world.alice.click(reply.message, "Next ▶")).wait()
    assert reply.embeds[0]["footer"]["text"].startswith("Page 2 of")
    # and every command the engine answers shows its answer in place of "thinking…"
    asked = {"cite": {"claim": "Over 120,000 people are held in political prison camps."}, "stats": {}}
    for command, options in {**asked, "summary": {"topic": "detention"}, "fact": {}}.items():
        shown = await (await world.alice.run("study", command, **options)).wait(10)
        assert shown.record.response_type == 5 and shown.embeds and not shown.ephemeral, command
