"""Which fact a figure belongs to: a figure of a document, and four of its sentences with their figures
blanked, written alike (all shares, or all sums of one currency and scale, or all counts), one of them the
figure's own."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from bot.content.models import QuizQuestion
from bot.content.quiz._choices import BLANK, Shown, appears, blanked_quote, question_on, ranked

_MAX_FACT_CHARS = 220  # four sentences stay readable in one message
# What stands around a blank and tells a share from a sum from a count: the options must agree on it, or the
# prompt's figure would fit one of them by its form alone.
_BEFORE = re.compile(r"[$€£¥]\s?$")
_AFTER = re.compile(r"^\s?(%|per ?cent|percent|thousand|million|billion|trillion)\b", re.IGNORECASE)


def figures_question(facts: Sequence[tuple[Shown, QuizQuestion]], rng: random.Random) -> QuizQuestion | None:
    """`facts`: sentences of one document with a fill-in-the-number question on each; the first is the one
    asked about, three more of its form whose figures differ from its and each other's are the wrong ones."""
    if not facts:
        return None
    quote, right = facts[0]
    figure, text = _figure_and_text(right)
    if quote.context or len(text) > _MAX_FACT_CHARS:
        return None
    form = _form(text)
    # Other facts of the same form, one for each other figure, without the asked figure in their text.
    others: dict[str, str] = {}
    for other_quote, other in facts[1:]:
        other_figure, other_text = _figure_and_text(other)
        if other_quote.context or len(other_text) > _MAX_FACT_CHARS or _form(other_text) != form:
            continue
        if other_figure != figure and not appears(figure, other_text) and other_text != text:
            others.setdefault(other_figure, other_text)
    # Long sentences hold the asked figure more often, so the facts left are shorter than the asked one more
    # often than not: the wrong ones are drawn to put it at a random rank in length.
    wrong = ranked(text, list(dict.fromkeys(others.values())), rng)
    if wrong is None:
        return None
    prompt = f"Which fact does the figure “{figure}” belong to?"
    explanation = f"The source gives “{figure}” there; the other facts give other figures."
    return question_on(quote, "figures", prompt, text, wrong, rng, explanation)


def _figure_and_text(fill_in: QuizQuestion) -> tuple[str, str]:
    return fill_in.options[fill_in.answer], blanked_quote(fill_in)


def _form(blanked: str) -> tuple[str, str]:
    before, after = blanked.split(BLANK, 1)
    currency = _BEFORE.search(before)
    scale = _AFTER.match(after)
    return (currency[0].strip() if currency else "", scale[1].casefold().replace(" ", "") if scale else "")
