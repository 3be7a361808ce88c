"""Score what the engine reads of the evaluation documents against their ground truth (see README.md).

Each document is ingested as the bot ingests it; its body sentences are what every answer quotes.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
import pypdf
import yaml
from markdown_it import MarkdownIt
from pydantic import BaseModel, Field
from pylatexenc.latex2text import LatexNodes2Text

from bot.content.engine import StudyEngine
from bot.content.ingest import IngestedDocument, IngestedSentence, ingest_file
from bot.content.models import QuizQuestion
from bot.content.quiz import BLANK
from bot.content.sources import SourceFile
from bot.errors import NothingFoundError

FOLDER = Path(__file__).parent
_MAX_RUNS = 3
_RUNNING_HEAD_PAGES = 3
# TeX's fonts without a character map give their ligatures as these codes; a reader sees the letters.
_TEX_LIGATURES = str.maketrans({"\x1b": "ff", "\x1c": "fi", "\x1d": "fl", "\x1e": "ffi", "\x1f": "ffl"})
DOCUMENTS = FOLDER / "documents"
# MathJax shows a page's inline TeX typeset ("\\(\\mu\\)" as "μ"); pylatexenc gives that text.
_INLINE_TEX = re.compile(r"\\\((.+?)\\\)", re.DOTALL)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
TRUTH = FOLDER / "truth"


class StatisticsTruth(BaseModel):
    sentence: str
    values: list[str]


class CitationTruth(BaseModel):
    sentence: str
    style: str
    cites: list[str]


class Truth(BaseModel):
    document: str
    held_out: bool
    origin: str
    licence: str
    furniture: list[str] = Field(default_factory=list[str])
    body: list[str] = Field(default_factory=list[str])
    statistics: list[StatisticsTruth] = Field(default_factory=list[StatisticsTruth])
    citations: list[CitationTruth] = Field(default_factory=list[CitationTruth])


def truths() -> list[Truth]:
    return [Truth.model_validate(yaml.safe_load(p.read_text(encoding="utf-8"))) for p in sorted(TRUTH.glob("*.yaml"))]


def letters(text: str) -> str:
    """Text reduced to its letters and digits, case folded: compares words in order whatever the spacing,
    hyphenation, punctuation, accents and markup between them ("¹" is "1", "ﬁ" is "fi")."""
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return "".join(c for c in folded if c.isalnum() and unicodedata.category(c) not in ("Lm", "Mn"))


def as_written(sentence: str, oracle: str) -> bool:
    """The sentence's words stand in the source in this order, in at most three runs: a sentence a page
    break, its running header and its footnotes interrupt is still the source's own words."""
    words = [w for w in (letters(w) for w in sentence.split()) if w]
    return _runs_greedily(words, oracle) <= _MAX_RUNS or _fits_in_runs(words, oracle)


def _runs_greedily(words: list[str], oracle: str) -> int:
    """How many runs the longest pieces found first make (more than the limit where a piece is missing)."""
    position, runs, i = 0, 0, 0
    while i < len(words):
        j = len(words)
        while j > i and oracle.find("".join(words[i:j]), position) < 0:
            j -= 1
        if j == i:
            return _MAX_RUNS + 1
        position = oracle.find("".join(words[i:j]), position) + len("".join(words[i:j]))
        runs, i = runs + 1, j
    return runs


def _fits_in_runs(words: list[str], oracle: str) -> bool:
    """The exact test the greedy one approximates: some split of the words into at most three runs stands
    in the source in order ("A" / a page's header / "United Nations peacekeeping force ...", where "A United
    Nations" also stands later in the source and misleads the greedy reading). For each number of words
    covered, keeps the earliest place the runs so far can end: a piece's first place after it is best."""
    earliest: dict[int, int] = {0: 0}
    for _ in range(_MAX_RUNS):
        reached: dict[int, int] = {}
        for i, position in earliest.items():
            for j in range(i + 1, len(words) + 1):
                piece = "".join(words[i:j])
                found = oracle.find(piece, position)
                if found < 0:
                    break  # a longer piece starting here cannot stand in the source either
                end = found + len(piece)
                if end < reached.get(j, len(oracle) + 1):
                    reached[j] = end
        if len(words) in reached:
            return True
        earliest = reached
    return False


def independent_text(path: Path) -> str:
    """What a reader sees of the file, by other means than the engine's readers: pypdf for a PDF, lxml for a
    web page, the CommonMark rendering for Markdown, the file itself for plain text."""
    if path.suffix == ".pdf":
        pages = [page.extract_text().translate(_TEX_LIGATURES).split("\n") for page in pypdf.PdfReader(path).pages]
        return "\n".join(line for page in _without_running_heads(pages) for line in page)
    if path.suffix == ".html":
        # lxml takes no text with an XML declaration (an XHTML page's first line); the words follow it
        page = _XML_DECLARATION.sub("", path.read_text(encoding="utf-8"), count=1)
        text = lxml.html.fromstring(page).text_content()
        return _INLINE_TEX.sub(lambda tex: LatexNodes2Text().latex_to_text(tex.group(1)), text)
    if path.suffix == ".md":
        return lxml.html.fromstring(MarkdownIt("commonmark").render(path.read_text(encoding="utf-8"))).text_content()
    return path.read_text(encoding="utf-8")


def _without_running_heads(pages: list[list[str]]) -> list[list[str]]:
    """A page's first and last line when, digits aside, three pages or more begin or end on it: a running
    header or footer, which a page break would otherwise put inside a sentence (or a word: "distri-" /
    "bution")."""

    def key(line: str) -> str:
        return re.sub(r"\d+", "#", line.strip())

    seen = Counter(key(page[k]) for page in pages if page for k in {0, len(page) - 1})
    repeated = {line for line, count in seen.items() if count >= _RUNNING_HEAD_PAGES}
    kept: list[list[str]] = []
    for page in pages:
        lines = list(page)
        if lines and key(lines[0]) in repeated:
            lines = lines[1:]
        if lines and key(lines[-1]) in repeated:
            lines = lines[:-1]
        if lines and lines[-1].endswith("-"):
            lines[-1] = lines[-1][:-1]  # a word the page break cut goes on on the next page
        kept.append(lines)
    return kept


@dataclass
class Tally:
    found: int = 0
    total: int = 0

    def add(self, hits: int, out_of: int) -> None:
        self.found += hits
        self.total += out_of

    @property
    def share(self) -> float:
        return self.found / self.total if self.total else 1.0

    def __str__(self) -> str:
        return f"{self.share:.2f} ({self.found}/{self.total})"


@dataclass
class Scores:
    sentences: Tally = field(default_factory=Tally)  # found: sentences free of furniture
    verbatim: Tally = field(default_factory=Tally)
    body: Tally = field(default_factory=Tally)
    statistics_precision: Tally = field(default_factory=Tally)
    statistics_recall: Tally = field(default_factory=Tally)
    citations: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    quiz: Tally = field(default_factory=Tally)
    problems: list[str] = field(default_factory=list[str])


def ingest(truth: Truth) -> IngestedDocument:
    path = DOCUMENTS / truth.document
    document = ingest_file(SourceFile(path, path.stem, path.name))
    assert isinstance(document, IngestedDocument), document
    return document


def score(truth: Truth, document: IngestedDocument, scores: Scores) -> None:
    name = truth.document
    oracle = letters(independent_text(DOCUMENTS / name))
    for sentence in document.sentences:
        furniture = [f for f in truth.furniture if f in sentence.text]
        scores.sentences.add(0 if furniture else 1, 1)
        if furniture:
            scores.problems.append(f"{name}: furniture {furniture} in “{sentence.text[:120]}”")
        verbatim = as_written(sentence.text, oracle)
        scores.verbatim.add(int(verbatim), 1)
        if not verbatim:
            scores.problems.append(f"{name}: not in the source as written: “{sentence.text[:120]}”")
    for snippet in truth.body:
        read = _sentence_with(document, snippet) is not None
        scores.body.add(int(read), 1)
        if not read:
            scores.problems.append(f"{name}: body text not read: “{snippet}”")
    for expected in truth.statistics:
        _score_statistics(name, expected, _sentence_with(document, expected.sentence), scores)
    for expected in truth.citations:
        _score_citations(name, expected, document, scores)


def _sentence_with(document: IngestedDocument, snippet: str) -> IngestedSentence | None:
    wanted = letters(snippet)
    return next((s for s in document.sentences if wanted in letters(s.text)), None)


def _same_value(found: str, expected: str) -> bool:
    """The engine's value and the truth's agree when one holds the other (a qualifier or unit more or less)."""
    a, b = letters(found), letters(expected)
    return bool(a) and bool(b) and (a in b or b in a)


def _score_statistics(name: str, expected: StatisticsTruth, sentence: IngestedSentence | None, scores: Scores) -> None:
    found = [s.value for s in sentence.statistics] if sentence else []
    right = [v for v in found if any(_same_value(v, e) for e in expected.values)]
    recalled = [e for e in expected.values if any(_same_value(v, e) for v in found)]
    scores.statistics_precision.add(len(right), len(found))
    scores.statistics_recall.add(len(recalled), len(expected.values))
    if sentence is None:
        scores.problems.append(f"{name}: no sentence holds “{expected.sentence}”")
    elif len(right) < len(found) or len(recalled) < len(expected.values):
        scores.problems.append(f"{name}: statistics {found}, expected {expected.values} in “{sentence.text[:100]}”")


def _score_citations(name: str, expected: CitationTruth, document: IngestedDocument, scores: Scores) -> None:
    sentence = _sentence_with(document, expected.sentence)
    cited = [c.reference for c in sentence.citations if c.reference is not None] if sentence else []
    linked = [document.references[i].text for i in cited]
    for cite in expected.cites:
        hit = any(letters(cite) in letters(text) for text in linked)
        scores.citations[expected.style].add(int(hit), 1)
        if not hit:
            where = f"“{sentence.text[:90]}”" if sentence else f"(no sentence holds “{expected.sentence}”)"
            scores.problems.append(f"{name}: {expected.style} citation of “{cite}” not linked in {where}")


def report(scores: Scores, label: str) -> list[str]:
    lines = [
        f"{label}: answers free of furniture {scores.sentences}, quoted as written {scores.verbatim}, "
        f"body read {scores.body}",
        f"{label}: statistics precision {scores.statistics_precision}, recall {scores.statistics_recall}",
        f"{label}: citations linked "
        + ", ".join(f"{style} {tally}" for style, tally in sorted(scores.citations.items())),
    ]
    if scores.quiz.total:
        lines.append(f"{label}: quiz questions valid {scores.quiz}")
    return lines


def quiz_validity(engine: StudyEngine, truth_by_document: dict[str, Truth], scores: Scores, *, quizzes: int) -> None:
    """Every question of `quizzes` quizzes of ten: its quote (and the sentence shown before it) is the
    source's own, free of furniture, and its right answer is what that sentence says (what fills the blank,
    the work it cites, or whether the statement is the sentence word for word); no wrong option is."""
    oracles: dict[str, str] = {}
    seen: set[str] = set()
    titled = {s.document.title: s.document.path for s in engine.sources().sources if not s.document.title_is_opening}

    def oracle(path: str) -> str:
        if path not in oracles:
            oracles[path] = letters(independent_text(DOCUMENTS / path))
        return oracles[path]

    for seed in range(1, quizzes + 1):
        try:
            questions = engine.quiz(count=10, seed=seed).questions
        except NothingFoundError:
            return
        for question in questions:
            if question.prompt in seen:
                continue
            seen.add(question.prompt)
            path = question.document.path
            problem = _question_problem(question, truth_by_document[path], oracle(path))
            if problem is None and question.kind == "document":
                others = [titled[o] for i, o in enumerate(question.options) if i != question.answer]
                if any(letters(question.quote) in oracle(other) for other in others):
                    problem = "a wrong document says it too"
            scores.quiz.add(0 if problem else 1, 1)
            if problem:
                scores.problems.append(f"{path}: quiz question “{question.prompt[:100]}”: {problem}")


def _question_problem(question: QuizQuestion, truth: Truth, oracle: str) -> str | None:
    if any(f in question.quote for f in truth.furniture):
        return "quotes furniture"
    if not as_written(question.quote, oracle):
        return "its quote is not the source's words"
    if question.context and (
        any(f in question.context for f in truth.furniture) or not as_written(question.context, oracle)
    ):
        return "the sentence shown before its quote is not the source's words"
    right = question.options[question.answer]
    if question.kind == "document":
        return None if right == question.document.title else f"“{right}” is not the quote's document"
    if question.kind == "figures":
        figure = question.prompt.split("“", 1)[1].split("”", 1)[0]
        if right.replace(BLANK, figure) != question.quote:
            return f"the figure “{figure}” does not give the quote back in the right fact"
        if any(letters(w.replace(BLANK, figure)) in oracle for w in question.options if w != right):
            return "the figure fits a wrong fact too"
        return None
    if question.kind == "statement":
        statement = question.prompt.removeprefix("True or false? ").split("\n", 1)[0]
        if (statement == question.quote) != (right == "True"):
            return f"the statement is {'not ' if right == 'True' else ''}the source's sentence, yet “{right}” is right"
        return None
    if question.kind != "source":
        blanked = question.prompt.split("“", 1)[1].rsplit("”", 1)[0]
        if blanked.replace(BLANK, right) != question.quote:
            return f"the right answer “{right}” does not give the quote back"
        if any(blanked.replace(BLANK, wrong) == question.quote for wrong in question.options if wrong != right):
            return "a wrong option also gives the quote back"
        return None
    key = question.reference.key if question.reference else ""
    if right not in (key, key.rsplit(", ", 1)[0]) or right not in question.quote:
        return f"the right answer “{right}” is not the work the quote cites"
    if any(f"({wrong}" in question.quote for wrong in question.options if wrong != right):
        return "a wrong option is cited by the quote too"
    return None
