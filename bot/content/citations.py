"""Find the citations a sentence makes and link each to its entry in the document's reference list or notes.

Shapes:
- note markers: superscript numbers ("killed.¹²", "¹⁻³") and numbers in brackets ("[4]", "[1, 3]"), linked
  to the note or numbered entry with that number;
- parenthetical: "(United Nations, 2014)", "(Park, 2015; BBC, 2019)", "(Office of the High Commissioner
  (OHCHR), 2020)", "(Human Rights Watch)", and a page alone, "(p. 12)", which cites the work cited last;
- narrative: "Smith (2020) found", "Smith et al. (2020)", "Amnesty International's 2021 report", and a
  sentence naming a cited author as its source: "according to Chainalysis", "The World Food Programme
  estimates", or naming a work's two authors or three or more without its year ("the strategy of Pollet
  and Nettle", "as Hothorn et al. show"). A mere mention of a body that also wrote a cited report is not a
  citation.

A cited name finds its entry by the name as the entry would be cited, an abbreviation the entry defines
or that its words spell ("HRW"), the first author's surname ("Smith et al." for a list of five, "Smith"
for "Smith & Doe"), or a surname spelled one letter off; the year tells entries by one author apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from bot.content.notes import note_label
from bot.content.references import WORK_YEAR, ParsedReference, hyphenated

# A bracket holding a citation is short; bounding it keeps a stray "(" before pages of text from being
# scanned again for every word in them. One level of brackets may nest inside (an author's abbreviation).
_PARENTHESES = re.compile(r"\(((?:[^()]|\([^()]{0,60}\)){1,300}?)\)")
# "Name 2020", "Name, 2020, p. 4", "Name 1987, 1994", and what a writer adds after the year ("Name 2008,
# Springer-Verlag", "Name 2009, archived on CRAN", "Name 1991, among others"), after an aside holding
# a number ("m_re, using lme4, Bates et al. 2015"), and what the work is cited for ("see Honaker and King
# 2010 for details").
_CITED_WORK = re.compile(
    r"^\s*(?:[^;]*\d[^;]*?,\s+)?(?:see\s+(?:also\s+)?|e\.g\.,?\s+|cf\.\s+)?(?P<name>[^\d]+?),?\s+"
    rf"(?P<years>(?:{WORK_YEAR}|n\.d\.)(?:,\s*{WORK_YEAR})*)(?:,\s*[^\d\s][^;]{{0,120}}|,\s*pp?\.\s*[\d–-]+|\s+for\s[^;]{{1,120}})?\s*$"
)
_YEAR_OF_WORK = re.compile(rf"{WORK_YEAR}|n\.d\.")
_LEAD_IN = re.compile(r"\b(?:see(?:\s+also)?|in|cf\.|e\.g\.,?|as\s+in|following|after)\s+")
_PAGE_ONLY = re.compile(r"^\s*(?:pp?|paras?)\.\s*\d[\d–-]*\s*$")
_AUTHOR_NAME = re.compile(r"^[A-Z][\w.'’&,()\- ]{0,120}$")
_NOT_AUTHORS = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December|Spring|Summer"
    r"|Autumn|Fall|Winter|In|Since|From|Until|By|Before|After|Between|Around|Circa|Est|Founded|Born|Died)\b"
)
_SURNAME = r"(?:(?:van|von|de|der|den|du|da|di|le|la)\s+)*(?:d['’])?[A-Z][\w'’-]+"  # "van de Wiel", "d’Orey"
_NARRATIVE_YEAR = re.compile(
    rf"\b(?P<name>{_SURNAME}(?:\s+et\s+al\.?|(?:,\s+{_SURNAME})*,?\s+(?:and|&)\s+{_SURNAME})?)"
    rf"(?:['’]s)?\s+[(\[](?P<years>(?:{WORK_YEAR}|n\.d\.)(?:,\s*{WORK_YEAR})*)(?:,\s*pp?\.\s*[\d–-]+)?[)\]]"
)
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_MARKER = re.compile(rf"(?<=\S)[{_SUPERSCRIPTS}]+(?:[˒,⁻–-][{_SUPERSCRIPTS}]+)*")
_MARKER_BASE = re.compile(r"(?:[A-Za-zÀ-ÖØ-öø-ÿ]{2}|[.,;:)\]”’\"])$")
_BRACKET_MARKER = re.compile(r"\[(\d{1,3}(?:\s*[,–-]\s*\d{1,3}){0,10})\]")
_MAX_RANGE = 20
_REPORTING_VERBS = (
    r"estimates?|estimated|reports?|reported|finds|found|notes?|noted|says|said|states?|stated|warns?|warned"
    r"|highlights?|highlighted|shows?|showed|documents?|documented|argues?|argued|concludes?|concluded"
)
_INITIAL = re.compile(r"[A-Z]\.?(?:-?[A-Z]\.?)*")
_SMALL_WORDS = frozenset("of the for and on in to a an at by".split())

CitationKind = Literal["parenthetical", "narrative", "note", "numbered"]


@dataclass(frozen=True, slots=True)
class Citation:
    """A citation in a sentence; `reference` is the index of its entry, None when the list has none."""

    cited: str
    reference: int | None
    kind: CitationKind


def normalise_name(name: str) -> str:
    """Compare names without case, dots or spacing: "U.N. Panel" and "UN Panel" are one body."""
    return re.sub(r"[^\w&]+", "", re.sub(r"\band\b", "&", name)).casefold()


def first_surname(name: str) -> str:
    """The first author's surname as a citation or an entry gives it: "Smith" of "Smith et al.", of
    "Smith, J., & Doe, A.", of "Smith D, Doe M", of "Smith Jr., 1982" and of "A. Smith"."""
    head = re.split(r"\s+(?:et\s+al\b|and\b|&)|,", name.strip(), maxsplit=1)[0]
    words = [w for w in head.split() if not _INITIAL.fullmatch(w)]
    return normalise_name(words[0] if words else head)


def author_count(names: str) -> int:
    """How many people a citation or an entry names: "Smith" 1, "Smith and Doe" 2, "Smith, J., & Doe,
    A." 2, "Bates D, Maechler M" 2; "et al." stands for three or more."""
    if re.search(r"\bet\s+al\b", names):
        return 3
    return max(1, len(_people(names)))


def _people(names: str) -> list[str]:
    """Each person a list of names gives, by the words that are not initials: "Pollet" and "Nettle" of
    "Pollet TV, Nettle D" and of "Pollet, T. V., & Nettle, D."."""
    parts = (part.split() for part in re.split(r"\s*(?:,|&|\band\b)\s*", names))
    named = (" ".join(w for w in words if not _INITIAL.fullmatch(w)) for words in parts)
    return [name for name in named if name]


def _years(cited: str) -> list[str]:
    """Each year a citation gives ("Honaker et al. 1998-2002"), a range written as its entry's is."""
    return [hyphenated(year) for year in _YEAR_OF_WORK.findall(cited)]


def _first_surname(ref: ParsedReference) -> str:
    return normalise_name(ref.surnames[0]) if ref.surnames else first_surname(ref.authors)


def _author_count(ref: ParsedReference) -> int:
    return len(ref.people) if ref.given_first else author_count(ref.authors)


def acronym(name: str) -> str | None:
    """The abbreviation a body's name spells ("Human Rights Watch" → "hrw"), if it has three words or more."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w.lower() not in _SMALL_WORDS]
    if len(words) < 3 or not all(w[0].isupper() for w in words):
        return None
    return "".join(w[0] for w in words).casefold()


def _same_name(a: str, b: str, close: bool) -> bool:
    return _close(a, b) if close else a == b


def _close(a: str, b: str) -> bool:
    """One letter added, dropped, changed or two swapped: "Amnesty" and "Amnsety" are one name."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 5:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]])
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


class CitationLinker:
    """Links the citations of one document's sentences, read in order, to its reference list and notes."""

    def __init__(self, references: Sequence[ParsedReference]) -> None:
        self._references = list(references)
        self._by_key: dict[tuple[str, str], int] = {}
        self._by_name: dict[str, list[int]] = {}
        self._by_label: dict[str, int] = {}
        for i, ref in enumerate(self._references):
            if ref.label is not None:
                self._by_label.setdefault(ref.label, i)
                continue
            names = {normalise_name(ref.cited_as), normalise_name(ref.authors)}
            names |= {n for n in (acronym(ref.authors), ref.abbreviation and normalise_name(ref.abbreviation)) if n}
            for name in names:
                self._by_key.setdefault((name, ref.year), i)
                self._by_name.setdefault(name, []).append(i)
        self._author_year = [i for i, ref in enumerate(self._references) if ref.label is None and ref.authors]
        # Worked out once: `_match` weighs them against every citation that is not an exact key.
        self._surnames = {i: _first_surname(self._references[i]) for i in self._author_year}
        self._author_counts = {i: min(_author_count(self._references[i]), 3) for i in self._author_year}
        # How a text names each entry's authors without a year, where they are two or more ("the strategy of
        # Pollet and Nettle", "Hothorn et al. showed"), and the entries each way of naming may stand for.
        self._unyeared = {i: pattern for i in self._author_year if (pattern := _authors_named(self._references[i]))}
        self._named_alike: dict[str, list[int]] = {}
        for i, pattern in self._unyeared.items():
            self._named_alike.setdefault(pattern.pattern, []).append(i)
        self._last: int | None = None

    def find(self, sentence: str) -> list[Citation]:
        found: list[Citation] = []
        if self._by_label:
            found.extend(self._markers(sentence))
        if "(" in sentence:
            found.extend(self._parenthetical(sentence))
        if self._author_year:
            found.extend(self._narrative(sentence, {c.reference for c in found}))
        linked = [c.reference for c in found if c.reference is not None]
        if linked:
            self._last = linked[-1]
        return found

    def _markers(self, sentence: str) -> list[Citation]:
        found: list[Citation] = []
        for match in _SUPERSCRIPT_MARKER.finditer(sentence):
            # A marker follows a word or the punctuation after it ("Rao²", "June.¹"); a raised number on a
            # lone letter, a symbol or a digit is a power ("σ²", "W−¹", "m²"), and so is one with no note.
            if not _MARKER_BASE.search(sentence, 0, match.start()):
                continue
            labels = [label for label in _labels(note_label(match.group(0))) if label in self._by_label]
            found.extend(Citation(match.group(0), self._by_label[label], "note") for label in labels)
        if self._by_label and "[" in sentence:
            for match in _BRACKET_MARKER.finditer(sentence):
                for label in _labels(match.group(1)):
                    found.append(Citation(f"[{label}]", self._by_label.get(label), "numbered"))
        return found

    def _parenthetical(self, sentence: str) -> list[Citation]:
        found: list[Citation] = []
        for group in _PARENTHESES.finditer(sentence):
            for part in group.group(1).split(";"):
                if _PAGE_ONLY.match(part):
                    if self._last is not None:
                        found.append(Citation(part.strip(), self._last, "parenthetical"))
                    continue
                work = _CITED_WORK.match(part)
                if work:
                    name = _cited_name(work.group("name").strip())
                    if _AUTHOR_NAME.match(name) and not _NOT_AUTHORS.match(name):
                        for year in _years(work.group("years")):
                            found.append(Citation(f"{name}, {year}", self._match(name, year), "parenthetical"))
                    continue
                name = part.strip()
                by_name = self._by_name.get(normalise_name(name), [])
                if len(by_name) == 1:  # a year-less citation is one only when it names a listed author
                    found.append(Citation(name, by_name[0], "parenthetical"))
        return found

    def _narrative(self, sentence: str, linked: set[int | None]) -> list[Citation]:
        found: list[Citation] = []
        for match in _NARRATIVE_YEAR.finditer(sentence):
            for year in _years(match.group("years")):  # "Cameron and Trivedi (1998, 2005)"
                chosen = self._match(match.group("name"), year)
                if chosen is not None and chosen not in linked:
                    found.append(Citation(f"{match.group('name')} ({year})", chosen, "narrative"))
                    linked.add(chosen)
        for i, pattern in self._unyeared.items():
            named = pattern.search(sentence) if i not in linked else None
            if named is not None:
                candidates = self._named_alike[pattern.pattern]
                if _choose_by_year(sentence, [self._references[j] for j in candidates], candidates) == i:
                    found.append(Citation(named.group(0), i, "narrative"))
                    linked.add(i)
        for i in self._author_year:
            if i in linked:
                continue
            ref = self._references[i]
            for name in {ref.cited_as, *(n for n in (ref.abbreviation,) if n)}:
                if _names_as_source(sentence, name):
                    candidates = self._by_name[normalise_name(name)]
                    if _choose_by_year(sentence, [self._references[j] for j in candidates], candidates) == i:
                        found.append(Citation(name, i, "narrative"))
                        linked.add(i)
                        break
        return found

    def _match(self, name: str, year: str) -> int | None:
        """The entry a cited name and year stand for, when exactly one fits."""
        exact = self._by_key.get((normalise_name(name), year))
        if exact is not None:
            return exact
        surname, count = first_surname(name), author_count(name)
        same_year = [i for i in self._author_year if self._references[i].year == year]
        for close in (False, True):
            chosen = [i for i in same_year if _same_name(self._surnames[i], surname, close)]
            if len(chosen) > 1:  # "Bates 2015" is the entry by Bates alone, not Bates and Maechler's
                chosen = [i for i in chosen if self._author_counts[i] == min(count, 3)]
            if len(chosen) == 1:
                return chosen[0]
        return None


def _cited_name(text: str) -> str:
    """The author a citation names after words that lead up to it: "GLMs, see Equation 12.3 in McCullagh
    and Nelder" → "McCullagh and Nelder"; "the car package Fox" → "Fox"."""
    leads = list(_LEAD_IN.finditer(text))
    start = leads[-1].end() if leads else 0
    if text[start : start + 1].isupper():
        return text[start:]
    capitalised = re.search(r"\b[A-Z]", text)
    return text[capitalised.start() :] if capitalised else text


def _labels(marker: str) -> list[str]:
    """The note numbers a marker names: "1,3" → 1 and 3; "2–4" → 2, 3 and 4."""
    labels: list[str] = []
    for part in re.split(r"\s*[,˒]\s*", marker.translate(str.maketrans("⁻", "-"))):
        ends = re.split(r"\s*[–-]\s*", part)
        if len(ends) == 2 and ends[0].isdigit() and ends[1].isdigit() and 0 < int(ends[1]) - int(ends[0]) <= _MAX_RANGE:
            labels.extend(str(n) for n in range(int(ends[0]), int(ends[1]) + 1))
        elif part:
            labels.append(part)
    return labels


def _authors_named(ref: ParsedReference) -> re.Pattern[str] | None:
    """How a sentence names an entry's two authors ("Pollet and Nettle") or its three or more ("Hothorn et
    al."), which cites the work without its year; None for one author, whose surname alone may be any word."""
    surnames = _surnames(ref)
    if len(surnames) == 2:
        return re.compile(rf"\b{re.escape(surnames[0])}\s+(?:and|&)\s+{re.escape(surnames[1])}\b")
    if len(surnames) > 2:
        return re.compile(rf"\b{re.escape(surnames[0])}\s+et\s+al\b")
    return None


def _surnames(ref: ParsedReference) -> list[str]:
    """The entry's authors' surnames as written."""
    return ref.surnames or _people(ref.authors)


def _names_as_source(sentence: str, name: str) -> bool:
    n = re.escape(name)
    patterns = (
        rf"\baccording to (?:the )?{n}\b",
        rf"\b{n}(?:['’]s)? (?:{_REPORTING_VERBS})\b",
        rf"\b(?:reports?|stud(?:y|ies)|data|analysis|figures|research) (?:by|from|of) (?:the )?{n}\b",
        rf"\b(?:a|an|the|in (?:a|its)) (?:\d{{4}} )?{n} (?:report|study|analysis|survey|estimate)\b",
        rf"\b{n}['’]s (?:\d{{4}} )?(?:report|study|research|analysis|survey|data|findings)\b",
    )
    return any(re.search(p, sentence) for p in patterns)


def _choose_by_year(sentence: str, refs: list[ParsedReference], indexes: list[int]) -> int | None:
    """One entry by that author is the one; several are told apart by a year the sentence gives."""
    if len(indexes) == 1:
        return indexes[0]
    matching = [i for ref, i in zip(refs, indexes, strict=True) if re.search(rf"\b{ref.year}\b", sentence)]
    return matching[0] if len(matching) == 1 else None
