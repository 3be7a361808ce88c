"""/daily set|off|status|preview and the scheduler that posts one fact a day per server, exactly once."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.cogs.daily._schedule import due_date, next_fact, next_post, parse_time, zone, zone_names
from bot.cogs.shared.replies import in_time, missing_permissions, reply, send_problem
from bot.errors import RefusedError
from bot.records.daily import DailyRecords
from bot.records.models import DailyPost, DailySchedule, PostStatus
from bot.render import embeds

if TYPE_CHECKING:
    from bot.app import StudyBot

log = logging.getLogger(__name__)
FOOTER = "Daily fact · {date}"
_HISTORY = 50
# What the post needs in its channel: to see it, post an embed there, and read its history back to tell,
# after a crash, whether the day's post already went out.
DAILY_PERMISSIONS = discord.Permissions(
    view_channel=True, send_messages=True, embed_links=True, read_message_history=True
)
# Discord drops a repeated nonce only "in the past few minutes": within this, a post the bot cannot look
# for may be sent again safely; after it, a second post could not be told from the first.
RESEND_WITHOUT_LOOKING_S = 120.0


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _nonce(guild_id: int, day: str) -> str:
    """The same for every try at one server's post on one day, within Discord's 25-character limit."""
    return hashlib.blake2b(f"daily:{guild_id}:{day}".encode(), digest_size=12).hexdigest()


class Daily(commands.Cog):
    daily = app_commands.Group(
        name="daily",
        description="The daily fact for this server.",
        guild_only=True,
        default_permissions=discord.Permissions(manage_guild=True),
    )

    def __init__(self, bot: StudyBot, clock: Callable[[], datetime] = _utcnow) -> None:
        self.bot = bot
        self.clock = clock
        self.records = DailyRecords(bot.db)
        self.grace = timedelta(minutes=bot.settings.daily.grace_minutes)
        self.check.change_interval(seconds=bot.settings.daily.check_seconds)

    async def cog_load(self) -> None:
        self.check.start()

    async def cog_unload(self) -> None:
        self.check.cancel()

    @tasks.loop(seconds=30)
    async def check(self) -> None:
        try:
            await self.run_due(self.clock())
        except Exception:
            # An uncaught error would end the loop for good; the next check tries again instead.
            log.exception("The daily check failed; trying again at the next check")

    @check.before_loop
    async def _wait_ready(self) -> None:
        await self.bot.wait_until_ready()

    async def run_due(self, now: datetime) -> None:
        """Post every server's fact that is due at `now`; each server's day is claimed before it is sent."""
        for schedule in await self.records.enabled():
            tz, at = zone(schedule.timezone), parse_time(schedule.time)
            if tz is None or at is None:
                continue
            day = due_date(now, at, tz, self.grace)
            if day is None:
                continue
            try:
                await self._post_once(schedule, day.isoformat())
            except sqlite3.Error as error:
                # One server's post waits for the next check; the others still go out now.
                log.error(
                    "Guild %s: the daily post could not be recorded (%s); trying again later", schedule.guild_id, error
                )

    async def _post_once(self, schedule: DailySchedule, day: str) -> None:
        existing = await self.records.post(schedule.guild_id, day)
        if existing is None:
            key = await self._next_key(schedule.guild_id)
            if key is None or not await self.records.claim(schedule.guild_id, day, key, schedule.channel_id):
                return
        elif existing.status is PostStatus.SENDING:
            # A crash between sending and recording: the channel tells whether the post went out.
            sent, looked = await self._find_post(existing.channel_id, day)
            if sent is not None:
                await self.records.finish(schedule.guild_id, day, PostStatus.POSTED, sent)
                return
            if not looked and time.time() - existing.claimed_at > RESEND_WITHOUT_LOOKING_S:
                await self._give_up(
                    schedule,
                    day,
                    f"Could not check whether the daily fact of {day} went out in <#{existing.channel_id}> "
                    "(I cannot read its history), so it was not posted again: that could have posted it twice.",
                )
                return
            key = existing.fact_key
        else:
            return
        await self._send(schedule, day, key)

    async def _next_key(self, guild_id: int) -> str | None:
        """The fact this server sees next: the one the post will use is the one preview shows."""
        posted = await self.records.posted_keys(guild_id)
        # Shuffling every fact key takes tens of milliseconds on a large corpus: too long for the event loop.
        return await asyncio.to_thread(next_fact, self.bot.engine.fact_keys(), posted, guild_id)

    async def _send(self, schedule: DailySchedule, day: str, key: str) -> None:
        fact = self.bot.engine.fact_for(key)
        channel = self.bot.get_partial_messageable(schedule.channel_id, guild_id=schedule.guild_id)
        if fact is None:
            await self.records.finish(schedule.guild_id, day, PostStatus.FAILED)
            return
        embed = embeds.fact_embed_for(fact, title="Fact of the day")
        embed.set_footer(text=FOOTER.format(date=day))
        try:
            # discord.py gives each call a fresh nonce, so its own retries never post twice; this one is the
            # same for every check's try at the day, so a retry after a lost answer returns the first post.
            message = await channel.send(embed=embed, nonce=_nonce(schedule.guild_id, day))
        except (discord.Forbidden, discord.NotFound) as error:
            await self._give_up(
                schedule, day, f"Cannot post the daily fact in <#{schedule.channel_id}>: {error.text or error}"
            )
            return
        except (discord.HTTPException, discord.RateLimited) as error:
            failures = await self.records.count_failure(schedule.guild_id, day)
            if failures >= self.bot.settings.daily.send_attempts:
                await self._give_up(schedule, day, f"Discord refused the daily post {failures} times (last: {error}).")
            else:
                log.warning(
                    "Guild %s: Discord refused the daily post (%s); trying again at the next check",
                    schedule.guild_id,
                    error,
                )
            return
        await self.records.finish(schedule.guild_id, day, PostStatus.POSTED, message.id)
        if schedule.last_error:
            await self.records.set_error(schedule.guild_id, None)

    async def _give_up(self, schedule: DailySchedule, day: str, problem: str) -> None:
        """The day is marked failed, never retried, and `/daily status` shows why."""
        log.warning("Guild %s: %s", schedule.guild_id, problem)
        await self.records.set_error(schedule.guild_id, problem)
        await self.records.finish(schedule.guild_id, day, PostStatus.FAILED)

    async def _find_post(self, channel_id: int, day: str) -> tuple[int | None, bool]:
        """The day's post in the channel, if there; and whether the channel could be looked through at all.
        Without Read Message History Discord answers with an empty list, not an error, so the permission
        is checked first: an empty answer must never pass for "not posted"."""
        channel = self.bot.get_channel(channel_id)
        if isinstance(channel, discord.abc.GuildChannel):
            allowed = channel.permissions_for(channel.guild.me)
            if not (allowed.view_channel and allowed.read_message_history):
                log.warning("Cannot read #%s to check the daily post: no Read Message History", channel_id)
                return None, False
        try:
            async for message in self.bot.get_partial_messageable(channel_id).history(limit=_HISTORY):
                if message.author.id == self.bot.application_id and any(
                    e.footer.text == FOOTER.format(date=day) for e in message.embeds
                ):
                    return message.id, True
        except discord.HTTPException as error:
            log.warning("Could not read #%s to check the daily post: %s", channel_id, error)
            return None, False
        return None, True

    async def interaction_check(self, interaction: discord.Interaction[StudyBot]) -> bool:
        """Every /daily command, checked at run time too: default permissions can be changed by a server."""
        if interaction.permissions.manage_guild:
            return True
        await send_problem(interaction, "Only members who can manage this server can change the daily fact.", "")
        return False

    async def autocomplete_timezone(
        self, interaction: discord.Interaction[StudyBot], current: str
    ) -> list[app_commands.Choice[str]]:
        typed = current.strip().casefold().replace(" ", "_")
        names = [n for n in zone_names() if typed in n.casefold()]
        return [app_commands.Choice(name=n, value=n) for n in names[:25]]

    @daily.command(name="set")
    @app_commands.describe(
        channel="Where to post", time="Local time, 24-hour, e.g. 09:00", timezone="IANA time zone, e.g. Europe/Berlin"
    )
    @app_commands.autocomplete(timezone=autocomplete_timezone)
    async def set_schedule(
        self,
        interaction: discord.Interaction[StudyBot],
        channel: discord.TextChannel,
        time: app_commands.Range[str, 3, 5],
        timezone: app_commands.Range[str, 1, 64],
    ) -> None:
        """Post a fact every day in a channel at a local time."""
        at, tz = parse_time(time), zone(timezone)
        if at is None:
            raise RefusedError(f"'{time}' is not a time of day.", "Use 24-hour HH:MM, e.g. 09:00 or 18:30.")
        if tz is None:
            raise RefusedError(f"'{timezone}' is not a time zone.", "Pick one as you type, e.g. Europe/Berlin.")
        missing = missing_permissions(channel.permissions_for(channel.guild.me), DAILY_PERMISSIONS)
        if missing:
            raise RefusedError(
                f"I cannot post the daily fact in #{channel.name}: I need {missing} there.",
                "Give me that permission in the channel, or pick another channel.",
            )
        assert interaction.guild_id is not None
        saved = self.records.set_schedule(interaction.guild_id, channel.id, at.strftime("%H:%M"), timezone)
        await in_time(interaction, saved, ephemeral=True)
        moment = next_post(self.clock(), at, tz)
        await reply(
            interaction,
            f"Daily fact set: {channel.mention} at {at:%H:%M} {timezone}. Next post <t:{int(moment.timestamp())}:F>.",
            ephemeral=True,
        )

    @daily.command(name="off")
    async def off(self, interaction: discord.Interaction[StudyBot]) -> None:
        """Stop the daily fact."""
        assert interaction.guild_id is not None
        stopped = await in_time(interaction, self.records.disable(interaction.guild_id), ephemeral=True)
        text = "Daily fact turned off." if stopped else "There was no daily fact to turn off."
        await reply(interaction, text, ephemeral=True)

    @daily.command(name="status")
    async def status(self, interaction: discord.Interaction[StudyBot]) -> None:
        """When and where the daily fact posts, what it posted last, and any problem."""
        assert interaction.guild_id is not None
        schedule, last = await in_time(interaction, self._status_of(interaction.guild_id), ephemeral=True)
        if schedule is None or not schedule.enabled:
            raise RefusedError("No daily fact is set.", "Set one with `daily set`.")
        tz, at = zone(schedule.timezone), parse_time(schedule.time)
        assert tz is not None and at is not None
        moment = next_post(self.clock(), at, tz)
        lines = [
            f"Posts in <#{schedule.channel_id}> at {schedule.time} {schedule.timezone}.",
            f"Next post <t:{int(moment.timestamp())}:F>.",
        ]
        if last is not None:
            lines.append(f"Last: {last.local_date} ({last.status}).")
        if schedule.last_error:
            lines.append(f"Problem: {schedule.last_error}")
        await reply(interaction, "\n".join(lines), ephemeral=True)

    async def _status_of(self, guild_id: int) -> tuple[DailySchedule | None, DailyPost | None]:
        return await self.records.schedule(guild_id), await self.records.last_post(guild_id)

    @daily.command(name="preview")
    async def preview(self, interaction: discord.Interaction[StudyBot]) -> None:
        """The fact the next daily post will show, only to you."""
        assert interaction.guild_id is not None
        key = await in_time(interaction, self._next_key(interaction.guild_id), ephemeral=True)
        fact = self.bot.engine.fact_for(key) if key else None
        if fact is None:
            raise RefusedError("The sources hold no facts yet.", "Add sources with numbers or references.")
        await reply(interaction, embed=embeds.fact_embed_for(fact, title="Next daily fact"), ephemeral=True)


async def setup(bot: StudyBot) -> None:
    await bot.add_cog(Daily(bot))
