"""What a question asks for, read from its words alone."""

from __future__ import annotations

import pytest

from bot.content.query import asks_for_a_figure


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("How many people in the world go hungry?", True),
        ("how much did the economy shrink", True),
        ("What share of the targets are on track?", True),
        ("By how much has the planet warmed?", True),
        ("How does North Korea answer the accusations?", False),
        ("What did the report say about food?", False),
        ("Are children recruited by gangs?", False),
    ],
)
def test_a_question_asking_for_a_quantity_is_told_from_its_opening_words(question: str, figure: bool):
    assert asks_for_a_figure(question) is figure
