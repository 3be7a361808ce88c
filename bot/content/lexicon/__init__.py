"""Words set against each other (WordNet 3.0's antonyms, `antonyms.txt`), and the dictionary forms of a
word as written ("prohibited" → "prohibit", "fell" → "fall"), which the antonyms are listed by and which
tell a verb's irregular forms for the same verb ("became", "becoming").

The data is made from Debian's `wordnet-base` by `make_antonyms.py` and ships here, under WordNet's
licence (`LICENSE`): nothing is downloaded at run time.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

_FOLDER = Path(__file__).parent
# WordNet's rules for undoing a regular ending (its "morphy"), nouns', verbs' and adjectives' together.
_ENDINGS = (
    ("s", ""),
    ("ses", "s"),
    ("xes", "x"),
    ("zes", "z"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("men", "man"),
    ("ies", "y"),
    ("es", "e"),
    ("es", ""),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
    ("er", ""),
    ("est", ""),
    ("er", "e"),
    ("est", "e"),
)


@cache
def _antonyms() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for line in (_FOLDER / "antonyms.txt").read_text(encoding="utf-8").splitlines():
        word, *others = line.split()
        found.setdefault(word, set()).update(others)
        for other in others:
            found.setdefault(other, set()).add(word)
    return {word: frozenset(others) for word, others in found.items()}


@cache
def _inflections() -> list[tuple[str, str, str]]:
    """Each irregular form with its dictionary form and part of speech ("became", "become", "verb")."""
    lines = (_FOLDER / "inflections.txt").read_text(encoding="utf-8").splitlines()
    return [(form, base, part) for form, base, part in (line.split() for line in lines)]


@cache
def _irregular() -> dict[str, str]:
    return {form: base for form, base, _ in _inflections()}


@cache
def _irregular_verbs() -> dict[str, str]:
    return {form: base for form, base, part in _inflections() if part == "verb"}


@cache
def _verbs_irregular_forms() -> dict[str, frozenset[str]]:
    forms_of: dict[str, set[str]] = {}
    for form, base in _irregular_verbs().items():
        forms_of.setdefault(base, {base}).add(form)
    return {base: frozenset(found) for base, found in forms_of.items()}


def load() -> None:
    """Read the data now (50 ms), not in the first /cite."""
    _antonyms()
    _irregular()
    _irregular_verbs()
    _verbs_irregular_forms()


@lru_cache(maxsize=65536)  # a library's words recur: its sentences are judged against every claim
def forms(word: str) -> frozenset[str]:
    """The dictionary forms `word` may be (itself among them), in lower case."""
    word = word.lower()
    found = {word}
    if word in _irregular():
        found.add(_irregular()[word])
    for ending, base in _ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            stem = word[: -len(ending)] + base
            found.add(stem)
            if not base and len(stem) > 2 and stem[-1] == stem[-2]:  # "permitted" → "permitt" → "permit"
                found.add(stem[:-1])
    return frozenset(found)


def irregular_base(word: str) -> str | None:
    """The verb an irregular form of it is ("became" → "become", "held" → "hold"), or None: not an adjective's
    comparative ("worse" → "bad"), which says more than the word (see `verdict._graded`)."""
    return _irregular_verbs().get(word.lower())


def verb_forms(word: str) -> frozenset[str]:
    """The verb `word` is, with its irregular forms ("came" → "come", "came"; the stemmer finds "comes" and
    "coming"), or nothing when `word` is no form of a verb with irregular ones."""
    word = word.lower()
    return _verbs_irregular_forms().get(irregular_base(word) or word, frozenset[str]())


def antonyms(word: str) -> frozenset[str]:
    """The words (in their dictionary forms) set against any form `word` may be."""
    table = _antonyms()
    return frozenset[str]().union(*(table.get(form, frozenset[str]()) for form in forms(word)))


def opposed(word: str, other: str) -> bool:
    """Whether some form of `other` is an antonym of some form of `word`."""
    return not antonyms(word).isdisjoint(forms(other))
