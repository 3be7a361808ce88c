"""WordNet's antonyms as shipped (bot/content/lexicon): both ways round, by any form of a word, and with
WordNet's licence beside them."""

from __future__ import annotations

import tomllib

import pytest

from bot.content import lexicon
from tests.conftest import PROJECT


@pytest.mark.parametrize(
    ("word", "other"),
    [
        (
            "permitted",
            "prohibited",
        ),  # verbs, by their synsets: "permit" is set against "forbid", "prohibit" is its synonym
        ("prohibits", "allowed"),
        ("open", "secret"),  # a satellite ("secret", of "covert") against the other head ("overt", "open")
        ("compulsory", "optional"),
        ("rose", "fell"),  # irregular forms
        ("won", "lost"),
    ],
)
def test_words_set_against_each_other_either_way(word, other):
    assert lexicon.opposed(word, other) and lexicon.opposed(other, word)


@pytest.mark.parametrize(("word", "other"), [("forced", "compelled"), ("open", "public"), ("vote", "election")])
def test_synonyms_and_unrelated_words_are_not(word, other):
    assert not lexicon.opposed(word, other)


def test_forms_undo_regular_and_irregular_endings():
    assert {"permit"} <= lexicon.forms("permitted")
    assert {"study"} <= lexicon.forms("studies")
    assert {"fall"} <= lexicon.forms("fell")
    assert "open" in lexicon.forms("open")


def test_a_verb_with_irregular_forms_is_found_from_any_of_them():
    assert lexicon.verb_forms("came") == lexicon.verb_forms("come") == {"come", "came"}
    assert {"hold", "held"} <= lexicon.verb_forms("held")
    assert lexicon.verb_forms("worse") == frozenset()  # an adjective's comparative is no verb's form
    assert lexicon.verb_forms("people") == frozenset()


def test_the_data_ships_with_wordnets_licence():
    folder = PROJECT / "bot" / "content" / "lexicon"
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in (folder / "LICENSE").read_text()
    package_data = tomllib.loads((PROJECT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    assert {"antonyms.txt", "inflections.txt", "LICENSE"} <= set(package_data["bot.content.lexicon"])
