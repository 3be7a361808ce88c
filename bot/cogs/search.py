"""/search: the sentences that best answer a question, paged three at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.paginator import Paginator
from bot.content.errors import StudybotError
from bot.render import embeds

if TYPE_CHECKING:
    from bot.app import StudyBot

RESULTS = 12
PER_PAGE = 3


class Search(commands.Cog):
    def __init__(self, bot: StudyBot) -> None:
        self.bot = bot

    @app_commands.command(name="search")
    @app_commands.describe(query="A question or a few keywords, e.g. 'jailed dissidents'")
    async def search(self, interaction: discord.Interaction, query: app_commands.Range[str, 1, 300]) -> None:
        """Find the passages in the group's sources that best answer a question."""
        try:
            answer = self.bot.engine.search(query, limit=RESULTS)
        except StudybotError as error:
            await interaction.response.send_message(
                f"{embeds.safe(str(error))}\nTry fewer or other words, or `/about` to see what is loaded.",
                ephemeral=True,
            )
            return
        hits = answer.results
        chunks = [hits[i : i + PER_PAGE] for i in range(0, len(hits), PER_PAGE)]
        pages = [
            embeds.search_page(
                answer.query, chunk, first_number=i * PER_PAGE + 1, page=i + 1, pages=len(chunks)
            )
            for i, chunk in enumerate(chunks)
        ]
        if len(pages) == 1:
            await interaction.response.send_message(embed=pages[0])
            return
        view = Paginator(interaction.user.id, pages)
        await interaction.response.send_message(embed=pages[0], view=view)
        view.message = await interaction.original_response()


async def setup(bot: StudyBot) -> None:
    await bot.add_cog(Search(bot))
