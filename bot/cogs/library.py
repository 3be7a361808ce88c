"""/sources and /fact: what the group has loaded, and one fact from it."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.shared.paginator import send_pages
from bot.render import embeds

if TYPE_CHECKING:
    from bot.app import StudyBot


class Library(commands.Cog):
    def __init__(self, bot: StudyBot) -> None:
        self.bot = bot
        self.source_pages: list[discord.Embed] = []

    async def cog_load(self) -> None:
        # The list never changes while the bot runs, and for ten thousand documents it takes a quarter
        # of a second to lay out: done once, off the event loop.
        self.source_pages = await asyncio.to_thread(embeds.sources_pages, self.bot.engine.sources())

    @app_commands.command(name="sources")
    async def sources(self, interaction: discord.Interaction[StudyBot]) -> None:
        """The documents the group has loaded, with their authors and references."""
        await send_pages(interaction, self.source_pages)

    @app_commands.command(name="fact")
    async def fact(self, interaction: discord.Interaction[StudyBot]) -> None:
        """One statistic or cited sentence from the sources."""
        answer = self.bot.engine.fact()
        await interaction.response.send_message(embed=embeds.fact_embed(answer))


async def setup(bot: StudyBot) -> None:
    await bot.add_cog(Library(bot))
