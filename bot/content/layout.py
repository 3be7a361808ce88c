"""Tell a document's body from its page furniture: headings, byline, author bio, reference list, trailers.

General rules about how articles are laid out, not string matches on known documents:
- a heading is a short line without sentence punctuation that body text follows; short lines with
  nothing but other short lines after them (a site's list of headlines, a "comments" label) are trailers;
- a label's few words, a colon and a list of short terms ("Keywords: mosaic plots, HCL colors, R.", a
  page's "Tags: ...") name what a text is about, and say nothing of it;
- a byline is "By <Name>"; when it sits at the end of the text, what follows it up to the reference
  list is the author's bio;
- a reference list starts at a "References" (or "Bibliography", "Works cited", "Notes", ...) heading
  and runs while lines look like entries: numbered ("[3] ...", "3. ..."), or naming a year (in brackets,
  before a full stop that goes on, or closing the entry after a comma: "Econometrica, 61:821-856, 1993.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.content.segmentation import CAPTION, LEFT_OPEN, Span, ends_sentence

_REFERENCE_HEADING = re.compile(
    r"^(?:references|reference list|bibliography|works cited|sources|literature|further reading|notes|endnotes"
    r"|footnotes)\s*:?$",
    re.IGNORECASE,
)
_NAME_WORD = r"[A-Z][\w'’.-]*"
# "By Ana Lima", and the dateline a site glues to it: "By Ana Lima, 3 March 2023", "By Ana Lima | Geneva".
_BYLINE = re.compile(
    rf"^(?i:by|written by|author:)\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}?)"
    r"(?:\s*[,|–—-]\s*[\w ,.:/]{1,60})?$"
)
_REFERENCE_ENTRY = re.compile(
    r"^(?:\[\d{1,3}\]|\d{1,3}\.|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\s|\((?:\d{4}[a-z]?|n\.d\.)(?:,[^)]{0,100})?\)|\b(?:1[89]|20)\d\d[a-z]?\.\s|(?:,|\b(?:January|February|March|April|May|June|July|August|September|October|November|December))"
    r"\s(?:1[89]|20)\d\d[a-z]?\.?$"
)
# An entry without a year: names, then a title in quotation marks ("Lau et al, “eiPack: ...” http://...").
_QUOTED_TITLE_ENTRY = re.compile(r"^[A-Z][^“”\".]{1,80}?,\s+[“\"][^”\"]{5,}[”\"]")
_MAX_HEADING_WORDS = 20
# A heading that numbers a section: a word and a number or a roman numeral, alone or before a title set
# off by a stop, a colon or a dash ("Article 19", "Part 2: Results"; not "Over 20 resolutions", nor a year).
_SECTION_LABEL = re.compile(
    r"(?P<label>(?P<name>[A-Z][a-z]{2,}\.?)\s+(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,7}))(?:\s*[.:–—-]\s+\S.*)?"
)
_CAPTION_NAMES = frozenset(
    "Figure Fig Table Chart Graph Box Map Photo Plate Exhibit Listing Equation Page Slide".split()
)
# A label is this many words or fewer before its colon ("Pearson residuals:", "New in version 3.8:").
_LABEL_WORDS = 4
# How many paragraphs (its labels, one each, and its caption) a figure set inside a reference list may take.
_FLOAT_PARAGRAPHS = 80
# A figure's label is shorter than this ("Pearson residuals:"); a sentence of prose is not.
_FLOAT_LABEL_WORDS = 6
# A list of terms under a label: at least this many, of at most this many words each, with no figure.
_TERM_LIST = re.compile(r"(?P<label>[A-Z][\w-]*(?: [\w-]+){0,2})\s*:\s*(?P<terms>[^:]+?)\.?")
_MIN_TERMS = 3
_TERM_WORDS = 4
# A byline this close to the end of the text closes the article, so what follows it is about the author.
_TAIL_BYLINE_PARAGRAPHS = 3
_APPENDIX_WORDS = 30
# A line of prose ends on a word that needs what follows it: the display or program session it leads into.
_LEADS_INTO = re.compile(rf"(?:{LEFT_OPEN.pattern}|\b(?:via|as follows)$)")


class Role(StrEnum):
    BODY = "body"
    HEADING = "heading"
    BYLINE = "byline"
    BIO = "bio"
    REFERENCES_HEADING = "references_heading"
    REFERENCE = "reference"
    TRAILER = "trailer"
    TERMS = "terms"


@dataclass(frozen=True, slots=True)
class Block:
    span: Span
    role: Role


@dataclass(frozen=True, slots=True)
class Layout:
    blocks: list[Block]
    author: str | None

    def of_role(self, role: Role) -> list[Span]:
        return [b.span for b in self.blocks if b.role is role]


def section_label(heading: str) -> str | None:
    """The label a heading numbers its section by ("Article 19" of "Article 19", "Chapter IV" of "Chapter
    IV. The right to work"), or None: a heading that numbers nothing, or a caption's ("Figure 3")."""
    found = _SECTION_LABEL.fullmatch(heading.strip())
    if found is None or found.group("name").rstrip(".") in _CAPTION_NAMES:
        return None
    return found.group("label")


def is_notes_heading(line: str) -> bool:
    """ "Notes" or "Endnotes": the list under it is notes its markers link to, not a bibliography."""
    return re.match(r"^(?:end|foot)?notes\s*:?$", line.strip(), re.IGNORECASE) is not None


def is_sentence_like(line: str) -> bool:
    """Prose ends with sentence punctuation or runs longer than any headline; a label's few words before a
    colon ("Pearson residuals:", "Tags:") are no sentence."""
    words = len(line.split())
    if words <= _LABEL_WORDS and line.rstrip().endswith(":"):
        return False
    return ends_sentence(line) or words > _MAX_HEADING_WORDS


def classify(text: str, paragraphs: list[Span]) -> Layout:
    """Give every paragraph its role in the document."""
    lines = [text[p.start : p.end] for p in paragraphs]
    roles = [Role.BODY] * len(lines)
    end = len(lines)

    refs_at = _reference_heading(lines)
    if refs_at is not None:
        roles[refs_at] = Role.REFERENCES_HEADING
        i = refs_at + 1
        while i < end:
            if _REFERENCE_ENTRY.search(lines[i]) or _QUOTED_TITLE_ENTRY.match(lines[i]):
                roles[i] = Role.REFERENCE
                i += 1
                continue
            resumed = _list_resumes(lines, i, end)
            if resumed is None:
                break
            i = resumed
        if not _is_appendix(lines[i:end]):
            for j in range(i, end):
                roles[j] = Role.TRAILER
            end = refs_at
    end = _strip_trailer(lines, roles, end)

    author: str | None = None
    for i in range(end):
        byline = _BYLINE.match(lines[i])
        if not byline or is_sentence_like(lines[i]):
            continue
        roles[i] = Role.BYLINE
        author = author or byline.group("name")
        if end - i <= _TAIL_BYLINE_PARAGRAPHS:
            for j in range(i + 1, end):
                roles[j] = Role.BIO
            end = i
            break

    for i in range(end):
        if roles[i] is not Role.BODY:
            continue
        if _is_term_list(lines[i]):
            roles[i] = Role.TERMS
        elif not is_sentence_like(lines[i]) and not _leads_into(lines[i]):
            roles[i] = Role.HEADING

    return Layout([Block(p, r) for p, r in zip(paragraphs, roles, strict=True)], author)


def _is_term_list(line: str) -> bool:
    """ "Keywords: structural change, CUSUM, MOSUM, R.": a label, then short terms parted by commas or
    semicolons, none with a figure (so "Deaths: 12, injured: 40" stays)."""
    found = _TERM_LIST.fullmatch(" ".join(line.split()))
    if found is None:
        return False
    terms = [term.split() for term in re.split(r"[,;]", found.group("terms"))]
    return len(terms) >= _MIN_TERMS and all(
        0 < len(term) <= _TERM_WORDS and not any(c.isdigit() for word in term for c in word) for term in terms
    )


def _leads_into(line: str) -> bool:
    """Prose that leads into a display or a program's session after it ("and the Monte Carlo p-value can
    be computed via"): longer than a label, in lower case mostly, it ends on a word that needs more. A
    heading does not; a site's short "Who we are" stays one, and so do a plot's labels ("stage / xray
    early advanced no yes") and a title broken over lines ("Order-restricted Scores Test for the
    Evaluation of")."""
    words = line.split()
    capitalised = sum(1 for word in words if word[0].isupper())
    return (
        len(words) >= _FLOAT_LABEL_WORDS
        and 2 * capitalised < len(words)
        and _LEADS_INTO.search(line.strip()) is not None
    )


def _list_resumes(lines: list[str], start: int, end: int) -> int | None:
    """Where a reference list goes on after a figure or table a PDF set between two of its pages (the
    figure's labels, and its caption: "Figure 33: Mosaic plot for the OvaryCancer data ..."); None when
    a sentence of prose comes first, or no entry within `_FLOAT_PARAGRAPHS`."""
    captioned = False  # a float has its caption; a heading of what follows the list ("A. Data sets") does not
    for k in range(start, min(end, start + _FLOAT_PARAGRAPHS)):
        if k > start and captioned and _REFERENCE_ENTRY.search(lines[k]):
            return k
        caption = CAPTION.match(lines[k]) is not None
        captioned = captioned or caption
        if len(lines[k].split()) >= _FLOAT_LABEL_WORDS and ends_sentence(lines[k]) and not caption:
            return None  # prose: the list has ended
    return None


def _is_appendix(lines: list[str]) -> bool:
    """Paragraphs of prose after a reference list are an appendix, not a site's trailing furniture."""
    return sum(1 for line in lines if len(line.split()) >= _APPENDIX_WORDS and ends_sentence(line)) >= 3


def _reference_heading(lines: list[str]) -> int | None:
    for i in range(len(lines) - 1, len(lines) // 3 - 1, -1):
        if _REFERENCE_HEADING.match(lines[i]) and i + 1 < len(lines) and _REFERENCE_ENTRY.search(lines[i + 1]):
            return i
    return None


def _strip_trailer(lines: list[str], roles: list[Role], end: int) -> int:
    """Short lines at the very end with no prose after them are not headings of anything."""
    while end > 0 and not is_sentence_like(lines[end - 1]) and not _BYLINE.match(lines[end - 1]):
        end -= 1
        roles[end] = Role.TRAILER
    return end
