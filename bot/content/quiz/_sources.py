"""Name the source: a claim without its citation, and the reference it cites among others."""

from __future__ import annotations

import random
import re

from bot.content.index.store import Store
from bot.content.models import Difficulty, QuizQuestion, ReferenceInfo
from bot.content.quiz._choices import Shown, appears, question_on

_MIN_PROMPT_CHARS = 40
_PARENTHETICAL = re.compile(r"\s*\([^()]*\b\d{4}[a-z]?\)")
_REFERENCE_POOL = 200


def source_question(
    quote: Shown, store: Store, rng: random.Random, difficulty: Difficulty = "normal"
) -> QuizQuestion | None:
    sentence = quote.sentence
    right = sentence.references[0]
    citation = _PARENTHETICAL.search(sentence.text)
    if citation is None or right.key not in sentence.text:
        return None
    claim = sentence.text[: citation.start()].rstrip(" ,;:")
    seen = f"{quote.context or ''} {claim}"
    if len(claim) < _MIN_PROMPT_CHARS or _author(right).casefold() in seen.casefold():
        return None  # too little to go on, or the claim names its own source
    # A claim that gives its source's year ("the 2015 JCPOA") is asked with authors alone as options.
    by_author = right.year.isdigit() and appears(right.year, seen)
    cited = {r.key for r in sentence.references}
    pool = [r for r in store.document_references(sentence.document_id) if r.key not in cited]
    if difficulty == "easy":
        # The easiest wrong sources share no author with the right one.
        pool = [r for r in pool if r.authors != right.authors]
    if len(pool) < 3:
        pool += [r for r in store.distinct_references(limit=_REFERENCE_POOL) if r.key not in cited and r not in pool]
    # A wrong source whose author or year the claim names would be ruled out by reading the prompt alone.
    pool = [r for r in pool if _author(r).casefold() not in seen.casefold() and not appears(r.year, seen)]
    written = _option(right, by_author=by_author)
    choices = list(dict.fromkeys(o for r in pool if (o := _option(r, by_author=by_author)) != written))
    if len(choices) < 3:
        return None
    prompt = f"Which source backs this claim? “{claim} …”"
    wrong = rng.sample(choices, 3)
    return question_on(quote, "source", prompt, written, wrong, rng, _source_explanation(right), reference=right)


def _author(reference: ReferenceInfo) -> str:
    """The author as the reference's key writes it: "Park" of "Park, 2015"."""
    return reference.key.rsplit(", ", 1)[0]


def _option(reference: ReferenceInfo, *, by_author: bool) -> str:
    return _author(reference) if by_author else reference.key


def _source_explanation(reference: ReferenceInfo) -> str:
    title = f": {reference.title}" if reference.title else ""
    return f"The sentence cites {reference.key}{title}."
