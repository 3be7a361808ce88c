"""/quiz start|stop|leaderboard|stats: quiz sessions in a channel, several members at once, scores kept."""

from __future__ import annotations

import logging
import secrets
import time
from typing import TYPE_CHECKING, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.paginator import send_pages, send_problem
from bot.cogs.quiz._session import AnswerButton, QuizSession
from bot.cogs.topics import autocomplete_topic
from bot.content.errors import StudybotError
from bot.render import quiz as render
from bot.store.quiz import QuizRecords

if TYPE_CHECKING:
    from bot.app import StudyBot

log = logging.getLogger(__name__)
PERIODS = {"week": 7 * 86400, "month": 30 * 86400, "all time": None}


class Quiz(commands.Cog):
    quiz = app_commands.Group(name="quiz", description="Quiz sessions on the group's sources.", guild_only=True)

    def __init__(self, bot: StudyBot) -> None:
        self.bot = bot
        self.records = QuizRecords(bot.db)
        self.by_channel: dict[int, QuizSession] = {}

    async def cog_load(self) -> None:
        """Sessions a restart cut short are ended cleanly, their scores so far kept and posted."""
        for stored in await self.records.running():
            await self.records.end(stored.id, "interrupted")
            standings = await self.records.standings(stored.id)
            channel = self.bot.get_partial_messageable(stored.channel_id, guild_id=stored.guild_id)
            try:
                await channel.send(embed=render.standings_embed(standings, "interrupted", len(standings)))
            except discord.HTTPException as error:
                log.error("Could not post the end of interrupted quiz %s: %s", stored.id, error)

    async def cog_unload(self) -> None:
        for session in list(self.by_channel.values()):
            session.abandon()

    @quiz.command(name="start")
    @app_commands.describe(
        topic="Only questions about this topic (start typing to see them)",
        questions="How many questions (1-20)",
        seconds="Seconds to answer each question (5-120)",
        difficulty="How close the wrong answers are to the right one",
    )
    @app_commands.autocomplete(topic=autocomplete_topic)
    async def start(
        self,
        interaction: discord.Interaction,
        topic: app_commands.Range[str, 1, 100] | None = None,
        questions: app_commands.Range[int, 1, 20] | None = None,
        seconds: app_commands.Range[int, 5, 120] | None = None,
        difficulty: Literal["easy", "normal", "hard"] = "normal",
    ) -> None:
        """Start a quiz in this channel: everyone here can answer."""
        assert interaction.guild_id is not None and interaction.channel is not None
        running = self.by_channel.get(interaction.channel_id or 0)
        if running is not None:
            await send_problem(interaction, "A quiz is already running in this channel.", f"Join it: {running.link}")
            return
        settings = self.bot.settings.quiz
        last = await self.records.last_start(interaction.guild_id, interaction.user.id)
        if last is not None and time.time() - last < settings.cooldown_seconds:
            wait = int(settings.cooldown_seconds - (time.time() - last)) + 1
            await send_problem(interaction, "You started a quiz a moment ago.", f"You can start another in {wait} s.")
            return
        try:
            answer = self.bot.engine.quiz(topic=topic, count=questions or settings.questions, difficulty=difficulty)
        except StudybotError as error:
            await send_problem(interaction, str(error), "Try another topic, or no topic, or `/topics`.")
            return
        session_id = secrets.token_hex(6)
        limit = seconds or settings.seconds
        await self.records.start(
            session_id, guild_id=interaction.guild_id, channel_id=interaction.channel_id or 0,
            starter_id=interaction.user.id, topic=answer.topic, seed=answer.seed,
            questions=len(answer.questions), seconds=limit,
        )  # fmt: skip
        session = QuizSession(
            session_id=session_id, channel=interaction.channel, channel_id=interaction.channel_id or 0,  # type: ignore[arg-type]
            guild_id=interaction.guild_id,
            starter_id=interaction.user.id, questions=answer.questions, seconds=limit,
            reveal_seconds=settings.reveal_seconds, records=self.records,
        )  # fmt: skip
        self.by_channel[interaction.channel_id or 0] = session
        self.bot.quiz_sessions[session_id] = session
        session.start(interaction, self._forget)

    def _forget(self, session: QuizSession) -> None:
        self.bot.quiz_sessions.pop(session.id, None)
        for channel, running in list(self.by_channel.items()):
            if running is session:
                del self.by_channel[channel]

    @quiz.command(name="stop")
    async def stop(self, interaction: discord.Interaction) -> None:
        """Stop the quiz in this channel (the member who started it, or one who can manage messages)."""
        session = self.by_channel.get(interaction.channel_id or 0)
        if session is None:
            await send_problem(interaction, "No quiz is running in this channel.", "Start one with `/quiz start`.")
            return
        allowed = interaction.user.id == session.starter_id or interaction.permissions.manage_messages
        if not allowed:
            await send_problem(
                interaction,
                "Only the member who started this quiz can stop it.",
                "Or someone with Manage Messages.",
            )
            return
        await interaction.response.send_message("Stopping the quiz.", ephemeral=True)
        await session.stop()
        self._forget(session)

    @quiz.command(name="leaderboard")
    @app_commands.describe(period="Which answers count: the last week, month, or all time")
    async def leaderboard(
        self, interaction: discord.Interaction, period: Literal["week", "month", "all time"] = "week"
    ) -> None:
        """The server's best quiz players; games of two or more players count."""
        assert interaction.guild_id is not None
        span = PERIODS[period]
        since = time.time() - span if span else 0.0
        standings = await self.records.leaderboard(interaction.guild_id, since=since)
        if not standings:
            await send_problem(
                interaction, f"No quiz with two or more players this {period}.", "Start one: `/quiz start`."
            )
            return
        await send_pages(interaction, render.leaderboard_pages(standings, period))

    @quiz.command(name="stats")
    @app_commands.describe(member="Whose stats (yours if left out)")
    async def stats(self, interaction: discord.Interaction, member: discord.Member | None = None) -> None:
        """Answers, accuracy, streaks and fastest answer for a member."""
        assert interaction.guild_id is not None
        who = member or interaction.user
        stats = await self.records.member_stats(interaction.guild_id, who.id)
        await interaction.response.send_message(embed=render.member_stats_embed(who.display_name, stats))


async def setup(bot: StudyBot) -> None:
    bot.add_dynamic_items(AnswerButton)
    await bot.add_cog(Quiz(bot))
