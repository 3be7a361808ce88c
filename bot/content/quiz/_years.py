"""When: the year a sentence says something happened, blanked, with years near it as wrong options.

A year is a four-digit number the words around it make a date of ("in 2006", "since 2019", "the 2015
JCPOA"); one only in brackets is a citation's and is not asked (one also in brackets is blanked there
too). Wrong years come from the library's own years near the right one, then from the years around it,
and none lies more than two years past the latest year the library gives.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable

from bot.content.models import Difficulty, QuizQuestion
from bot.content.quiz._choices import Shown, appears, blanked_everywhere, question_on

_YEAR = re.compile(r"(?<![\w$€£.,-])(?P<year>1[89]\d\d|20\d\d)(?![\w%]|[.,]\d|-\d)")
# Words that make the number after them a year: prepositions of time, an article before "the 2019 summit".
_DATING = re.compile(
    r"\b(?:in|since|by|from|until|till|between|and|to|of|before|after|during|early|late|mid|the|a|an|year)"
    r"\W{1,2}$",
    re.IGNORECASE,
)
# How far from the right year the wrong ones may lie.
_SPAN: dict[Difficulty, int] = {"easy": 30, "normal": 12, "hard": 5}
# Wrong years may pass the library's latest by this much, or a question on the latest year would always
# have it as its largest option.
_PAST_LATEST = 2


def years_in(text: str) -> list[re.Match[str]]:
    """The years the sentence dates things by, outside brackets."""
    found: list[re.Match[str]] = []
    for match in _YEAR.finditer(text):
        before = text[: match.start()]
        if before.count("(") > before.count(")"):
            continue  # "(United Nations, 2014)": the year of a citation
        if _DATING.search(before) or re.match(r"\s+[A-Z]", text[match.end() :]):
            found.append(match)
    return found


def library_years(texts: Iterable[str]) -> list[int]:
    return sorted({int(m.group("year")) for text in texts for m in years_in(text)})


def year_question(
    quote: Shown, years: list[int], rng: random.Random, difficulty: Difficulty = "normal"
) -> QuizQuestion | None:
    sentence = quote.sentence
    # A year the sentence before gives too would answer the blank.
    askable = [m for m in years_in(sentence.text) if not appears(m.group("year"), quote.context or "")]
    if not askable or not years:
        return None
    match = rng.choice(askable)
    right = int(match.group("year"))
    latest = max(years) + _PAST_LATEST
    span = _SPAN[difficulty]

    def near(side: int) -> tuple[list[str], list[str]]:
        """The library's years on this side of the right one, and the other years there."""
        within = [right + side * step for step in range(1, span + 1)]
        fit = [str(y) for y in within if y <= latest and not appears(str(y), quote.text)]
        listed = {str(y) for y in years}
        return [y for y in fit if y in listed], [y for y in fit if y not in listed]

    below, above = near(-1), near(1)
    places = [r for r in range(4) if sum(map(len, below)) >= r and sum(map(len, above)) >= 3 - r]
    if not places:
        return None
    fewer = rng.choice(places)
    wrong = _some(*below, fewer, rng) + _some(*above, 3 - fewer, rng)
    prompt = f"Which year fills the blank? “{blanked_everywhere(sentence.text, str(right))}”"
    return question_on(quote, "year", prompt, str(right), wrong, rng, f"The source gives {right}.")


def _some(listed: list[str], other: list[str], count: int, rng: random.Random) -> list[str]:
    """`count` years: the library's own first, then others."""
    chosen = rng.sample(listed, min(count, len(listed)))
    return chosen + rng.sample(other, count - len(chosen))
