"""/quiz start|stop|review|report|leaderboard|seasons|export|stats: quiz sessions in a channel, several members at
once, scores kept; /quiz-admin for moderators."""

from __future__ import annotations

import logging
import secrets
import time
from typing import TYPE_CHECKING, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.quiz._admin import QuizAdmin
from bot.cogs.quiz._export import scores_file
from bot.cogs.quiz._review import ReviewButton, review_view
from bot.cogs.quiz._session import AnswerButton, QuizSession, TypeButton
from bot.cogs.shared.paginator import send_pages
from bot.cogs.shared.replies import in_time, missing_permissions, reply
from bot.cogs.shared.topic_option import autocomplete_topic
from bot.content.engine import StudyEngine
from bot.content.models import Difficulty, QuizAnswer
from bot.errors import RefusedError
from bot.records.database import RecordsError
from bot.records.models import SessionStatus
from bot.records.quiz import QuizRecords
from bot.records.review import ReviewRecords
from bot.render import quiz as render

if TYPE_CHECKING:
    from bot.app import StudyBot

log = logging.getLogger(__name__)
PERIODS = {"week": 7 * 86400, "month": 30 * 86400, "all time": None}  # and "season": the running one
# To post each question after the first (the first answers the command) and to edit its reveal.
QUIZ_PERMISSIONS = discord.Permissions(view_channel=True, send_messages=True, embed_links=True)
# A quiz in a thread of its own: the thread from the opening message, and its questions posted there.
THREAD_PERMISSIONS = QUIZ_PERMISSIONS | discord.Permissions(create_public_threads=True, send_messages_in_threads=True)
THREAD_ARCHIVE_MINUTES = 60  # the shortest Discord offers: a finished quiz leaves the channel list soon


class Quiz(commands.Cog):
    quiz = app_commands.Group(name="quiz", description="Quiz sessions on the group's sources.", guild_only=True)

    def __init__(self, bot: StudyBot) -> None:
        self.bot = bot
        self.records = QuizRecords(bot.db)
        self.sessions = bot.quiz_sessions

    async def cog_load(self) -> None:
        """Sessions a restart cut short are ended cleanly, their scores so far kept and posted: this process's
        own, on its shards (another process's sessions in a shared database are running)."""
        for stored in await self.records.running():
            if not self.bot.serves(stored.guild_id):
                continue
            await self.records.end(stored.id, SessionStatus.INTERRUPTED)
            standings = await self.records.standings(stored.id)
            channel = self.bot.get_partial_messageable(stored.channel_id, guild_id=stored.guild_id)
            try:
                await channel.send(embed=render.standings_embed(standings, SessionStatus.INTERRUPTED, len(standings)))
            except discord.HTTPException as error:
                log.error("Could not post the end of interrupted quiz %s: %s", stored.id, error)

    async def cog_unload(self) -> None:
        for session in self.sessions.running():
            session.abandon()

    @quiz.command(name="start")
    @app_commands.describe(
        topic="Only questions about this topic (start typing to see them)",
        questions="How many questions (1-20)",
        seconds="Seconds to answer each question (5-120)",
        difficulty="How close the wrong answers are to the right one",
        thread="Run the quiz in a thread of its own, so it does not fill the channel",
    )
    @app_commands.autocomplete(topic=autocomplete_topic)
    async def start(
        self,
        interaction: discord.Interaction[StudyBot],
        topic: app_commands.Range[str, 1, 100] | None = None,
        questions: app_commands.Range[int, 1, 20] | None = None,
        seconds: app_commands.Range[int, 5, 120] | None = None,
        difficulty: Literal["easy", "normal", "hard"] = "normal",
        thread: bool = False,
    ) -> None:
        """Start a quiz in this channel, or in a thread of its own: everyone here can answer."""
        assert interaction.guild_id is not None and interaction.channel_id is not None
        channel_id = interaction.channel_id
        if thread and not isinstance(interaction.channel, discord.TextChannel):
            raise RefusedError("A quiz can open a thread only from a text channel.", "Start it without `thread`.")
        needed = THREAD_PERMISSIONS if thread else QUIZ_PERMISSIONS
        missing = missing_permissions(interaction.app_permissions, needed)
        if missing:
            raise RefusedError(
                f"I cannot run a quiz here: I need {missing} in this channel to post the questions.",
                "Ask a moderator to give me that permission here, or start the quiz in another channel.",
            )
        running = self.sessions.in_channel(channel_id)
        if running is not None:
            raise RefusedError("A quiz is already running in this channel.", f"Join it: {running.link}")
        # Claimed before the first await: of members starting at the same moment, one gets the channel.
        if not self.sessions.claim(channel_id):
            raise RefusedError("A quiz is starting in this channel right now.", "Join it in a moment.")
        try:
            await self._start(interaction, topic, questions, seconds, difficulty, thread=thread)
        finally:
            self.sessions.release(channel_id)  # a no-op once the session has begun

    async def _start(
        self,
        interaction: discord.Interaction[StudyBot],
        topic: str | None,
        questions: int | None,
        seconds: int | None,
        difficulty: Difficulty,
        *,
        thread: bool,
    ) -> None:
        assert interaction.guild_id is not None and interaction.channel_id is not None
        # A guild-only command in a channel the bot may post in: one it can send to.
        assert isinstance(interaction.channel, discord.abc.Messageable)
        settings = self.bot.settings.quiz
        limit = seconds or settings.seconds
        prepared = self._prepare(interaction, topic, questions or settings.questions, limit, difficulty)
        session_id, quiz = await in_time(interaction, prepared, ephemeral=False)
        channel: discord.abc.Messageable = interaction.channel
        channel_id, answering = interaction.channel_id, interaction
        if thread:
            opened = await self._open_thread(interaction, session_id, quiz)
            if opened is None:
                return
            channel, channel_id, answering = opened, opened.id, None
        session = QuizSession(
            session_id=session_id,
            channel=channel,
            channel_id=channel_id,
            guild_id=interaction.guild_id,
            starter_id=interaction.user.id,
            questions=quiz.questions,
            topic=quiz.topic,
            seconds=limit,
            reveal_seconds=settings.reveal_seconds,
            records=self.records,
        )
        self.sessions.begin(session)
        session.start(answering, self.sessions.end)

    async def _open_thread(
        self, interaction: discord.Interaction[StudyBot], session_id: str, quiz: QuizAnswer
    ) -> discord.Thread | None:
        """`/quiz start` answered with a line in the channel, and the quiz's thread opened from it; None, with
        the member told and the session ended, when Discord refuses the thread."""
        about = f" on {quiz.topic}" if quiz.topic else ""
        count = len(quiz.questions)
        opening = await reply(
            interaction,
            f"{interaction.user.mention} started a quiz of {count} question{'s' if count != 1 else ''}{about}: "
            "answer in its thread.",
        )
        name = f"Quiz{about}"[:100]
        try:
            made = await opening.create_thread(name=name, auto_archive_duration=THREAD_ARCHIVE_MINUTES)
            await self.records.moved(session_id, made.id)
        except (discord.HTTPException, RecordsError) as error:
            await self.records.end(session_id, SessionStatus.STOPPED)
            log.warning("Quiz %s could not open its thread: %s", session_id, error)
            await opening.edit(
                content=f"Could not open a thread for the quiz ({error}). Start it again without `thread`."
            )
            return None
        return made

    async def _prepare(
        self,
        interaction: discord.Interaction[StudyBot],
        topic: str | None,
        count: int,
        seconds: int,
        difficulty: Difficulty,
    ) -> tuple[str, QuizAnswer]:
        """The questions and the session's record, once the member's cooldown is over."""
        assert interaction.guild_id is not None and interaction.channel_id is not None
        cooldown = self.bot.settings.quiz.cooldown_seconds
        last = await self.records.last_start(interaction.guild_id, interaction.user.id)
        if last is not None and time.time() - last < cooldown:
            wait = int(cooldown - (time.time() - last)) + 1
            raise RefusedError("You started a quiz a moment ago.", f"You can start another in {wait} s.")
        resolved = self.bot.engine_for(interaction.guild_id).resolve_topic(topic).name if topic else None
        asked = await self.records.asked(interaction.guild_id, resolved)
        dropped = await self.records.dropped(interaction.guild_id)
        # `ask`, not `answer`: this runs under `in_time`, which defers a slow start, so no 3-second cut-off applies
        quiz = await self.bot.ask(
            interaction.guild_id,
            StudyEngine.quiz,
            topic=topic,
            count=count,
            difficulty=difficulty,
            asked=asked,
            never=dropped,
        )
        if quiz.started_over:
            await self.records.start_over(interaction.guild_id, quiz.topic)
        session_id = secrets.token_hex(6)
        await self.records.start(
            session_id,
            guild_id=interaction.guild_id,
            channel_id=interaction.channel_id,
            starter_id=interaction.user.id,
            topic=quiz.topic,
            seed=quiz.seed,
            questions=len(quiz.questions),
            seconds=seconds,
        )
        return session_id, quiz

    @quiz.command(name="stop")
    async def stop(self, interaction: discord.Interaction[StudyBot]) -> None:
        """Stop the quiz in this channel (the member who started it, or one who can manage messages)."""
        session = self.sessions.in_channel(interaction.channel_id or 0)
        if session is None:
            raise RefusedError("No quiz is running in this channel.", "Start one with `quiz start`.")
        allowed = interaction.user.id == session.starter_id or interaction.permissions.manage_messages
        if not allowed:
            raise RefusedError("Only the member who started this quiz can stop it.", "Or someone with Manage Messages.")
        await interaction.response.send_message("Stopping the quiz.", ephemeral=True)
        await session.stop()
        self.sessions.end(session)

    @quiz.command(name="report")
    @app_commands.describe(
        question="The question's number in this channel's latest quiz",
        reason="What is wrong with it: the answer, the wrong options, the wording",
    )
    async def report(
        self,
        interaction: discord.Interaction[StudyBot],
        question: app_commands.Range[int, 1, 20],
        reason: app_commands.Range[str, 3, 300],
    ) -> None:
        """Report a question of this channel's latest quiz as wrong or unfair; moderators review reports."""
        assert interaction.guild_id is not None and interaction.channel_id is not None
        found = await in_time(
            interaction, self.records.latest_question(interaction.channel_id, question), ephemeral=True
        )
        if found is None:
            raise RefusedError(
                f"The latest quiz in this channel showed no question {question}.", "Give the number it had."
            )
        key, prompt = found
        filed = await self.records.report(interaction.guild_id, key, prompt, interaction.user.id, reason.strip())
        if filed is None:
            raise RefusedError(
                "You have already reported this question.", "Moderators will see it in `/quiz-admin reports`."
            )
        await reply(interaction, content=f"Thank you: report #{filed} is with the moderators.", ephemeral=True)

    @quiz.command(name="review")
    async def review(self, interaction: discord.Interaction[StudyBot]) -> None:
        """Your missed questions again, only to you: right ones come back less often, until learned."""
        assert interaction.guild_id is not None
        reviews = ReviewRecords(self.bot.db)
        due = await in_time(interaction, reviews.due(interaction.guild_id, interaction.user.id), ephemeral=True)
        waiting, next_due = await reviews.waiting(interaction.guild_id, interaction.user.id)
        if due is None:
            if not waiting:
                raise RefusedError("You have no missed questions to review.", "Questions you miss in a quiz come here.")
            raise RefusedError(
                f"Nothing is due yet: {waiting} question{'s' if waiting != 1 else ''} wait in your review boxes.",
                f"The next is due <t:{int(next_due or 0)}:R>.",
            )
        question, box = due
        await reply(
            interaction,
            embed=render.review_embed(question, box, waiting),
            view=review_view(interaction.user.id, box, question),
            ephemeral=True,
        )

    @quiz.command(name="leaderboard")
    @app_commands.describe(
        period="Which answers count: this season, the last week, month, or all time",
        season="A past season's standings, by its number (see `/quiz seasons`)",
    )
    async def leaderboard(
        self,
        interaction: discord.Interaction[StudyBot],
        period: Literal["season", "week", "month", "all time"] = "season",
        season: app_commands.Range[int, 1] | None = None,
    ) -> None:
        """The server's best quiz players; games of two or more players count."""
        assert interaction.guild_id is not None
        seasons = await in_time(
            interaction, self.records.seasons(interaction.guild_id, now=time.time()), ephemeral=False
        )
        if season is not None or period == "season":
            chosen = seasons[-1] if season is None else next((s for s in seasons if s.number == season), None)
            if chosen is None:
                raise RefusedError(f"There is no season {season} yet.", f"This is season {seasons[-1].number}.")
            since, until, label = chosen.started_at, chosen.ended_at, f"season {chosen.number}"
            within = f"in {label}"
        else:
            span = PERIODS[period]
            since, until, label = (time.time() - span if span else 0.0), None, period
            within = "ever" if span is None else f"this {period}"
        standings = await self.records.leaderboard(interaction.guild_id, since=since, until=until)
        if not standings:
            raise RefusedError(f"No quiz with two or more players {within}.", "Start one: `quiz start`.")
        await send_pages(interaction, render.leaderboard_pages(standings, label))

    @quiz.command(name="seasons")
    async def seasons(self, interaction: discord.Interaction[StudyBot]) -> None:
        """The server's leaderboard seasons: one a month, or as moderators start them; past ones are kept."""
        assert interaction.guild_id is not None
        seasons = await in_time(
            interaction, self.records.seasons(interaction.guild_id, now=time.time()), ephemeral=False
        )
        leaders = [
            (s, await self.records.leaderboard(interaction.guild_id, since=s.started_at, until=s.ended_at))
            for s in seasons
        ]
        await send_pages(interaction, render.season_pages([(s, board[0] if board else None) for s, board in leaders]))

    @quiz.command(name="export")
    @app_commands.describe(season="Only this season, by its number (see `/quiz seasons`); default: every season")
    async def export(
        self, interaction: discord.Interaction[StudyBot], season: app_commands.Range[int, 1] | None = None
    ) -> None:
        """The server's quiz scores as a CSV file, a row per member per season (moderators), only to you."""
        assert interaction.guild_id is not None
        if not interaction.permissions.manage_guild:
            raise RefusedError(
                "Only members who can manage this server can export the scores.", "Ask a moderator for the file."
            )
        made = scores_file(self.records, interaction.guild_id, season)
        told, file = await in_time(interaction, made, ephemeral=True)
        await reply(interaction, told, file=file, ephemeral=True)

    @quiz.command(name="stats")
    @app_commands.describe(member="Whose stats (yours if left out)")
    async def stats(self, interaction: discord.Interaction[StudyBot], member: discord.Member | None = None) -> None:
        """Answers, accuracy, streaks and fastest answer for a member."""
        assert interaction.guild_id is not None
        who = member or interaction.user
        stats = await in_time(interaction, self.records.member_stats(interaction.guild_id, who.id), ephemeral=False)
        await reply(interaction, embed=render.member_stats_embed(who.display_name, stats))


async def setup(bot: StudyBot) -> None:
    bot.add_dynamic_items(AnswerButton, TypeButton, ReviewButton)
    await bot.add_cog(Quiz(bot))
    await bot.add_cog(QuizAdmin(bot))
