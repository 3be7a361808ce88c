"""Write `antonyms.txt` (and `inflections.txt`) from WordNet 3.0's data files, as Debian's `wordnet-base` installs them
(`apt-get install wordnet-base`; `python -m bot.content.lexicon.make_antonyms`).

Pairs of single words that WordNet sets against each other: every word of a synset against every word of
the synset it marks as its antonym ("permit", "allow" / "forbid", "prohibit"), and for adjectives the
words of each head's satellites against the other head's ("secret", a satellite of "covert", / "overt",
"open"). Each pair is written once, under its first word in alphabetical order. `inflections.txt` holds
WordNet's irregular forms of those words ("fell fall verb", "won win verb") and of every verb ("became
become verb"), each with its part of speech: the regular ones are undone by rule.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

WORDNET = Path("/usr/share/wordnet")
OUT = Path(__file__).with_name("antonyms.txt")
INFLECTIONS = Path(__file__).with_name("inflections.txt")
_MARKER = re.compile(r"\(\w+\)$")  # an adjective's position, "hole-and-corner(a)"

_Synset = tuple[list[str], list[tuple[str, str]]]  # its words, its (pointer, target)


def _synsets(part: str) -> dict[str, _Synset]:
    found: dict[str, _Synset] = {}
    for line in (WORDNET / f"data.{part}").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):  # the licence at the head of the file
            continue
        fields = line.split(" ")
        count = int(fields[3], 16)
        words = [_MARKER.sub("", fields[4 + 2 * i].lower()) for i in range(count)]
        at = 4 + 2 * count
        pointers = [(fields[at + 1 + 4 * k], fields[at + 2 + 4 * k]) for k in range(int(fields[at]))]
        found[fields[0]] = (words, pointers)
    return found


def antonym_pairs() -> set[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()

    def add(words: list[str], others: list[str]) -> None:
        pairs.update(
            (min(a, b), max(a, b)) for a in words for b in others if a != b and "_" not in a + b and a.isascii()
        )

    for part in ("adj", "verb", "noun", "adv"):
        synsets = _synsets(part)
        for words, pointers in synsets.values():
            for symbol, target in pointers:
                if symbol != "!":
                    continue
                add(words, synsets[target][0])
                for satellite in (t for s, t in pointers if s == "&"):
                    add(synsets[satellite][0], synsets[target][0])
    return pairs


def main() -> None:
    if not WORDNET.is_dir():
        sys.exit(f"{WORDNET} not found: apt-get install wordnet-base")
    by_word: dict[str, list[str]] = defaultdict(list)
    for a, b in sorted(antonym_pairs()):
        by_word[a].append(b)
    OUT.write_text("".join(f"{a} {' '.join(bs)}\n" for a, bs in sorted(by_word.items())), encoding="utf-8")
    print(f"{sum(map(len, by_word.values()))} pairs under {len(by_word)} words written to {OUT}")
    words = set(by_word).union(*by_word.values())
    irregular = sorted(
        {
            (form, base, part)
            for part in ("adj", "verb", "noun", "adv")
            for form, base, *_ in (line.split() for line in (WORDNET / f"{part}.exc").read_text().splitlines())
            # (every verb's: a claim's "became" is a sentence's "becoming", "held" its "holding")
            if (base in words or part == "verb") and form.isascii() and "_" not in form
        }
    )
    INFLECTIONS.write_text("".join(f"{form} {base} {part}\n" for form, base, part in irregular), encoding="utf-8")
    print(f"{len(irregular)} irregular forms written to {INFLECTIONS}")


if __name__ == "__main__":
    main()
