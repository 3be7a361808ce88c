"""The countries a text names, however it names them: "North Korea", "the Democratic People's Republic of
Korea", "DPRK" and "Korea, Democratic People's Republic of" are one country. The names come from
pycountry's copy of ISO 3166; only the few short names in everyday use that ISO does not carry
("Russia", "Burma") are listed here. A country's people are named by its name with an ending ("North
Korean", "Kenyans") or, where no ending makes it, by countryinfo's name for them ("Danish", "Dutch").
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from functools import cache
from typing import TypeAlias

import pycountry
from countryinfo import CountryInfo

_Tree: TypeAlias = dict[str, "_Tree"]  # a name's next letter, and the names from there ("" ends one)
# Curly apostrophes are written straight before matching: "People’s" is "People's" (one character for one,
# so places in the text stay; /cite reads claims and sentences with it too).
APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
# Words an official name's acronym leaves out ("Democratic People's Republic of Korea" is "DPRK").
_MINOR = frozenset("of the and".split())
# A name's people and adjective are written on it: "North Korean", "Bangladeshis", "Kenyan", "Iranian".
_DEMONYM = "(?:n|ns|an|ans|ian|ians|i|is)?"
# The endings of people's names that are their own plural: "the French", "the Swiss", "the Chinese".
_NO_PLURAL = ("s", "sh", "ch", "z", "x")
# A people's name several countries share names the most populous of them only when it outnumbers the next
# this many times over: "Chinese" is China's (not Hong Kong's), "Congolese" neither Congo's.
_OUTNUMBERS = 50
# A people's name that is also the Americas' adjective: "Latin American" is no American.
_CONTINENTAL = frozenset({"american"})
# An acronym this short names too many things ("US" is also a word) to stand for a country alone.
_MIN_ACRONYM = 3
# Sentences a document must name its main country in (see `main_country`).
_MAIN_MENTIONS = 3
_BRACKETED = re.compile(r"\s*\([^)]*\)")
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
# A word, as `only_country` reads the words beside a country's name.
_LETTERS = re.compile(r"[^\W\d_]+")
# The part before the comma of each ISO name written "Head, ... of".
_HEADS = [c.name.split(", ", 1)[0] for c in pycountry.countries if ", " in c.name]
# Short and former names in everyday use that ISO 3166 does not carry (it keeps only the official and
# a few common ones), so that "Russia" or "Burma" in a source is the country ISO calls otherwise.
_SHORT_NAMES: dict[str, tuple[str, ...]] = {
    "RU": ("Russia",),
    "TR": ("Turkey",),
    "GB": ("Britain", "Great Britain", "UK"),
    "MM": ("Burma",),
    "CV": ("Cape Verde",),
    "SZ": ("Swaziland",),
    "CI": ("Ivory Coast",),
    "TL": ("East Timor",),
    "BN": ("Brunei",),
    "MK": ("Macedonia",),
    "CD": ("DR Congo", "DRC"),
    "CZ": ("Czechia",),
}


def countries_in(text: str) -> set[str]:
    """The ISO 3166 codes of the countries `text` names. The longest name found wins, so the "Republic of
    Korea" inside "the Democratic People's Republic of Korea" names only North Korea."""
    return {code for code, _, _, _ in _found(text)}


def country_mentions(text: str) -> list[tuple[str, int, int]]:
    """Each country `text` names by its name (not its people's: "Kenyan" is left out), as its ISO 3166 code
    and where the name starts and ends."""
    named = [(code, start, end) for code, start, end, demonym in _found(text) if not demonym]
    return sorted(named, key=lambda mention: mention[1])


def _found(text: str) -> Iterator[tuple[str, int, int, bool]]:
    """Each country named: its code, where its name starts and ends, and whether it is its people's."""
    text = text.translate(APOSTROPHES)
    lowered = text.lower()
    codes, _ = _spellings()
    if len(lowered) == len(text):
        # Names matched in lower case and acronyms as written, rather than one pattern ignoring case: a
        # third of the time on the UN corpus, where /cite reads the countries of every document it quotes.
        names, acronyms = _split_names()
        found = itertools.chain(names.finditer(lowered), acronyms.finditer(text))
    else:  # a letter whose lower case is longer ("İ") would shift the places found
        found = _names()[0].finditer(text)
    # A name with its people's ending may be the first word of another country's name: "Dominican" is
    # Dominica's people and the Dominican Republic's, and names neither for sure ("Russian", the first
    # word of the Russian Federation, still names Russia). "Dominicans" are either too.
    first_words = _first_words()
    demonyms = _demonyms()
    reached = 0  # the end of the last name taken: of overlapping names, across the two patterns, the
    # longest ("French Polynesia" is no "French")
    for m in sorted(found, key=lambda m: (m.start(), -m.end())):
        if m.start() < reached:
            continue
        reached = m.end()
        name, whole = m.group("name").lower(), m.group(0).lower()
        code = codes[name]
        person = whole[:-1] if whole != name and whole.endswith("s") else whole
        if name in demonyms or code == first_words.get(person, code):
            yield code, m.start(), m.end(), whole != name or name in demonyms


def without_countries(text: str) -> str:
    """`text` with the names of the countries it names left out, and their possessive: "How fast is
    Eswatini's economy growing?" is "How fast is economy growing?", the question as a document about
    Eswatini answers it ("our economy", "the Kingdom")."""
    pattern, _ = _names()
    return " ".join(re.sub(pattern.pattern + r"(?:'s)?", "", text.translate(APOSTROPHES), flags=pattern.flags).split())


def only_country(text: str, besides: AbstractSet[str]) -> frozenset[str]:
    """The one country `text` names when its other words are all among `besides` (in lower case): "Government
    of Nepal" is Nepal's, given the words of a state; none where it names several, or says more of its own
    ("Amnesty International UK")."""
    named = countries_in(text)
    rest = _LETTERS.findall(without_countries(text))
    return frozenset(named) if len(named) == 1 and all(w.lower() in besides for w in rest) else frozenset()


@cache
def _first_words() -> dict[str, str]:
    """The first word of each country's name of more than one word, and that country."""
    first: dict[str, str] = {}
    for country in pycountry.countries:
        for name in _forms(country):
            if " " in name:
                first.setdefault(name.split()[0].lower(), country.alpha_2)
    return first


@cache
def _spellings() -> tuple[dict[str, str], dict[str, str]]:
    """Every name of every country in lower case, with its country and as it is written, its people's names
    that no ending of a name makes (`_demonyms`) among them."""
    codes, written = _official_spellings()
    demonyms = _demonyms()
    return codes | {d: code for d, (code, _) in demonyms.items()}, written | {d: w for d, (_, w) in demonyms.items()}


@cache
def _official_spellings() -> tuple[dict[str, str], dict[str, str]]:
    """Every ISO 3166 name of every country (and the short names it leaves out), in lower case, with its
    country and as it is written."""
    codes: dict[str, str] = {}
    written: dict[str, str] = {}
    for country in pycountry.countries:
        for name in _forms(country):
            codes.setdefault(name.lower(), country.alpha_2)
            written.setdefault(name.lower(), name)
    return codes, written


@cache
def _demonyms() -> dict[str, tuple[str, str]]:
    """Each country's people's name that no ending of its name makes ("Danish", "Dutch", "French", "Filipino",
    "Burkinabe"), from countryinfo's table, in lower case, with its country and as written: one several
    countries share, or that opens another's name ("French Polynesia"), only for one that outnumbers the
    others (`_OUTNUMBERS`); not one a name with an ending already reads ("Indian", and "Dominican", which
    names neither for sure), nor a continent's."""
    codes, _ = _official_spellings()
    named = re.compile(r"(?:" + _prefix_tree(codes) + r")" + _DEMONYM)
    population: dict[str, int] = {}
    peoples: dict[str, dict[str, str]] = {}
    for info in CountryInfo.all().values():
        iso = info.get("ISO")
        code = iso.get("alpha2") if iso else None  # (the few entries of places without an ISO code have none)
        if not code or pycountry.countries.get(alpha_2=code) is None:
            continue
        # (the largest of its entries: Wales shares the United Kingdom's code, without a population)
        population[code] = max(population.get(code, 0), info.get("population") or 0)
        for people in re.split(r"\s*[,/]\s*", info.get("demonym") or ""):
            key = people.lower()
            if people and key not in _CONTINENTAL and not named.fullmatch(key):
                peoples.setdefault(key, {})[code] = people
    first_words = _first_words()
    demonyms: dict[str, tuple[str, str]] = {}
    for key, by_code in peoples.items():
        # the countries it may name: those whose people it names, and one whose name it opens ("French
        # Polynesia")
        rivals = set(by_code) | {first_words.get(key, next(iter(by_code)))}
        sizes = sorted(((population.get(c, 0), c) for c in rivals), reverse=True)
        if sizes[0][1] in by_code and (len(sizes) == 1 or sizes[0][0] >= _OUTNUMBERS * max(sizes[1][0], 1)):
            demonyms[key] = (sizes[0][1], by_code[sizes[0][1]])
            if not key.endswith(_NO_PLURAL):
                # (and its plural, which no ending of a name makes either: "Canadians", "Norwegians")
                demonyms[key + "s"] = (sizes[0][1], by_code[sizes[0][1]] + "s")
    return demonyms


@cache
def _names() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every name of every country, longest first, and each name's country."""
    codes, written = _spellings()
    # Names match in any case; an acronym, and a people's name, only as written ("PRC", never "prc"; "Polish",
    # never the verb "polish").
    as_written = _as_written()
    acronyms = [f"(?-i:{re.escape(written[n])})" for n in sorted(codes, key=len, reverse=True) if n in as_written]
    names = _prefix_tree([n for n in codes if n not in as_written])
    pattern = re.compile(r"\b(?P<name>" + "|".join([names, *acronyms]) + r")" + _DEMONYM + r"\b", re.IGNORECASE)
    return pattern, codes


@cache
def _split_names() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """`_names()` as two patterns matched apart: the names, for text in lower case; the acronyms and people's
    names, as written."""
    codes, written = _spellings()
    as_written = _as_written()
    names = _prefix_tree([n for n in codes if n not in as_written])
    acronyms = _prefix_tree([written[n] for n in codes if n in as_written])
    return (
        re.compile(r"\b(?P<name>" + names + r")" + _DEMONYM + r"\b"),
        re.compile(r"\b(?P<name>" + acronyms + r")" + _DEMONYM + r"\b"),
    )


@cache
def _as_written() -> frozenset[str]:
    """The names (in lower case) matched only as written: acronyms and people's names."""
    codes, written = _spellings()
    return frozenset(n for n in codes if written[n].isupper() or n in _demonyms())


def _prefix_tree(names: Iterable[str]) -> str:
    """One pattern for many names, sharing their prefixes, a longer name tried before its prefix. Python's
    `re` tries a flat list's alternatives one by one at every word: 9 times slower on the UN corpus, where
    /cite reads the countries of every document it quotes (same matches on 117,149 of its sentences)."""
    tree: _Tree = {}
    for name in names:
        node = tree
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: _Tree) -> str:
    branches = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if "" in node else group


def _forms(country: object) -> list[str]:
    names = [getattr(country, field, None) for field in ("name", "common_name", "official_name")]
    forms = [n for n in names if isinstance(n, str)]
    # "Holy See (Vatican City State)" is written "Holy See"; "Falkland Islands (Malvinas)" likewise.
    forms += [_BRACKETED.sub("", f) for f in forms if _BRACKETED.search(f)]
    # "Korea, Democratic People's Republic of" is also written the other way round, with or without its
    # article ("the Democratic Republic of the Congo"); "Palestine, State of" is also plain "Palestine".
    for head, rest in [f.split(", ", 1) for f in forms if ", " in f]:
        forms += [f"{rest} {head}", f"{_ARTICLE.sub('', rest)} {head}"]
        if rest.endswith(" of") and _HEADS.count(head) == 1:
            forms.append(head)  # unless two countries share it ("Korea, Republic of" and the DPRK)
    forms += _SHORT_NAMES.get(getattr(country, "alpha_2", ""), ())
    # "the Democratic Republic of Congo" drops the article before the head as often as it keeps it
    forms += [f.replace(" of the ", " of ") for f in forms if " of the " in f]
    # a name with accents is as often typed without them: "Cote d'Ivoire", "Sao Tome and Principe"
    forms += [plain for f in forms if (plain := _unaccented(f)) != f]
    official = getattr(country, "official_name", None)
    if isinstance(official, str):
        acronym = "".join(w[0] for w in official.split() if w.lower() not in _MINOR and w[0].isupper())
        if len(acronym) >= _MIN_ACRONYM:
            forms.append(acronym)
    return forms


def _unaccented(name: str) -> str:
    """The name with the accents taken off its letters ("Côte" is "Cote")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def main_country(texts: Iterable[str]) -> frozenset[str]:
    """The country a document is about, as a set of one code (empty when none stands out): the one named
    in the most of its sentences, in at least `_MAIN_MENTIONS` and more than any other. An essay's "the
    regime" or a report's "authorities" speak of it without naming it."""
    counts = Counter(code for text in texts for code in countries_in(text))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < _MAIN_MENTIONS or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return frozenset()
    return frozenset({ranked[0][0]})
