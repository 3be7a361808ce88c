"""Read the text layer of a PDF as a reader sees it: body paragraphs in reading order, page by page.

PDFium (through pypdfium2) gives each character with its box and font size; the rules here turn them
into runs, runs into lines and lines into paragraphs:
- two columns are read left then right, between any lines that span the page (titles, wide figures);
- lines that repeat at the top or bottom of many pages (running headers and footers, with their page
  numbers) and lone page numbers are dropped;
- a run of lines in a smaller type at the foot of a page that starts with a note marker is the page's
  footnotes: set aside as notes, so a sentence a page break interrupted joins up again; so is such a run
  inside a page that opens on a raised mark (the notes under a table);
- a word hyphenated at a line end (PDFium marks the hyphen) is joined, and a small raised number glued to
  a word is a note marker, written as a superscript, as the reader sees it;
- a table's rows (cells parted by wide gaps, at the same places on three rows or more) are set aside, and
  a sentence the table interrupts goes on after it.
"""

from __future__ import annotations

import ctypes
import itertools
import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from bot.content.readers.text import MATH_MARK, PageProgress, SourceText, TextBuilder
from bot.content.segmentation import CAPTION, LEFT_OPEN

# A header or footer is one of the first or last two lines of a page, in its top or bottom seventh
# (journals with wide margins set their running heads about 12% down the page).
_MARGIN_SHARE = 0.14
_MARGIN_LINES = 2
# ... and repeats (digits aside) on at least this share of pages, and on three pages at the least.
_REPEAT_SHARE = 0.3
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE)
_NOTE_START = re.compile(r"^(?:\d{1,3}\s+|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}\s*|[*∗†‡§¶]\s*)[^\s\d.,%]\S*\s+\S")
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*$")
_SUPERSCRIPT = str.maketrans("0123456789,", "⁰¹²³⁴⁵⁶⁷⁸⁹˒")
_SOFT_HYPHEN = "\x02"
# How PDFium marks a hyphen it found at a line end (one that joins a word broken across lines).
_PDFIUM_HYPHENS = ("\x02", "\ufffe")
# Ligatures as letters; TeX's fonts without a character map give theirs as control codes 27-31.
_LIGATURES = str.maketrans(
    {"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "\xa0": " "}
    | {"\x1b": "ff", "\x1c": "fi", "\x1d": "fl", "\x1e": "ffi", "\x1f": "ffl"}
)
_TEX_LIGATURE_CODES = "\x1b\x1c\x1d\x1e\x1f"
# Accents TeX sets as glyphs of their own over (or under) a letter, and the combining marks they are.
_SPACING_ACCENTS = {
    "¨": "\u0308",
    "´": "\u0301",
    "`": "\u0300",
    "ˆ": "\u0302",
    "^": "\u0302",
    "˜": "\u0303",
    "~": "\u0303",
    "¯": "\u0304",
    "˘": "\u0306",
    "˙": "\u0307",
    "˚": "\u030a",
    "˝": "\u030b",
    "ˇ": "\u030c",
    "¸": "\u0327",
    "˛": "\u0328",
}
# A note's mark opening a line: a dagger, an asterisk, a superscript or the circled digit some fonts map
# their daggers to.
_TITLE_NOTE_MARK = re.compile(r"^(?:[*∗†‡§¶]|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}|[①-⑳❶-➓])\s*[A-Z]")
# A reference entry's first line, by its author and year ("Neuhäuser M (2002). “Exact tests ...”"): the
# lines hanging under it are the entry's, its title's full stop notwithstanding ("Human Heredity, 54(3).").
_REFERENCE_ENTRY = re.compile(r"^[A-Z][^\s()]*(?:[ ,]+[^()]{0,200}?)?\s\(\d{4}[a-z]?\)[.,]")
_ENTRY_START = re.compile(r"^(?:\[\d{1,3}\]|\d{1,3}\.|[•▪◦·‣–-])\s")
_FILE_NAME = re.compile(r"\.(?:docx?|pdf|odt|rtf|indd|tex|qxd)\b|^Microsoft Word|^untitled", re.IGNORECASE)
_UNMARKED_NOTE_LINES = 2
# Type this much smaller than the body's is a note's (footnotes are set a point or two smaller).
_NOTE_SIZE_SHARE = 0.92
# The last code TeX's Type 1 fonts move a glyph to (codes 0 to 32 set at 161 to 196).
_TEX_MOVED_GLYPHS_END = "\xc4"
# A page's number as it prints it, in Arabic digits ("²", a note's marker, is a digit too, but no number).
_ARABIC = re.compile(r"[0-9]{1,4}")
# A sub- or superscript is set at most this share of its line's type size (TeX: 70%).
_SCRIPT_SIZE_SHARE = 0.8
# A text layer with more symbols than this among its characters spells nothing.
_SYMBOL_SHARE = 0.3
_MIN_CHECKED_CHARACTERS = 200
# TeX's and Office's mathematics fonts. Their italic letters are letters, but some of their other glyphs
# come out of a text layer as whatever their codes spell ("P" for ∑, "0" for a prime, "´" for β), so a
# sentence holding one cannot be quoted as the words a reader sees.
_MATH_FONT = re.compile(
    r"(?:^|\+)(?:CMMI|CMSY|CMEX|CMBSY|MSAM|MSBM|EUSM|EUFM|EUEX|RSFS|LMMath|STIXMath|STIXTwoMath|"
    r"CambriaMath|Cambria-Math|LatinModernMath|XITSMath|Asana)",
    re.IGNORECASE,
)
# Typewriter fonts, which set program code and its output apart from the prose around it (CM-Super's
# are "SFTT", and slanted, italic and capital "SFST", "SFIT", "SFTC": "SFTI" is its text italic).
_CODE_FONT = re.compile(
    r"Mono(?!type)|(?:^|\+)(?:CM|EC)S?L?I?TT|(?:^|\+)SF(?:TT|ST|IT|TC)\d|Courier|Typewriter|Inconsolata|Consola|Menlo"
    r"|Code",
    re.IGNORECASE,
)
# A line this much in a typewriter font is code ("R> pn <- partynode(1L, ...)").
_CODE_SHARE = 0.8
# ... unless the typewriter font is the document's own: more than this share of its characters (a vignette's
# R sessions may outweigh its prose, as in survey's epi.pdf, 65%: its prose is still set in a roman font).
_CODE_BODY_SHARE = 0.9
# The prompt a session's line opens on: R's and a shell's "> " and "$ ", Python's ">>> ".
_PROMPT = re.compile(r"(?:>>>|>|\$|R>) ")
# The symbol and extension fonts among them: none of their glyphs is a letter.
_MATH_SYMBOL_FONT = re.compile(r"(?:^|\+)(?:CMSY|CMEX|CMBSY|MSAM|MSBM|EUEX|LMMathSymbols|LMMathExtension)", re.I)
_FONT_NAME_BYTES = 128
_DISPLAYED_MATH_SHARE = 0.2
# Text turned further than this (in radians) from level is not read.
_LEVEL = 0.05
# Fewer runs than this are too few to tell columns by (a title and a line or two).
_MIN_COLUMN_RUNS = 6
# A gap between two lines this many times the usual line spacing starts a new paragraph.
_PARAGRAPH_GAP = 1.5
# A gap this many times the type's size inside a line parts a table's cells: a justified line of prose
# leaves none near it between its words.
_CELL_GAP_EMS = 2.0
# A table has at least this many rows with a cell that starts at the same place (within this many points).
_TABLE_ROWS = 3
_CELL_ALIGNMENT = 1.5
# What stands alone at a displayed equation's right, in its own cell: its number, "(4)".
_EQUATION_NUMBER = re.compile(r"\(\d{1,3}[a-z]?\)[.,]?")


class PdfError(ValueError):
    """A PDF that cannot be read: encrypted, damaged, or without a text layer."""


@dataclass(slots=True)
class _Run:
    left: float
    bottom: float
    right: float
    top: float
    size: float
    text: str
    code: int = 0  # characters in a typewriter font


@dataclass(slots=True)
class _Line:
    runs: list[_Run] = field(default_factory=list[_Run])  # left to right, once `_group` has grouped them
    # Written on the first call of `text()`: the page's lines are all grouped by then, and every rule
    # (margins, footnotes, paragraphs) asks for the same line's text again.
    _text: str | None = None

    @property
    def left(self) -> float:
        return min(r.left for r in self.runs)

    @property
    def right(self) -> float:
        return max(r.right for r in self.runs)

    @property
    def top(self) -> float:
        return max(r.top for r in self.runs)

    @property
    def bottom(self) -> float:
        return min(r.bottom for r in self.runs)

    @property
    def size(self) -> float:
        return max(r.size for r in self.runs)

    @property
    def code(self) -> bool:
        """Set in a typewriter font: program code or its output."""
        return sum(r.code for r in self.runs) >= _CODE_SHARE * sum(len(r.text.replace(" ", "")) for r in self.runs)

    def text(self) -> str:
        if self._text is None:
            self._text = self._written()
        return self._text

    def _written(self) -> str:
        body = self.size
        pieces: list[str] = []
        previous: _Run | None = None
        starts, ends = _stacked(self.runs, body)
        for run in self.runs:
            text = MATH_MARK + run.text if id(run) in starts else run.text
            if id(run) in ends:
                text = text[:-1] + MATH_MARK + text[-1:]  # where it meets the run set over or under it
            raised = run.size < body * _SCRIPT_SIZE_SHARE and run.bottom > self.bottom + body * 0.2
            if raised and re.fullmatch(r"[\d,]+", text.strip()):
                text = text.strip().translate(_SUPERSCRIPT)
                if pieces:
                    pieces[-1] = pieces[-1].rstrip()  # the marker sits against the word it follows
            elif (
                previous is not None
                and run.left - previous.right > body * 0.3
                and not (pieces[-1][-1:].isspace() or text[:1].isspace())
            ):
                pieces.append(" ")  # PDFium writes the spaces it sees; a wide gap it left bare is one too
            pieces.append(text)
            previous = run
        return re.sub(r"\s+", " ", "".join(pieces)).strip()


def _stacked(runs: list[_Run], body: float) -> tuple[set[int], set[int]]:
    """Runs set one above the other in a line: a fraction or limits written inline ("ℓ over L+1"), an
    accent over a letter ("u ˆ"), a sub- and a superscript on one letter ("β" with "i" under its "w"). Their
    order in the text is not what a reader sees, so where two meet (the start of the right one, the end of
    the left one) is marked as mathematics. A script a letter wide overlaps the other by most of itself."""
    starts: set[int] = set()
    ends: set[int] = set()
    for a, b in itertools.pairwise(runs):
        overlap = min(a.right, b.right) - max(a.left, b.left)
        narrower = min(a.right - a.left, b.right - b.left)
        if overlap > min(body * 0.25, narrower * 0.5) and abs(a.bottom - b.bottom) > body * 0.2:
            ends.add(id(a))
            starts.add(id(b))
    return starts, ends


@dataclass(slots=True)
class _Page:
    number: int
    height: float
    lines: list[_Line]


def read_pdf(data: bytes, progress: PageProgress | None = None) -> SourceText:
    """`progress(done, pages)` is told after each page is read."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise PdfError("encrypted (it asks for a password); save an unlocked copy") from error
        raise PdfError(f"damaged, not a readable PDF ({error})") from error
    try:
        pages: list[_Page] = []
        for i in range(len(document)):
            pages.append(_read_page(document, i))
            if progress is not None:
                progress(i + 1, len(document))
        information = document.get_metadata_dict()
    except pdfium.PdfiumError as error:
        raise PdfError(f"damaged, a page cannot be read ({error})") from error
    finally:
        document.close()
    if not any(page.lines for page in pages):
        raise PdfError("no text layer (a scanned document?); run it through OCR first")
    read = _assemble(pages)
    if _unreadable(read.text):
        raise PdfError("its text layer does not spell words (fonts without a character map); run it through OCR")
    title, author = (" ".join(information.get(k, "").split()) for k in ("Title", "Author"))
    # A word processor often fills the title with the file's name ("Microsoft Word - report.docx").
    return replace(read, title=None if not title or _FILE_NAME.search(title) else title, author=author or None)


def _unreadable(text: str) -> bool:
    """Most of the "letters" are symbols: the fonts map their glyphs to dingbats or private codes, so the
    text layer spells nothing a reader sees."""
    visible = [c for c in text if not c.isspace()]
    symbols = sum(1 for c in visible if unicodedata.category(c) in ("So", "Co"))
    return len(visible) >= _MIN_CHECKED_CHARACTERS and symbols > _SYMBOL_SHARE * len(visible)


def _read_page(document: pdfium.PdfDocument, index: int) -> _Page:
    page = document[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            runs = list(_runs(textpage))
        finally:
            textpage.close()
    finally:
        page.close()
    return _Page(index + 1, height, _lines(runs, width))


def _runs(textpage: pdfium.PdfTextPage) -> list[_Run]:
    """The page's characters in runs: a run ends at a line break, at a jump up or down (a raised note
    marker is a run of its own), at a gap wider than a column gutter's, or where the type size changes.
    Read by character, not by PDFium's rectangles: text in overlapping rectangles would come twice."""
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # characters beyond the Basic Multilingual Plane: read them one by one
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i)) for i in range(count))
    runs: list[_Run] = []
    current: _Run | None = None
    font = ctypes.create_string_buffer(_FONT_NAME_BYTES)
    typewriter: dict[bytes, bool] = {}
    accent = ""  # a spacing accent TeX set over the next letter ("B¨onsch"), to be put on it
    for i, char in enumerate(text):
        if char in "\r\n":
            current = None
            continue
        if char in _SPACING_ACCENTS and _over_next_letter(textpage, text, i):
            accent = _SPACING_ACCENTS[char]
            continue
        if char in _PDFIUM_HYPHENS:
            char = _SOFT_HYPHEN
        elif char not in _TEX_LIGATURE_CODES and (char.isspace() or not char.isprintable()):
            if current is not None and not current.text.endswith(" "):
                current.text += " "
            continue
        if abs(pdfium_c.FPDFText_GetCharAngle(textpage, i)) > _LEVEL:
            continue  # turned text: an axis label or a margin note, not a line of the page
        left, bottom, right, top = textpage.get_charbox(i)
        size = pdfium_c.FPDFText_GetFontSize(textpage, i) or (top - bottom)
        pdfium_c.FPDFText_GetFontInfo(textpage, i, font, _FONT_NAME_BYTES, None)
        if font.value not in typewriter:
            typewriter[font.value] = _CODE_FONT.search(font.value.decode("latin-1")) is not None
        if _unreliable(char, font.value.decode("latin-1")):
            char = MATH_MARK + char  # kept, and marked: no sentence holding it is quoted
        if accent:
            char, accent = unicodedata.normalize("NFC", char + accent), ""
        if (
            current is None
            or abs(size - current.size) > current.size * 0.15
            or abs(bottom - current.bottom) > size * 0.3
            or left - current.right > max(size, current.size) * 1.5
        ):
            current = _Run(left, bottom, right, top, size, "")
            runs.append(current)
        current.text += char.translate(_LIGATURES)
        current.code += typewriter[font.value]
        current.right, current.top = max(current.right, right), max(current.top, top)
    for run in runs:
        run.text = run.text.rstrip()
    return [run for run in runs if run.text]


def _over_next_letter(textpage: pdfium.PdfTextPage, text: str, i: int) -> bool:
    """The next character is a letter, and this one sits over (or under) it: an accent set apart."""
    if i + 1 >= len(text) or not text[i + 1].isalpha():
        return False
    left, _, right, _ = textpage.get_charbox(i)
    next_left, _, next_right, _ = textpage.get_charbox(i + 1)
    return min(right, next_right) - max(left, next_left) > 0.3 * (right - left)


def _displayed_math(text: str) -> bool:
    """A line that is mostly mathematics glyphs: a displayed equation."""
    return text.count(MATH_MARK) >= _DISPLAYED_MATH_SHARE * len(text.replace(MATH_MARK, "").replace(" ", ""))


def _unreliable(char: str, font: str) -> bool:
    """A mathematics glyph that did not come out as itself: a letter or digit from a symbol font ("P" for
    ∑, "0" for a prime, "6" for a negation stroke), or a Latin-1 sign from any of them ("´" for β, "Ã" for
    σ). A sign that came out as a mathematical character ("−", "≈", "β") is what the reader sees; so is
    Latin-1's "×" or "÷", above the codes 161 to 196 where TeX's fonts move their first 33 glyphs
    ("´" is code 180, "Ã" 195)."""
    if not _MATH_FONT.search(font):
        return False
    if char.isascii():
        return char.isalnum() and _MATH_SYMBOL_FONT.search(font) is not None
    if char > _TEX_MOVED_GLYPHS_END and unicodedata.category(char) == "Sm":
        return False
    return "\x80" <= char <= "\xff" or unicodedata.category(char) in ("Co", "Cc", "Cn")


def _lines(runs: list[_Run], width: float) -> list[_Line]:
    """Runs grouped into lines, in reading order: columns one after the other between spanning lines."""
    gutter = _gutter(runs, width)
    spanning = [r for r in runs if gutter is None or (r.left < gutter < r.right)]
    if gutter is None:
        return _group(runs)
    left = [r for r in runs if r.right <= gutter]
    right = [r for r in runs if r.left >= gutter]
    ordered: list[_Line] = []
    cuts = sorted(_group(spanning), key=lambda line: -line.top)
    upper = float("inf")
    for cut in [*cuts, None]:
        lower = cut.top if cut is not None else float("-inf")
        for column in (left, right):
            ordered.extend(_group([r for r in column if lower < (r.top + r.bottom) / 2 <= upper]))
        if cut is not None:
            ordered.append(cut)
            upper = cut.bottom
    return ordered


def _gutter(runs: list[_Run], width: float) -> float | None:
    """The x of the space between two columns, if the page has two: few runs cross it, many lie each side."""
    if len(runs) < _MIN_COLUMN_RUNS:
        return None
    best: tuple[int, float] | None = None
    for step in range(35, 66):
        x = width * step / 100
        crossing = sum(1 for r in runs if r.left < x < r.right)
        if best is None or crossing < best[0]:
            best = (crossing, x)
    assert best is not None
    crossing, x = best
    left = sum(1 for r in runs if r.right <= x)
    right = sum(1 for r in runs if r.left >= x)
    if crossing <= max(1, len(runs) * 0.05) and min(left, right) >= len(runs) * 0.2:
        return x
    return None


def _group(runs: list[_Run]) -> list[_Line]:
    """Runs that share most of their height are one line (a raised note marker shares part of its own)."""
    lines: list[_Line] = []
    for run in sorted(runs, key=lambda r: (-r.top, r.left)):
        line = lines[-1] if lines else None
        if line is not None:
            overlap = min(run.top, line.top) - max(run.bottom, line.bottom)
            if overlap >= 0.4 * min(run.top - run.bottom, line.top - line.bottom) or _script_of(run, line):
                line.runs.append(run)
                continue
        lines.append(_Line([run]))
    for line in lines:
        line.runs.sort(key=lambda r: r.left)  # in reading order, which every later rule reads them in
    return lines


def _script_of(run: _Run, line: _Line) -> bool:
    """A run in smaller type whose top lies inside the height of the line's own type (not of scripts already
    set under it, or the next line's raised marks would join it) and that stands among its words: a subscript
    ("Sµ") set so low that it shares less than the rest of a line's height with it."""
    if run.size >= _SCRIPT_SIZE_SHARE * line.size:
        return False
    own = [r for r in line.runs if r.size >= _SCRIPT_SIZE_SHARE * line.size]
    return min(r.bottom for r in own) < run.top < max(r.top for r in own) and line.left <= run.left <= line.right


def _assemble(pages: list[_Page]) -> SourceText:
    furniture = _repeated_margins(pages)
    numbered = _counted_page_numbers(pages)
    sizes = Counter[float]()
    for page in pages:
        for line in page.lines:
            sizes[round(line.size, 1)] += len(line.text())
    body_size = sizes.most_common(1)[0][0] if sizes else 0.0
    spacing = _line_spacing(pages, body_size)
    code_apart = _code_apart(pages)
    builder = TextBuilder()
    set_aside = Counter[str]()
    previous: tuple[_Line, str] | None = None
    entry: _Line | None = None  # the first line of the numbered entry or list item being read, if any
    first: _Line | None = None  # the first line of the paragraph being read
    for page in pages:
        body: list[_Line] = []
        for i, line in enumerate(page.lines):
            text = line.text()
            if id(line) in numbered or (
                _in_margin(line, page, i) and (_PAGE_NUMBER.match(text) or _margin_key(text) in furniture)
            ):
                set_aside["running headers, footers and page numbers"] += 1
                continue
            body.append(line)
        if page.number == 1:
            body = _without_title_notes(body, body_size, builder, set_aside)
        notes_from = _footnotes_start(body, page, body_size)
        for line in body[notes_from:]:
            text = line.text()
            _set_apart_as_note(text, page.number, _NOTE_START.match(text) is not None, builder, set_aside)
        lines, fresh = body[:notes_from], set[int]()  # fresh: lines that start a paragraph whatever comes before
        table = _table_rows(lines, body_size, spacing)
        if previous is not None and _left_open(previous[1]):
            lines, fresh = _open_sentence_first(lines, spacing, body_size, table)
        listing = _listing_lines(lines) if code_apart else set[int]()
        table_notes = _notes_under_tables(lines, body_size)
        for index, line in enumerate(lines):
            text = line.text()
            if id(line) in table_notes:
                _set_apart_as_note(text, page.number, _TITLE_NOTE_MARK.match(text) is not None, builder, set_aside)
                continue
            if id(line) in listing:
                set_aside["program code and output lines"] += 1
                previous, entry = None, None  # the prose after it starts a paragraph of its own
                continue
            if id(line) in table:
                set_aside["table rows"] += 1
                continue  # a table floats: a sentence left open before it goes on after it
            if (previous is not None and id(line) not in fresh) and (
                (
                    _continues(previous, line, text, spacing, body_size, new_page=index == 0)
                    and not _indented_anew(first, previous[0], line, text, spacing, body_size)
                )
                or _hangs_from(entry, previous[0], line, text, spacing, body_size)
            ):
                builder.continue_paragraph(text, page.number, hyphenated=_hyphenated(previous, line, text))
            else:
                builder.new_paragraph(text, page.number)
                entry = line if _ENTRY_START.match(text) or _REFERENCE_ENTRY.match(text) else None
                first = line
            previous = (line, text)
    return builder.build("pdf", pages=len(pages), set_aside=set_aside)


def _open_sentence_first(
    lines: list[_Line], spacing: float, body_size: float, table: set[int]
) -> tuple[list[_Line], set[int]]:
    """A page's lines in reading order when the page before left a sentence open and a figure heads this
    page: the sentence's rest (the first line in lower case set off below the figure's caption) comes
    first, up to its full stop, then the figure ("... there are less adults that disapprove" / the plot's
    labels and "Figure 5: ..." / "punishment in the group with memories ..."); so does a table's (`table`:
    its lines), whose rows, set in body type, may open in lower case ("aa raa saa naa"). Also the lines that
    start a paragraph whatever ends before them: the figure's first, and the first after it."""
    caption = next((i for i, line in enumerate(lines) if CAPTION.match(line.text())), None)
    if caption is None or caption == 0:
        return lines, set()
    if any(line.size > body_size - 0.5 and id(line) not in table for line in lines[:caption]):
        return lines, set()  # no figure's labels or table above a caption
    rest = next(
        (i for i in range(caption + 1, len(lines)) if lines[i - 1].bottom - lines[i].top > spacing * _PARAGRAPH_GAP),
        None,
    )  # the caption ends at a gap, and the text goes on after it
    if rest is None or not _goes_on(lines[rest], body_size):
        return lines, set()
    end = rest + 1  # the line after the open sentence's full stop
    while end < len(lines) and not _SENTENCE_END.search(lines[end - 1].text()):
        end += 1
    return lines[rest:end] + lines[:rest] + lines[end:], {id(lines[0])} | {id(line) for line in lines[end : end + 1]}


def _left_open(text: str) -> bool:
    """A line that ends no sentence (a word broken by a hyphen PDFium marked ends none either)."""
    return not _SENTENCE_END.search(text.rstrip(_SOFT_HYPHEN))


def _goes_on(line: _Line, body_size: float) -> bool:
    """A line of body type opening in lower case: the rest of a sentence (a figure's labels are smaller)."""
    return line.text()[:1].islower() and abs(line.size - body_size) <= 0.5


def _code_apart(pages: list[_Page]) -> bool:
    """Whether a typewriter font sets code apart from the prose, rather than being the document's own."""
    code = total = 0
    for page in pages:
        for line in page.lines:
            for run in line.runs:
                code += run.code
                total += len(run.text.replace(" ", ""))
    return code <= _CODE_BODY_SHARE * total


def _listing_lines(lines: list[_Line]) -> set[int]:
    """Lines of displayed code or program output: two or more in a row set in a typewriter font (an R
    session), or one that opens on a session's prompt ("> bb.out <- eiread(dbuf)"). Another single one
    is read with the prose, which often runs on through it ("created by the function / zoo(x, order.by) /
    where x is ...")."""
    code = [line.code for line in lines]
    return {
        id(line)
        for i, line in enumerate(lines)
        if code[i] and ((i > 0 and code[i - 1]) or (i + 1 < len(lines) and code[i + 1]) or _PROMPT.match(line.text()))
    }


def _table_rows(lines: list[_Line], body_size: float, spacing: float) -> set[int]:
    """A table's lines (a package's name and what it does, a label and its figures, a contents line and its
    page): rows with a cell, after a wide gap, that starts where a cell of at least two other rows does;
    from each such row on, the lines that keep to the table's columns (a cell's text going on under it) or
    start right under the row before where rows do (a row whose cells sit too close to part); a line between
    two rows (a group's heading); and the columns' heads right over the first row."""
    cells = [_cell_starts(line, body_size) for line in lines]
    starts = [x for row in cells for x in row]
    columns = sorted({x for x in starts if sum(1 for y in starts if abs(y - x) <= _CELL_ALIGNMENT) >= _TABLE_ROWS})
    rows = {i for i, row in enumerate(cells) if any(_near(x, columns) for x in row)}
    lefts = [lines[i].left for i in rows]
    columns = sorted({*columns, *lefts})
    table: set[int] = set()
    for i, line in enumerate(lines):
        if i in rows or (
            i - 1 in table
            and (
                i + 1 in rows
                or _keeps_to(line, columns)
                or (_near(line.left, lefts) and _just_below(lines[i - 1], line, spacing))
            )
        ):
            table.add(i)
    table.update(
        i - 1
        for i in rows
        if i > 0
        and i - 1 not in table
        and _near(lines[i - 1].left, columns)
        and _just_below(lines[i - 1], lines[i], spacing)
    )
    return {id(lines[i]) for i in table}


def _near(x: float, columns: list[float]) -> bool:
    return any(abs(x - c) <= _CELL_ALIGNMENT for c in columns)


def _keeps_to(line: _Line, columns: list[float]) -> bool:
    """A line that starts at one of a table's columns and, wherever it passes the start of another, has a
    run start there: a line of prose, across the page, does not."""
    if not _near(line.left, columns):
        return False
    starts = [run.left for run in line.runs]
    return all(_near(c, starts) for c in columns if line.left + _CELL_ALIGNMENT < c < line.right)


def _cell_starts(line: _Line, body_size: float) -> list[float]:
    """Where the cells after a line's wide gaps start, if the line is a table's row: its first cell has a
    word (a list's "[12]" or "1." before its item is no cell), and what follows a gap is no displayed
    equation's number."""
    gaps = [
        after
        for before, after in itertools.pairwise(line.runs)
        if after.left - before.right >= _CELL_GAP_EMS * body_size
    ]
    if not gaps:
        return []
    first = "".join(r.text for r in line.runs if r.left < gaps[0].left)
    last = "".join(r.text for r in line.runs if r.left >= gaps[-1].left).strip()
    if not any(c.isalpha() for c in first) or _EQUATION_NUMBER.fullmatch(last):
        return []
    return [run.left for run in gaps]


def _without_title_notes(
    lines: list[_Line], body_size: float, builder: TextBuilder, set_aside: Counter[str]
) -> list[_Line]:
    """The first page's lines less the notes in its title block (above the first line of body type): a
    line opening on a note mark ("†Institut für Statistik ...", an affiliation the authors' "Zeileis†"
    points to), and the lines of its size that go on from it."""
    first_body = next((i for i, line in enumerate(lines) if abs(line.size - body_size) <= 0.5), len(lines))
    kept: list[_Line] = []
    note: _Line | None = None
    for i, line in enumerate(lines):
        text = line.text()
        starts = i < first_body and _TITLE_NOTE_MARK.match(text) is not None
        if starts or (i < first_body and note is not None and abs(line.size - note.size) <= 0.5):
            _set_apart_as_note(text, 1, starts, builder, set_aside)
            note = line if starts else note
        else:
            kept.append(line)
            note = None
    return kept


def _set_apart_as_note(text: str, page: int, starts: bool, builder: TextBuilder, set_aside: Counter[str]) -> None:
    """A line of a note, set apart from the body: it starts a note, or goes on with the one before."""
    if starts or not builder.notes:
        builder.add_note(text, page)
    else:
        builder.extend_note(text)
    set_aside["footnote lines"] += 1


def _continues(
    previous: tuple[_Line, str], line: _Line, text: str, spacing: float, body_size: float, *, new_page: bool
) -> bool:
    """Whether `line` goes on with the paragraph `previous` ended (`new_page`: on the page before)."""
    before, before_text = previous
    if abs(line.size - before.size) > 0.5:
        return False  # a heading, or back to body after one
    if _displayed_math(text) != _displayed_math(before_text):
        return False  # a displayed equation is a paragraph of its own, so the prose around it stays quotable
    open_sentence = _left_open(before_text)
    if _ENTRY_START.match(text) and not (open_sentence and text.startswith("[")):
        return False  # a list item or a numbered entry starts (a "[3]" can also go on a sentence: "of Smith\n[3]")
    same_column = abs(line.left - before.left) < body_size * 8
    if same_column and _just_below(before, line, spacing):
        if open_sentence or (before_text.endswith(":") and text[:1].islower() and len(before_text.split()) > 3):
            return True  # a hanging indent, the next line of the same sentence, or what prose's colon led into
        # after a full stop: a short last line, a first-line indent or an outdent (the next entry of a list
        # set with hanging indents) starts a paragraph
        indented = line.left - before.left > body_size * 1.2 or before.left - line.left > body_size * 0.5
        return not (indented or before.right < line.right - body_size * 3)
    # a new page or column: a sentence left open goes on ("... in the MASS package" / "(Venables and
    # Ripley 2002) along with ..."), and across a page whatever the next word, after one no sentence
    # ends with ("... the three splits in the “play tree” from" / "Figure 1.")
    return open_sentence and (
        text[:1].islower()
        or (text[:1] == "(" and before_text[-1:].islower())
        or (new_page and LEFT_OPEN.search(before_text) is not None)
    )


def _hyphenated(previous: tuple[_Line, str], line: _Line, text: str) -> bool:
    """The previous line ends on a word broken by a hyphen: PDFium marks one it saw the rest of on the
    page; one before a new page or column ("distri-" / "bution") it leaves as a hyphen."""
    before, before_text = previous
    if before_text.endswith(_SOFT_HYPHEN):
        return True
    moved_on = line.top > before.bottom  # up the page again: the next column or page
    return moved_on and re.search(r"[a-z]-$", before_text) is not None and text[:1].islower()


def _just_below(before: _Line, line: _Line, spacing: float) -> bool:
    """`line` stands right under `before`, no further down than a paragraph's gap."""
    return 0 <= before.bottom - line.top <= spacing * _PARAGRAPH_GAP


def _indented_anew(
    first: _Line | None, before: _Line, line: _Line, text: str, spacing: float, body_size: float
) -> bool:
    """A line set in by a first line's indent, after lines that were not, and opening on a word with a
    capital starts a paragraph even where the line before left its sentence open: a reference list's next
    entry after one ending on its pages ("... Biometrics 50:" / "1064-1072" / "    Borgan Ø, Langholz B,
    ..."). Right after a paragraph's first line the indent is a hanging one ("[2] M Buyse. ..." / "    Stat
    in Med 15, 1996."); a line of code or a formula set in ("{", "ˆ ˆ ˆ for M") stays with what it is in."""
    if first is None or before is first or abs(line.size - before.size) > 0.5:
        return False
    if not re.match(r"[^\W\d_][^\W\d_A-Z]", text) or not text[0].isupper():
        return False
    indent = line.left - before.left
    return _just_below(before, line, spacing) and body_size * 1.2 < indent < body_size * 4


def _hangs_from(entry: _Line | None, before: _Line, line: _Line, text: str, spacing: float, body_size: float) -> bool:
    """A line indented under a numbered entry's first line goes on with the entry, full stops inside it
    notwithstanding ("[2] M Buyse. The relationship ... time." / "   Stat in Med 15, 1996.")."""
    if entry is None or _ENTRY_START.match(text) or abs(line.size - entry.size) > 0.5:
        return False
    hanging = body_size * 0.5 < line.left - entry.left < body_size * 4
    # (and so did the lines before it: under an entry whose second line is not set in, an indent starts the
    # next entry, see `_indented_anew`)
    hanging = hanging and (before is entry or before.left - entry.left > body_size * 0.5)
    return hanging and (_just_below(before, line, spacing) or line.top > before.top)  # or on the next page


def _line_spacing(pages: list[_Page], body_size: float) -> float:
    gaps = [
        a.bottom - b.top
        for page in pages
        for a, b in zip(page.lines, page.lines[1:], strict=False)
        if abs(a.size - body_size) < 0.5 and abs(b.size - body_size) < 0.5 and 0 <= a.bottom - b.top < body_size * 3
    ]
    return statistics.median(gaps) if gaps else body_size * 0.4


def _footnotes_start(lines: list[_Line], page: _Page, body_size: float) -> int:
    """Index of the page's first footnote line (len(lines) when it has none): the run of smaller type at
    the foot of the page, in the lower half, beginning with a note marker."""
    start = len(lines)
    while start > 0:
        line = lines[start - 1]
        if line.size >= body_size * _NOTE_SIZE_SHARE or line.top > page.height / 2:
            break
        start -= 1
    small = start
    while start < len(lines) and not _NOTE_START.match(lines[start].text()):
        start += 1
    if start == len(lines):
        # a note without a marker (a title page's "This is an updated version of ..."): the last line or
        # two of small type, set well apart from what is above them
        for first in range(len(lines) - 1, max(small, len(lines) - _UNMARKED_NOTE_LINES) - 1, -1):
            if first > 0 and lines[first - 1].bottom - lines[first].top > body_size:
                return first
    return start


def _notes_under_tables(lines: list[_Line], body_size: float) -> set[int]:
    """The lines of notes set inside a page rather than at its foot, as under a table ("¹ Coefficient of
    this variable not significant based on Wald test."): a run of smaller type opening on a raised note
    mark, up to the body's type or a caption. Prose never opens a line on a raised mark."""
    found = set[int]()
    inside = False
    for line in lines:
        small = line.size < body_size * _NOTE_SIZE_SHARE
        text = line.text()
        inside = small and not CAPTION.match(text) and (inside or _TITLE_NOTE_MARK.match(text) is not None)
        if inside:
            found.add(id(line))
    return found


def _in_margin(line: _Line, page: _Page, index: int) -> bool:
    if _MARGIN_LINES <= index < len(page.lines) - _MARGIN_LINES:
        return False
    return line.top > page.height * (1 - _MARGIN_SHARE) or line.bottom < page.height * _MARGIN_SHARE


def _counted_page_numbers(pages: list[_Page]) -> set[int]:
    """Lone numbers among the first or last lines of their pages that count the pages (the page's index plus
    one offset on many pages): page numbers, wherever a page's margins put them (a page set with wide
    margins prints its number a seventh of the way up)."""
    offsets = Counter[int]()  # on how many pages a lone number is the page's index plus this
    found: list[tuple[int, int]] = []  # (offset, id of the line)
    for page in pages:
        ends = page.lines[:_MARGIN_LINES] + page.lines[_MARGIN_LINES:][-_MARGIN_LINES:]
        here = [(int(text) - page.number, id(line)) for line in ends if _ARABIC.fullmatch(text := line.text().strip())]
        offsets.update({offset for offset, _ in here})
        found.extend(here)
    if not offsets:
        return set()
    offset, count = offsets.most_common(1)[0]
    if count < max(3, _REPEAT_SHARE * len(pages)):
        return set()
    return {line for at, line in found if at == offset}


def _margin_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.casefold())


def _repeated_margins(pages: list[_Page]) -> set[str]:
    """Texts (digits aside) found in the top or bottom margin of many pages: running headers and footers."""
    if len(pages) < 3:
        return set()
    seen = Counter[str]()
    for page in pages:
        seen.update({_margin_key(line.text()) for i, line in enumerate(page.lines) if _in_margin(line, page, i)})
    needed = max(3, _REPEAT_SHARE * len(pages))
    return {key for key, count in seen.items() if count >= needed}
