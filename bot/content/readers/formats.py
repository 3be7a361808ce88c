"""Which reader reads which file, by its suffix, and the one entry point the ingestion calls."""

from __future__ import annotations

from collections.abc import Callable

from bot.content.readers.docx import DocxError, read_docx
from bot.content.readers.html import HtmlError, read_html
from bot.content.readers.markdown import read_markdown
from bot.content.readers.pdf import PdfError, read_pdf
from bot.content.readers.plain import read_plain_text
from bot.content.readers.text import PageProgress, SourceText

_TEXT_READERS: dict[str, Callable[[str], SourceText]] = {
    ".txt": read_plain_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
}
# Web pages are read as bytes: a page says its own encoding, which trafilatura finds.
_BINARY_READERS: dict[str, Callable[[bytes], SourceText]] = {
    ".pdf": read_pdf,
    ".docx": read_docx,
    ".html": read_html,
    ".htm": read_html,
}
SUFFIXES = frozenset(_TEXT_READERS) | frozenset(_BINARY_READERS)
FORMAT_ERRORS = (PdfError, DocxError, HtmlError)


def is_binary_format(suffix: str) -> bool:
    return suffix.lower() in _BINARY_READERS


def read_format(suffix: str, data: bytes | str, progress: PageProgress | None = None) -> SourceText:
    """`data` is the decoded text for text formats, the bytes for binary ones. Raises one of
    `FORMAT_ERRORS` when the file cannot be read as its format. A PDF tells `progress` its pages as read."""
    suffix = suffix.lower()
    if suffix == ".pdf" and isinstance(data, bytes):
        return read_pdf(data, progress)
    if isinstance(data, bytes):
        return _BINARY_READERS[suffix](data)
    return _TEXT_READERS[suffix](data)
