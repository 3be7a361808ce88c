"""The engine reads the evaluation's real documents as their ground truth says (see README.md).

The floors are the targets the issue set, or, where not yet met, what the engine reached when it was
last measured, so that a change that reads worse fails here; benchmarks/reading_accuracy.py prints the
figures of the development and held-out sets apart.
"""

from __future__ import annotations

import shutil

import pytest

from bot.content.engine import StudyEngine
from bot.content.index.build import open_index
from bot.content.topics import load_topics
from tests.conftest import TOPICS
from tests.evaluation.scoring import (
    DOCUMENTS,
    Scores,
    as_written,
    ingest,
    letters,
    quiz_validity,
    report,
    score,
    truths,
)


@pytest.fixture(scope="module")
def both() -> tuple[Scores, Scores]:
    """All documents' scores, and the held-out ones' alone."""
    total, held_out = Scores(), Scores()
    for truth in truths():
        ingested = ingest(truth)
        score(truth, ingested, total)
        if truth.held_out:
            score(truth, ingested, held_out)
    print("\n" + "\n".join(report(total, "all documents")))
    # a failure lists the development documents' misses: the held-out ones are counted, never shown
    total.problems = [p for p in total.problems if p not in held_out.problems]
    return total, held_out


@pytest.fixture(scope="module")
def scores(both: tuple[Scores, Scores]) -> Scores:
    return both[0]


def test_no_answer_quotes_furniture_markup_or_notes(both):
    # The target on every document developed against; the held-out round is measured, not worked on
    # (round 25 on its first run: 378 of 381; round 20's: 501 of 501), so its floor allows a few misses.
    total, held_out = both
    developed = total.sentences.found - held_out.sentences.found, total.sentences.total - held_out.sentences.total
    assert developed[0] == developed[1], [p for p in total.problems if "furniture" in p]
    assert held_out.sentences.share >= 0.99


def test_answers_are_the_sources_words_as_written(scores):
    # The few misses are displayed mathematics inside sentences, which no two PDF readers write alike.
    assert scores.verbatim.share >= 0.98, [p for p in scores.problems if "as written" in p][:10]


def test_the_body_is_read(scores):
    assert scores.body.share >= 0.9, [p for p in scores.problems if "body" in p]


def test_statistics_are_found_and_nothing_else_is(scores):
    assert scores.statistics_precision.share >= 0.95  # reached: 0.98 (2,025 of 2,076)
    assert scores.statistics_recall.share >= 0.95  # reached: 0.98 (1,993 of 2,035)


@pytest.mark.parametrize("style", ["author-year", "footnote", "numbered"])
def test_citations_of_every_style_link_to_their_reference(scores, style):
    assert scores.citations[style].share >= 0.9, [p for p in scores.problems if style in p]


def test_every_quiz_question_is_right_and_backed_by_its_quote(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("evaluation")
    for path in DOCUMENTS.iterdir():
        shutil.copy(path, folder / path.name)
    engine = StudyEngine(open_index(folder, progress=False), load_topics(TOPICS))
    checked = Scores()
    quiz_validity(engine, {t.document: t for t in truths()}, checked, quizzes=20)
    print("\n" + report(checked, "quizzes")[-1])
    # One miss is known: a PDF whose math font maps "√" to the letter "p", so "√n(t)" reads "pn(t)" and the
    # question's quote is not the words a reader sees (reached: 190 of 190 on 149 documents; the target is all).
    assert checked.quiz.total >= 100 and checked.quiz.share >= 0.99, checked.problems


def test_the_verbatim_check_finds_a_sentence_a_page_header_splits_where_a_likelier_reading_misleads():
    source = letters(
        "to end impunity. A\n\n23 06-53952\n\nUnited Nations peacekeeping force should be allowed to protect "
        "them. We stand ready to contribute to a United Nations mission in Darfur."
    )
    assert as_written("A United Nations peacekeeping force should be allowed to protect them.", source)
    assert not as_written("A United Nations peacekeeping force should be allowed to leave them.", source)
