"""/quiz-admin reports|drop|dismiss|new-season, for moderators: review the questions members reported, take
a bad one out of the server's quizzes for good, start a new leaderboard season."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.shared.paginator import send_pages
from bot.cogs.shared.replies import in_time, reply, send_problem
from bot.errors import RefusedError
from bot.records.quiz import QuizRecords
from bot.render import quiz as render

if TYPE_CHECKING:
    from bot.app import StudyBot


class QuizAdmin(commands.Cog):
    admin = app_commands.Group(
        name="quiz-admin",
        description="Reported quiz questions and leaderboard seasons (moderators).",
        guild_only=True,
        default_permissions=discord.Permissions(manage_guild=True),
    )

    def __init__(self, bot: StudyBot) -> None:
        self.bot = bot
        self.records = QuizRecords(bot.db)

    async def interaction_check(self, interaction: discord.Interaction[StudyBot]) -> bool:
        """Checked at run time too: a server can change who sees a command by default."""
        if interaction.permissions.manage_guild:
            return True
        await send_problem(interaction, "Only members who can manage this server can run the quiz's admin.", "")
        return False

    @admin.command(name="reports")
    async def list_reports(self, interaction: discord.Interaction[StudyBot]) -> None:
        """The open reports, oldest first."""
        assert interaction.guild_id is not None
        found = await in_time(interaction, self.records.open_reports(interaction.guild_id), ephemeral=True)
        if not found:
            raise RefusedError("No open reports.", "Members report a question with `/quiz report`.")
        await send_pages(interaction, render.report_pages(found))

    @admin.command(name="drop")
    @app_commands.describe(report="The report's number, from `/quiz-admin reports`")
    async def drop(self, interaction: discord.Interaction[StudyBot], report: app_commands.Range[int, 1]) -> None:
        """Take the reported question out of this server's quizzes for good (closes its other reports too)."""
        await self._handle(interaction, report, drop=True)

    @admin.command(name="dismiss")
    @app_commands.describe(report="The report's number, from `/quiz-admin reports`")
    async def dismiss(self, interaction: discord.Interaction[StudyBot], report: app_commands.Range[int, 1]) -> None:
        """Close the report and keep the question."""
        await self._handle(interaction, report, drop=False)

    @admin.command(name="new-season")
    async def new_season(self, interaction: discord.Interaction[StudyBot]) -> None:
        """End the leaderboard's season now and start the next (one also starts with each month)."""
        assert interaction.guild_id is not None
        season = await in_time(
            interaction, self.records.new_season(interaction.guild_id, now=time.time()), ephemeral=True
        )
        await reply(
            interaction,
            content=f"Season {season.number} has begun; season {season.number - 1}'s standings are kept "
            f"(`/quiz leaderboard season:{season.number - 1}`).",
            ephemeral=True,
        )

    async def _handle(self, interaction: discord.Interaction[StudyBot], report: int, *, drop: bool) -> None:
        assert interaction.guild_id is not None
        handled = self.records.handle_report(interaction.guild_id, report, interaction.user.id, drop=drop)
        key = await in_time(interaction, handled, ephemeral=True)
        if key is None:
            raise RefusedError(f"No open report #{report} in this server.", "See them with `/quiz-admin reports`.")
        done = "Dropped: this server's quizzes will not ask it again." if drop else "Dismissed: the question stays."
        await reply(interaction, content=f"Report #{report} ({key}): {done}", ephemeral=True)
