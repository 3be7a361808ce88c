"""Which words spell an abbreviation (abbreviations.py): each word gives the next letter, a word may give
more from inside itself only when no run gives one a word, and small words may give none."""

from __future__ import annotations

import pytest

from bot.content.abbreviations import abbreviations, spelled_runs, spelling_words


def _spelled(letters: str, text: str) -> list[str]:
    words = spelling_words(text)
    return [" ".join(w.lstrip("-") for w in words[start:end]) for start, end in spelled_runs(letters, words)]


@pytest.mark.parametrize(
    ("letters", "text", "run"),
    [
        ("gdp", "our gross domestic product grew", "gross domestic product"),
        ("ngo", "Non-Governmental Organisations were barred", "non governmental organisations"),
        ("idp", "internally displaced persons in camps", "internally displaced persons"),
        ("unesco", "the United Nations Educational, Scientific and Cultural Organization", None),
        ("cctv", "fences and closed-circuit television cameras", "closed circuit television"),
        # the part after a hyphen gives no letter
        (
            "osce",
            "the Organization for Security and Co-operation in Europe",
            "organization for security and co operation in europe",
        ),
    ],
)
def test_a_run_of_words_spells_the_abbreviation(letters, text, run):
    found = _spelled(letters, text)
    assert found, text
    if run is not None:
        assert found[0] == run
    else:  # a small word inside gives no letter
        assert found == ["united nations educational scientific and cultural organization"]


def test_a_word_gives_letters_from_inside_only_when_no_run_gives_one_a_word():
    # "displaced" could give both "d" and "p" of "IDP"; the run giving one a word is the one meant
    assert _spelled("idp", "internally displaced persons") == ["internally displaced persons"]


@pytest.mark.parametrize(
    ("letters", "text"),
    [
        ("soe", "the state of emergency"),  # "of" gives no letter, and nothing gives the "o"
        ("cctv", "we can call to vote"),  # "to" is a small word: it gives no "t"
        ("gdp", "gross domestic growth"),  # every letter must be given
        ("ofa", "of fine arts"),  # "of" is a small word: it starts no run
        ("hiv", "human rights and virus"),
        ("ope", "co-operation peace efforts"),  # the part after a hyphen starts no run
    ],
)
def test_words_that_do_not_spell_it(letters, text):
    assert _spelled(letters, text) == []


def test_abbreviations_are_three_capitals_or_more_and_lose_a_plurals_s():
    assert abbreviations("The IDPs, the UN, NGOs and the DPRK's GDP; not Gdp.") == ["idp", "ngo", "dprk", "gdp"]
