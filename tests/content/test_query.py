"""What a question asks for, read from its words alone."""

from __future__ import annotations

import pytest

from bot.content.query import asks_for
from bot.content.statistics import gives_a_date


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How many people in the world go hungry?", "figure"),
        ("how much did the economy shrink", "figure"),
        ("What share of the targets are on track?", "figure"),
        ("By how much has the planet warmed?", "figure"),
        ("When did Russia invade Ukraine?", "date"),
        ("In which year were the sanctions imposed?", "date"),
        ("How does North Korea answer the accusations?", None),
        ("What did the report say about food?", None),
        ("Are children recruited by gangs?", None),
    ],
)
def test_what_a_question_asks_for_is_told_from_its_opening_words(question: str, kind: str | None):
    assert asks_for(question) == kind


@pytest.mark.parametrize(
    ("sentence", "dated"),
    [
        ("On 24 February, the Russian Federation attacked", True),
        ("Sanctions intensified in 2006.", True),
        ("It closed on May 14.", True),
        ("More than 1,500 people died.", False),
        ("Temperatures rose by 2.2°C.", False),
        ("14 million may do the same.", False),  # a month only with its capital
    ],
)
def test_a_sentence_gives_a_date_with_a_year_or_a_day_and_its_month(sentence: str, dated: bool):
    assert gives_a_date(sentence) is dated
