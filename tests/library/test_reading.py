"""Hostile files, read in a child process bounded in memory and time: refused plainly, the bot unharmed."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest

from bot.content.index.meaning import Embedder
from bot.content.ingest import ingest_file
from bot.content.sources import SourceFile
from bot.library.reading import SourceRefused, read_bounded

_MiB = 2**20
_DOCX_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_DOCX_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)


def _docx_bomb(path: Path, megabytes: int) -> SourceFile:
    """A Word file of under a megabyte whose text unpacks to `megabytes` MiB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _DOCX_TYPES)
        archive.writestr("_rels/.rels", _DOCX_RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">')
            part.write(b"<w:body><w:p><w:r><w:t>")
            chunk = b"word " * (_MiB // 5)
            for _ in range(megabytes):
                part.write(chunk)
            part.write(b"</w:t></w:r></w:p></w:body></w:document>")
    path.write_bytes(buffer.getvalue())
    return SourceFile(path, path.stem, path.name)


def test_a_zip_bomb_stops_at_the_memory_limit(tmp_path: Path) -> None:
    bomb = _docx_bomb(tmp_path / "essay.docx", 400)
    assert bomb.path.stat().st_size < _MiB
    with pytest.raises(SourceRefused, match=r"^my essay\.docx: .*512 MiB of memory"):
        read_bounded(bomb, name="my essay.docx", seconds=60, memory_bytes=512 * _MiB)


def test_markup_nested_two_hundred_thousand_deep_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body>" + "<div>" * 200_000 + "Deep text here." + "</div>" * 200_000 + "</body></html>")
    with pytest.raises(SourceRefused, match=r"^page\.html: "):
        read_bounded(SourceFile(page, "page", page.name), name="page.html", seconds=60, memory_bytes=512 * _MiB)


def test_a_real_document_reads_as_it_does_in_process_with_its_pages_told() -> None:
    pdf = Path(__file__).resolve().parents[1] / "evaluation" / "documents" / "AER.pdf"
    source = SourceFile(pdf, pdf.stem, pdf.name)
    told: list[tuple[str, int, int]] = []
    read = read_bounded(
        source, name=pdf.name, seconds=60, memory_bytes=512 * _MiB, progress=lambda *step: told.append(step)
    )
    pages = len(pdfium.PdfDocument(pdf))
    assert told == [("page", page, pages) for page in range(1, pages + 1)]
    assert read.vectors is None
    in_process = ingest_file(source)
    assert not isinstance(in_process, str)
    assert [s.text for s in read.document.sentences] == [s.text for s in in_process.sentences]
    assert [s.page for s in read.document.sentences] == [s.page for s in in_process.sentences]


def test_its_sentences_are_read_for_meaning_in_the_child_as_the_bot_would() -> None:
    page = Path(__file__).resolve().parents[1] / "evaluation" / "documents" / "udhr-english.html"
    read = read_bounded(
        SourceFile(page, page.stem, page.name), name=page.name, seconds=60, memory_bytes=1024 * _MiB, embed=True
    )
    texts = [s.text for s in read.document.sentences]
    assert read.vectors is not None and read.vectors.shape[0] == len(texts)
    here = Embedder().passages(texts[:5]).astype(np.float16)
    assert np.allclose(read.vectors[:5].astype(np.float32), here.astype(np.float32), atol=2e-2)
