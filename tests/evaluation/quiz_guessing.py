"""How guessable a pool of quiz questions is: the score of strategies that never read the sources.

Each strategy picks from a question's options and text alone: the option the others are multiples of,
the middle value, the option the prompt already names, the longest, the shortest. Where it picks several
(a tie) or none applies, it scores its share of a random pick among them, so every strategy is at least
as good as chance on every question and no better than it where it has nothing to go on.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.content.engine import StudyEngine
from bot.content.models import Difficulty, QuizQuestion

DIFFICULTIES: tuple[Difficulty, ...] = ("easy", "normal", "hard")
_SIMPLE_RATIOS = (0.25, 0.5, 0.75, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 10.0)
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_WORD_NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
}

Strategy = Callable[[QuizQuestion], list[int]]


def _value(option: str) -> float | None:
    found = _NUMBER.search(option)
    if found:
        return float(found.group(0).replace(",", ""))
    return _WORD_NUMBERS.get(option.casefold().split("-")[0])


def _values(question: QuizQuestion) -> list[float] | None:
    values = [_value(o) for o in question.options]
    return None if any(v is None for v in values) else [v for v in values if v is not None]


def multiples(question: QuizQuestion) -> list[int]:
    """The options the most others stand to in a simple ratio (half, double, triple...)."""
    values = _values(question)
    if values is None or 0 in values:
        return []
    related = [
        sum(any(abs(o / v - r) <= 0.02 * r for r in _SIMPLE_RATIOS) for j, o in enumerate(values) if j != i)
        for i, v in enumerate(values)
    ]
    best = max(related)
    return [i for i, n in enumerate(related) if n == best] if best else []


def middle(question: QuizQuestion) -> list[int]:
    values = _values(question)
    if values is None or len(values) < 3:
        return []
    order = sorted(range(len(values)), key=values.__getitem__)
    return order[1:-1]


def named_in_prompt(question: QuizQuestion) -> list[int]:
    """The options the prompt names, or whose author or year it names ("Park, 2015")."""
    text = f"{question.context or ''} {question.prompt}"
    return [i for i, o in enumerate(question.options) if any(_stands_in(part, text) for part in o.split(", "))]


def _stands_in(part: str, text: str) -> bool:
    return re.search(rf"(?<![\w.,]){re.escape(part)}(?![\w]|[.,]\d)", text, re.IGNORECASE) is not None


def longest(question: QuizQuestion) -> list[int]:
    most = max(map(len, question.options))
    return [i for i, o in enumerate(question.options) if len(o) == most]


def shortest(question: QuizQuestion) -> list[int]:
    least = min(map(len, question.options))
    return [i for i, o in enumerate(question.options) if len(o) == least]


STRATEGIES: dict[str, Strategy] = {
    "the one the others are multiples of": multiples,
    "the middle value": middle,
    "the one the prompt names": named_in_prompt,
    "the longest": longest,
    "the shortest": shortest,
}


def expected_score(strategy: Strategy, question: QuizQuestion) -> float:
    picks = strategy(question) or list(range(len(question.options)))
    return (question.answer in picks) / len(picks)


@dataclass(frozen=True, slots=True)
class Guessability:
    questions: int
    chance: float
    by_strategy: dict[str, float]

    @property
    def best(self) -> tuple[str, float]:
        return max(self.by_strategy.items(), key=lambda item: item[1])


def guessability(questions: Iterable[QuizQuestion]) -> Guessability:
    pool = list(questions)
    n = max(len(pool), 1)
    return Guessability(
        questions=len(pool),
        chance=sum(1 / len(q.options) for q in pool) / n,
        by_strategy={name: sum(expected_score(s, q) for q in pool) / n for name, s in STRATEGIES.items()},
    )


def question_pool(engine: StudyEngine, *, seeds: int, count: int = 20) -> list[QuizQuestion]:
    """Every distinct question the engine asks over `seeds` quizzes of each difficulty: one per kind and
    quote (the same question with other wrong options, or true once and false once, counts once)."""
    pool: dict[tuple[str, str], QuizQuestion] = {}
    for seed in range(seeds):
        for difficulty in DIFFICULTIES:
            for question in engine.quiz(count=count, seed=seed, difficulty=difficulty).questions:
                pool.setdefault((question.kind, question.quote), question)
    return list(pool.values())


def kinds(pool: Iterable[QuizQuestion]) -> Counter[str]:
    return Counter(q.kind for q in pool)
