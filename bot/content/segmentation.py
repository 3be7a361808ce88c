"""Cut a document's text into paragraphs and sentences, as character spans of the original text.

Spans, not copies, so every sentence served later is the source's own words by construction.
Sentence boundaries come from Bling Fire, a compiled, model-based splitter that already copes
with abbreviations ("U.S.", "U.N."), decimals ("4.77 million"), currency and quotations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import blingfire

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_WHITESPACE = re.compile(r"\s+")
# A citation or closing quote that a splitter may leave at the head of the next sentence belongs to
# the sentence before it: "... camps. (United Nations, 2014)" or "... cards.”"
_LEADING_TAIL = re.compile(r"^(?:\([^()]{1,120}\)\s*[.;]?|[”’\"')\]]+)(?=\s|$)")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


def normalise_whitespace(text: str) -> str:
    """Collapse runs of whitespace; quotes are compared with the document in this form."""
    return _WHITESPACE.sub(" ", text).strip()


def paragraph_spans(text: str, *, markdown: bool = False) -> list[Span]:
    """A plain-text paragraph is a line; Markdown soft-wraps, so its paragraphs are blank-line blocks."""
    pattern = _BLANK_LINE if markdown else re.compile(r"\n")
    spans: list[Span] = []
    start = 0
    for match in pattern.finditer(text):
        _append_trimmed(text, start, match.start(), spans)
        start = match.end()
    _append_trimmed(text, start, len(text), spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))


def sentence_spans(text: str, paragraph: Span) -> list[Span]:
    """The sentences of one paragraph, as spans of `text`."""
    chunk = text[paragraph.start : paragraph.end]
    pieces = [p for p in blingfire.text_to_sentences(chunk).split("\n") if p.strip()]
    spans: list[Span] = []
    cursor = 0
    for piece in pieces:
        found = _locate(chunk, piece, cursor)
        if found is None:
            continue
        start, end = found
        spans.append(Span(paragraph.start + start, paragraph.start + end))
        cursor = end
    return _reattach_tails(text, _cover_gaps(spans, paragraph, text))


def _locate(chunk: str, piece: str, cursor: int) -> tuple[int, int] | None:
    piece = piece.strip()
    start = chunk.find(piece, cursor)
    if start >= 0:
        return start, start + len(piece)
    # The splitter normalises some whitespace; match it word by word instead.
    words = piece.split()
    pattern = r"\s*".join(re.escape(w) for w in words)
    match = re.compile(pattern).search(chunk, cursor)
    return (match.start(), match.end()) if match else None


def _cover_gaps(spans: list[Span], paragraph: Span, text: str) -> list[Span]:
    """Text the splitter dropped (rare) joins the sentence before it, so no words are lost."""
    if not spans:
        return [paragraph]
    fixed: list[Span] = []
    for i, span in enumerate(spans):
        end = spans[i + 1].start if i + 1 < len(spans) else paragraph.end
        gap = text[span.end : end]
        fixed.append(Span(span.start, span.end + len(gap.rstrip())) if gap.strip() else span)
    if text[paragraph.start : fixed[0].start].strip():
        fixed[0] = Span(paragraph.start, fixed[0].end)
    return fixed


def _reattach_tails(text: str, spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        piece = text[span.start : span.end]
        tail = _LEADING_TAIL.match(piece)
        if merged and tail:
            cut = span.start + tail.end()
            merged[-1] = Span(merged[-1].start, cut)
            rest = text[cut : span.end]
            if rest.strip():
                offset = len(rest) - len(rest.lstrip())
                merged.append(Span(cut + offset, span.end))
            continue
        merged.append(span)
    return merged
