"""Multiple-choice questions from the sources: fill in a statistic, or name the source a claim cites.

Every question has four distinct options, exactly one right, and quotes the sentence that holds
the right answer. The same seed gives the same questions.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable, Sequence

from bot.content.distractors import number_distractors, number_style
from bot.content.index.store import Store, StoredSentence, StoredStatistic
from bot.content.models import Difficulty, QuizQuestion, ReferenceInfo

TOPIC_CANDIDATES = 200
BLANK = "____"
_CANDIDATES_PER_QUESTION = 6
_MIN_PROMPT_CHARS = 40
_PARENTHETICAL = re.compile(r"\s*\([^()]*\b\d{4}[a-z]?\)")
_REFERENCE_POOL = 200


def generate(
    store: Store,
    rng: random.Random,
    *,
    count: int,
    scope: Sequence[StoredSentence] | None,
    difficulty: Difficulty = "normal",
) -> list[QuizQuestion]:
    """Questions alternating between kinds; harder quizzes have closer wrong numbers and, for sources,
    wrong answers from the same reference list rather than any."""
    wanted = count * _CANDIDATES_PER_QUESTION
    if scope is None:
        total = store.count("statistics")
        statistics = store.statistics_by_id(rng.sample(range(1, total + 1), min(total, wanted)))
        cited_ids = store.cited_sentence_ids()
        cited = store.sentences(rng.sample(cited_ids, min(len(cited_ids), wanted)))
    else:
        statistics = store.statistics([s.id for s in scope])
        rng.shuffle(statistics)
        cited = [s for s in scope if s.references]
        rng.shuffle(cited)
    sentences = {s.id: s for s in store.sentences(sorted({s.sentence for s in statistics}))}

    builders: list[list[Callable[[], QuizQuestion | None]]] = [
        [lambda s=s: number_question(s, sentences[s.sentence], rng, difficulty) for s in statistics],
        [lambda s=s: source_question(s, store, rng, difficulty) for s in cited],
    ]
    questions: list[QuizQuestion] = []
    used: set[str] = set()
    turn = rng.randrange(2)
    while len(questions) < count and any(builders):
        queue = builders[turn] or builders[1 - turn]
        turn = 1 - turn
        question = queue.pop(0)()
        if question is not None and question.quote not in used:
            used.add(question.quote)
            questions.append(question)
    return questions


def number_question(
    stat: StoredStatistic, sentence: StoredSentence, rng: random.Random, difficulty: Difficulty = "normal"
) -> QuizQuestion | None:
    if stat.kind == "count" and stat.counts is None:
        return None  # "the two of them": a number with nothing said of what it counts makes no question
    if has_mathematics(sentence.text):
        return None  # "L′β = ____": a quiz asks about what a source says, not about its equations
    style = number_style(stat.value)
    where = re.search(rf"(?<![\w$€£.,]){re.escape(stat.value)}(?![\w]|[.,]\d)", sentence.text)
    if style is None or where is None:
        return None
    core_start = where.start() + stat.value.index(style.core)
    blanked = sentence.text[:core_start] + BLANK + sentence.text[core_start + len(style.core) :]
    wrong = number_distractors(style, rng, avoid=sentence.text, difficulty=difficulty)
    if wrong is None:
        return None
    options, answer = _shuffled(style.core, wrong, rng)
    reference = sentence.reference
    counts = f" for {stat.counts}" if stat.counts else ""
    citing = f", citing {reference.key}" if reference else ""
    return QuizQuestion(
        kind="number",
        prompt=f"Fill in the blank: “{blanked}”",
        options=options,
        answer=answer,
        quote=sentence.text,
        explanation=f"The source gives “{stat.value}”{counts}{citing}.",
        document=sentence.document,
        page=sentence.page,
        reference=reference,
    )


def source_question(
    sentence: StoredSentence, store: Store, rng: random.Random, difficulty: Difficulty = "normal"
) -> QuizQuestion | None:
    right = sentence.references[0]
    citation = _PARENTHETICAL.search(sentence.text)
    if citation is None or right.key not in sentence.text:
        return None
    claim = sentence.text[: citation.start()].rstrip(" ,;:")
    if len(claim) < _MIN_PROMPT_CHARS or right.key.rsplit(", ", 1)[0].casefold() in claim.casefold():
        return None  # too little to go on, or the claim names its own source
    cited = {r.key for r in sentence.references}
    pool = [r for r in store.document_references(sentence.document_id) if r.key not in cited]
    if difficulty == "easy":
        # The easiest wrong sources share no author with the right one.
        pool = [r for r in pool if r.authors != right.authors]
    if len(pool) < 3:
        pool += [r for r in store.distinct_references(limit=_REFERENCE_POOL) if r.key not in cited and r not in pool]
    if len(pool) < 3:
        return None
    wrong = [r.key for r in rng.sample(pool, 3)]
    options, answer = _shuffled(right.key, wrong, rng)
    return QuizQuestion(
        kind="source",
        prompt=f"Which source backs this claim? “{claim} …”",
        options=options,
        answer=answer,
        quote=sentence.text,
        explanation=_source_explanation(right),
        document=sentence.document,
        page=sentence.page,
        reference=right,
    )


def has_mathematics(sentence: str) -> bool:
    """Mathematical symbols (=, −, <, Σ, the accents of math glyphs) beyond a "±"."""
    return any(unicodedata.category(c) in ("Sm", "Sk") and c != "±" for c in sentence)


def _source_explanation(reference: ReferenceInfo) -> str:
    title = f": {reference.title}" if reference.title else ""
    return f"The sentence cites {reference.key}{title}."


def _shuffled(right: str, wrong: list[str], rng: random.Random) -> tuple[list[str], int]:
    options = [right, *wrong]
    rng.shuffle(options)
    return options, options.index(right)
