"""/source add, remove, list, show and shared: the server's own library, changed by its moderators.

Adding reads the file in a bounded child process and indexes it in a worker thread, so the bot answers
everyone meanwhile; the moderator watches the progress in the message that will hold the result.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.shared.paginator import send_pages
from bot.errors import RefusedError
from bot.library.shelf import source_meta
from bot.records.quiz import QuizRecords
from bot.render.embeds import clip, safe
from bot.render.library import library_change_embed, server_library_pages, source_embed

if TYPE_CHECKING:
    from bot.app import StudyBot

# Discord lets an interaction's message be edited about five times in five seconds; a progress line a
# second and a half apart stays well inside that.
PROGRESS_SECONDS = 1.5
# What a moderator may say of a source, when adding it or later.
_SAID = {
    "title": "Its title, if the source does not give it",
    "author": "Its author",
    "published": "When it was published (YYYY-MM-DD)",
}
# A file's name or link as the progress line shows it (a link may be 2,000 characters, a message's all).
NAME_CHARS = 200


def _librarian(interaction: discord.Interaction[StudyBot]) -> int:
    """The server's id, if the member may change its library: Manage Server, or the librarian role the
    server set; else a refusal."""
    if interaction.guild_id is None:
        raise RefusedError("A library belongs to a server.", "Use this command in a server.")
    if interaction.permissions.manage_guild:
        return interaction.guild_id
    role = interaction.client.libraries.librarian(interaction.guild_id)
    member_roles = getattr(interaction.user, "roles", [])
    if role is not None and any(r.id == role for r in member_roles):
        return interaction.guild_id
    raise RefusedError(
        "Only members with Manage Server"
        + (" or the librarian role" if role is not None else "")
        + " can change this server's library."
    )


def _manager(interaction: discord.Interaction[StudyBot]) -> int:
    """The server's id, if the member has Manage Server (who chooses the librarians); else a refusal."""
    if interaction.guild_id is None:
        raise RefusedError("A library belongs to a server.", "Use this command in a server.")
    if not interaction.permissions.manage_guild:
        raise RefusedError("Only members with Manage Server can choose how this server's library works.")
    return interaction.guild_id


class Sources(commands.GroupCog, group_name="source"):
    """The server's own sources."""

    def __init__(self, bot: StudyBot) -> None:
        self.bot = bot
        super().__init__()

    @app_commands.command(name="add")
    @app_commands.describe(
        file="The source: PDF, web page (.html), Word (.docx), Markdown or text",
        url="Or a link to it (https://…), which the bot fetches",
        **_SAID,
    )
    async def add(
        self,
        interaction: discord.Interaction[StudyBot],
        file: discord.Attachment | None = None,
        url: app_commands.Range[str, 8, 2000] | None = None,
        title: app_commands.Range[str, 1, 200] | None = None,
        author: app_commands.Range[str, 1, 200] | None = None,
        published: app_commands.Range[str, 10, 10] | None = None,
    ) -> None:
        """Add a source to this server's library, as a file or a link (Manage Server or librarian)."""
        server = _librarian(interaction)
        if (file is None) == (url is None):
            raise RefusedError("Give the source as a file or as a url, one of the two.")
        meta = source_meta(title, author, published, url)
        if file is not None:
            self.bot.libraries.check_size(file.filename, file.size)
        shown = clip(safe(file.filename if file is not None else url or ""), NAME_CHARS)
        await interaction.response.send_message(f"Fetching {shown}…", ephemeral=True)
        if file is not None:
            filename, data = file.filename, await file.read()
        else:
            assert url is not None
            filename, data = await self.bot.libraries.fetch(url)
        latest: list[str] = []
        libraries = self.bot.libraries
        work = asyncio.get_running_loop().run_in_executor(
            libraries.worker, functools.partial(libraries.add, server, filename, data, meta, latest.append)
        )
        said = ""
        while not work.done():
            await asyncio.wait({work}, timeout=PROGRESS_SECONDS)
            if latest and latest[-1] != said and not work.done():
                said = latest[-1]
                with contextlib.suppress(discord.HTTPException):  # progress is a courtesy; the result is not
                    await interaction.edit_original_response(content=clip(safe(said), NAME_CHARS))
        change = work.result()
        await interaction.edit_original_response(content=None, embed=library_change_embed(change))

    @app_commands.command(name="edit")
    @app_commands.describe(source="The source's key, as `/source list` shows it", **_SAID)
    async def edit(
        self,
        interaction: discord.Interaction[StudyBot],
        source: app_commands.Range[str, 1, 100],
        title: app_commands.Range[str, 1, 200] | None = None,
        author: app_commands.Range[str, 1, 200] | None = None,
        published: app_commands.Range[str, 10, 10] | None = None,
    ) -> None:
        """Correct the title, author or date of one of this server's sources (Manage Server or librarian)."""
        server = _librarian(interaction)
        said = source_meta(title, author, published)
        if not said.model_dump(exclude_none=True):
            raise RefusedError("Give the title, author or published date to correct.")
        await interaction.response.defer(ephemeral=True, thinking=True)
        libraries = self.bot.libraries
        change = await asyncio.get_running_loop().run_in_executor(
            libraries.worker, libraries.correct, server, source, said
        )
        await interaction.followup.send(embed=library_change_embed(change), ephemeral=True)

    @app_commands.command(name="remove")
    @app_commands.describe(source="The source's key, as `/source list` shows it")
    async def remove(self, interaction: discord.Interaction[StudyBot], source: app_commands.Range[str, 1, 100]) -> None:
        """Take a source out of this server's library, with its questions and facts (Manage Server or librarian)."""
        server = _librarian(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        libraries = self.bot.libraries
        change, removed = await asyncio.get_running_loop().run_in_executor(
            libraries.worker, libraries.remove, server, source
        )
        await QuizRecords(self.bot.db).forget_sentences(server, removed.sentence_ids)
        await interaction.followup.send(embed=library_change_embed(change), ephemeral=True)

    @edit.autocomplete("source")
    @remove.autocomplete("source")
    async def _own_sources(
        self, interaction: discord.Interaction[StudyBot], current: str
    ) -> list[app_commands.Choice[str]]:
        if interaction.guild_id is None:
            return []
        typed = current.casefold()
        sources = self.bot.libraries.library(interaction.guild_id).sources
        return [
            app_commands.Choice(name=f"{s.document.id} ({s.document.title})"[:100], value=s.document.id)
            for s in sources
            if typed in s.document.id.casefold() or typed in s.document.title.casefold()
        ][:25]

    @app_commands.command(name="list")
    async def list_sources(self, interaction: discord.Interaction[StudyBot]) -> None:
        """The sources this server has added, and what it may still add."""
        if interaction.guild_id is None:
            raise RefusedError("A library belongs to a server.", "Use `/sources` to see the shared library.")
        library = await asyncio.to_thread(self.bot.libraries.library, interaction.guild_id)
        await send_pages(interaction, server_library_pages(library))

    @app_commands.command(name="show")
    @app_commands.describe(source="The source's key, as `/source list` or `/sources` shows it")
    async def show(self, interaction: discord.Interaction[StudyBot], source: app_commands.Range[str, 1, 100]) -> None:
        """What the bot understood of one source: title, author, pages, references, statistics, set aside."""
        summary = self.bot.libraries.show(interaction.guild_id or 0, source)
        await interaction.response.send_message(embed=source_embed(summary))

    @app_commands.command(name="shared")
    @app_commands.describe(include="Whether answers here also draw on the shared library")
    async def shared(self, interaction: discord.Interaction[StudyBot], include: bool) -> None:
        """Draw on the shared library as well as this server's own sources, or on these alone (Manage Server)."""
        server = _manager(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        libraries = self.bot.libraries
        library = await asyncio.get_running_loop().run_in_executor(
            libraries.worker, libraries.set_shared, server, include
        )
        await interaction.followup.send(embeds=server_library_pages(library)[:1], ephemeral=True)

    @app_commands.command(name="librarian")
    @app_commands.describe(role="Members with this role may add and remove sources (leave out: Manage Server only)")
    async def librarian(self, interaction: discord.Interaction[StudyBot], role: discord.Role | None = None) -> None:
        """Let a role add and remove sources, besides members with Manage Server (Manage Server)."""
        server = _manager(interaction)
        library = await asyncio.to_thread(self.bot.libraries.set_librarian, server, role.id if role else None)
        await interaction.response.send_message(embeds=server_library_pages(library)[:1], ephemeral=True)


async def setup(bot: StudyBot) -> None:
    await bot.add_cog(Sources(bot))
