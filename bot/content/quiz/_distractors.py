"""Wrong answers that look right: numbers of the same kind, scale and style as the true one.

"over 120,000" people gets 60,000 / 240,000 / 180,000; "40%" gets 20% / 60% / 80%; "four fever cases"
gets three / six / two; "$1 billion" gets $2 billion / $3 billion / $4 billion.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from bot.content.models import Difficulty
from bot.content.quiz._choices import appears
from bot.content.statistics import MENTION, WORD_VALUES

_WORDS_BY_VALUE = {v: w for w, v in WORD_VALUES.items() if w != "dozen"} | {1: "one"}
_TENS = {
    20: "twenty",
    30: "thirty",
    40: "forty",
    50: "fifty",
    60: "sixty",
    70: "seventy",
    80: "eighty",
    90: "ninety",
}
# How far apart neighbouring options sit, as a ratio: easy ones far apart, hard ones close.
_RATIOS: dict[Difficulty, tuple[float, ...]] = {
    "easy": (3.0, 4.0, 5.0),
    "normal": (1.5, 2.0),
    "hard": (1.1, 1.2, 1.25),
}
# Small whole numbers ("four fever cases") step by ones instead.
_SMALL_STEPS: dict[Difficulty, tuple[int, ...]] = {
    "easy": (3, 4, 5),
    "normal": (1, 2),
    "hard": (1,),
}
_SMALL = 12
# Ladders drawn before a question is given up on, when the rungs round onto each other or the quote.
_TRIES = 4


@dataclass(frozen=True, slots=True)
class NumberStyle:
    """How a number is written, so another number can be written the same way."""

    core: str
    mantissa: float
    currency: str
    scale: str
    percent: str
    decimals: int
    grouped: bool
    significant: int
    words: bool
    capitalised: bool

    def write(self, mantissa: float) -> str:
        if self.words and mantissa == int(mantissa) and (word := _as_words(int(mantissa))):
            number = word.capitalize() if self.capitalised else word
        elif self.decimals:
            number = f"{mantissa:,.{self.decimals}f}" if self.grouped else f"{mantissa:.{self.decimals}f}"
        else:
            number = f"{round(mantissa):,}" if self.grouped or mantissa >= 10_000 else str(round(mantissa))
        return f"{self.currency}{number}{self.scale}{self.percent}"


def _as_words(value: int) -> str | None:
    if value in _WORDS_BY_VALUE and value != 100:
        return _WORDS_BY_VALUE[value]
    tens, unit = divmod(value, 10)
    if 2 <= tens <= 9 and unit:
        return f"{_TENS[tens * 10]}-{_WORDS_BY_VALUE[unit]}" if unit >= 2 else None
    return None


def number_style(value: str) -> NumberStyle | None:
    """The style of the number inside a statistic's value; the qualifier ("over") is not part of it."""
    match = MENTION.search(value)
    if not match:
        return None
    word = match.group("word")
    if (
        match.group("fraction")
        or match.group("multiplier")
        or match.group("half")
        or (word is not None and word.lower() in ("a", "half"))
    ):
        return None  # "two-thirds", "twice", "two and a half million", "around a thousand": no like-written wrong ones
    start = (
        match.start("currency")
        if match.group("currency")
        else match.start("numeral")
        if match.group("numeral")
        else match.start("word")
    )
    numeral = match.group("numeral")
    if numeral:
        mantissa = float(numeral.replace(",", ""))
        decimals = len(numeral.split(".")[1]) if "." in numeral else 0
        digits = numeral.replace(",", "").split(".")[0].rstrip("0") or "0"
        significant = max(len(digits), 1) + decimals
    else:
        assert word is not None  # a mention is a numeral or a word (fractions were left out above)
        mantissa = float(sum(WORD_VALUES[p] for p in word.lower().split("-")))
        decimals, significant = 0, 2
    scale = (
        value[match.end("numeral") if numeral else match.end("word") : match.end("scale")]
        if match.group("scale")
        else ""
    )
    percent_start = match.start("percent") if match.group("percent") else match.end()
    return NumberStyle(
        core=value[start : match.end()],
        mantissa=mantissa,
        currency=match.group("currency") or "",
        scale=scale,
        percent=value[percent_start : match.end()],
        decimals=decimals,
        grouped="," in (numeral or ""),
        significant=significant,
        words=word is not None,
        capitalised=bool(word and word[0].isupper()),
    )


def number_distractors(
    style: NumberStyle, rng: random.Random, *, avoid: str, difficulty: Difficulty = "normal"
) -> list[str] | None:
    """Three wrong numbers written like the right one, none of which appears in `avoid` (the quote).

    The four options make a ladder, each a step from the next, and the right number takes a random rung:
    so neither the middle value nor the one the others are multiples of gives it away (wrong numbers all
    made from the right one, as double, half and triple it, would all be its multiples). A large share
    climbs towards 100% as a small one falls towards nothing ("80%" has 90% above it, not 160%)."""
    m = style.mantissa
    small = m == int(m) and m <= _SMALL and not style.decimals
    fewer = rng.randrange(4)  # how many wrong numbers sit below the right one
    for _ in range(_TRIES):
        below = _ladder(m, style, rng, difficulty, -1, fewer, small=small)
        above = _ladder(m, style, rng, difficulty, 1, 3 - fewer, small=small)
        if below is None or above is None:
            # No ladder puts the right number at this rung ("one" has nothing below it): asking anyway,
            # with it at another rung, would tell that it is the smallest more often than not.
            return None
        written = [style.write(v) for v in below + above]
        if len(set(written)) == 3 and style.core not in written and not any(appears(w, avoid) for w in written):
            return written
    return None


def _ladder(
    m: float, style: NumberStyle, rng: random.Random, difficulty: Difficulty, side: int, rungs: int, *, small: bool
) -> list[float] | None:
    """`rungs` numbers stepping away from `m` on one side (-1 below, 1 above); None when they leave the
    range a number of this kind can take (nothing, or past 100%)."""
    values: list[float] = []
    value = m
    for _ in range(rungs):
        if small:
            value += side * rng.choice(_SMALL_STEPS[difficulty])
        elif style.percent:
            # A small share grows and shrinks by the ratio, a large one's distance from 100% does: "0.7%"
            # has 1.05% above it, not 34%, and "95%" has 92.5% below it, not 63%.
            ratio = rng.choice(_RATIOS[difficulty])
            if side < 0:
                value = max(value / ratio, 100 - (100 - value) * ratio)
            else:
                value = min(value * ratio, 100 - (100 - value) / ratio)
        else:
            ratio = rng.choice(_RATIOS[difficulty])
            value = value / ratio if side < 0 else value * ratio
        value = value if small else _round_like(value, style)
        if value <= 0 or (style.percent and value >= 100) or value in values or value == m:
            return None
        values.append(value)
    return values


def _round_like(value: float, style: NumberStyle) -> float:
    if style.decimals:
        return round(value, style.decimals)
    if style.percent:
        # A whole share keeps whole points: "80%" has 87% above it, where one significant digit would give
        # 90% and then 100%.
        return float(round(value))
    digits = len(str(int(value)))
    keep = max(style.significant, 1)
    return float(round(value, -(digits - keep))) if digits > keep else float(round(value))
