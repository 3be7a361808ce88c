"""Wrong answers that look right: numbers of the same kind, scale and style as the true one.

"over 120,000" people gets 60,000 / 240,000 / 180,000; "40%" gets 20% / 60% / 80%; "four fever cases"
gets three / six / two; "$1 billion" gets $2 billion / $3 billion / $4 billion.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from bot.content.models import Difficulty
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
# How far wrong answers sit from the right one: easy ones are far off, hard ones close.
_FACTORS: dict[Difficulty, tuple[float, ...]] = {
    "easy": (0.1, 10.0, 0.25, 4.0, 5.0, 0.2),
    "normal": (0.5, 2.0, 1.5, 3.0, 0.25, 4.0, 0.75, 2.5),
    "hard": (0.8, 1.25, 0.9, 1.1, 0.75, 1.5),
}
_SMALL_STEPS: dict[Difficulty, tuple[int, ...]] = {
    "easy": (5, 8, 10, -3, 12),
    "normal": (-1, 1, 2, -2, 3, 4),
    "hard": (-1, 1, 2, -2),
}


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
    """Three wrong numbers written like the right one, none of which appears in `avoid` (the quote)."""
    m = style.mantissa
    if m == int(m) and m <= 12 and not style.decimals:
        candidates = [m + step for step in _SMALL_STEPS[difficulty]]
    else:
        candidates = [_round_like(m * f, style) for f in _FACTORS[difficulty]]
    written: list[str] = []
    for candidate in candidates:
        if candidate <= 0 or (style.percent and candidate > 100):
            continue
        text = style.write(candidate)
        if text != style.core and text not in written and not _appears(text, avoid):
            written.append(text)
    if len(written) < 3:
        return None
    return rng.sample(written[:5], 3)


def _round_like(value: float, style: NumberStyle) -> float:
    if style.decimals:
        return round(value, style.decimals)
    digits = len(str(int(value)))
    keep = max(style.significant, 1)
    return float(round(value, -(digits - keep))) if digits > keep else float(round(value))


def _appears(text: str, sentence: str) -> bool:
    return re.search(rf"(?<![\w.,]){re.escape(text)}(?![\w]|[.,]\d)", sentence) is not None
