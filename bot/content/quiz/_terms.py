"""What: the key term of a sentence ("sanctions", "malnutrition", "defectors"), blanked, with other key
terms of the library as wrong options.

A key term is a noun of the library, known by a noun's ending ("-tion", "-ment", "-ity",
"-ure", "-ors"): no part-of-speech model ships for that, and these endings name the things an argument
is about rather than how it says them. The rarest key term of a sentence is the one asked. Wrong options
take the same ending and number ("sanctions" gets "restrictions", never "restriction"), and after "a" or
"an" begin with the same kind of letter, so that grammar gives no option away.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from bot.content.models import QuizQuestion
from bot.content.quiz._choices import Shown, alike, blanked, question_on

_NOUN_ENDINGS = (
    "tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "ism", "ure", "acy", "ency", "ists", "ors",
    "ers", "ages", "ants", "ents",
)  # fmt: skip
_WORD = re.compile(r"(?<![\w’'-])[a-z]{6,}(?![\w’'-])")
_ANY_WORD = re.compile(r"[^\W\d_]+")
_ARTICLE_BEFORE = re.compile(r"\b(an?)\s+$", re.IGNORECASE)
# A term in more than this share of the library's sentences is what the library is about, and no question.
_MAX_SHARE = 0.05


@dataclass(frozen=True, slots=True)
class TermPool:
    """The library's key terms and how many of its sentences use each."""

    uses: dict[str, int]
    sentences: int
    by_shape: dict[tuple[str, bool], list[str]]  # the terms of each ending and number, for wrong options

    def key_terms(self, text: str) -> list[re.Match[str]]:
        """The sentence's key terms, rarest in the library first."""
        most = max(1, int(_MAX_SHARE * self.sentences))
        found = [m for m in _WORD.finditer(text) if 0 < self.uses.get(m.group(0), 0) <= most]
        return sorted(found, key=lambda m: self.uses[m.group(0)])


def term_pool(texts: Iterable[str]) -> TermPool:
    uses: Counter[str] = Counter()
    sentences = 0
    for text in texts:
        sentences += 1
        uses.update({w for w in _WORD.findall(text) if _noun_like(w)})
    by_shape: dict[tuple[str, bool], list[str]] = {}
    for word in sorted(uses):
        by_shape.setdefault(_ending(word), []).append(word)
    return TermPool(dict(uses), sentences, by_shape)


def _noun_like(word: str) -> bool:
    return word.endswith(_NOUN_ENDINGS) or word.rstrip("s").endswith(_NOUN_ENDINGS)


def _ending(word: str) -> tuple[str, bool]:
    plural = word.endswith("s") and not word.endswith(("ss", "ness"))
    stem = word[:-1] if plural else word
    return next((e for e in _NOUN_ENDINGS if stem.endswith(e)), stem[-3:]), plural


def term_question(quote: Shown, pool: TermPool, rng: random.Random) -> QuizQuestion | None:
    text = quote.sentence.text
    shown_words = Counter(_ANY_WORD.findall(quote.text.casefold()))
    for term in pool.key_terms(text):
        word = term.group(0)
        if shown_words[word] > 1:
            continue  # the text gives the term again, and answers its own blank
        article = _ARTICLE_BEFORE.search(text[: term.start()])
        others = alike(
            word,
            [
                w
                for w in pool.by_shape[_ending(word)]
                if w.rstrip("s") != word.rstrip("s")
                and (article is None or _vowel(w) == _vowel(word))
                and w not in shown_words
            ],
            rng,
        )
        if others is None:
            continue
        prompt = f"Which word fills the blank? “{blanked(text, term.start(), term.end())}”"
        return question_on(quote, "term", prompt, word, others, rng, f"The source's word is “{word}”.")
    return None


def _vowel(word: str) -> bool:
    return word[0] in "aeiou"
