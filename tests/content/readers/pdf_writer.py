"""PDFs laid out as reports are: running headers and footers, footnotes in smaller type, raised note
markers, hyphenated line ends, two columns. Written with fpdf2, line by line, so each test controls
exactly where every line sits."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import EncryptionMethod

BODY_SIZE = 11
NOTE_SIZE = 8
LEADING = 14
LEFT = 72
TOP = 130


@dataclass
class Page:
    """Body lines top to bottom; a line may end with a note marker (`marker`), raised and small."""

    lines: list[tuple[str, str | None]] = field(default_factory=list[tuple[str, str | None]])
    notes: list[str] = field(default_factory=list[str])


def _document() -> FPDF:
    pdf = FPDF(format="A4", unit="pt")
    pdf.set_auto_page_break(False)
    return pdf


def write_report(
    path: Path, pages: list[Page], *, header: str, encrypted: bool = False, title: str | None = None
) -> Path:
    pdf = _document()
    if title is not None:
        pdf.set_title(title)
    for number, page in enumerate(pages, 1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=9)
        pdf.text(LEFT, 40, header)
        y = TOP
        for text, marker in page.lines:
            pdf.set_font("Helvetica", size=BODY_SIZE)
            pdf.text(LEFT, y, text)
            if marker:
                width = pdf.get_string_width(text)
                pdf.set_font("Helvetica", size=7)
                pdf.text(LEFT + width + 0.5, y - 4, marker)
            y += LEADING
        pdf.set_font("Helvetica", size=NOTE_SIZE)
        note_y = 780 - 11 * len(page.notes)
        for note in page.notes:
            pdf.text(LEFT, note_y, note)
            note_y += 11
        pdf.set_font("Helvetica", size=9)
        pdf.text(290, 815, str(number))
    if encrypted:
        pdf.set_encryption(owner_password="owner", user_password="reader", encryption_method=EncryptionMethod.RC4)
    pdf.output(str(path))
    return path


def write_two_columns(path: Path, title: str, left: list[str], right: list[str]) -> Path:
    pdf = _document()
    pdf.add_page()
    pdf.set_font("Helvetica", size=16)
    pdf.text(LEFT, 100, title)
    pdf.set_font("Helvetica", size=10)
    for column, lines in ((LEFT, left), (320, right)):
        for i, text in enumerate(lines):
            pdf.text(column, TOP + i * 13, text)
    pdf.output(str(path))
    return path


def write_without_text(path: Path) -> Path:
    """A page with a drawing and no text layer, as a scan is."""
    pdf = _document()
    pdf.add_page()
    pdf.rect(72, 72, 300, 400, style="F")
    pdf.output(str(path))
    return path
