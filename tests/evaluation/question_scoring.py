"""Score search on the question set (questions.yaml): recall@3 (the answering sentence among the top
three) and MRR (1/rank of the first answering sentence in the top ten), development and held-out
questions apart, for each way of searching."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import yaml
from pydantic import BaseModel

from bot.content.engine import StudyEngine
from bot.content.index.build import open_index
from bot.content.index.search import Analyzer
from bot.content.topics import load_topics
from bot.errors import StudybotError
from tests.evaluation.scoring import DOCUMENTS, FOLDER

PROJECT = FOLDER.parents[1]
# Speeches only the questions speak of (no truth of their own, so kept out of the reading set's `documents/`).
QUESTIONS_ONLY = FOLDER / "question_documents"
_RANKS = 10


class Found(Protocol):
    """A search result: a passage, or a stored sentence."""

    @property
    def text(self) -> str: ...


class Question(BaseModel):
    question: str
    passages: list[str]
    held_out: bool = False


class QuestionSet(BaseModel):
    documents: list[str]
    questions: list[Question]


@dataclass
class SearchScores:
    found_in_3: int = 0
    reciprocal_ranks: float = 0.0
    asked: int = 0
    missed: list[str] = field(default_factory=list[str])

    def add(self, question: Question, results: Sequence[Found]) -> None:
        rank = next(
            (i + 1 for i, r in enumerate(results[:_RANKS]) if any(p in r.text for p in question.passages)), None
        )
        self.asked += 1
        self.found_in_3 += rank is not None and rank <= 3
        self.reciprocal_ranks += 1 / rank if rank else 0.0
        if rank is None or rank > 3:
            self.missed.append(question.question)

    @property
    def recall_at_3(self) -> float:
        return self.found_in_3 / self.asked if self.asked else 0.0

    @property
    def mrr(self) -> float:
        return self.reciprocal_ranks / self.asked if self.asked else 0.0

    def line(self, label: str) -> str:
        return f"{label}: recall@3 {self.recall_at_3:.3f} ({self.found_in_3}/{self.asked}), MRR {self.mrr:.3f}"


def question_set() -> QuestionSet:
    """The questions; every other one (the second, the fourth, ...) is held out."""
    data = QuestionSet.model_validate(yaml.safe_load((FOLDER / "questions.yaml").read_text(encoding="utf-8")))
    for i, question in enumerate(data.questions):
        question.held_out = i % 2 == 1
    return data


def other_language_questions() -> list[Question]:
    """The first questions of the set asked in French, Spanish, German and Portuguese; every other one
    held out, as in the set."""
    data = yaml.safe_load((FOLDER / "questions_other_languages.yaml").read_text(encoding="utf-8"))
    questions = [Question.model_validate(q) for q in data["questions"]]
    for i, question in enumerate(questions):
        question.held_out = i % 2 == 1
    return questions


def questions_library(folder: Path, documents: list[str]) -> Path:
    """The seeds and the question set's documents (from the reading set, or read for questions only),
    copied into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in (PROJECT / "seeds").iterdir():
        if path.is_file():
            shutil.copy(path, folder / path.name)
    for name in documents:
        shutil.copy(DOCUMENTS / name if (DOCUMENTS / name).exists() else QUESTIONS_ONLY / name, folder / name)
    return folder


def questions_engine(sources: Path, index: Path, analyzer: Analyzer = "stemmed") -> StudyEngine:
    return StudyEngine(
        open_index(sources, index_dir=index, analyzer=analyzer, progress=False),
        load_topics(PROJECT / "config" / "topics.yaml"),
    )


def score_search(
    questions: list[Question], search: Callable[[str], Sequence[Found]]
) -> tuple[SearchScores, SearchScores]:
    """Development and held-out scores of one way of searching."""
    development, held_out = SearchScores(), SearchScores()
    for question in questions:
        try:
            results: Sequence[Found] = search(question.question)
        except StudybotError:
            results = []
        (held_out if question.held_out else development).add(question, results)
    return development, held_out
