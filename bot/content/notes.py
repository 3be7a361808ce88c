"""Parse footnotes and endnotes into references a marker in the text links to.

A note starts with its marker ("3 ", "3. ", "³", "*") and says what backs the sentence that carries the
marker: a full citation ("Jane Doe, Title (Place: Publisher, 2019), 45."), a short form that names an
earlier note's author ("Doe, Title, 47."), or "Ibid." (the work of the note before it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from bot.content.references import ParsedReference, parse_work

_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_NOTE = re.compile(r"^\s*(?P<label>\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|[*∗†‡§¶]{1,3})[.)]?\s*(?P<body>\S.*)$", re.DOTALL)
_IBID = re.compile(r"^(?:ibid|ibidem|id)\b\.?", re.IGNORECASE)


def note_label(marker: str) -> str:
    """The label a marker and its note share: "³" and "3" are one note."""
    return marker.translate(_SUPERSCRIPT_DIGITS)


def parse_notes(texts: Iterable[str]) -> list[ParsedReference]:
    notes: list[ParsedReference] = []
    for text in texts:
        match = _NOTE.match(text)
        if not match:
            continue
        label = note_label(match.group("label"))
        body = match.group("body").strip()
        work = parse_work(body)
        if _IBID.match(body) and notes:
            work = notes[-1]
        elif not work.year and work.authors:
            work = _earlier_by(notes, work.authors) or work
        notes.append(replace(work, text=text.strip(), label=label, note=True))
    return notes


def _earlier_by(notes: list[ParsedReference], authors: str) -> ParsedReference | None:
    """The last earlier note with a full citation by the author a short-form note names ("Doe" for
    "Jane Doe")."""
    surname = authors.split()[-1].casefold()
    for note in reversed(notes):
        if note.year and note.authors and surname in note.authors.casefold().split():
            return note
    return None
