"""The quiz's questions: many kinds from the seeds, none guessable without reading, each with its context."""

from __future__ import annotations

import random
import shutil
from collections import Counter
from pathlib import Path

import pytest

from bot.content.engine import StudyEngine
from bot.content.index.build import open_index
from bot.content.index.store import StoredSentence
from bot.content.models import DocumentInfo, QuizQuestion
from bot.content.quiz._choices import Shown
from bot.content.quiz._distractors import number_distractors, number_style
from bot.content.quiz._names import name_pool, name_question, names_in
from bot.content.quiz._terms import term_pool
from bot.content.quiz._years import years_in
from bot.content.topics import load_topics
from tests.content.test_answers import check_question
from tests.evaluation.quiz_guessing import guessability, kinds, question_pool

EVALUATION_DOCUMENTS = Path(__file__).parents[1] / "evaluation" / "documents"
TOPICS = Path(__file__).parents[2] / "config" / "topics.yaml"


@pytest.fixture(scope="module")
def pool(engine):
    return question_pool(engine, seeds=60)


def test_the_seeds_give_sixty_distinct_valid_questions_of_five_kinds_or_more(pool, documents):
    for question in pool:
        check_question(question, documents)
    assert len(pool) >= 60, kinds(pool)  # reached: 89 over 60 seeds (94 over 100)
    assert len(kinds(pool)) >= 5


def test_no_strategy_that_skips_reading_beats_chance_by_much(pool):
    measured = guessability(pool)
    name, score = measured.best
    assert score <= 0.30, (name, measured.by_strategy)  # reached: 0.27 (the option the others are multiples of)


def test_a_question_on_a_sentence_that_points_back_shows_the_sentence_before(pool):
    pointing = [q for q in pool if q.quote.startswith(("This follows", "These include", "This includes"))]
    assert pointing and all(q.context for q in pointing)
    for question in pointing:
        assert question.context is not None and question.context not in question.quote


def test_the_right_number_takes_every_place_among_the_options():
    style = number_style("120,000")
    assert style is not None
    places: Counter[int] = Counter()
    for seed in range(200):
        wrong = number_distractors(style, random.Random(seed), avoid="over 120,000 people")
        if wrong is None:
            continue
        values = sorted([120_000, *(int(w.replace(",", "")) for w in wrong)])
        places[values.index(120_000)] += 1
    assert set(places) == {0, 1, 2, 3} and min(places.values()) >= 25, places


def test_a_small_number_with_no_room_below_it_is_not_asked_as_the_smallest_every_time():
    style = number_style("2")
    assert style is not None
    made = [number_distractors(style, random.Random(seed), avoid="") for seed in range(100)]
    asked = [sorted([2, *map(int, wrong)]).index(2) for wrong in made if wrong is not None]
    # "2" has only "1" below it: asked with 2 as the smallest or second smallest, never a place it can't take
    assert asked and set(asked) <= {0, 1} and len(asked) < 60


def test_organisations_and_countries_are_found_by_general_rules():
    found = {n.text: n.kind for n in names_in("If the United Nations and the World Food Programme help Chile.")}
    assert found == {"United Nations": "organisation", "World Food Programme": "organisation", "Chile": "country"}
    assert names_in("I WISH TO CONGRATULATE THE SECURITY COUNCIL.") == []
    assert [n.text for n in names_in("He told the U.N. Panel of Experts.")] == ["U.N. Panel of Experts"]
    assert names_in("In April Parliament adopted the law.") == []  # a sentence's first word and a month


def test_a_year_only_in_a_citation_is_not_asked_but_a_dated_one_is():
    assert years_in("Prices rose sharply (World Bank, 2019).") == []
    assert [m.group(0) for m in years_in("Talks collapsed in 2019 (BBC, 2019).")] == ["2019"]
    assert [m.group(0) for m in years_in("the 2015 JCPOA with Iran")] == ["2015"]
    assert years_in("It cost 2019 dollars.") == []


def test_a_key_term_is_asked_beside_terms_of_the_same_ending_and_number(engine):
    library = term_pool(
        ["sanctions restrictions negotiations resolutions executions", "malnutrition information pressure"]
    )
    assert {"sanctions", "restrictions", "malnutrition", "pressure"} <= set(library.uses)
    for question in (q for seed in range(30) for q in engine.quiz(count=10, seed=seed).questions):
        if question.kind == "term":
            right = question.options[question.answer]
            assert all(o.endswith("s") == right.endswith("s") for o in question.options), question.options


@pytest.fixture(scope="module")
def every_key(engine) -> set[str]:
    """Quizzes of ten, each leaving out what the ones before asked, until a round has to start over."""
    asked: set[str] = set()
    for seed in range(40):
        answer = engine.quiz(count=10, seed=seed, asked=asked)
        keys = {q.key for q in answer.questions}
        if answer.started_over:
            assert len(answer.questions) == 10  # the round starts over rather than end short
            return asked
        assert asked.isdisjoint(keys), "a question came back while others were left"
        asked |= keys
    raise AssertionError("40 quizzes of ten never ran out of questions on the seeds")


def test_questions_already_asked_are_left_out_until_they_run_out(every_key):
    assert len(every_key) >= 60


def test_a_dropped_question_is_never_asked_even_when_a_round_starts_over(engine, every_key):
    dropped = set(sorted(every_key)[:10])
    answers = [engine.quiz(count=10, seed=seed, asked=every_key, never=dropped) for seed in range(20)]
    assert sum(a.started_over for a in answers) >= 10
    for answer in answers:
        assert dropped.isdisjoint(q.key for q in answer.questions)


def test_a_name_the_whole_library_gives_all_the_time_is_no_question():
    texts = [f"The United Nations met in Chile on day {i}." for i in range(40)] + ["Peru and Ghana met."] * 3
    library = name_pool(texts)
    assert library.common == {"united nations", "CL"}


# Documents that name their titles (their origin and licence: tests/evaluation/README.md).
_TITLED = (
    "python-3.8-whatsnew.html",
    "python-3.9-whatsnew.html",
    "python-3.11-whatsnew.html",
    "python-faq-design.html",
    "python-faq-general.html",
    "udhr-english.html",
    "debian-handbook-project.html",
    "debian-reference-preface.html",
    "git-reviewing-guidelines.html",
)


@pytest.fixture(scope="module")
def titled(tmp_path_factory) -> StudyEngine:
    sources = tmp_path_factory.mktemp("titled") / "sources"
    sources.mkdir()
    for name in _TITLED:
        shutil.copy(EVALUATION_DOCUMENTS / name, sources / name)
    return StudyEngine(open_index(sources, progress=False), load_topics(TOPICS))


@pytest.fixture(scope="module")
def titled_pool(titled) -> list[QuizQuestion]:
    return question_pool(titled, seeds=20)


def test_which_document_says_a_sentence_offers_titles_of_documents_that_do_not(titled, titled_pool):
    store = titled.index.store
    texts = {title: set(store.document_texts(doc)) for doc, title in store.document_titles()}
    asked = [q for q in titled_pool if q.kind == "document"]
    assert len(asked) >= 20, kinds(asked)  # reached: 60
    for q in asked:
        right = q.options[q.answer]
        assert q.quote in texts[right] and f"“{q.quote}”" in q.prompt
        assert all(q.quote not in texts[o] for o in q.options if o != right)
        # The quote never names its own document's subject: the prompt alone would tell.
        assert not any(word in q.quote.casefold() for word in ("whatsnew", "debian project", "declaration"))


def test_a_figure_is_asked_among_facts_of_its_own_document_written_alike(titled, titled_pool):
    store = titled.index.store
    documents = {title: doc for doc, title in store.document_titles()}
    asked = [q for q in titled_pool if q.kind == "figures"]
    assert len(asked) >= 10, kinds(asked)  # reached: 21
    for q in asked:
        sentences = store.document_texts(documents[q.document.title])
        figure = q.prompt.split("“", 1)[1].split("”", 1)[0]
        fits = [i for i, fact in enumerate(q.options) if fact.replace("____", figure) in sentences]
        assert fits == [q.answer] and q.options[q.answer].replace("____", figure) == q.quote
        # Each wrong fact is a sentence of the same document with its own, other figure.
        assert all(any(_fills(o, s) for s in sentences) for o in q.options)
        after = {o.split("____", 1)[1][:1] == "%" for o in q.options}
        assert len(after) == 1, q.options  # all shares or none


def _fills(blanked: str, sentence: str) -> bool:
    before, after = blanked.split("____", 1)
    return sentence.startswith(before) and sentence.endswith(after) and len(sentence) > len(before) + len(after)


def test_the_new_kinds_are_no_easier_to_guess_without_reading(titled_pool):
    pool = [q for q in titled_pool if q.kind in ("document", "figures")]
    name, score = guessability(pool).best
    assert score <= 0.30, (name, guessability(pool).by_strategy)  # reached: 0.27 (the longest) over 81


def test_a_name_inside_another_name_of_the_sentence_is_not_blanked_out_of_it():
    text = "Officials of Chile said the Bank of Chile and the World Bank met Peru on Monday."
    document = DocumentInfo(id="doc", title="A history", path="doc.txt")
    sentence = StoredSentence(1, 1, document, 0, None, 0, text, [])
    others = ("Kenya", "Ghana", "Japan", "Fiji", "Nepal", "the Asian Development Bank", "the World Health Organization")
    library = name_pool([*(f"Officials of {o} met the Red Cross on day {i}." for i, o in enumerate(others)), text])
    asked = {
        q.options[q.answer]
        for seed in range(80)
        if (q := name_question(Shown(sentence, None), library, random.Random(seed), subject=frozenset)) is not None
    }
    # "Chile" blanked everywhere would leave "Bank of ____"; "Bank of Chile" blanked would leave "Chile".
    assert "Peru" in asked and not asked & {"Chile", "Bank of Chile"}, asked
