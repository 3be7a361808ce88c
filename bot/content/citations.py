"""Find the citations a sentence makes and link each to its entry in the document's reference list.

Two shapes: parenthetical, "(United Nations, 2014)" or "(Park, 2015; BBC, 2019)", and narrative,
where the sentence names a cited author as its source: "according to Chainalysis", "The World Food
Programme estimates", "A 2023 Human Rights Watch report". A mere mention of a body that also wrote a
cited report ("The United Nations ... have implemented sanctions") is not a citation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from bot.content.references import ParsedReference, citation_name

# A bracket holding a citation is short; bounding it keeps a stray "(" before pages of text from being
# scanned again for every year in them.
_PARENTHETICAL = re.compile(r"\(([^()]{0,300}?\d{4}[a-z]?|[^()]{0,300}?n\.d\.)\)")
_CITED_WORK = re.compile(
    r"^\s*(?:see\s+|e\.g\.,?\s+|cf\.\s+)?(?P<name>.+?),?\s+(?P<year>\d{4}[a-z]?|n\.d\.)(?:,\s*p+\.\s*[\d-]+)?\s*$"
)
_AUTHOR_NAME = re.compile(r"^[A-Z][\w.'’&,\- ]{0,100}$")
_REPORTING_VERBS = (
    r"estimates?|estimated|reports?|reported|finds|found|notes?|noted|says|said|states?|stated|warns?|warned"
    r"|highlights?|highlighted|shows?|showed|documents?|documented|argues?|argued|concludes?|concluded"
)


@dataclass(frozen=True, slots=True)
class Citation:
    """A citation in a sentence; `reference` is the index of its entry, None when the list has none."""

    cited: str
    reference: int | None
    kind: Literal["parenthetical", "narrative"]


def normalise_name(name: str) -> str:
    """Compare names without case, dots or spacing: "U.N. Panel" and "UN Panel" are one body."""
    return re.sub(r"[^\w&]+", "", re.sub(r"\band\b", "&", name)).casefold()


class CitationLinker:
    """Links the citations of one document's sentences to that document's reference list."""

    def __init__(self, references: Sequence[ParsedReference]) -> None:
        self._references = list(references)
        self._by_key: dict[tuple[str, str], int] = {}
        self._by_name: dict[str, list[int]] = {}
        for i, ref in enumerate(self._references):
            name = normalise_name(citation_name(ref.authors))
            self._by_key[(name, ref.year)] = i
            self._by_name.setdefault(name, []).append(i)

    def find(self, sentence: str) -> list[Citation]:
        found: list[Citation] = []
        if "(" in sentence:
            for group in _PARENTHETICAL.finditer(sentence):
                for part in group.group(1).split(";"):
                    work = _CITED_WORK.match(part)
                    if not work or not _AUTHOR_NAME.match(work.group("name").strip()):
                        continue
                    name, year = work.group("name").strip(), work.group("year")
                    ref = self._by_key.get((normalise_name(name), year))
                    found.append(Citation(f"{name}, {year}", ref, "parenthetical"))

        linked = {c.reference for c in found}
        for i, ref in enumerate(self._references):
            if i in linked:
                continue
            name = citation_name(ref.authors)
            if _names_as_source(sentence, name):
                candidates = self._by_name[normalise_name(name)]
                chosen = _choose_by_year(sentence, [self._references[j] for j in candidates], candidates)
                if chosen == i:
                    found.append(Citation(name, i, "narrative"))
        return found


def _names_as_source(sentence: str, name: str) -> bool:
    n = re.escape(name)
    patterns = (
        rf"\baccording to (?:the )?{n}\b",
        rf"\b{n}(?:['’]s)? (?:{_REPORTING_VERBS})\b",
        rf"\b(?:reports?|stud(?:y|ies)|data|analysis|figures|research) (?:by|from|of) (?:the )?{n}\b",
        rf"\b(?:a|an|the|in (?:a|its)) (?:\d{{4}} )?{n} (?:report|study|analysis|survey|estimate)\b",
    )
    return any(re.search(p, sentence) for p in patterns)


def _choose_by_year(sentence: str, refs: list[ParsedReference], indexes: list[int]) -> int | None:
    """One entry by that author is the one; several are told apart by a year the sentence gives."""
    if len(indexes) == 1:
        return indexes[0]
    matching = [i for ref, i in zip(refs, indexes, strict=True) if re.search(rf"\b{ref.year}\b", sentence)]
    return matching[0] if len(matching) == 1 else None
