"""/stats and /cite: the numbers the sources give, and the sentences that back a claim."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.shared.paginator import send_pages
from bot.cogs.shared.topic_option import autocomplete_topic
from bot.content.engine import StudyEngine
from bot.render import embeds

if TYPE_CHECKING:
    from bot.app import StudyBot

STATISTICS = 30
MATCHES = 9


class Evidence(commands.Cog):
    def __init__(self, bot: StudyBot) -> None:
        self.bot = bot

    @app_commands.command(name="stats")
    @app_commands.describe(topic="Only statistics about this topic (start typing to see them)")
    @app_commands.autocomplete(topic=autocomplete_topic)
    async def stats(
        self, interaction: discord.Interaction[StudyBot], topic: app_commands.Range[str, 1, 100] | None = None
    ) -> None:
        """Statistics quoted from the sources: the number as written, what it counts, and who says so."""
        answer = await self.bot.answer(interaction, StudyEngine.stats, topic=topic, limit=STATISTICS)
        await send_pages(interaction, embeds.stats_pages(answer))

    @app_commands.command(name="cite")
    @app_commands.describe(claim="The claim to check against the sources, in your own words")
    async def cite(self, interaction: discord.Interaction[StudyBot], claim: app_commands.Range[str, 1, 1000]) -> None:
        """Whether the sources support a claim, contradict it or only touch on it, quoting the sentences."""
        answer = await self.bot.answer(interaction, StudyEngine.cite, claim, limit=MATCHES)
        await send_pages(interaction, embeds.cite_pages(answer))


async def setup(bot: StudyBot) -> None:
    await bot.add_cog(Evidence(bot))
