"""Read Markdown as a reader sees it rendered: no front matter, markup, HTML blocks or emphasis markers.

markdown-it-py parses the CommonMark; the text of each block (paragraph, heading, list item, quote) is
its inline text. Inline HTML is dropped but for `<sup>`: a number in it is a note marker, written as a
superscript. Footnote definitions (`[^3]: ...`) are the notes, and their markers (`[^3]`) superscripts.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from bot.content.readers.text import SourceText, TextBuilder

_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\n.*?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FOOTNOTE_DEFINITION = re.compile(r"^\[\^(?P<label>[^\]\s]+)\]:[ \t]*(?P<text>.*(?:\n(?:[ \t]+.*)?)*)", re.MULTILINE)
_FOOTNOTE_MARKER = re.compile(r"\[\^(?P<label>[^\]\s]+)\]")
_SUP = re.compile(r"<sup\b[^>]*>(?P<inner>.*?)</sup>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_BLOCKS = {"paragraph_open", "heading_open"}


def superscript(marker: str) -> str:
    """A note marker as the reader sees it: raised digits ("12" → "¹²"); other markers as written."""
    return marker.translate(SUPERSCRIPT_DIGITS) if marker.isascii() and marker.isdigit() else marker


def read_markdown(text: str) -> SourceText:
    builder = TextBuilder()
    set_aside: dict[str, int] = {}
    front = _FRONT_MATTER.match(text)
    if front:
        set_aside["front matter"] = 1
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
    return builder.build("markdown", set_aside=set_aside)


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())
