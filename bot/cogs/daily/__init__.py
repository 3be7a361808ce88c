"""/daily set|off|status|preview and the scheduler that posts, once a day per server and exactly once, a fact,
a question, or both; a question's answer is revealed, in the same message, some hours later."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Literal

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.cogs.daily._question import DailyAnswerButton, daily_answer_view
from bot.cogs.daily._schedule import due_date, next_fact, next_post, parse_time, post_instant, zone, zone_names
from bot.cogs.shared.replies import in_time, missing_permissions, reply, send_problem
from bot.content.engine import StudyEngine
from bot.content.models import QuizQuestion
from bot.errors import NothingFoundError, RefusedError
from bot.records.daily import DailyRecords
from bot.records.database import RecordsError
from bot.records.models import DailyChoice, DailyKind, DailyPost, DailyQuestion, DailySchedule, PostStatus
from bot.records.quiz import QuizRecords
from bot.render import embeds
from bot.render import quiz as quiz_render

if TYPE_CHECKING:
    from bot.app import StudyBot

log = logging.getLogger(__name__)
# How a day's post is found again in its channel after a crash.
FOOTERS = {DailyKind.FACT: "Daily fact · {date}", DailyKind.QUESTION: "Daily question · {date}"}
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


def _nonce(guild_id: int, day: str, kind: DailyKind) -> str:
    """The same for every try at one server's post of a kind on one day, within Discord's 25-character limit."""
    return hashlib.blake2b(f"daily:{guild_id}:{day}:{kind}".encode(), digest_size=12).hexdigest()


class Daily(commands.Cog):
    daily = app_commands.Group(
        name="daily",
        description="The daily fact or question for this server.",
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
        """Post every server's fact or question that is due at `now`, each claimed before it is sent; then
        reveal the answers of the questions whose time has come. Only the servers on this process's shards:
        another process posts for the others."""
        for schedule in await self.records.enabled():
            if not self.bot.serves(schedule.guild_id):
                continue
            tz, at = zone(schedule.timezone), parse_time(schedule.time)
            if tz is None or at is None:
                continue
            day = due_date(now, at, tz, self.grace)
            if day is None:
                continue
            reveal_at = post_instant(day, at, tz) + timedelta(hours=schedule.reveal_hours)
            for kind in schedule.post.kinds:
                try:
                    await self._post_once(schedule, day.isoformat(), kind, reveal_at.timestamp())
                except RecordsError as error:
                    # One server's post waits for the next check; the others still go out now.
                    log.error(
                        "Guild %s: the daily %s could not be recorded (%s); trying again later",
                        schedule.guild_id,
                        kind,
                        error,
                    )
        await self._reveal_due(now)

    async def _post_once(self, schedule: DailySchedule, day: str, kind: DailyKind, reveal_at: float) -> None:
        existing = await self.records.post(schedule.guild_id, day, kind)
        if existing is None:
            key = await self._claim(schedule, day, kind, reveal_at)
            if key is None:
                return
        elif existing.status is PostStatus.SENDING:
            # A crash between sending and recording: the channel tells whether the post went out.
            sent, looked = await self._find_post(existing.channel_id, FOOTERS[kind].format(date=day))
            if sent is not None:
                await self.records.finish(schedule.guild_id, day, kind, PostStatus.POSTED, sent)
                return
            if not looked and time.time() - existing.claimed_at > RESEND_WITHOUT_LOOKING_S:
                await self._give_up(
                    schedule,
                    day,
                    kind,
                    f"Could not check whether the daily {kind} of {day} went out in <#{existing.channel_id}> "
                    "(I cannot read its history), so it was not posted again: that could have posted it twice.",
                )
                return
            key = existing.key
        else:
            return
        await self._send(schedule, day, kind, key)

    async def _claim(self, schedule: DailySchedule, day: str, kind: DailyKind, reveal_at: float) -> str | None:
        """Reserve the day's post with what it will show: a fact's key, or the whole question, kept so that
        its buttons and its reveal work after a restart even if the sources have changed. The claimed key;
        None when there is nothing to post or the day is taken."""
        guild_id, channel_id = schedule.guild_id, schedule.channel_id
        if kind is DailyKind.FACT:
            key = await self._next_fact(guild_id)
            claimed = key is not None and await self.records.claim(guild_id, day, kind, key, channel_id)
            return key if claimed else None
        question = await self._next_question(guild_id)
        if question is None:
            return None
        claimed = await self.records.claim(guild_id, day, kind, question.key, channel_id, (question, reveal_at))
        return question.key if claimed else None

    async def _next_fact(self, guild_id: int) -> str | None:
        """The fact this server sees next: the one the post will use is the one preview shows."""
        posted = await self.records.posted_keys(guild_id, DailyKind.FACT)
        # Shuffling every fact key takes tens of milliseconds on a large corpus: too long for the event loop.
        return await asyncio.to_thread(next_fact, self.bot.engine_for(guild_id).fact_keys(), posted, guild_id)

    async def _next_question(self, guild_id: int) -> QuizQuestion | None:
        """The question this server sees next: none it was asked, daily or in a quiz, until all have been,
        none it dropped; drawn by a seed fixed by the days already asked, so preview shows the one the post
        will use."""
        posted = await self.records.posted_keys(guild_id, DailyKind.QUESTION)
        quizzes = QuizRecords(self.bot.db)
        asked = {*posted, *await quizzes.asked(guild_id, None)}
        dropped = await quizzes.dropped(guild_id)
        try:
            quiz = await self.bot.ask(
                guild_id, StudyEngine.quiz, count=1, seed=guild_id + len(posted), asked=asked, never=dropped
            )
        except NothingFoundError:
            return None
        return quiz.questions[0]

    async def _send(self, schedule: DailySchedule, day: str, kind: DailyKind, key: str) -> None:
        guild_id = schedule.guild_id
        content = await self._post_content(schedule, day, kind, key)
        if content is None:
            await self.records.finish(guild_id, day, kind, PostStatus.FAILED)
            return
        embed, view = content
        embed.set_footer(text=FOOTERS[kind].format(date=day))
        channel = self.bot.get_partial_messageable(schedule.channel_id, guild_id=guild_id)
        try:
            # discord.py gives each call a fresh nonce, so its own retries never post twice; this one is the
            # same for every check's try at the day, so a retry after a lost answer returns the first post.
            message = await channel.send(
                embed=embed, view=view if view is not None else discord.utils.MISSING, nonce=_nonce(guild_id, day, kind)
            )
        except (discord.Forbidden, discord.NotFound) as error:
            await self._give_up(
                schedule, day, kind, f"Cannot post the daily {kind} in <#{schedule.channel_id}>: {error.text or error}"
            )
            return
        except (discord.HTTPException, discord.RateLimited) as error:
            failures = await self.records.count_failure(guild_id, day, kind)
            if failures >= self.bot.settings.daily.send_attempts:
                await self._give_up(
                    schedule, day, kind, f"Discord refused the daily {kind} {failures} times (last: {error})."
                )
            else:
                log.warning(
                    "Guild %s: Discord refused the daily %s (%s); trying again at the next check", guild_id, kind, error
                )
            return
        await self.records.finish(guild_id, day, kind, PostStatus.POSTED, message.id)
        if schedule.last_error:
            await self.records.set_error(guild_id, None)

    async def _post_content(
        self, schedule: DailySchedule, day: str, kind: DailyKind, key: str
    ) -> tuple[discord.Embed, discord.ui.View | None] | None:
        """What the day's claimed post shows; None when its fact or question is gone."""
        if kind is DailyKind.FACT:
            fact = self.bot.engine_for(schedule.guild_id).fact_for(key)
            return (embeds.fact_embed_for(fact, title="Fact of the day"), None) if fact else None
        asked = await self.records.question(schedule.guild_id, day)
        if asked is None:
            return None
        return quiz_render.daily_question_embed(asked.question, asked.reveal_at), daily_answer_view(day, asked.question)

    async def _give_up(self, schedule: DailySchedule, day: str, kind: DailyKind, problem: str) -> None:
        """The day's post is marked failed, never retried, and `/daily status` shows why."""
        log.warning("Guild %s: %s", schedule.guild_id, problem)
        await self.records.set_error(schedule.guild_id, problem)
        await self.records.finish(schedule.guild_id, day, kind, PostStatus.FAILED)

    async def _reveal_due(self, now: datetime) -> None:
        for asked in await self.records.to_reveal(now.timestamp()):
            if not self.bot.serves(asked.guild_id):
                continue
            try:
                await self._reveal(asked)
            except RecordsError as error:
                log.error(
                    "Guild %s: the daily answer could not be recorded (%s); trying again later", asked.guild_id, error
                )

    async def _reveal(self, asked: DailyQuestion) -> None:
        """Show the answer and its quote in the question's own message, buttons gone; who missed it finds it in
        /quiz review. A message that is gone or out of reach has nothing to reveal in, so it is not retried."""
        answers = await self.records.answers(asked.guild_id, asked.local_date)
        right = [member for member, choice in answers.items() if choice == asked.question.answer]
        embed = quiz_render.daily_reveal_embed(asked.question, right, len(answers))
        embed.set_footer(text=FOOTERS[DailyKind.QUESTION].format(date=asked.local_date))
        if asked.message_id is not None:
            channel = self.bot.get_partial_messageable(asked.channel_id, guild_id=asked.guild_id)
            try:
                await channel.get_partial_message(asked.message_id).edit(embed=embed, view=None)
            except (discord.Forbidden, discord.NotFound) as error:
                log.warning("Guild %s: cannot reveal the daily answer: %s", asked.guild_id, error.text or error)
            except (discord.HTTPException, discord.RateLimited) as error:
                log.warning(
                    "Guild %s: Discord refused the daily answer (%s); trying again later", asked.guild_id, error
                )
                return
        await self.records.revealed(asked, [member for member in answers if member not in right])

    async def _find_post(self, channel_id: int, footer: str) -> tuple[int | None, bool]:
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
                    e.footer.text == footer for e in message.embeds
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
        channel="Where to post",
        time="Local time, 24-hour, e.g. 09:00",
        timezone="IANA time zone, e.g. Europe/Berlin",
        post="A fact, a quiz question, or both (default: a fact)",
        reveal_after="Hours after the post that a question's answer is revealed (1-23)",
    )
    @app_commands.autocomplete(timezone=autocomplete_timezone)
    async def set_schedule(
        self,
        interaction: discord.Interaction[StudyBot],
        channel: discord.TextChannel,
        time: app_commands.Range[str, 3, 5],
        timezone: app_commands.Range[str, 1, 64],
        post: Literal["fact", "question", "both"] = "fact",
        reveal_after: app_commands.Range[int, 1, 23] | None = None,
    ) -> None:
        """Post a fact, a quiz question or both every day in a channel at a local time."""
        at, tz = parse_time(time), zone(timezone)
        if at is None:
            raise RefusedError(f"'{time}' is not a time of day.", "Use 24-hour HH:MM, e.g. 09:00 or 18:30.")
        if tz is None:
            raise RefusedError(f"'{timezone}' is not a time zone.", "Pick one as you type, e.g. Europe/Berlin.")
        missing = missing_permissions(channel.permissions_for(channel.guild.me), DAILY_PERMISSIONS)
        if missing:
            raise RefusedError(
                f"I cannot post the daily {post} in #{channel.name}: I need {missing} there.",
                "Give me that permission in the channel, or pick another channel.",
            )
        assert interaction.guild_id is not None
        choice, hours = DailyChoice(post), reveal_after or self.bot.settings.daily.reveal_hours
        saved = self.records.set_schedule(
            interaction.guild_id, channel.id, at.strftime("%H:%M"), timezone, choice, hours
        )
        await in_time(interaction, saved, ephemeral=True)
        moment = next_post(self.clock(), at, tz)
        reveal = f" Each question's answer is revealed {hours} h after it is posted." if post != "fact" else ""
        await reply(
            interaction,
            f"Daily {_what(choice)} set: {channel.mention} at {at:%H:%M} {timezone}. "
            f"Next post <t:{int(moment.timestamp())}:F>.{reveal}",
            ephemeral=True,
        )

    @daily.command(name="off")
    async def off(self, interaction: discord.Interaction[StudyBot]) -> None:
        """Stop the daily post."""
        assert interaction.guild_id is not None
        stopped = await in_time(interaction, self.records.disable(interaction.guild_id), ephemeral=True)
        text = "Daily post turned off." if stopped else "There was no daily post to turn off."
        await reply(interaction, text, ephemeral=True)

    @daily.command(name="status")
    async def status(self, interaction: discord.Interaction[StudyBot]) -> None:
        """When and where the daily post goes out, what it posted last, and any problem."""
        assert interaction.guild_id is not None
        schedule, last = await in_time(interaction, self._status_of(interaction.guild_id), ephemeral=True)
        if schedule is None or not schedule.enabled:
            raise RefusedError("No daily post is set.", "Set one with `daily set`.")
        tz, at = zone(schedule.timezone), parse_time(schedule.time)
        assert tz is not None and at is not None
        moment = next_post(self.clock(), at, tz)
        lines = [
            f"Posts the daily {_what(schedule.post)} in <#{schedule.channel_id}> "
            f"at {schedule.time} {schedule.timezone}.",
            f"Next post <t:{int(moment.timestamp())}:F>.",
        ]
        if schedule.post is not DailyChoice.FACT:
            lines.append(f"A question's answer is revealed {schedule.reveal_hours} h after it is posted.")
        if last:
            lines.append(f"Last: {last[0].local_date} (" + ", ".join(f"{p.kind} {p.status}" for p in last) + ").")
        if schedule.last_error:
            lines.append(f"Problem: {schedule.last_error}")
        await reply(interaction, "\n".join(lines), ephemeral=True)

    async def _status_of(self, guild_id: int) -> tuple[DailySchedule | None, list[DailyPost]]:
        return await self.records.schedule(guild_id), await self.records.last_posts(guild_id)

    @daily.command(name="preview")
    async def preview(self, interaction: discord.Interaction[StudyBot]) -> None:
        """What the next daily post will show, only to you: a question with its answer."""
        assert interaction.guild_id is not None
        found = await in_time(interaction, self._previews(interaction.guild_id), ephemeral=True)
        if not found:
            raise RefusedError("The sources hold no facts or questions yet.", "Add sources with numbers or references.")
        await reply(interaction, embeds=found, ephemeral=True)

    async def _previews(self, guild_id: int) -> list[discord.Embed]:
        schedule = await self.records.schedule(guild_id)
        kinds = schedule.post.kinds if schedule and schedule.enabled else DailyChoice.BOTH.kinds
        found: list[discord.Embed] = []
        if DailyKind.FACT in kinds:
            key = await self._next_fact(guild_id)
            fact = self.bot.engine_for(guild_id).fact_for(key) if key else None
            if fact is not None:
                found.append(embeds.fact_embed_for(fact, title="Next daily fact"))
        if DailyKind.QUESTION in kinds:
            question = await self._next_question(guild_id)
            if question is not None:
                found.append(quiz_render.daily_preview_embed(question))
        return found


def _what(choice: DailyChoice) -> str:
    return {DailyChoice.FACT: "fact", DailyChoice.QUESTION: "question", DailyChoice.BOTH: "fact and question"}[choice]


async def setup(bot: StudyBot) -> None:
    bot.add_dynamic_items(DailyAnswerButton)
    await bot.add_cog(Daily(bot))
