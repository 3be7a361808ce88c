"""Read a Word document's paragraphs with python-docx: body text and headings, in order; tables and
headers or footers are not read as text."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

import docx
from docx.opc.exceptions import PackageNotFoundError

from bot.content.readers.text import SourceText, TextBuilder


class DocxError(ValueError):
    """A file that is not a readable Word document."""


def read_docx(data: bytes) -> SourceText:
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, SyntaxError) as error:
        raise DocxError(f"damaged, not a readable Word document ({error})") from error
    builder = TextBuilder()
    for paragraph in document.paragraphs:
        words = " ".join(paragraph.text.split())
        if words:
            builder.new_paragraph(words)
    tables = len(document.tables)
    read = builder.build("docx", set_aside={"tables": tables} if tables else None)
    properties = document.core_properties
    return replace(read, title=properties.title or None, author=properties.author or None)
