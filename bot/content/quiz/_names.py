"""Who or where: the country or organisation a sentence names, blanked, with others the library names.

Names are found by general rules: a country by its ISO 3166 names (`countries`), an organisation as a run
of capitalised words one of which says it is a body ("Programme", "Court", "Watch", "Nations"). Wrong
options are names of the same kind from the same library, that take an article as the right one does
("the ____" is never answered by "Amnesty International" alone).
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from bot.content.countries import country_mentions
from bot.content.models import QuizQuestion
from bot.content.quiz._choices import Shown, alike, appears, blanked_everywhere, question_on

NameKind = Literal["country", "organisation"]

# Words that make a run of capitalised words a body's name.
_BODIES = frozenset(
    "programme program nations council commission court watch international department agency committee "
    "organization organisation union bank fund office ministry institute assembly panel bureau foundation "
    "party service association federation network centre center coalition alliance secretariat tribunal "
    "parliament congress senate mission society".split()
)
# A run of capitalised words, joined by the small words names keep inside them ("Panel of Experts",
# "Commission on the Status of Women"); a word in capitals throughout is a heading's, unless an
# abbreviation with full stops ("U.N."). "And" joins two names more often than it sits inside one.
_WORD = r"(?:[A-Z][a-z][\w&-]*|(?:[A-Z]\.){2,})"
_CAPITALISED = re.compile(rf"\b{_WORD}(?:\s+(?:(?:of|for|on)\s+(?:the\s+)?)?{_WORD})*")
_MAX_WORDS = 6
# A name in more than this share of the library's sentences (and more than a few) is what the library is
# about, and no question.
_MAX_SHARE = 0.03
_MAX_PLAIN = 10
# Words capitalised for beginning a sentence or naming a date, not a body: "In April Parliament adopted…"
# names a parliament.
_NOT_NAMES = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday "
    "in on at by for as if when with from to this that these those our my we it its his her their after "
    "before since during under while although but and all some many both each every".split()
)
_LEADING_ARTICLE = re.compile(r"^The\s+")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Name:
    text: str
    kind: NameKind
    key: str  # one key for every way of writing the same country or body
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class LibraryName:
    text: str
    key: str
    takes_the: bool


@dataclass(frozen=True, slots=True)
class NamePool:
    """The names a library gives, by kind, each as it is most often written."""

    by_kind: dict[NameKind, list[LibraryName]]
    common: frozenset[str]  # keys of names in so many sentences that they are what the library is about


def names_in(text: str) -> list[Name]:
    """The countries and organisations the sentence names; a country inside a body's name ("Bank of Korea")
    is the body's."""
    bodies = [_body(m, text) for m in _CAPITALISED.finditer(text)]
    found = [b for b in bodies if b is not None]
    for code, start, end in country_mentions(text):
        if not any(b.start <= start < b.end for b in found):
            found.append(Name(text[start:end], "country", code, start, end))
    return sorted(found, key=lambda n: n.start)


def _body(match: re.Match[str], text: str) -> Name | None:
    words = match.group(0)
    article = _LEADING_ARTICLE.match(words)
    start = match.start() + (article.end() if article else 0)
    while (first := text[start : match.end()].split(" ", 1))[0].casefold() in _NOT_NAMES and len(first) > 1:
        start += len(first[0]) + 1
    name = text[start : match.end()]
    if name.endswith(".") and "." not in name.split()[-1][:-1]:
        name = name[:-1]  # the sentence's full stop, not an abbreviation's ("U.S.")
    if not any(w.casefold() in _BODIES for w in name.split()) or not 1 < len(name.split()) <= _MAX_WORDS:
        return None
    return Name(name, "organisation", " ".join(name.casefold().split()), start, start + len(name))


def name_pool(texts: Iterable[str]) -> NamePool:
    """Every country and organisation the texts name, with whether "the" goes before it."""
    written: dict[str, Counter[str]] = {}
    kinds: dict[str, NameKind] = {}
    the: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    sentences: Counter[str] = Counter()
    total = 0
    for text in texts:
        total += 1
        found = names_in(text)
        sentences.update({name.key for name in found})
        for name in found:
            written.setdefault(name.key, Counter())[name.text] += 1
            kinds[name.key] = name.kind
            seen[name.key] += 1
            the[name.key] += _THE_BEFORE.search(text[: name.start]) is not None
    by_kind: dict[NameKind, list[LibraryName]] = {"country": [], "organisation": []}
    for key, forms in written.items():
        by_kind[kinds[key]].append(LibraryName(forms.most_common(1)[0][0], key, 2 * the[key] > seen[key]))
    return NamePool(by_kind, frozenset(k for k, n in sentences.items() if n > max(_MAX_SHARE * total, _MAX_PLAIN)))


def name_question(
    quote: Shown, pool: NamePool, rng: random.Random, *, subject: Callable[[], frozenset[str]]
) -> QuizQuestion | None:
    """`subject()`: the country the sentence's document is about, which is no question ("____'s record of
    abuses" in an essay on North Korea); it reads the whole document, so it is asked only when the sentence
    names a country. Nor is a name the whole library gives all the time ("the United Nations" in the
    General Assembly's speeches)."""
    text = quote.sentence.text
    names = names_in(text)
    forms = {(n.key, n.text) for n in names}
    askable = [
        n
        for n in names
        # A name the sentence gives in another form too would answer its own blank (the same form is
        # blanked everywhere); one in brackets is a citation's, and one before a bracketed abbreviation
        # ("Commission of Inquiry (COI)") is spelt out by it.
        if sum(key == n.key for key, _ in forms) == 1
        and n.key not in pool.common
        and (n.kind != "country" or n.key not in subject())
        and not appears(n.text, quote.context or "")
        and text[: n.start].count("(") <= text[: n.start].count(")")
        and not text[n.end :].lstrip().startswith("(")
        # A name inside another of the sentence's, or holding one, is no fair blank: "Chile" blanked
        # everywhere leaves "Bank of ____", and "Bank of Chile" blanked leaves "Chile" to point at it.
        and not any(o.text != n.text and (appears(n.text, o.text) or appears(o.text, n.text)) for o in names)
    ]
    if not askable:
        return None
    name = rng.choice(askable)
    takes_the = _THE_BEFORE.search(text[: name.start]) is not None
    others = alike(
        name.text,
        [
            n.text
            for n in pool.by_kind[name.kind]
            if n.key != name.key
            and n.takes_the == takes_the
            and not appears(n.text, quote.text)
            and n.text.casefold() not in name.text.casefold()
            and name.text.casefold() not in n.text.casefold()
        ],
        rng,
    )
    if others is None:
        return None
    what = "country" if name.kind == "country" else "organisation"
    prompt = f"Which {what} fills the blank? “{blanked_everywhere(text, name.text)}”"
    return question_on(quote, "name", prompt, name.text, others, rng, f"The source names {name.text}.")
