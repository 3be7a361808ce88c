"""Embeds for a server's own library: what `/source add` and `/source remove` did, and what it holds."""

from __future__ import annotations

import discord

from bot.content.models import SourceSummary
from bot.library.models import LibraryChange, ServerLibrary
from bot.render import plural
from bot.render.embeds import COLOUR, FIELD_LIMIT, clip, paged_fields, source_field

_HEADS = {
    "added": "Source added",
    "already added": "Already added",
    "corrected": "Source corrected",
    "removed": "Source removed",
}


def library_change_embed(change: LibraryChange) -> discord.Embed:
    embed = source_embed(change.source, title=_HEADS[change.action])
    embed.set_footer(
        text=f"This server's own sources: {change.documents} ({change.megabytes:g} MiB) · {change.seconds:.1f} s"
    )
    return embed


def source_embed(source: SourceSummary, *, title: str = "Source") -> discord.Embed:
    name, described = source_field(source)
    embed = discord.Embed(title=title, colour=COLOUR)
    embed.add_field(name=name, value=clip(described, FIELD_LIMIT), inline=False)
    return embed


def server_library_pages(library: ServerLibrary) -> list[discord.Embed]:
    shared = f"the shared library ({plural(library.shared_documents, 'document')}) and " if library.shared else ""
    description = (
        f"Answers here draw on {shared}{plural(len(library.sources), 'source')} added by this server "
        f"({len(library.sources)} of {library.max_documents}, {library.megabytes:g} of {library.max_megabytes:g} MiB)."
    )
    who = "Members with Manage Server" + (f" or the <@&{library.librarian}> role" if library.librarian else "")
    description += f"\n{who} add and remove sources with `/source add` and `/source remove`."
    return paged_fields(
        "This server's library", [source_field(s) for s in library.sources], per_page=8, description=description
    )
