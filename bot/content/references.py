"""Parse reference-list entries (APA-like: "Authors. (Year). Title. Publisher.") into their parts."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ENTRY = re.compile(r"^(?P<authors>.+?)\s*\((?P<year>\d{4}[a-z]?|n\.d\.)(?:,[^)]{0,100})?\)\.?\s*(?P<rest>.*)$")
# Where a title ends: sentence punctuation that does not close an initialism such as "U.S." or "Y.".
_TITLE_END = re.compile(r"(?<![A-Z])(?<!\b[A-Z]\.[A-Z])[.?!]+\s+(?=\S)")
_PERSONAL_AUTHOR = re.compile(r"^(?P<surname>[^,]+),\s*(?:[A-Z]\.?\s*(?:-?[A-Z]\.?\s*)*)$")
_AUTHOR_SEPARATOR = re.compile(r"(?<=\.),\s*&?\s*|\s*&\s*|\s+and\s+")
_ENDS_WITH_INITIAL = re.compile(r"\b[A-Z]\.$")


@dataclass(frozen=True, slots=True)
class ParsedReference:
    text: str
    authors: str
    year: str
    title: str | None
    publisher: str | None

    @property
    def key(self) -> str:
        return f"{citation_name(self.authors)}, {self.year}"


def parse_reference(entry: str) -> ParsedReference | None:
    """None when the line does not have the shape of a reference entry."""
    entry = entry.strip()
    match = _ENTRY.match(entry)
    if not match:
        return None
    rest = match.group("rest").strip()
    title: str | None = rest.rstrip(".") or None
    publisher: str | None = None
    splits = list(_TITLE_END.finditer(rest))
    if splits:
        cut = splits[-1]
        title = (rest[: cut.start()] + rest[cut.start() : cut.end()].strip().rstrip(".")).strip() or None
        publisher = rest[cut.end() :].strip().rstrip(".") or None
    return ParsedReference(
        text=entry,
        authors=_clean_authors(match.group("authors")),
        year=match.group("year"),
        title=title,
        publisher=publisher,
    )


def _clean_authors(authors: str) -> str:
    """The entry's full stop after the authors is punctuation, unless it closes an initial ("Park, Y.")."""
    authors = authors.strip()
    if authors.endswith(".") and not _ENDS_WITH_INITIAL.search(authors):
        authors = authors[:-1]
    return authors


def citation_name(authors: str) -> str:
    """How an inline citation names these authors: surnames for people, the full name for bodies."""
    people = [a.strip() for a in _AUTHOR_SEPARATOR.split(authors) if a.strip()]
    surnames: list[str] = []
    for person in people:
        personal = _PERSONAL_AUTHOR.match(person)
        surnames.append(personal.group("surname").strip() if personal else person)
    if len(surnames) > 2:
        return f"{surnames[0]} et al."
    return " & ".join(surnames)
