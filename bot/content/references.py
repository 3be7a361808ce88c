"""Parse reference-list entries into their parts: author-year entries (APA and its variants, "Authors.
(Year). Title. Publisher."; Harvard, "Authors Year, Title"; BibTeX's natbib styles, given names first and
the year last, "A. Smith and Beth Doe. Title. Journal, 7:1-38, 2002."), and numbered entries ("[3] ...",
"3. ...")."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

# A work's year, or the years it came out over ("1998-2002": software released in parts); citations give it
# so too.
WORK_YEAR = r"\d{4}(?:[-–]\d{4})?[a-z]?"
_ENTRY = re.compile(rf"^(?P<authors>.+?)\s*\((?P<year>{WORK_YEAR}|n\.d\.)(?:,[^)]{{0,100}})?\)\.?\s*(?P<rest>.*)$")
# Harvard and Chicago author-date: the year follows the authors bare ("Smith, J. 2020. Title.").
_HARVARD_ENTRY = re.compile(
    r"^(?P<authors>[^\d]{2,200}?)\s+(?P<year>(?:1[89]|20)\d\d(?:[-–](?:1[89]|20)\d\d)?[a-z]?|n\.d\.)\.\s+(?P<rest>\S.*)$"
)
# natbib's plain styles (JSS, plainnat), names given first: "D. W. K. Andrews and W. Ploberger. Title.
# Venue, 62:1383-1414, 1994.", "Douglas Bates. Title. R News, 5(1):27-30, May 2005.", "... and others."
_GIVEN = r"(?:[A-Z][a-z]?\.(?:-?[A-Z][a-z]?\.)*|[A-Z][\w\u0300-\u036f'’]*(?:-[A-Z][\w'’]*)?)"
_PARTICLES = r"(?:(?:van|von|de|der|den|du|da|di|le|la)\s+)*"
_SURNAME = rf"{_PARTICLES}(?:d['’])?[A-Z][\w\u0300-\u036f'’-]+"  # (also "d’Orey")
_GIVEN_FIRST_PERSON = rf"(?:{_GIVEN}\s+){{1,4}}{_SURNAME}"
# (or the first author's surname and "et al": "Rosen et al, “Title.” Venue, 55:2, pp 134-156, 2001.")
_GIVEN_FIRST_AUTHORS = (
    rf"{_GIVEN_FIRST_PERSON}(?:(?:,\s+(?:and\s+)?|\s+and\s+){_GIVEN_FIRST_PERSON})*(?:,?\s+and\s+others)?"
    rf"|{_SURNAME}\s+et\s+al\b\.?"
)
# The authors end at a full stop, or at a comma before a title in quotation marks ("Gary King and Langche
# Zeng, “The Dangers of Extreme Counterfactuals.” Political Analysis, 14:2, pp 131-159, 2006.").
_GIVEN_FIRST_ENTRY = re.compile(rf"^(?P<authors>{_GIVEN_FIRST_AUTHORS})(?:\.\s+|,\s+(?=[“\"]))(?P<rest>\S.*)$")
_GIVEN_FIRST_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+and\s+|\s+(?=et\s+al\b)")
_ET_AL = re.compile(r"et\s+al\b\.?")
# Chicago's author-date lists (pandoc's default style): the first author surname first, the rest given names
# first ("Dempster, Arthur P., N. M. Laird, and D. B. Rubin", "Honaker, James, and Gary King").
_CHICAGO_AUTHORS = re.compile(
    rf"^(?P<surname>{_SURNAME}),\s+{_GIVEN}(?:\s+{_GIVEN})*(?P<rest>(?:,\s+(?:and\s+)?{_GIVEN_FIRST_PERSON})*)$"
)
_LAST_NAME = re.compile(rf"{_SURNAME}$")
# A single "person" ending on one of these is a body: "R Development Core Team", "World Health Organization".
_BODY_WORDS = frozenset(
    """
    team council organization organisation nations office institute commission agency group bank fund
    programme program association society foundation department ministry committee project network centre
    center union watch international service services consortium forum
    """.split()
)
# The work's year is the last one before its address: "..., 2000b. URL http://...", "2005. doi: 10.1080/...".
_YEAR_OF_WORK = re.compile(r"(?<![\d/.-])(?:1[89]|20)\d\d[a-z]?(?![\d/-])")
_ADDRESS = re.compile(r"\b(?:URL|doi:)\s|https?://")
_NUMBERED_ENTRY = re.compile(r"^(?:\[(?P<bracketed>\d{1,3})\]|(?P<dotted>\d{1,3})\.)\s+(?P<rest>\S.*)$")
_ANY_YEAR = re.compile(r"(?<![\d/.-])((?:1[89]|20)\d\d)[a-z]?(?![\d/-])")
# An abbreviation an entry defines for its author: "Office of the High Commissioner (OHCHR)".
_DEFINED_ABBREVIATION = re.compile(r"\s*[(\[](?P<short>[A-Z][A-Za-z&.]{1,15})[)\]]\s*$")
# Where a title ends: sentence punctuation that does not close an initialism such as "U.S." or "Y.".
_TITLE_END = re.compile(r"(?<![A-Z])(?<!\b[A-Z]\.[A-Z])[.?!]+\s+(?=\S)")
_PERSONAL_AUTHOR = re.compile(r"^(?P<surname>[^,]+),\s*(?:[A-Z]\.?\s*(?:-?[A-Z]\.?\s*)*)$")
_AUTHOR_SEPARATOR = re.compile(r"(?<=\.),\s*&?\s*|\s*&\s*|\s+and\s+")
_ENDS_WITH_INITIAL = re.compile(r"\b[A-Z]\.$")
# Vancouver's authors, surname then initials without full stops: "Pollet TV, Nettle D", "Smith J, Doe A, et al",
# also with the last joined by "and" and a stop after it ("Breslow NW and Chatterjee N.", "Borgan Ø, ...").
_VANCOUVER_PERSON = rf"{_PARTICLES}[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)*\s[A-ZÀ-ÖØ-Þ]{{1,3}}\.?"
_VANCOUVER_SEPARATOR = r",\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+"
_VANCOUVER_AUTHORS = re.compile(
    rf"(?P<people>{_VANCOUVER_PERSON}(?:(?:{_VANCOUVER_SEPARATOR}){_VANCOUVER_PERSON})*)(?P<others>,\s*et\s+al\.?)?"
)
# ... and such an entry ending on its year: "Therneau TM and Li H., Computing the Cox model. Venue 5:99-112, 1999".
_VANCOUVER_YEAR_LAST = re.compile(rf"^(?P<authors>{_VANCOUVER_AUTHORS.pattern})[.,]\s+(?P<rest>\S.*)$")


@dataclass(frozen=True, slots=True)
class ParsedReference:
    """`label` is the number a numbered entry or a note goes by; `abbreviation` a short name the entry
    defines for its author. Parts the entry does not give are empty (`authors`, `year`) or None."""

    text: str
    authors: str
    year: str
    title: str | None
    publisher: str | None
    label: str | None = None
    note: bool = False
    abbreviation: str | None = None
    # The entry names its authors given names first ("Douglas Bates", "A. Zeileis"), as natbib styles do.
    given_first: bool = False

    @property
    def key(self) -> str:
        if self.label is not None:
            return f"note {self.label}" if self.note else f"[{self.label}]"
        return f"{self.cited_as}, {self.year}"

    @property
    def people(self) -> list[str]:
        """The authors one by one, given names first ("and others" and "et al" stand for the rest)."""
        if not self.given_first:
            return []
        people = (p.strip() for p in _GIVEN_FIRST_SEPARATOR.split(self.authors) if p.strip())
        return ["others" if _ET_AL.fullmatch(person) else person for person in people]

    @property
    def surnames(self) -> list[str]:
        """The authors' surnames for a given-names-first entry ("Bates" of "Douglas Bates"); a body's
        whole name; empty for other entries."""
        people = self.people
        if len(people) == 1 and people[0].split()[-1].lower() in _BODY_WORDS:
            return people
        return [_surname_of(p) for p in people if p != "others"]

    @property
    def cited_as(self) -> str:
        """How an inline citation names the authors: surnames for people, the full name for bodies."""
        if not self.given_first:
            return citation_name(self.authors)
        surnames = self.surnames
        if len(surnames) > 2 or "others" in self.people:
            return f"{surnames[0]} et al."
        return " & ".join(surnames)


def _surname_of(person: str) -> str:
    """ "Bates" of "Douglas Bates", "van de Wiel" of "Mark A. van de Wiel"."""
    last = _LAST_NAME.search(person)
    return last.group(0) if last else person.split()[-1]


def hyphenated(year: str) -> str:
    """A range of years written with a hyphen, however the text wrote it, so an entry's and its citations'
    compare: "1998–2002" is "1998-2002"."""
    return year.replace("–", "-")


def parse_reference(entry: str) -> ParsedReference | None:
    """None when the line does not have the shape of a reference entry."""
    entry = entry.strip()
    numbered = _NUMBERED_ENTRY.match(entry)
    if numbered:
        label = numbered.group("bracketed") or numbered.group("dotted")
        return replace(parse_work(numbered.group("rest")), text=entry, label=label)
    return _author_year(entry)


def parse_work(text: str) -> ParsedReference:
    """Whatever a numbered entry or a note says of its work: author-year parts where it has that shape,
    else its first words before a comma as the author and the last year it names."""
    text = text.strip().lstrip("^↑ ").strip()  # a web page's back-link arrow before a note
    parsed = _author_year(text)
    if parsed is not None:
        return parsed
    years = _ANY_YEAR.findall(text)
    head = text.split(",", 1)[0].strip()
    authors = head if "," in text and len(head.split()) <= 6 and head[:1].isupper() else ""
    return ParsedReference(text=text, authors=authors, year=years[-1] if years else "", title=None, publisher=None)


def _author_year(entry: str) -> ParsedReference | None:
    match = _ENTRY.match(entry)
    if not match:
        # natbib's shape first: a Harvard year is any year after the authors, and one follows "URL" too
        return _year_last(entry) or _harvard(entry) or _vancouver_year_last(entry)
    return _parts(entry, match)


def _harvard(entry: str) -> ParsedReference | None:
    match = _HARVARD_ENTRY.match(entry)
    return _parts(entry, match) if match else None


def _parts(entry: str, match: re.Match[str]) -> ParsedReference:
    rest = match.group("rest").strip()
    title: str | None = rest.rstrip(".") or None
    publisher: str | None = None
    splits = list(_TITLE_END.finditer(rest))
    if splits:
        cut = splits[-1]
        title = (rest[: cut.start()] + rest[cut.start() : cut.end()].strip().rstrip(".")).strip() or None
        publisher = rest[cut.end() :].strip().rstrip(".") or None
    authors = _clean_authors(match.group("authors"))
    defined = _DEFINED_ABBREVIATION.search(authors)
    if defined:
        authors = authors[: defined.start()].strip()
    return ParsedReference(
        text=entry,
        authors=authors,
        year=hyphenated(match.group("year")),
        title=title,
        publisher=publisher,
        abbreviation=defined.group("short").replace(".", "") if defined else None,
    )


def _year_last(entry: str) -> ParsedReference | None:
    """An entry naming its authors given names first and ending on its year (natbib's plain styles)."""
    match = _GIVEN_FIRST_ENTRY.match(entry)
    if not match:
        return None
    rest = match.group("rest").strip()
    address = _ADDRESS.search(rest)
    years = list(_YEAR_OF_WORK.finditer(rest[: address.start()] if address else rest))
    if not years:
        return None
    year = years[-1]
    end = _TITLE_END.search(rest)
    title_end = min(end.start(), year.start()) if end else year.start()
    title = rest[:title_end].strip(" ,") or None
    publisher = rest[end.end() : year.start()].strip(" ,") if end and end.end() < year.start() else None
    return ParsedReference(
        text=entry,
        authors=match.group("authors"),
        year=year.group(0),
        title=title,
        publisher=publisher or None,
        given_first=True,
    )


def _vancouver_year_last(entry: str) -> ParsedReference | None:
    """An entry naming its authors surname first in Vancouver's way and ending on its year."""
    match = _VANCOUVER_YEAR_LAST.match(entry)
    rest = match.group("rest") if match else ""
    years = list(_YEAR_OF_WORK.finditer(rest))
    if not match or not years:
        return None
    end = _TITLE_END.search(rest)
    return ParsedReference(
        text=entry,
        authors=_clean_authors(match.group("authors")),
        year=years[-1].group(0),
        title=rest[: end.start()].strip() if end else None,
        publisher=None,
    )


def _clean_authors(authors: str) -> str:
    """The entry's full stop after the authors is punctuation, unless it closes an initial ("Park, Y.")."""
    authors = authors.strip()
    if authors.endswith(".") and not _ENDS_WITH_INITIAL.search(authors):
        authors = authors[:-1]
    return authors


def citation_name(authors: str) -> str:
    """How an inline citation names authors listed surname first ("Smith, J., & Doe, A.", Vancouver's
    "Pollet TV, Nettle D", Chicago's "Honaker, James, and Gary King"): surnames for people, the full name
    for bodies."""
    surnames: list[str] = []
    listed = _VANCOUVER_AUTHORS.fullmatch(authors.strip())
    chicago = _CHICAGO_AUTHORS.match(authors.strip())
    if chicago:
        rest = (p for p in _GIVEN_FIRST_SEPARATOR.split(chicago.group("rest")) if p.strip())
        surnames = [chicago.group("surname"), *(_surname_of(p.strip()) for p in rest)]
    elif listed:  # each person's initials are the last word
        people = re.split(_VANCOUVER_SEPARATOR, listed.group("people"))
        surnames = [person.strip().rsplit(" ", 1)[0] for person in people if person.strip()]
        if listed.group("others"):
            return f"{surnames[0]} et al."
    else:
        for person in (a.strip() for a in _AUTHOR_SEPARATOR.split(authors) if a.strip()):
            personal = _PERSONAL_AUTHOR.match(person)
            surnames.append(personal.group("surname").strip() if personal else person)
    if len(surnames) > 2:
        return f"{surnames[0]} et al."
    return " & ".join(surnames)
