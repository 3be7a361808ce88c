"""Read Markdown as a reader sees it rendered: no front matter, markup, HTML blocks or emphasis markers.

markdown-it-py parses the CommonMark; the text of each block (paragraph, heading, list item, quote) is
its inline text. Inline HTML is dropped but for `<sup>`: a number in it is a note marker, written as a
superscript. Footnote definitions (`[^3]: ...`) are the notes, and their markers (`[^3]`) superscripts.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from typing import cast

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from bot.content.readers.text import SourceText, TextBuilder, superscript

_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\n.*?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FOOTNOTE_DEFINITION = re.compile(r"^\[\^(?P<label>[^\]\s]+)\]:[ \t]*(?P<text>.*(?:\n(?:[ \t]+.*)?)*)", re.MULTILINE)
_FOOTNOTE_MARKER = re.compile(r"\[\^(?P<label>[^\]\s]+)\]")
_SUP = re.compile(r"<sup\b[^>]*>(?P<inner>.*?)</sup>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_BLOCKS = {"paragraph_open", "heading_open"}


def read_markdown(text: str) -> SourceText:
    builder = TextBuilder()
    set_aside: dict[str, int] = {}
    front = _FRONT_MATTER.match(text)
    described: dict[str, object] = {}
    if front:
        set_aside["front matter"] = 1
        described = _front_matter(text[: front.end()])
        text = text[front.end() :]
    for definition in _FOOTNOTE_DEFINITION.finditer(text):
        body = " ".join(definition.group("text").split())
        builder.add_note(f"{superscript(definition.group('label'))} {body}")
    text = _FOOTNOTE_DEFINITION.sub("", text)
    text = _FOOTNOTE_MARKER.sub(lambda m: superscript(m.group("label")), text)
    text = _SUP.sub(lambda m: superscript(_TAG.sub("", m.group("inner")).strip()), text)
    # Tables parse as tables (their cells are not sentences) instead of paragraphs of pipes.
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    html_blocks = 0
    for i, token in enumerate(tokens):
        if token.type == "html_block":
            html_blocks += 1
        elif token.type == "table_open":
            set_aside["tables"] = set_aside.get("tables", 0) + 1
        elif token.type in _BLOCKS and i + 1 < len(tokens):
            words = _inline_text(tokens[i + 1])
            if words:
                builder.new_paragraph(words)
    if html_blocks:
        set_aside["HTML and style blocks"] = html_blocks
    if builder.notes:
        set_aside["footnotes"] = len(builder.notes)
    built = builder.build("markdown", set_aside=set_aside)
    return replace(
        built,
        title=_words(described.get("title")),
        author=_words(described.get("author")),
        published=_day(described.get("date")),
    )


def _front_matter(block: str) -> dict[str, object]:
    """The YAML between the front matter's fences; nothing when it is not a mapping or not YAML."""
    try:
        found: object = yaml.safe_load(block.strip().strip("-+.").strip())
    except yaml.YAMLError:
        return {}
    return {str(k): v for k, v in cast(dict[object, object], found).items()} if isinstance(found, dict) else {}


def _words(value: object) -> str | None:
    """A title or author as plain words: a list of names joins with commas."""
    if isinstance(value, list):
        value = ", ".join(str(v) for v in cast(list[object], value) if isinstance(v, str | int | float))
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _day(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10]) if value is not None else None
    except ValueError:
        return None


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())
