"""Read a plain-text file as a reader sees it: the text itself, less the Markdown marks some writers type
into plain text ("### 2. Gratitude", "**Long live Haiti!**", "*Agreement on ...*"), which a reader takes
as emphasis and headings, not as words, less paragraph numbers written without a stop ("1 I bring
you greetings", "2 The world is ..."), which would otherwise open the paragraph's first sentence, less
the page headers and footers a UN record leaves inside its text ("15-29701 15/28") and its page numbers,
and with its footnote lines set apart as notes (see `plain_notes`)."""

from __future__ import annotations

import re

from bot.content.readers.plain_notes import split_notes
from bot.content.readers.text import SourceText, cut_out

_HEADING_MARK = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(?=\S)|[ \t]+#+[ \t]*$", re.MULTILINE)
# A pair of emphasis marks around words on one line; a mark against a word or digit outside the pair
# ("2**30") is not emphasis. Underscores are left alone: in plain text "__init__" is a name.
_STRONG = re.compile(r"(?<![\w*])\*\*(?=[^\s*])([^\n]*?[^\s*])\*\*(?![\w*])")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])")


# A line of a UN record's page header or footer: its job number, page of pages, symbol and date
# ("15-29701 15/28", "A/70/PV.21 30/09/2015"), or its job number and page ("41 09-52604", "09-52604 40"),
# set inside the text where the page broke.
_JOB_NUMBER = r"\d{2}-\d{4,6}"
_PAGE_MARK = rf"{_JOB_NUMBER}|\d{{1,4}}/\d{{1,4}}|\d{{1,2}}/\d{{1,2}}/\d{{4}}|[A-Z]{{1,4}}(?:/[A-Za-z0-9.]+){{2,}}"
_JOB_AND_PAGE = rf"\d{{1,3}}[ \t]+{_JOB_NUMBER}|{_JOB_NUMBER}[ \t]+\d{{1,3}}"
_PAGE_MARK_LINE = re.compile(
    rf"^[ \t]*(?:(?:(?:{_PAGE_MARK})[ \t]*){{1,4}}|(?:{_JOB_AND_PAGE})[ \t]*)(?:\n|$)", re.MULTILINE
)
# A page's number alone on its line before the blank line where the page broke, which a UN record sets
# inside a sentence as often as between two ("As is well" / "22" / "" / "known, our region ..."). The
# blank line goes with it: it is the page's end, not a paragraph's ("our President," / "12" / "" / "Mr.
# Eduard Shevardnadze, at the forty-seventh session").
_PAGE_NUMBER_LINE = re.compile(r"^[ \t]*\d{1,4}[ \t]*\n[ \t]*\n", re.MULTILINE)
# A number opening a line, then the paragraph's first word: "11 The UN Convention ...".
_PARAGRAPH_NUMBER = re.compile(r"^[ \t]*(\d{1,3})[ \t]+(?=[A-Z“\"‘])", re.MULTILINE)
# Numbers opening lines are paragraph numbers when they count up one by one at least this far; a
# paragraph opening on a count ("42 Member States ...") breaks no such run.
_NUMBERED_RUN = 3
_STARTS_TRIED = 4


def read_plain_text(text: str) -> SourceText:
    set_aside: dict[str, int] = {}
    text, notes = split_notes(text)
    if notes:
        set_aside["footnote lines"] = len(notes)
    text, numbers = _without_paragraph_numbers(text)
    if numbers:
        set_aside["paragraph numbers"] = numbers
    page_marks = [match.span() for match in _PAGE_MARK_LINE.finditer(text)]
    if page_marks:
        text = cut_out(text, page_marks)
        set_aside["page headers and footers"] = len(page_marks)
    page_numbers = [match.span() for match in _PAGE_NUMBER_LINE.finditer(text)]
    if page_numbers:
        text = cut_out(text, page_numbers)
        set_aside["page numbers"] = len(page_numbers)
    marks = 0

    def unmark(match: re.Match[str]) -> str:
        nonlocal marks
        marks += 1
        return match.group(match.lastindex) if match.lastindex else ""

    # (the patterns look back at every place they are tried: a text without the mark is not read with them)
    if "#" in text:
        text = _HEADING_MARK.sub(unmark, text)
    if "*" in text:
        text = _STRONG.sub(unmark, text)
        text = _EMPHASIS.sub(unmark, text)
    if marks:
        set_aside["Markdown marks"] = marks
    return SourceText(text, "text", notes=notes, set_aside=set_aside)


def _without_paragraph_numbers(text: str) -> tuple[str, int]:
    """The text with its paragraph numbers taken out, and how many there were."""
    matches = list(_PARAGRAPH_NUMBER.finditer(text))
    if not matches:
        return text, 0
    run: list[re.Match[str]] = []
    # The numbering starts at the first numbered line or at a 1, and skips lines that do not go on with it.
    # (A few starts are tried: a file of thousands of lines opening on "1" must not cost their square.)
    starts = [0, *(i for i, m in enumerate(matches) if i and m.group(1) == "1")][:_STARTS_TRIED]
    for first in starts:
        chain = [matches[first]]
        for match in matches[first + 1 :]:
            if int(match.group(1)) == int(chain[-1].group(1)) + 1:
                chain.append(match)
        if len(chain) > len(run):
            run = chain
    if len(run) < _NUMBERED_RUN:
        return text, 0
    return cut_out(text, (match.span() for match in run)), len(run)
