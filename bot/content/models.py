"""The answers the content engine gives: pydantic models every renderer (CLI, Discord, playground) shows."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl


class SourceMeta(BaseModel):
    """A source's sidecar (`NAME.meta.yaml`): what is known about it beyond its text."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = None
    author: str | None = None
    published: date | None = None
    publisher: str | None = None
    url: HttpUrl | None = None
    language: str | None = Field(default=None, pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


class DocumentInfo(BaseModel):
    """The document a sentence comes from: the source of every answer."""

    id: str
    title: str
    title_is_opening: bool = Field(
        default=False, description="True when the source names no title and its opening words stand in."
    )
    author: str | None = None
    published: date | None = None
    publisher: str | None = None
    url: str | None = None
    language: str | None = None
    path: str
    format: str = Field(default="text", description="How the file was read: text, markdown, html, pdf or docx.")
    pages: int | None = Field(default=None, description="The number of pages, for a PDF.")

    @property
    def name(self) -> str:
        """What an answer calls the document: its title, or its file's name when it gives no title."""
        return self.id if self.title_is_opening else self.title


class ReferenceInfo(BaseModel):
    """An entry of a document's reference list."""

    key: str = Field(description='Short form as cited inline, e.g. "United Nations, 2014".')
    text: str = Field(description="The full entry as it stands in the reference list.")
    authors: str
    year: str
    title: str | None = None
    publisher: str | None = None


class Quote(BaseModel):
    """A sentence quoted verbatim from a document, with the reference that backs it if it cites one."""

    text: str
    document: DocumentInfo
    page: int | None = Field(default=None, description="The page the sentence starts on, for a PDF.")
    section: str | None = Field(
        default=None, description='The numbered section the sentence stands in, by its heading ("Article 19").'
    )
    offset: int | None = Field(
        default=None, description="Where the sentence starts in the text read from the file, in characters."
    )
    reference: ReferenceInfo | None = None
    references: list[ReferenceInfo] = Field(default_factory=list[ReferenceInfo])


class Passage(Quote):
    """A quoted sentence that answers a search or supports a claim, with how well it does (higher first)."""

    score: float


class SearchAnswer(BaseModel):
    query: str
    results: list[Passage]


StatisticKind = Literal["percent", "money", "count", "multiple"]


class Statistic(BaseModel):
    """A number that carries information, as the source writes it, with the sentence around it."""

    value: str = Field(description='The number as written, with its qualifier: "over 120,000", "40%".')
    number: float = Field(description="The value as a number, for comparing scale.")
    kind: StatisticKind
    counts: str | None = Field(description="What the number counts, in the source's words.")
    year: int | None = None
    quote: str
    document: DocumentInfo
    page: int | None = None
    section: str | None = Field(default=None, description='The numbered section of its sentence ("Article 19").')
    reference: ReferenceInfo | None = None


class StatsAnswer(BaseModel):
    topic: str | None = None
    stats: list[Statistic]


class SummaryAnswer(BaseModel):
    topic: str
    sentences: list[Quote]

    def numbered_references(self) -> tuple[list[int | None], list[ReferenceInfo]]:
        """Each sentence's number in the reference list under the summary (None when it cites nothing),
        and that list: each reference once, numbered in the order the sentences first cite it."""
        notes: list[ReferenceInfo] = []
        numbers: list[int | None] = []
        for sentence in self.sentences:
            if sentence.reference is not None and sentence.reference not in notes:
                notes.append(sentence.reference)
            numbers.append(None if sentence.reference is None else notes.index(sentence.reference) + 1)
        return numbers, notes

    def by_document(self) -> list[tuple[DocumentInfo, list[str]]]:
        """Each document with its sentences, each followed by its reference's number ("… [2]"), in the
        summary's order, which keeps a document's sentences together: what a reader sees as a paragraph
        under the document's name."""
        numbers, _ = self.numbered_references()
        groups: list[tuple[DocumentInfo, list[str]]] = []
        for sentence, number in zip(self.sentences, numbers, strict=True):
            if not groups or groups[-1][0].id != sentence.document.id:
                groups.append((sentence.document, []))
            groups[-1][1].append(sentence.text + (f" [{number}]" if number else ""))
        return groups


Verdict = Literal["supported", "contradicted", "related", "none"]
Relation = Literal["supports", "contradicts", "related"]


class ClaimMatch(Passage):
    """A sentence that bears on a claim, and how: it states it, contradicts it, or is on its subject."""

    relation: Relation
    differs: str | None = Field(
        default=None,
        description="Where it contradicts the claim, the source's own words for it: the figure it gives "
        "(“over 120,000”), its negation (“never”) or the opposing word (“collapse”).",
    )


class CiteAnswer(BaseModel):
    """Whether the sources back a claim: `supported` only when a sentence states it (same figures, same
    polarity, the claim's content covered), `contradicted` when one on the same thing says otherwise,
    `related` when sentences speak of its subject without confirming it, `none` when nothing does."""

    claim: str
    verdict: Verdict
    matches: list[ClaimMatch]


QuestionKind = Literal["number", "source", "name", "term", "year", "statement", "document", "figures"]
Difficulty = Literal["easy", "normal", "hard"]


# A question's options (four, or two for true or false) are shown, and answered, by letter.
OPTION_LETTERS = "ABCD"


class QuizQuestion(BaseModel):
    kind: QuestionKind
    key: str = Field(
        description='Which question this is, kind and sentence: "term:45". A server is not asked it again '
        "until the questions on its topic run out."
    )
    prompt: str
    context: str | None = Field(
        default=None, description="The sentence before the quote, shown first when the quote's meaning hangs on it."
    )
    options: list[str] = Field(min_length=2, max_length=4)
    answer: int = Field(ge=0, le=3)
    quote: str = Field(description="The source sentence that contains the right answer.")
    explanation: str
    document: DocumentInfo
    page: int | None = None
    section: str | None = Field(default=None, description='The numbered section of its sentence ("Article 19").')
    reference: ReferenceInfo | None = None


class QuizAnswer(BaseModel):
    topic: str | None = None
    difficulty: Difficulty = "normal"
    seed: int
    questions: list[QuizQuestion]
    started_over: bool = Field(
        default=False,
        description="The questions not yet asked ran out, so this quiz also asks some again: the round starts over.",
    )


class Fact(BaseModel):
    key: str = Field(description='A stable id for this fact, e.g. "stat:12" or "cite:40".')
    quote: str
    document: DocumentInfo
    page: int | None = None
    section: str | None = Field(default=None, description='The numbered section of its sentence ("Article 19").')
    reference: ReferenceInfo | None = None
    statistic: str | None = Field(default=None, description="The statistic the fact is about, if any.")


class FactAnswer(BaseModel):
    seed: int
    fact: Fact


class TopicInfo(BaseModel):
    id: str
    name: str
    description: str | None = None
    origin: Literal["curated", "corpus"]
    keywords: list[str]
    documents: int
    passages: int


class TopicsAnswer(BaseModel):
    topics: list[TopicInfo]


class SourceSummary(BaseModel):
    """What the bot understood of one source file."""

    document: DocumentInfo
    sentences: int
    statistics: int
    references: list[ReferenceInfo] = Field(description="Its reference list and its notes.")
    set_aside: dict[str, int] = Field(
        default_factory=dict[str, int],
        description="What was not read as body text, and how much: headers and footers, footnotes, markup...",
    )
    unlinked_citations: list[str] = Field(
        default_factory=list[str], description="Citations in the text that match no entry of its references."
    )


class SourcesAnswer(BaseModel):
    sources: list[SourceSummary]
    skipped: list[str] = Field(default_factory=list, description="Files in the sources folder not loaded.")
