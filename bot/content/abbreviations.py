"""Abbreviations and the words that spell them: "GDP" and "gross domestic product", "CCTV" and
"closed-circuit television", "NGOs" and "non-governmental organisations".

A run of words spells an abbreviation when each word, in order, gives the next letter with its first
and may give the ones after it from inside itself ("television" gives the "TV" of "CCTV"), and the run
gives every letter. A small word inside the run may give none ("United Nations Educational, Scientific
and Cultural Organization"), and so may the part after a hyphen ("Organization for Security and
Co-operation in Europe" spells "OSCE"), which may also give one ("closed-circuit" gives "CC"). This
is Schwartz and Hearst's test for an abbreviation's definition (2003), made stricter: every other word
of the run gives at least its first letter, so that "the state of emergency" does not spell "SOE" by
way of "state ... emergency" alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

# Capitals, perhaps with a plural's "s" ("IDPs"); two letters ("UN", "US") spell too many things by chance.
_ABBREVIATION = re.compile(r"\b([A-Z]{3,})s?\b")
# A hyphen parts words that may give a letter each ("closed-circuit", "non-governmental"); the part after
# it keeps the hyphen, as it may give none ("Co-operation").
_WORD = re.compile(r"(?<=[^\W\d_]-)[^\W\d_]+|[^\W\d_]+")
_JOINED = "-"
_SMALL = frozenset("of and the for in on to".split())


def abbreviations(text: str) -> list[str]:
    """The abbreviations `text` writes, as their letters in lower case ("IDPs" → "idp")."""
    return [m.group(1).lower() for m in _ABBREVIATION.finditer(text)]


def spelling_words(text: str) -> list[str]:
    """`text`'s words as `spelled_runs` reads them: in lower case, hyphenated ones parted, each part after a
    hyphen marked with it ("co", "-operation")."""
    return [_JOINED * (text[m.start() - 1 : m.start()] == "-") + m.group(0).lower() for m in _WORD.finditer(text)]


def spelled_runs(letters: str, words: Sequence[str]) -> list[tuple[int, int]]:
    """The runs `words[start:end]` that spell `letters` (see the module's doc): those giving a letter a word
    if there are any ("internally displaced persons", not "internally displaced" for "IDP"), else those
    where a word gives more ("closed-circuit television" for "CCTV")."""
    starts = [i for i, word in enumerate(words) if word[0] == letters[0] and word not in _SMALL]
    for inside in (False, True):
        runs = [
            (start, start + end)
            for start in starts
            for end in _ends(letters, tuple(words[start : start + 2 * len(letters)]), inside)
        ]
        if runs:
            return runs
    return []


@cache
def _ends(letters: str, words: tuple[str, ...], inside: bool) -> tuple[int, ...]:
    """Where runs from `words[0]` that spell `letters` end (an index into `words`, past the run's last
    word); `inside` lets a word give letters from inside itself too."""
    ends: set[int] = set()
    first, rest = words[0], words[1:]
    for given in _letters_given(letters, first.lstrip(_JOINED)) if inside else [1]:
        if given == len(letters):
            ends.add(1)
            continue
        for skipped, word in enumerate(rest):
            if word.lstrip(_JOINED)[0] == letters[given] and word not in _SMALL:
                ends.update(1 + skipped + end for end in _ends(letters[given:], rest[skipped:], inside))
            if word not in _SMALL and not word.startswith(_JOINED):
                break  # only small words and parts after a hyphen may give no letter
    return tuple(sorted(ends))


def _letters_given(letters: str, word: str) -> list[int]:
    """How many of `letters` `word` can give: its first letter, then any after it in order inside it."""
    counts = [1]
    at = 1
    for count in range(1, len(letters)):
        at = word.find(letters[count], at) + 1
        if not at:
            break
        counts.append(count + 1)
    return counts
