"""Which document says this: a sentence in full, and the titles of documents, one of them its own."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence

from bot.content.models import QuizQuestion
from bot.content.quiz._choices import Shown, question_on, ranked

# Long enough to say something a reader may remember, short enough to read among the options.
_MIN_CHARS, _MAX_CHARS = 60, 300
_WORD = re.compile(r"[^\W\d_]{4,}")
# Words too common in titles to tell one from another ("A report on the state of…").
_TITLE_COMMON = frozenset(
    "about after against also among been from have into more most over report reports such that their them "
    "there these they this those under were what when where which while with within".split()
)


def document_question(
    quote: Shown,
    titles: Sequence[tuple[int, str]],
    rng: random.Random,
    saying: Callable[[str], set[int]],
) -> QuizQuestion | None:
    """`titles`: every document that names its title; `saying`: the documents holding a sentence word for
    word, none of which may be a wrong option."""
    sentence = quote.sentence
    right = sentence.document.title
    if sentence.document.title_is_opening or not _MIN_CHARS <= len(sentence.text) <= _MAX_CHARS:
        return None
    if _title_words(right) & _words(quote.text):
        return None  # the quote names what its document is about: the prompt alone would tell
    holders = saying(sentence.text) | {sentence.document_id}
    others = list(dict.fromkeys(t for doc, t in titles if doc not in holders and t.casefold() != right.casefold()))
    wrong = ranked(right, others, rng)
    if wrong is None:
        return None
    prompt = f"Which document says this? “{sentence.text}”"
    return question_on(quote, "document", prompt, right, wrong, rng, f"The sentence is in “{right}”.")


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def _title_words(title: str) -> set[str]:
    return _words(title) - _TITLE_COMMON
