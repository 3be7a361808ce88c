"""Answers as Discord embeds. The only place that knows Discord's size limits, so every embed fits them."""

from __future__ import annotations

import discord
from discord.utils import escape_markdown, escape_mentions

from bot.content.models import (
    CiteAnswer,
    DocumentInfo,
    Fact,
    FactAnswer,
    Passage,
    ReferenceInfo,
    SearchAnswer,
    SourcesAnswer,
    SourceSummary,
    StatsAnswer,
    SummaryAnswer,
    TopicsAnswer,
)
from bot.render import Placed, plural
from bot.render.understood import understood
from bot.render.verdicts import relation_label, verdict_line, verdict_title

TITLE_LIMIT = 256
FIELD_NAME_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_LIMIT = 1024
FOOTER_LIMIT = 2048
# The title, description, field names and values, footer and author of all embeds in a message together
# (https://discord.com/developers/docs/resources/message#embed-object-embed-limits); a message here
# carries one embed, so each embed may use it all.
EMBED_TOTAL_LIMIT = 6000
COLOUR = discord.Colour.from_rgb(46, 110, 158)
PER_PAGE = 3
VERBATIM = "quotes are verbatim from the group's sources"


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


def source_line(
    document: DocumentInfo, reference: ReferenceInfo | None, page: int | None = None, section: str | None = None
) -> str:
    parts = [f"*{safe(document.name)}*"]
    parts += [safe(p) for p in (document.author, document.published and document.published.isoformat()) if p]
    if section is not None:
        parts.append(safe(section))
    if page is not None:
        parts.append(f"p. {page}")
    if document.url:
        parts.append(document.url)
    line = "— " + ", ".join(parts)
    if reference:
        line += f"\nReference: {safe(reference.text)}"
    return line


def quote_block(text: str, limit: int) -> str:
    return f"“{clip(safe(text), limit - 2, more=' (see /search)')}”"


def paged_fields(
    title: str, fields: list[tuple[str, str]], *, per_page: int, footer: str = "", description: str = ""
) -> list[discord.Embed]:
    """Fields spread over as many embeds as needed, each within every limit, numbered in the footer.

    A page takes up to `per_page` fields, fewer when their text would take the embed past Discord's
    6,000 characters in all."""
    title, description = clip(title, TITLE_LIMIT), clip(description, DESCRIPTION_LIMIT)
    clipped = [(clip(name, FIELD_NAME_LIMIT), clip(value, FIELD_LIMIT)) for name, value in fields]
    # The footer's "Page N of M · " is at most 30 characters, whatever N and M turn out to be.
    frame = len(title) + len(description) + min(len(footer) + 30, FOOTER_LIMIT)
    chunks: list[list[tuple[str, str]]] = [[]]
    used = frame
    for name, value in clipped:
        size = len(name) + len(value)
        if chunks[-1] and (len(chunks[-1]) == per_page or used + size > EMBED_TOTAL_LIMIT):
            chunks.append([])
            used = frame
        chunks[-1].append((name, value))
        used += size
    pages = []
    for number, chunk in enumerate(chunks, 1):
        embed = discord.Embed(title=title, colour=COLOUR)
        if description:
            embed.description = description
        for name, value in chunk:
            embed.add_field(name=name, value=value, inline=False)
        text = f"Page {number} of {len(chunks)}" + (f" · {footer}" if footer else "")
        embed.set_footer(text=clip(text, FOOTER_LIMIT))
        pages.append(embed)
    return pages


def quoted_field(text: str, place: Placed) -> str:
    source = clip(source_line(place.document, place.reference, place.page, place.section), 400)
    return f"{quote_block(text, FIELD_LIMIT - len(source) - 1)}\n{source}"


def search_pages(answer: SearchAnswer) -> list[discord.Embed]:
    return _passage_pages(f"Search: {safe(answer.query)}", answer.results)


def cite_pages(answer: CiteAnswer) -> list[discord.Embed]:
    fields = [(f"{i}. {safe(relation_label(m))}", quoted_field(m.text, m)) for i, m in enumerate(answer.matches, 1)]
    title = f"{verdict_title(answer)}: {safe(answer.claim)}"
    return paged_fields(title, fields, per_page=PER_PAGE, footer=VERBATIM, description=safe(verdict_line(answer)))


def _passage_pages(title: str, passages: list[Passage]) -> list[discord.Embed]:
    fields = [(f"{i}.", quoted_field(p.text, p)) for i, p in enumerate(passages, 1)]
    return paged_fields(title, fields, per_page=PER_PAGE, footer=VERBATIM)


def stats_pages(answer: StatsAnswer) -> list[discord.Embed]:
    fields = []
    for stat in answer.stats:
        what = f" — {stat.counts}" if stat.counts else ""
        year = f" ({stat.year})" if stat.year else ""
        quoted = quoted_field(stat.quote, stat)
        fields.append((safe(f"{stat.value}{what}{year}"), quoted))
    title = "Statistics" + (f" about {safe(answer.topic)}" if answer.topic else "")
    return paged_fields(title, fields, per_page=PER_PAGE, footer=VERBATIM)


def summary_embed(answer: SummaryAnswer) -> discord.Embed:
    """A paragraph for each document, opening on its name, with numbered citations; the numbered
    references underneath."""
    _, notes = answer.numbered_references()
    parts = [f"**{safe(document.name)}**: {safe(' '.join(texts))}" for document, texts in answer.by_document()]
    embed = discord.Embed(title=clip(f"Summary: {safe(answer.topic)}", TITLE_LIMIT), colour=COLOUR)
    documents = list({s.document.id: s.document for s in answer.sentences}.values())
    sources = "\n".join(clip(source_line(d, None), 300) for d in documents)
    embed.add_field(name="Sources", value=clip(sources, FIELD_LIMIT), inline=False)
    if notes:
        listing = "\n".join(f"[{i}] {safe(n.text)}" for i, n in enumerate(notes, 1))
        embed.add_field(name="References", value=clip(listing, FIELD_LIMIT), inline=False)
    embed.set_footer(text="Every sentence is quoted verbatim from the sources, in their order.")
    # The sentences take what the title, sources, references and footer leave of the 6,000 characters.
    room = min(DESCRIPTION_LIMIT - 200, EMBED_TOTAL_LIMIT - len(embed))
    embed.description = clip("\n\n".join(parts), room, more=" (see /search)")
    return embed


def fact_embed(answer: FactAnswer) -> discord.Embed:
    return fact_embed_for(answer.fact, title="Fact")


def fact_embed_for(fact: Fact, *, title: str) -> discord.Embed:
    if fact.statistic:
        title = f"{title}: {safe(fact.statistic)}"
    embed = discord.Embed(title=clip(title, TITLE_LIMIT), colour=COLOUR)
    embed.description = quoted_field(fact.quote, fact)
    return embed


def topics_pages(answer: TopicsAnswer) -> list[discord.Embed]:
    fields = [
        (
            safe(f"{t.name} ({t.id})"),
            f"{plural(t.passages, 'passage')} in {plural(t.documents, 'document')}"
            + (f"\n{safe(t.description)}" if t.description else ""),
        )
        for t in answer.topics
    ]
    return paged_fields("Topics", fields, per_page=10, footer="/summary topic: for a summary of one")


def source_field(source: SourceSummary) -> tuple[str, str]:
    """A source as `sources` lists it: its key, then its title, author and what the bot understood of it."""
    document = source.document
    title = f"“{safe(document.title)}” (opening words; no title given)" if document.title_is_opening else ""
    lines = [title, source_line(document, None), *(safe(line) for line in understood(source))]
    return safe(document.id), "\n".join(p for p in lines if p)


def sources_pages(answer: SourcesAnswer) -> list[discord.Embed]:
    fields = [source_field(source) for source in answer.sources]
    note = f"Not loaded: {len(answer.skipped)} files" if answer.skipped else ""
    return paged_fields("Sources", fields, per_page=8, footer=note)


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
    embed.add_field(name="Found in them", value=f"{statistics} statistics, {references} references", inline=True)
    embed.add_field(name="Try", value="`/search query:prison camps`", inline=False)
    return embed


def help_embed(commands: list[tuple[str, str]]) -> discord.Embed:
    embed = discord.Embed(title="studybot commands", colour=COLOUR)
    embed.description = clip(
        "\n".join(f"**{name}**: {description}" for name, description in commands), DESCRIPTION_LIMIT
    )
    embed.set_footer(text="Every quote is the sources' own words; topics autocomplete as you type.")
    return embed
