"""What every kind of question shares: the options in a random order, wrong options that the question's
own text does not give away, and the sentence before a quote whose meaning hangs on it."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.content.index.store import StoredSentence
from bot.content.models import QuestionKind, QuizQuestion, ReferenceInfo
from bot.content.summary import points_back

BLANK = "____"


@dataclass(frozen=True, slots=True)
class Shown:
    """A quote as a question shows it: the sentence, and the one before it when its meaning hangs on it."""

    sentence: StoredSentence
    context: str | None

    @property
    def text(self) -> str:
        """Everything a member reads beside the options, where no wrong option may appear."""
        return f"{self.context} {self.sentence.text}" if self.context else self.sentence.text


def shown(sentence: StoredSentence, before: Callable[[StoredSentence], StoredSentence | None]) -> Shown | None:
    """The sentence with the context it needs ("This follows…", "…, she said" bring the sentence before);
    None when that is not enough or the document gives none."""
    if not points_back(sentence.text):
        return Shown(sentence, None)
    previous = before(sentence)
    if previous is None or points_back(previous.text):
        return None
    return Shown(sentence, previous.text)


def _standing(option: str) -> str:
    """A pattern for `option` as a whole word or number ("98" is not in "1,098" nor in "98.5")."""
    return rf"(?<![\w.,]){re.escape(option)}(?![\w]|[.,]\d)"


def appears(option: str, text: str) -> bool:
    """Whether `option` stands in `text` as a whole word or number, in any case."""
    return re.search(_standing(option), text, re.IGNORECASE) is not None


def question_on(
    quote: Shown,
    kind: QuestionKind,
    prompt: str,
    right: str,
    wrong: Sequence[str],
    rng: random.Random,
    explanation: str,
    reference: ReferenceInfo | None = None,
) -> QuizQuestion:
    """The question, its options in a random order; it backs itself with the reference its sentence cites
    first, unless it names another (the work a source question asks for)."""
    options = [right, *wrong]
    rng.shuffle(options)
    sentence = quote.sentence
    return QuizQuestion(
        kind=kind,
        key=f"{kind}:{sentence.id}",
        prompt=prompt,
        context=quote.context,
        options=options,
        answer=options.index(right),
        quote=sentence.text,
        explanation=explanation,
        document=sentence.document,
        page=sentence.page,
        section=sentence.section,
        reference=reference or sentence.reference,
    )


def blanked_quote(fill_in: QuizQuestion) -> str:
    """The sentence a fill-in question shows, with its blank: what its prompt holds in quotation marks."""
    return fill_in.prompt.split("“", 1)[1].rsplit("”", 1)[0]


def blanked(text: str, start: int, end: int) -> str:
    return text[:start] + BLANK + text[end:]


def blanked_everywhere(text: str, answer: str) -> str:
    """The text with every standing of the answer blanked: a year the sentence also gives in its citation
    ("the 2019 Hanoi summit (BBC, 2019)") would otherwise answer its own blank."""
    return re.sub(_standing(answer), BLANK, text)


def alike(right: str, candidates: Sequence[str], rng: random.Random, count: int = 3) -> list[str] | None:
    """`count` of the candidates, drawn from those nearest the right option in length, so that neither the
    longest nor the shortest option tells which is right; None when there are too few."""
    if len(candidates) < count:
        return None
    nearest = sorted(candidates, key=lambda c: (abs(len(c) - len(right)), c))[: 2 * count + 1]
    return rng.sample(nearest, count)


def ranked(right: str, candidates: Sequence[str], rng: random.Random, count: int = 3) -> list[str] | None:
    """`count` of the candidates around the right option in length, the right one at a random rank among
    them. Only a right option with `count` candidates shorter and `count` longer is asked, so that every rank
    is open to it: the longest title of a small library would otherwise always be the longest option."""
    shorter = sorted((c for c in candidates if len(c) < len(right)), key=len, reverse=True)
    longer = sorted((c for c in candidates if len(c) > len(right)), key=len)
    if len(shorter) < count or len(longer) < count:
        return None
    below = rng.randrange(count + 1)
    return rng.sample(shorter[: 2 * below], below) + rng.sample(longer[: 2 * (count - below)], count - below)
