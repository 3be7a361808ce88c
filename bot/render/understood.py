"""What the bot understood of a source, in a few lines every renderer shows under it in `sources`."""

from __future__ import annotations

from bot.content.models import SourceSummary
from bot.render import plural

_FORMATS = {"text": "Plain text", "markdown": "Markdown", "html": "Web page", "pdf": "PDF", "docx": "Word document"}
# A source citing many works it does not list would fill the page; the first few tell the story.
_UNLINKED_SHOWN = 5


def understood(source: SourceSummary) -> list[str]:
    document = source.document
    kind = _FORMATS.get(document.format, document.format)
    if document.pages is not None:
        kind += f", {plural(document.pages, 'page')}"
    notes = sum(1 for r in source.references if r.key.startswith("note "))
    listed = len(source.references) - notes
    counts = f"{plural(source.sentences, 'sentence')}, {plural(source.statistics, 'statistic')}, "
    counts += f"{plural(listed, 'reference')}" + (f", {plural(notes, 'note')}" if notes else "")
    lines = [kind, counts]
    if source.set_aside:
        lines.append("Set aside: " + ", ".join(f"{count} {what}" for what, count in source.set_aside.items()))
    unlinked = source.unlinked_citations
    if unlinked:
        shown = "; ".join(unlinked[:_UNLINKED_SHOWN]) + (" …" if len(unlinked) > _UNLINKED_SHOWN else "")
        lines.append(f"Cited but not in its references ({len(unlinked)}): {shown}")
    return lines
