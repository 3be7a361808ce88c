"""Typed answers are matched forgivingly: case, accents, number formats and small typos in words."""

from __future__ import annotations

import pytest

from bot.typed_answers import typed_matches


@pytest.mark.parametrize(
    ("typed", "right"),
    [
        ("120000", "120,000"),
        ("120,000", "120000"),
        ("40", "40%"),
        ("40 %", "40%"),
        ("4", "four"),
        ("Four", "four"),
        ("1 billion", "$1 billion"),
        ("world food programme", "World Food Programme"),
        ("World Food Program", "World Food Programme"),
        ("malnutrtion", "malnutrition"),
        ("Cote d'Ivoire", "Côte d’Ivoire"),
        ("  sanctions. ", "sanctions"),
        ("2006", "2006"),
    ],
)
def test_a_typed_answer_written_another_way_is_right(typed, right):
    assert typed_matches(typed, right)


@pytest.mark.parametrize(
    ("typed", "right"),
    [
        ("12000", "120,000"),
        ("2007", "2006"),
        ("1 million", "$1 billion"),
        ("restrictions", "sanctions"),
        ("", "sanctions"),
        ("China", "Chile"),
        ("41", "40%"),
    ],
)
def test_a_different_answer_is_not_forgiven(typed, right):
    assert not typed_matches(typed, right)
