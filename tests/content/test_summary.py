"""How a summary picks its sentences (summary.py), on a small document written for the rules: a question is
never picked, a sentence leaning on the one before comes with it, and one with nothing before it to lean
on is left out."""

from __future__ import annotations

from bot.content import summary
from bot.content.index.store import StoredSentence
from bot.content.models import DocumentInfo

DOCUMENT = DocumentInfo(id="report", title="Report", path="report.txt")
TEXTS = [
    "These figures were never published by the ministry of food.",  # leans back, and is the first
    "Do food rations reach the rural provinces at all, in any season?",
    "Food rations were cut by half in the rural provinces last winter.",
    "They were restored in spring after the harvest came in.",
    "Food prices in the capital doubled over the same period of time.",
]
SENTENCES = [StoredSentence(i + 1, 1, DOCUMENT, 1, None, 0, text, []) for i, text in enumerate(TEXTS)]


def choose(scores: list[float]) -> list[str]:
    by_id = {s.id: s for s in SENTENCES}
    chosen = summary.choose(
        SENTENCES,
        {s.id: score for s, score in zip(SENTENCES, scores, strict=True)},
        lambda text: text.lower().split(),
        lambda s: by_id.get(s.id - 1),
    )
    return [s.text for s in chosen]


def test_a_question_is_never_picked_however_relevant():
    assert TEXTS[1] not in choose([1.0, 9.0, 1.0, 1.0, 1.0])


def test_a_sentence_leaning_on_the_one_before_comes_with_it_in_order():
    picked = choose([1.0, 1.0, 2.0, 9.0, 1.0])
    assert picked.index(TEXTS[2]) + 1 == picked.index(TEXTS[3])


def test_a_sentence_with_nothing_before_it_to_lean_on_is_left_out():
    assert TEXTS[0] not in choose([9.0, 1.0, 1.0, 1.0, 1.0])
