"""/about: what the bot is, what it has loaded, and where its answers come from."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.render import embeds

if TYPE_CHECKING:
    from bot.app import StudyBot


class About(commands.Cog):
    def __init__(self, bot: StudyBot) -> None:
        self.bot = bot

    @app_commands.command(name="about")
    async def about(self, interaction: discord.Interaction[StudyBot]) -> None:
        """What studybot is and where its answers come from."""
        report = self.bot.engine_for(interaction.guild_id).index.report
        embed = embeds.about(report.documents, report.sentences, report.statistics, report.references)
        await interaction.response.send_message(embed=embed)

    @app_commands.command(name="help")
    async def help(self, interaction: discord.Interaction[StudyBot]) -> None:
        """Every command, and what it answers."""
        slash = [c for c in self.bot.tree.get_commands() if not isinstance(c, app_commands.ContextMenu)]
        lines = [(f"/{c.qualified_name}", c.description) for c in sorted(slash, key=lambda c: c.name)]
        await interaction.response.send_message(embed=embeds.help_embed(lines), ephemeral=True)


async def setup(bot: StudyBot) -> None:
    await bot.add_cog(About(bot))
