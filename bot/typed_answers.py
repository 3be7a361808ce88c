"""Whether a typed answer is the right one, forgivingly, with only the standard library: case, accents,
spacing and punctuation do not count; numbers are read however they are written ("120000" is "120,000",
"four" is "4", "40" is "40%"); a small typo in a word is forgiven, never in a number."""

from __future__ import annotations

import re
import unicodedata

_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
# A word of this many letters may be one letter off; a longer one, two.
_ONE_TYPO_UP_TO = 8


def _plain(text: str) -> str:
    """Lower case, without accents, punctuation kept only inside numbers, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    words = re.findall(r"\d[\d,.]*\d|\d|[^\W\d_]+", letters)
    return " ".join(_NUMBER_WORDS.get(w) or w.replace(",", "") for w in words)


def typed_matches(typed: str, right: str) -> bool:
    typed_plain, right_plain = _plain(typed), _plain(right)
    if not typed_plain:
        return False
    if typed_plain == right_plain:
        return True
    right_numbers = _NUMBER.findall(right_plain)
    if right_numbers:
        # "40" for "40%", "$1 billion" for "1 billion": the numbers must agree, and any words typed must be
        # the right answer's ("1 billion" is not "1 million").
        typed_words = [w for w in typed_plain.split() if not _NUMBER.fullmatch(w)]
        right_words = [w for w in right_plain.split() if not _NUMBER.fullmatch(w)]
        return _NUMBER.findall(typed_plain) == right_numbers and all(w in right_words for w in typed_words)
    allowed = 1 if len(right_plain) <= _ONE_TYPO_UP_TO else 2
    return _distance(typed_plain, right_plain, allowed) <= allowed


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, given up past `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]
