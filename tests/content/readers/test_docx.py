"""Word documents are read paragraph by paragraph; a damaged one is reported and skipped."""

from __future__ import annotations

from pathlib import Path

import docx

from bot.content.ingest import IngestedDocument, ingest_file
from bot.content.readers.docx import read_docx
from bot.content.sources import SourceFile


def test_headings_and_paragraphs_are_read_tables_set_aside(tmp_path: Path):
    document = docx.Document()
    document.add_heading("Detention in the north", level=1)
    document.add_paragraph("The commission counted 214 detainees held without charge.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Region"
    table.cell(1, 1).text = "214"
    document.add_paragraph("Families were not told where they were held.")
    path = tmp_path / "report.docx"
    document.save(str(path))
    read = read_docx(path.read_bytes())
    assert read.text.split("\n\n") == [
        "Detention in the north",
        "The commission counted 214 detainees held without charge.",
        "Families were not told where they were held.",
    ]
    assert read.set_aside == {"tables": 1} and read.format == "docx"


def test_a_damaged_word_document_is_skipped_with_its_name(tmp_path: Path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 this is not a zip archive")
    skipped = ingest_file(SourceFile(path, "broken", "broken.docx"))
    assert isinstance(skipped, str) and skipped.startswith("broken.docx: damaged")
    assert not isinstance(skipped, IngestedDocument)
