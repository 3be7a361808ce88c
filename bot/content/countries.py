"""The countries a text names, however it names them: "North Korea", "the Democratic People's Republic of
Korea", "DPRK" and "Korea, Democratic People's Republic of" are one country. The names come from
pycountry's copy of ISO 3166, so nothing is listed by hand.
"""

from __future__ import annotations

import re
from functools import cache

import pycountry

# Curly apostrophes are written straight before matching: "People’s" is "People's".
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
# Words an official name's acronym leaves out ("Democratic People's Republic of Korea" is "DPRK").
_MINOR = frozenset("of the and".split())
# A name's people and adjective are written on it: "North Korean", "Bangladeshis", "Kenyan", "Iranian".
_DEMONYM = "(?:n|ns|an|ans|ian|ians|i|is)?"
# An acronym this short names too many things ("US" is also a word) to stand for a country alone.
_MIN_ACRONYM = 3


def countries_in(text: str) -> set[str]:
    """The ISO 3166 codes of the countries `text` names. The longest name found wins, so the "Republic of
    Korea" inside "the Democratic People's Republic of Korea" names only North Korea."""
    pattern, codes = _names()
    return {codes[m.group("name").lower()] for m in pattern.finditer(text.translate(_APOSTROPHES))}


@cache
def _names() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every name of every country, longest first, and each name's country."""
    codes: dict[str, str] = {}
    written: dict[str, str] = {}
    for country in pycountry.countries:
        for name in _forms(country):
            codes.setdefault(name.lower(), country.alpha_2)
            written.setdefault(name.lower(), name)
    # Names match in any case; an acronym only in capitals ("PRC", never "prc").
    alternatives = [
        f"(?-i:{re.escape(written[n])})" if written[n].isupper() else re.escape(n)
        for n in sorted(codes, key=len, reverse=True)
    ]
    pattern = re.compile(r"\b(?P<name>" + "|".join(alternatives) + r")" + _DEMONYM + r"\b", re.IGNORECASE)
    return pattern, codes


def _forms(country: object) -> list[str]:
    names = [getattr(country, field, None) for field in ("name", "common_name", "official_name")]
    forms = [n for n in names if isinstance(n, str)]
    # "Korea, Democratic People's Republic of" is also written the other way round.
    forms += [f"{rest} {head}" for head, rest in (f.split(", ", 1) for f in forms if ", " in f)]
    official = getattr(country, "official_name", None)
    if isinstance(official, str):
        acronym = "".join(w[0] for w in official.split() if w.lower() not in _MINOR and w[0].isupper())
        if len(acronym) >= _MIN_ACRONYM:
            forms.append(acronym)
    return forms
