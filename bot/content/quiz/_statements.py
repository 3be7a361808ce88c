"""True or false: a source's sentence as it stands, or with one detail (a number, a year, a name) swapped
for a wrong option of a fill-in question on it. The statement is never shown in quotation marks, since it
may not be the source's words; the reveal gives the real quote."""

from __future__ import annotations

import random

from bot.content.models import QuizQuestion
from bot.content.quiz._choices import BLANK, blanked_quote

TRUE, FALSE = "True", "False"
NOTE = "(A source's sentence word for word, or that sentence with one detail changed.)"


def statement_question(fill_in: QuizQuestion, rng: random.Random) -> QuizQuestion:
    blanked = blanked_quote(fill_in)
    right = fill_in.options[fill_in.answer]
    shown = right if rng.random() < 0.5 else rng.choice([o for o in fill_in.options if o != right])
    true = shown == right
    explanation = (
        "True: these are the source's words." if true else f"False: the source gives “{right}”, not “{shown}”."
    )
    return QuizQuestion(
        kind="statement",
        key="statement:" + fill_in.key.split(":", 1)[1],
        prompt=f"True or false? {blanked.replace(BLANK, shown, 1)}\n{NOTE}",
        context=fill_in.context,
        options=[TRUE, FALSE],
        answer=0 if true else 1,
        quote=fill_in.quote,
        explanation=explanation,
        document=fill_in.document,
        page=fill_in.page,
        section=fill_in.section,
        reference=fill_in.reference,
    )
