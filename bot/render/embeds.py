"""Answers as Discord embeds. The only place that knows Discord's size limits, so every embed fits them."""

from __future__ import annotations

import discord
from discord.utils import escape_markdown, escape_mentions

from bot.content.models import DocumentInfo, ReferenceInfo, SearchHit

TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_LIMIT = 1024
FOOTER_LIMIT = 2048
COLOUR = discord.Colour.from_rgb(46, 110, 158)


def clip(text: str, limit: int, *, more: str = "") -> str:
    """Cut at a word boundary with an ellipsis (and a pointer) so `text` fits `limit` characters."""
    if len(text) <= limit:
        return text
    room = limit - len(more) - 1
    cut = text.rfind(" ", 0, room)
    return text[: cut if cut > room // 2 else room].rstrip(" ,;:") + "…" + more


def safe(text: str) -> str:
    """Source or user text shown as written: no Markdown effects, no mention syntax."""
    return escape_mentions(escape_markdown(text))


def source_line(document: DocumentInfo, reference: ReferenceInfo | None) -> str:
    title = document.id if document.title_is_opening else document.title
    parts = [f"*{safe(title)}*"]
    parts += [safe(p) for p in (document.author, document.published and document.published.isoformat()) if p]
    if document.url:
        parts.append(document.url)
    line = "— " + ", ".join(parts)
    if reference:
        line += f"\nReference: {safe(reference.text)}"
    return line


def quote_block(text: str, limit: int) -> str:
    return f"“{clip(safe(text), limit - 2, more=' (see /search)')}”"


def search_page(
    query: str, hits: list[SearchHit], *, first_number: int, page: int, pages: int
) -> discord.Embed:
    embed = discord.Embed(title=clip(f"Search: {query}", TITLE_LIMIT), colour=COLOUR)
    for offset, hit in enumerate(hits):
        source = clip(source_line(hit.document, hit.reference), 400)
        body = quote_block(hit.text, FIELD_LIMIT - len(source) - 1)
        embed.add_field(name=f"{first_number + offset}.", value=f"{body}\n{source}", inline=False)
    embed.set_footer(text=f"Page {page} of {pages} · quotes are verbatim from the group's sources")
    return embed


def about(documents: int, sentences: int, statistics: int, references: int) -> discord.Embed:
    embed = discord.Embed(
        title="studybot",
        description=(
            "A study companion for human-rights study groups. Every answer quotes the group's own sources "
            "word for word and names the document and, where the source gives one, the reference behind it. "
            "It never writes text of its own about the sources."
        ),
        colour=COLOUR,
    )
    embed.add_field(name="Sources", value=f"{documents} documents, {sentences} sentences", inline=True)
    embed.add_field(
        name="Found in them", value=f"{statistics} statistics, {references} references", inline=True
    )
    embed.add_field(name="Try", value="`/search query:prison camps`", inline=False)
    return embed
