"""/sources and /fact: what the group has loaded, and one fact from it."""

from __future__ import annotations

import asyncio
import weakref
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.shared.paginator import send_pages
from bot.cogs.shared.replies import reply
from bot.content.engine import StudyEngine
from bot.render import embeds

if TYPE_CHECKING:
    from bot.app import StudyBot


class Library(commands.Cog):
    def __init__(self, bot: StudyBot) -> None:
        self.bot = bot
        # An engine's list never changes (a server's new library is a new engine), and for ten thousand
        # documents it takes a quarter of a second to lay out: done once per engine, off the event loop.
        self.source_pages: weakref.WeakKeyDictionary[StudyEngine, list[discord.Embed]] = weakref.WeakKeyDictionary()

    async def cog_load(self) -> None:
        await self._pages(self.bot.engine)

    async def _pages(self, engine: StudyEngine) -> list[discord.Embed]:
        if engine not in self.source_pages:
            self.source_pages[engine] = await asyncio.to_thread(embeds.sources_pages, engine.sources())
        return self.source_pages[engine]

    @app_commands.command(name="sources")
    async def sources(self, interaction: discord.Interaction[StudyBot]) -> None:
        """The documents the group has loaded, with their authors and references."""
        await send_pages(interaction, await self._pages(self.bot.engine_for(interaction.guild_id)))

    @app_commands.command(name="fact")
    async def fact(self, interaction: discord.Interaction[StudyBot]) -> None:
        """One statistic or cited sentence from the sources."""
        answer = await self.bot.answer(interaction, StudyEngine.fact)
        await reply(interaction, embed=embeds.fact_embed(answer))  # after "thinking…" too


async def setup(bot: StudyBot) -> None:
    await bot.add_cog(Library(bot))
