"""Fill in a statistic: the sentence with its number blanked, and wrong numbers written like it."""

from __future__ import annotations

import random
import re
import unicodedata

from bot.content.index.store import StoredStatistic
from bot.content.models import Difficulty, QuizQuestion
from bot.content.quiz._choices import Shown, appears, blanked, question_on
from bot.content.quiz._distractors import number_distractors, number_style

# A count this small, in a sentence that cites nothing, is a detail of a story ("four fever cases") that
# nobody would remember: it is asked only in easy quizzes.
_DETAIL_BELOW = 10


def number_question(
    stat: StoredStatistic, quote: Shown, rng: random.Random, difficulty: Difficulty = "normal"
) -> QuizQuestion | None:
    sentence = quote.sentence
    if stat.kind == "count" and stat.counts is None:
        return None  # "the two of them": a number with nothing said of what it counts makes no question
    if stat.kind == "count" and stat.number < _DETAIL_BELOW and not sentence.references and difficulty != "easy":
        return None
    if has_mathematics(sentence.text):
        return None  # "L′β = ____": a quiz asks about what a source says, not about its equations
    where = number_place(stat.value, sentence.text)
    style = number_style(stat.value)
    if style is None or where is None:
        return None
    core_start = where + stat.value.index(style.core)
    text = blanked(sentence.text, core_start, core_start + len(style.core))
    if appears(style.core, f"{quote.context or ''} {text}"):
        return None  # "For 98 patients and 98 controls": the number answers its own blank
    wrong = number_distractors(style, rng, avoid=quote.text, difficulty=difficulty)
    if wrong is None:
        return None
    counts = f" for {stat.counts}" if stat.counts else ""
    citing = f", citing {sentence.reference.key}" if sentence.reference else ""
    explanation = f"The source gives “{stat.value}”{counts}{citing}."
    return question_on(quote, "number", f"Fill in the blank: “{text}”", style.core, wrong, rng, explanation)


def number_place(value: str, text: str) -> int | None:
    """Where the statistic's value stands in its sentence, as a whole number (not inside "2,500" or "1.5")."""
    where = re.search(rf"(?<![\w$€£.,]){re.escape(value)}(?![\w]|[.,]\d)", text)
    return where.start() if where else None


def has_mathematics(sentence: str) -> bool:
    """Mathematical symbols (=, −, <, Σ, the accents of math glyphs) beyond a "±"."""
    return any(unicodedata.category(c) in ("Sm", "Sk") and c != "±" for c in sentence)
