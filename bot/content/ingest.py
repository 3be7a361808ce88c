"""Turn one source file into what the index stores: body sentences with their citations and statistics.

Runs in worker processes while a large corpus builds, so it returns plain dataclasses that pickle fast.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from bot.content.citations import Citation, CitationLinker
from bot.content.countries import main_country
from bot.content.layout import Role, classify, is_notes_heading, section_label
from bot.content.models import SourceMeta
from bot.content.notes import parse_notes
from bot.content.readers.text import PageProgress, SourceText
from bot.content.references import ParsedReference, parse_reference
from bot.content.segmentation import normalise_whitespace, paragraph_spans, split_normalised
from bot.content.sources import SourceError, SourceFile, read_sidecar, read_source
from bot.content.statistics import NumberMention, find_statistics
from bot.content.topics import names_in

# A "sentence" longer than this is not prose: a table flattened into one line, or text whose punctuation
# was lost. It stays searchable, but the rules for numbers, citations and names, written for sentences,
# are not run on it. Of the UN corpus's 1.3 million sentences none is longer than 4,155 characters.
MAX_ANALYSED_CHARS = 5_000
# How long one file may take to read before it is skipped with a warning: ten times what a file of its
# size takes (about 1.5 million characters a second on one core), and never less than 10 s. Work per
# sentence is bounded, so only a pathological file comes near it.
MIN_FILE_SECONDS = 10.0
_MATH_CATEGORIES = frozenset({"Sm", "Sk"})
_GREEK = re.compile(r"[\u0370-\u03ff]")
_LETTER = re.compile(r"[^\W\d_]")
# A sentence says something in words: numbers with fewer than two words are a paragraph's number, a
# figure's axis or a table's cells.
_WORD = re.compile(r"[^\W\d_]{2,}")
_DIGIT = re.compile(r"\d")
_MIN_WORDS = 2
# A word as prose has it, with the punctuation around it: "(Adjusted", "single-step", "method)."
_PROSE_WORD = re.compile(r"[(\[“‘\"']?[^\W\d_]{2,}(?:[-'’][^\W\d_]+)*[)\]”’\"',.;:?!]*")
# Such a word standing as a piece of its own, not ending on a colon (so no label): one pass in C counts
# the words of nearly every sentence, enough to tell it is no listing without reading piece by piece.
_PLAIN_WORD_PIECE = re.compile(
    r"(?<!\S)[(\[“‘\"']?[^\W\d_]{2,}(?:[-'’][^\W\d_]+)*(?:[)\]”’\"',.;:?!]*[)\]”’\"',.;?!])?(?!\S)"
)
_LISTING_PIECES = 8
_NUMERAL_PIECE = re.compile(r"[-+−]?\d[\d.,]*%?")
_LISTING_WORD_SHARE = 0.5
# Greek letters this share of a sentence's letters or more are Greek words, not symbols in Latin prose.
_GREEK_PROSE_SHARE = 0.5
_PLAIN_PROSE = re.compile(r"[\w\s.,;:!?'\"()\[\]{}%$€£/&@#*’‘“”–—…-]*")
_FORMULA_SYMBOLS = 3
_FORMULA_SHARE = 0.04
SECONDS_PER_MILLION_CHARACTERS = 7.0


class OutOfTime(Exception):
    """A file took longer than its time budget to read."""


@dataclass(slots=True)
class IngestedSentence:
    text: str
    paragraph: int
    page: int | None = None
    offset: int = 0
    citations: list[Citation] = field(default_factory=list[Citation])
    statistics: list[NumberMention] = field(default_factory=list[NumberMention])
    # The label of the numbered section it stands in ("Article 19"), which the sentence itself never says.
    section: str | None = None


@dataclass(slots=True)
class IngestedDocument:
    key: str
    relative: str
    meta: SourceMeta
    byline: str | None
    sentences: list[IngestedSentence]
    references: list[ParsedReference]
    names: Counter[str]
    warnings: list[str]
    format: str = "text"
    pages: int | None = None
    set_aside: dict[str, int] = field(default_factory=dict[str, int])
    # The country the document is about (see `countries.main_country`), worked out here while the document
    # is read in parallel with others: /cite and the quiz need it for every document they quote.
    country: str | None = None


def ingest_text(
    source: SourceFile, read: SourceText, meta: SourceMeta, *, deadline: float | None = None
) -> IngestedDocument:
    """`deadline` (on `time.monotonic()`'s clock) is checked between sentences: past it, `OutOfTime`."""
    text = read.text
    paragraphs = paragraph_spans(text, markdown=read.blocks)
    layout = classify(text, paragraphs)
    listed = [text[s.start : s.end] for s in layout.of_role(Role.REFERENCE)]
    if any(is_notes_heading(text[s.start : s.end]) for s in layout.of_role(Role.REFERENCES_HEADING)):
        references = parse_notes(listed)  # endnotes
    else:
        references = [r for r in (parse_reference(entry) for entry in listed) if r]
    references.extend(parse_notes([note.text for note in read.notes]))
    linker = CitationLinker(references)
    sentences: list[IngestedSentence] = []
    formulas = numbers = listings = 0
    section: str | None = None
    for number, block in enumerate(layout.blocks):
        if block.role is Role.HEADING:
            # A heading that numbers nothing ends the section too: of what level either is, the text does not
            # say, and a wrong place ("Alternative 3" for the rest of a paper) misleads more than none.
            section = section_label(text[block.span.start : block.span.end])
        if block.role is not Role.BODY:
            continue
        paragraph = text[block.span.start : block.span.end]
        # A paragraph already in normal form (every reader but plain text writes it so) maps each sentence
        # back to its offset, and so to its page.
        normalised = normalise_whitespace(paragraph)
        exact = normalised == paragraph
        cursor = 0
        for sentence in split_normalised(normalised):
            if deadline is not None and time.monotonic() > deadline:
                raise OutOfTime
            found = paragraph.find(sentence, cursor) if exact else -1
            cursor = found + len(sentence) if found >= 0 else cursor
            start = block.span.start + max(found, 0)
            if is_formula(sentence) or read.has_math(start, start + len(sentence)):
                formulas += 1
                continue
            if _DIGIT.search(sentence) and len(_WORD.findall(sentence)) < _MIN_WORDS:
                numbers += 1  # "66.", "0 2 4 6 8 0 2 4 6 8": a paragraph's number, a figure's axis
                continue
            if is_listing(sentence):
                listings += 1
                continue
            prose = len(sentence) <= MAX_ANALYSED_CHARS
            sentences.append(
                IngestedSentence(
                    text=sentence,
                    paragraph=number,
                    page=read.page_at(start),
                    offset=start,
                    citations=linker.find(sentence) if prose else [],
                    statistics=find_statistics(sentence) if prose else [],
                    section=section,
                )
            )
    names = Counter(
        name for sentence in sentences if len(sentence.text) <= MAX_ANALYSED_CHARS for name in names_in(sentence.text)
    )
    set_aside = dict(read.set_aside)
    if formulas:
        set_aside["formulas"] = formulas
    if numbers:
        set_aside["numbers standing alone"] = numbers
    if listings:
        set_aside["table rows and program output"] = listings
    for role, label in (
        (Role.TRAILER, "trailing furniture"),
        (Role.BIO, "author bio"),
        (Role.TERMS, "keyword and tag lists"),
    ):
        if count := len(layout.of_role(role)):
            set_aside[label] = set_aside.get(label, 0) + count
    return IngestedDocument(
        source.key,
        source.relative,
        meta,
        layout.author,
        sentences,
        references,
        names,
        [],
        format=read.format,
        pages=read.pages,
        set_aside=set_aside,
        country=next(iter(main_country(s.text for s in sentences)), None),
    )


def is_formula(sentence: str) -> bool:
    """A displayed equation, or a sentence built around one: its symbols (=, −, ∑, the accents a text
    layer gives for math glyphs) are many, or it mixes Greek letters into Latin words (σ², Ψ, Ω). No two
    readers of a PDF agree on such words, so none can be quoted as the source's own."""
    if _PLAIN_PROSE.fullmatch(sentence):
        return False  # nearly every sentence: one pass in C instead of a look-up per character
    symbols = sum(1 for c in sentence if unicodedata.category(c) in _MATH_CATEGORIES)
    if symbols >= _FORMULA_SYMBOLS and symbols >= _FORMULA_SHARE * len(sentence):
        return True
    greek = len(_GREEK.findall(sentence))
    return greek >= _FORMULA_SYMBOLS - 1 and greek < _GREEK_PROSE_SHARE * len(_LETTER.findall(sentence))


def is_listing(sentence: str) -> bool:
    """A table row, a program's output or a figure's labels read as a line ("Signif. codes: 0 ‘***’
    0.001 ‘**’ 0.01", "Female , 60 Female , 60 Male , 60", "Mandy: 0.092 Anja: 0.050"): fewer than half
    its pieces are words, a label before its value ("Anja: 0.050") not counting as one."""
    pieces = sentence.split()
    if len(pieces) < _LISTING_PIECES:
        return False
    if len(_PLAIN_WORD_PIECE.findall(sentence)) >= _LISTING_WORD_SHARE * len(pieces):
        return False
    words = sum(
        1
        for piece, following in zip(pieces, [*pieces[1:], ""], strict=True)
        if _PROSE_WORD.fullmatch(piece) and not (piece.endswith(":") and _NUMERAL_PIECE.fullmatch(following))
    )
    return words < _LISTING_WORD_SHARE * len(pieces)


def time_budget(characters: int) -> float:
    return max(MIN_FILE_SECONDS, SECONDS_PER_MILLION_CHARACTERS * characters / 1e6)


def ingest_file(
    source: SourceFile, budget: float | None = None, progress: PageProgress | None = None
) -> IngestedDocument | str:
    """The document, or a warning naming the file when it cannot be used at all. `budget`: seconds the
    file may take (by default `time_budget` of its size); `progress`: told the pages read, for a PDF."""
    warnings: list[str] = []
    try:
        meta = read_sidecar(source)
    except SourceError as error:
        warnings.append(f"{error} (loaded without its sidecar)")
        meta = SourceMeta()
    try:
        read = read_source(source, progress)
    except SourceError as error:
        return str(error)
    said = {"title": read.title, "author": read.author, "published": read.published}
    meta = meta.model_copy(update={k: v for k, v in said.items() if v is not None and getattr(meta, k) is None})
    seconds = budget if budget is not None else time_budget(len(read.text))
    try:
        document = ingest_text(source, read, meta, deadline=time.monotonic() + seconds)
    except OutOfTime:
        return f"{source.relative}: skipped, reading it took over {seconds:.0f} s (is it prose, or a table or dump?)"
    if not document.sentences:
        return f"{source.relative}: no body text found"
    document.warnings.extend(warnings)
    return document
