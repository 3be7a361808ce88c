"""What a reader of any format gives the engine: the text a reader sees, its pages, its notes, and what was
set aside as furniture."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

# Told, as a long file is read, how many of its pages are done and how many it has.
PageProgress = Callable[[int, int], None]

_SOFT_HYPHEN = "\x02"
SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# Put by a reader before a character it cannot vouch for (a mathematics glyph); taken out when written.
MATH_MARK = "\ue000"


def superscript(marker: str) -> str:
    """A note marker as the reader sees it: raised digits ("12" → "¹²"); other markers as written."""
    return marker.translate(SUPERSCRIPT_DIGITS) if marker.isascii() and marker.isdigit() else marker


def cut_out(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """The text without the given spans (in order, not overlapping)."""
    pieces: list[str] = []
    cursor = 0
    for start, end in spans:
        pieces.append(text[cursor:start])
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


@dataclass(frozen=True, slots=True)
class Note:
    """A footnote or endnote, as written ("3 See UNHCR, Global Trends..."), with the page it is on."""

    text: str
    page: int | None = None


@dataclass(frozen=True, slots=True)
class SourceText:
    """`text` holds the body and headings; `blocks` says its paragraphs are blank-line blocks (otherwise a
    line may be a paragraph, as in plain text files). `page_marks` are (offset, page) pairs, sorted: the
    text from each offset on is on that page."""

    text: str
    format: str
    blocks: bool = False
    pages: int | None = None
    page_marks: list[tuple[int, int]] = field(default_factory=list[tuple[int, int]])
    notes: list[Note] = field(default_factory=list[Note])
    set_aside: dict[str, int] = field(default_factory=dict[str, int])
    # What the file says of itself (front matter, a page's title, a PDF's document information); a
    # sidecar's word comes first.
    title: str | None = None
    author: str | None = None
    published: date | None = None
    # Where the text holds a glyph of a mathematics font (PDF) that came out as a letter or sign a reader
    # does not see there; sorted, one character each.
    math_spans: list[tuple[int, int]] = field(default_factory=list[tuple[int, int]])

    def has_math(self, start: int, end: int) -> bool:
        at = bisect.bisect_left(self.math_spans, (end, end))
        return at > 0 and self.math_spans[at - 1][1] > start

    def page_at(self, offset: int) -> int | None:
        if not self.page_marks:
            return None
        at = bisect.bisect_right(self.page_marks, (offset, float("inf"))) - 1
        return self.page_marks[max(at, 0)][1]


class TextBuilder:
    """Writes paragraphs one line at a time, keeping track of the page each part of the text is on."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._marks: list[tuple[int, int]] = []
        self._math: list[tuple[int, int]] = []
        self.notes: list[Note] = []

    def new_paragraph(self, text: str, page: int | None = None) -> None:
        if self._parts:
            self._close_hyphen()
            self._append("\n\n")
        self._mark(page)
        self._append(text)

    def continue_paragraph(self, text: str, page: int | None = None, *, hyphenated: bool = False) -> None:
        if not self._parts:
            self.new_paragraph(text, page)
            return
        if hyphenated:
            self._parts[-1] = self._parts[-1][:-1]  # the hyphen PDFium marked at the line end
            self._length -= 1
        else:
            self._append(" ")
        self._mark(page)
        self._append(text)

    def add_note(self, text: str, page: int | None = None) -> None:
        self.notes.append(Note(text.replace(_SOFT_HYPHEN, "-").replace(MATH_MARK, ""), page))

    def extend_note(self, text: str) -> None:
        text = text.replace(MATH_MARK, "")
        last = self.notes[-1]
        joined = last.text[:-1] + text if last.text.endswith("-") and text[:1].islower() else f"{last.text} {text}"
        self.notes[-1] = Note(joined, last.page)

    def build(self, format: str, *, pages: int | None = None, set_aside: Mapping[str, int] | None = None) -> SourceText:
        self._close_hyphen()
        return SourceText(
            text="".join(self._parts),
            format=format,
            blocks=True,
            pages=pages,
            page_marks=self._marks,
            notes=self.notes,
            math_spans=self._math,
            set_aside=dict(set_aside or {}),
        )

    def _append(self, text: str) -> None:
        if MATH_MARK in text:
            pieces = text.split(MATH_MARK)
            position = self._length + len(pieces[0])
            for piece in pieces[1:]:
                self._math.append((position, position + 1))  # the marked character starts the piece
                position += len(piece)
            text = "".join(pieces)
        self._parts.append(text)
        self._length += len(text)

    def _mark(self, page: int | None) -> None:
        if page is not None and (not self._marks or self._marks[-1][1] != page):
            self._marks.append((self._length, page))

    def _close_hyphen(self) -> None:
        """A line-end hyphen with no line after it in the paragraph is a plain hyphen."""
        if self._parts and self._parts[-1].endswith(_SOFT_HYPHEN):
            self._parts[-1] = self._parts[-1][:-1] + "-"
