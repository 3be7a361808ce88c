"""/search: the sentences that best answer a question, paged three at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.shared.paginator import send_pages
from bot.content.engine import StudyEngine
from bot.render import embeds

if TYPE_CHECKING:
    from bot.app import StudyBot

RESULTS = 12


class Search(commands.Cog):
    def __init__(self, bot: StudyBot) -> None:
        self.bot = bot

    @app_commands.command(name="search")
    @app_commands.describe(query="A question or a few keywords, e.g. 'jailed dissidents'")
    async def search(self, interaction: discord.Interaction[StudyBot], query: app_commands.Range[str, 1, 300]) -> None:
        """Find the passages in the group's sources that best answer a question."""
        answer = await self.bot.answer(interaction, StudyEngine.search, query, limit=RESULTS)
        await send_pages(interaction, embeds.search_pages(answer))


async def setup(bot: StudyBot) -> None:
    await bot.add_cog(Search(bot))
