"""/topics and /summary: what the sources cover, and a topic told in the sources' own sentences."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.shared.paginator import send_pages
from bot.cogs.shared.replies import reply
from bot.cogs.shared.topic_option import autocomplete_topic
from bot.content.engine import StudyEngine
from bot.render import embeds

if TYPE_CHECKING:
    from bot.app import StudyBot


class Topics(commands.Cog):
    def __init__(self, bot: StudyBot) -> None:
        self.bot = bot

    @app_commands.command(name="topics")
    async def topics(self, interaction: discord.Interaction[StudyBot]) -> None:
        """The topics the sources cover: the group's curated list, then names the sources keep mentioning."""
        await send_pages(interaction, embeds.topics_pages(self.bot.engine_for(interaction.guild_id).list_topics()))

    @app_commands.command(name="summary")
    @app_commands.describe(topic="A topic, word or phrase (start typing for topics), e.g. food or cyber theft")
    @app_commands.autocomplete(topic=autocomplete_topic)
    async def summary(self, interaction: discord.Interaction[StudyBot], topic: app_commands.Range[str, 1, 100]) -> None:
        """A short summary of a topic or phrase, in the sources' own sentences with their references."""
        answer = await self.bot.answer(interaction, StudyEngine.summary, topic)
        await reply(interaction, embed=embeds.summary_embed(answer))  # after "thinking…" too


async def setup(bot: StudyBot) -> None:
    await bot.add_cog(Topics(bot))
