"""The daily fact end to end: permissions, a post at a given instant, exactly once, across restarts."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime, timedelta

from bot.sandbox.members import SandboxMember
from tests.world import MANAGE_GUILD, World, quick_settings, start_bot, stop_bot


def daily(world: World):
    cog = world.daily
    cog.check.cancel()  # the test drives the clock itself
    return cog


def posts(world: World, channel: str = "general") -> list[dict]:
    channel_id = world.guild.channel_id(channel)
    return [m.payload for m in world.sandbox.channel_messages(channel_id) if m.payload["embeds"]]


async def set_daily(world: World, admin: SandboxMember, at: str = "09:00", timezone: str = "Europe/Berlin"):
    channel_id = world.guild.channel_id("general")
    reply = await (await admin.run("study", "daily set", channel=str(channel_id), time=at, timezone=timezone)).wait()
    assert reply.ephemeral and "Daily fact set" in reply.content, reply.content
    return reply


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


async def test_daily_commands_need_manage_server(world: World):
    synced = {c["name"]: c for c in world.sandbox.guild_commands[world.guild.id]}
    assert synced["daily"]["default_member_permissions"] == str(MANAGE_GUILD)
    for sub in ("set", "off", "status", "preview"):
        values = {"channel": str(world.guild.channel_id("general")), "time": "09:00", "timezone": "UTC"}
        reply = await (await world.alice.run("study", f"daily {sub}", **(values if sub == "set" else {}))).wait()
        assert reply.ephemeral and "manage this server" in reply.content


async def test_a_post_goes_out_once_at_the_local_time(world: World, admin, documents):
    cog = daily(world)
    await set_daily(world, admin)
    await cog.run_due(at("2026-11-23T07:59:00"))  # 08:59 in Berlin
    assert posts(world) == []
    await cog.run_due(at("2026-11-23T08:00:30"))
    await cog.run_due(at("2026-11-23T08:05:00"))
    sent = posts(world)
    assert len(sent) == 1 and sent[0]["embeds"][0]["footer"]["text"] == "Daily fact · 2026-11-23"
    quote = sent[0]["embeds"][0]["description"].split("“", 1)[1].split("”\n", 1)[0].replace("\\", "")
    assert quote in " ".join(documents.values())


async def test_missed_days_are_not_back_filled_and_a_late_start_within_grace_posts_once(world: World, admin):
    cog = daily(world)
    await set_daily(world, admin)
    await cog.run_due(at("2026-11-24T09:30:00"))  # 10:30 local: 90 minutes late, past the 60-minute grace
    assert posts(world) == []
    await cog.run_due(at("2026-11-25T08:45:00"))  # 09:45 local: within grace
    await cog.run_due(at("2026-11-25T08:50:00"))
    assert [p["embeds"][0]["footer"]["text"] for p in posts(world)] == ["Daily fact · 2026-11-25"]


async def test_daylight_saving_moves_the_post_with_the_clocks(world: World, admin):
    cog = daily(world)
    await set_daily(world, admin)
    await cog.run_due(at("2026-03-28T08:00:00"))  # 09:00 CET
    await cog.run_due(at("2026-03-29T07:00:00"))  # 09:00 CEST, the day the clocks go forward
    footers = [p["embeds"][0]["footer"]["text"] for p in posts(world)]
    assert footers == ["Daily fact · 2026-03-28", "Daily fact · 2026-03-29"]


async def test_no_fact_repeats_until_all_have_been_posted(world: World, admin):
    cog = daily(world)
    await set_daily(world, admin, at="06:00", timezone="UTC")
    total = len(world.bot.engine.fact_keys())
    start = at("2026-01-01T06:00:00")
    for day in range(total + 1):
        await cog.run_due(start + timedelta(days=day))
    titles = [p["embeds"][0]["description"] for p in posts(world)]
    assert len(titles) == total + 1
    assert len(set(titles[:total])) == total
    assert titles[total] in titles[:total]


async def test_changing_the_time_takes_effect_without_a_restart(world: World, admin):
    cog = daily(world)
    await set_daily(world, admin, at="09:00")
    await set_daily(world, admin, at="10:00")
    await cog.run_due(at("2026-11-23T08:10:00"))  # 09:10 local: the old time
    assert posts(world) == []
    await cog.run_due(at("2026-11-23T09:00:00"))
    assert len(posts(world)) == 1


async def test_a_channel_the_bot_cannot_post_to_is_reported_not_retried(world: World, admin, caplog):
    cog = daily(world)
    await set_daily(world, admin)
    world.expect_refusals()
    await world.sandbox.deny_bot(world.guild, world.guild.channel_id("general"))
    await cog.run_due(at("2026-11-23T08:00:00"))
    await cog.run_due(at("2026-11-23T08:01:00"))
    assert len([i for i in world.sandbox.faults.injected]) == 0 and posts(world) == []
    status = await (await admin.run("study", "daily status")).wait()
    assert "Problem: Cannot post the daily fact" in status.content and "Missing Access" in status.content
    assert "Missing Access" in caplog.text


async def test_preview_status_and_off(world: World, admin):
    cog = daily(world)
    await set_daily(world, admin)
    preview = await (await admin.run("study", "daily preview")).wait()
    assert preview.ephemeral and preview.embeds[0]["title"].startswith("Next daily fact")
    status = await (await admin.run("study", "daily status")).wait()
    assert "at 09:00 Europe/Berlin" in status.content and "Next post <t:" in status.content
    await (await admin.run("study", "daily off")).wait()
    await cog.run_due(at("2026-11-23T08:00:00"))
    assert posts(world) == []
    bad = await (
        await admin.run(
            "study", "daily set", channel=str(world.guild.channel_id("general")), time="25:00", timezone="UTC"
        )
    ).wait()
    assert bad.ephemeral and "24-hour" in bad.content
    zones = await (await admin.autocomplete("study", "daily set", "timezone", "berl")).wait()
    assert [c["value"] for c in zones.choices] == ["Europe/Berlin"]


def _set_status(world: World, day: str, status: str) -> None:
    with sqlite3.connect(world.bot.settings.data_dir / "studybot.sqlite3") as db:
        db.execute("UPDATE daily_posts SET status = ?, message_id = NULL WHERE local_date = ?", (status, day))


async def test_a_restart_right_after_posting_never_posts_twice(world: World, admin, engine, tmp_path):
    cog = daily(world)
    await set_daily(world, admin)
    await cog.run_due(at("2026-11-23T08:00:00"))
    _set_status(world, "2026-11-23", "sending")  # as if it crashed after sending, before recording

    await stop_bot(world.bot)
    world.bot = await start_bot(engine, quick_settings(tmp_path), world.sandbox, world.guild)
    await daily(world).run_due(at("2026-11-23T08:02:00"))
    assert len(posts(world)) == 1
    with sqlite3.connect(world.bot.settings.data_dir / "studybot.sqlite3") as db:
        assert db.execute("SELECT status FROM daily_posts").fetchall() == [("posted",)]


async def test_a_crash_before_sending_still_posts_that_day_once(world: World, admin, engine, tmp_path):
    cog = daily(world)
    await set_daily(world, admin)
    await cog.run_due(at("2026-11-23T08:00:00"))
    for record in world.sandbox.channel_messages(world.guild.channel_id("general")):
        del world.sandbox.messages[record.id]  # as if the send never happened
    _set_status(world, "2026-11-23", "sending")

    await stop_bot(world.bot)
    world.bot = await start_bot(engine, quick_settings(tmp_path), world.sandbox, world.guild)
    await daily(world).run_due(at("2026-11-23T08:03:00"))
    await daily(world).run_due(at("2026-11-23T08:04:00"))
    assert len(posts(world)) == 1


async def test_the_scheduler_loop_posts_on_its_own(world: World, admin):
    cog = world.daily
    await set_daily(world, admin)
    cog.clock = lambda: at("2026-11-23T08:00:05")
    cog.check.change_interval(seconds=0.05)
    await world.sandbox.wait_until(lambda: posts(world), 5)
    await asyncio.sleep(0.3)  # many more ticks: still one post
    assert len(posts(world)) == 1


async def test_a_channel_the_bot_cannot_post_in_or_read_is_refused_naming_what_is_missing(world: World, admin):
    from bot.sandbox.permissions import EMBED_LINKS, READ_MESSAGE_HISTORY

    general = world.guild.channel_id("general")
    await world.sandbox.deny_bot(world.guild, general, EMBED_LINKS | READ_MESSAGE_HISTORY)
    reply = await (await admin.run("study", "daily set", channel=str(general), time="09:00", timezone="UTC")).wait()
    assert reply.ephemeral and "I need Embed Links and Read Message History there" in reply.content
    status = await (await admin.run("study", "daily status")).wait()
    assert "No daily post is set" in status.content
    await world.sandbox.set_overwrite(world.guild, general, world.sandbox.application_id)  # allowed again
    await set_daily(world, admin, timezone="UTC")


async def test_after_a_crash_a_post_it_cannot_look_for_is_not_sent_again(world: World, admin, engine, tmp_path):
    from bot.sandbox.permissions import READ_MESSAGE_HISTORY

    cog = daily(world)
    await set_daily(world, admin)
    await cog.run_due(at("2026-11-23T08:00:00"))
    _set_status(world, "2026-11-23", "sending")  # a crash after sending, before recording
    with sqlite3.connect(world.bot.settings.data_dir / "studybot.sqlite3") as db:
        db.execute("UPDATE daily_posts SET posted_at = posted_at - 600")  # longer ago than a nonce is remembered
    await world.sandbox.deny_bot(world.guild, world.guild.channel_id("general"), READ_MESSAGE_HISTORY)

    await stop_bot(world.bot)
    world.bot = await start_bot(engine, quick_settings(tmp_path), world.sandbox, world.guild)
    await daily(world).run_due(at("2026-11-23T08:10:00"))
    assert len(posts(world)) == 1  # the history came back empty; an empty list is not "not posted"
    status = await (await admin.run("study", "daily status")).wait()
    assert "Could not check whether the daily fact of 2026-11-23 went out" in status.content
    assert "Last: 2026-11-23 (fact failed)" in status.content


async def test_a_grace_period_past_local_midnight_still_posts_the_day_before(world: World, admin):
    cog = daily(world)
    await set_daily(world, admin, at="23:30", timezone="UTC")
    await cog.run_due(at("2026-11-24T00:10:00"))  # the bot was down at 23:30; 40 minutes late is within grace
    assert [p["embeds"][0]["footer"]["text"] for p in posts(world)] == ["Daily fact · 2026-11-23"]
    await cog.run_due(at("2026-11-24T00:20:00"))
    assert len(posts(world)) == 1
