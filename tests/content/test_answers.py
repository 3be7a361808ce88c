"""The engine's answers over the seeds: summaries, cite, quiz, fact, topics, sources, and their quotes."""

import re
import shutil
from pathlib import Path

import pytest

from bot.content import summary
from bot.content.engine import StudyEngine
from bot.content.index.build import open_index
from bot.content.statistics import find_statistics
from bot.errors import InputError, NothingFoundError, UnknownTopicError
from bot.render.text import render_summary
from tests.conftest import ESSAY, NEWS
from tests.evaluation.summary_scoring import judge

EVALUATION = Path(__file__).parents[1] / "evaluation" / "documents"
FURNITURE = ("Najib Razak", "Zelenskiy", "3rd-year", "I am Khushi", "Penguin Books", "תגובות", "By Khushi")


def assert_verbatim(quote: str, document_id: str, documents: dict[str, str]) -> None:
    assert quote in documents[document_id], quote
    assert not any(f in quote for f in FURNITURE), quote


@pytest.mark.parametrize("topic", ["food", "sanctions", "Diplomatic pressure", "hunger", "covid", "north-korea"])
def test_summary_has_three_to_six_verbatim_sentences_with_sources(engine, documents, topic):
    answer = engine.summary(topic)
    assert 3 <= len(answer.sentences) <= 6
    assert len({s.text for s in answer.sentences}) == len(answer.sentences)
    for sentence in answer.sentences:
        assert_verbatim(sentence.text, sentence.document.id, documents)
        if sentence.reference:
            assert f"({sentence.reference.key})" in sentence.text or sentence.reference.authors in sentence.text


def test_every_topics_summary_meets_the_rubric_but_where_the_sources_are_short(engine):
    # The rubric of tests/evaluation (written apart from the engine's rules): no sentence leans on one
    # the summary leaves out, each document is named where its sentences start, reading order, every
    # document that says much on the topic quoted, 3 to 6 sentences (the seeds hold two on detention).
    store = engine.index.store
    order = {
        (store.document(d).id, text): place
        for d in store.document_ids()
        for place, text in enumerate(store.document_texts(d))
    }
    for topic in engine.topics:
        answer = engine.summary(topic.id)
        hits = engine.index.search.find(engine._planner.topic_phrases(topic), limit=summary.CANDIDATES)
        failed = judge(answer, render_summary(answer), store.sentences([sid for sid, _ in hits]), order)
        assert failed == (["size"] if topic.id == "detention" else []), (topic.id, failed)
        # a question is never picked: it may only come before the sentence that answers it
        asked = [i for i, s in enumerate(answer.sentences) if s.text.endswith("?")]
        assert all(i + 1 < len(answer.sentences) for i in asked), topic.id


@pytest.mark.parametrize(
    ("text", "leans"),
    [
        ("These include restrictions on trade in coal.", True),
        ("However, the report was never published.", True),
        ("The report also found that fences were built.", True),
        ("“We will not give up,” she said.", True),
        ("In addition, 40% of children are stunted.", True),
        ("(Contributed by Victor Stinner in bpo-45085.)", True),
        ("(The figure excludes refugees) was all the report said.", False),
        ("It is estimated that 40% of children are stunted.", False),
        ("There are 120,000 people in the camps.", False),
        ("Thailand and Laos signed the treaty.", False),
    ],
)
def test_a_sentence_that_leans_on_the_one_before_is_recognised(text, leans):
    assert summary.points_back(text) is leans


def test_summary_keeps_each_documents_sentences_in_reading_order(engine, documents):
    answer = engine.summary("food")
    for doc_id in {s.document.id for s in answer.sentences}:
        positions = [documents[doc_id].index(s.text) for s in answer.sentences if s.document.id == doc_id]
        assert positions == sorted(positions)


def test_a_phrase_that_names_no_topic_is_summarised_from_the_sentences_on_it(engine, documents):
    answer = engine.summary("cryptocurrency theft")
    assert answer.topic == "cryptocurrency theft"
    assert any("cyberattacks to steal cryptocurrency" in s.text for s in answer.sentences)
    for sentence in answer.sentences:
        assert_verbatim(sentence.text, sentence.document.id, documents)


def test_a_phrase_the_sources_say_nothing_about_names_the_nearest_topics(engine):
    with pytest.raises(NothingFoundError) as error:
        engine.summary("fod")
    assert error.value.message == "The sources say nothing about fod."
    assert "food" in error.value.hint


def test_food_topic_answers_to_its_aliases(engine):
    assert engine.resolve_topic("famine").id == "food"
    assert engine.resolve_topic("Malnutrition").id == "food"
    with pytest.raises(UnknownTopicError) as error:
        engine.resolve_topic("fod")
    assert "food" in error.value.suggestions


def test_cite_supports_a_claim_a_sentence_states_with_its_reference(engine, documents):
    answer = engine.cite("The World Food Programme says 10.7 million North Koreans need food assistance")
    assert answer.verdict == "supported"
    best = answer.matches[0]
    assert best.relation == "supports" and "10.7 million North Koreans" in best.text
    assert best.reference.key == "World Food Programme, 2022"
    for match in answer.matches:
        assert_verbatim(match.text, match.document.id, documents)


def test_cite_contradicts_a_claim_with_a_changed_figure_and_names_the_real_one(engine):
    answer = engine.cite("Sanctions against North Korea intensified after its first nuclear test in 2009.")
    assert answer.verdict == "contradicted"
    assert answer.matches[0].relation == "contradicts" and answer.matches[0].differs == "2006"


def test_cite_contradicts_a_claim_with_the_opposite_word_quoting_the_sources_own_word(engine):
    answer = engine.cite("Trade restrictions improved food shortages.")
    assert answer.verdict == "contradicted"
    contradicting = answer.matches[0]
    assert contradicting.relation == "contradicts" and contradicting.differs == "worsened"
    assert contradicting.differs in contradicting.text


def test_cite_does_not_confirm_a_loose_paraphrase_but_shows_the_closest(engine):
    answer = engine.cite("sanctions and trade restrictions caused malnutrition in a large share of the population")
    assert answer.verdict == "related"
    assert "malnutrition affecting 40% of the population" in answer.matches[0].text
    assert all(m.relation == "related" for m in answer.matches)
    assert [m.score for m in answer.matches] == sorted((m.score for m in answer.matches), reverse=True)


def test_cite_holds_a_claim_to_the_source_it_names(engine):
    claim = "According to {}, China and Russia have been criticised for being lenient in enforcing U.N. sanctions."
    answer = engine.cite(claim.format("Human Rights Watch"))  # the work the sentence cites
    assert answer.verdict == "supported"
    assert answer.matches[0].reference is not None and answer.matches[0].reference.key == "Human Rights Watch, 2023"
    answer = engine.cite(claim.format("Amnesty International"))  # the essay cites Amnesty, but not for this
    assert answer.verdict == "related"


def test_cite_reads_the_name_a_sentence_refers_back_to_in_the_sentence_before(tmp_path):
    # Myanmar's 2020 speech: "It is the aim of the NLD Government to ... To that end, the Government has
    # successfully convened four sessions of the Union Peace Conference, ..."
    (tmp_path / "sources").mkdir()
    shutil.copy(EVALUATION / "MMR_75_2020.txt", tmp_path / "sources")
    engine = StudyEngine(open_index(tmp_path / "sources", index_dir=tmp_path / "index"), [])
    answer = engine.cite("The NLD Government has convened four sessions of the Union Peace Conference.")
    assert answer.verdict == "supported" and answer.matches[0].text.startswith("To that end, the Government")
    answer = engine.cite("The USDP Government has convened four sessions of the Union Peace Conference.")
    assert answer.verdict == "related"


def test_cite_reads_a_speechs_first_person_as_its_author_a_country(tmp_path):
    # Palestine's 2022 speech names Israel most; its "we" are Palestine's only when its sidecar says who spoke
    (tmp_path / "sources").mkdir()
    shutil.copy(EVALUATION / "PSE_77_2022.txt", tmp_path / "sources")
    claim = "Palestine has signed agreements to fight global terrorism with 85 States."
    engine = StudyEngine(open_index(tmp_path / "sources", index_dir=tmp_path / "index"), [])
    assert engine.cite(claim).verdict == "related"
    (tmp_path / "sources" / "PSE_77_2022.meta.yaml").write_text("author: State of Palestine\n", encoding="utf-8")
    engine = StudyEngine(open_index(tmp_path / "sources", index_dir=tmp_path / "index"), [])
    answer = engine.cite(claim)
    assert answer.verdict == "supported" and "we have signed agreements" in answer.matches[0].text
    assert engine.cite(claim.replace("Palestine", "Israel")).verdict == "related"
    # an author that names the country but is not its government speaks for itself
    (tmp_path / "sources" / "PSE_77_2022.meta.yaml").write_text("author: Friends of Palestine\n", encoding="utf-8")
    engine = StudyEngine(open_index(tmp_path / "sources", index_dir=tmp_path / "index"), [])
    assert engine.cite(claim).verdict == "related"


def test_cite_says_plainly_when_nothing_speaks_to_a_claim(engine):
    answer = engine.cite("penguins migrate across Antarctic ice shelves every winter")
    assert answer.verdict == "none" and answer.matches == []


def check_question(q, documents) -> None:
    assert 2 <= len(q.options) <= 4 and len(set(q.options)) == len(q.options)
    assert 0 <= q.answer < len(q.options)
    right = q.options[q.answer]
    wrong = [o for i, o in enumerate(q.options) if i != q.answer]
    assert_verbatim(q.quote, q.document.id, documents)
    if q.context:
        assert_verbatim(q.context, q.document.id, documents)
    assert q.explanation and "\n" not in q.explanation
    if q.kind == "statement":
        # Altered text is never shown in quotation marks as a source's words.
        assert q.options == ["True", "False"] and q.prompt.startswith("True or false? ") and "“" not in q.prompt[:16]
        statement = q.prompt.removeprefix("True or false? ").split("\n", 1)[0]
        assert (statement == q.quote) == (right == "True")
    elif q.kind == "figures":
        # The figure fills the right fact's blank to give the quote back, and no wrong fact's blank to give
        # the source's words.
        figure = q.prompt.split("“", 1)[1].split("”", 1)[0]
        assert right.replace("____", figure) == q.quote
        for w in wrong:
            assert w.count("____") == 1 and w.replace("____", figure) not in documents[q.document.id]
    elif q.kind == "document":
        assert right == q.document.title and not q.document.title_is_opening and f"“{q.quote}”" in q.prompt
    elif q.kind == "source":
        assert q.reference is not None and right in (q.reference.key, q.reference.key.rsplit(", ", 1)[0])
        assert right in q.quote
        claim = q.prompt.split("“", 1)[1]
        assert q.reference.authors not in claim
        assert not any(f"({w}" in q.quote for w in wrong)
    else:
        blanked = q.prompt.split("“", 1)[1].rsplit("”", 1)[0]
        assert blanked.replace("____", right) == q.quote
        for w in wrong:
            assert not re.search(rf"(?<![\w.,]){re.escape(w)}(?![\w]|[.,]\d)", f"{q.context} {q.quote}", re.I), w
        if q.kind == "number":
            assert any(right in s.value for s in find_statistics(q.quote))
        if q.kind == "year":
            assert all(re.fullmatch(r"\d{4}", o) for o in q.options)


@pytest.mark.parametrize("seed", range(25))
def test_every_generated_question_is_valid(engine, documents, seed):
    answer = engine.quiz(count=8, seed=seed)
    assert answer.questions and answer.seed == seed
    assert len({q.quote for q in answer.questions}) == len(answer.questions)
    for question in answer.questions:
        check_question(question, documents)


def test_number_distractors_are_of_the_same_kind_and_scale(engine):
    for seed in range(30):
        for q in engine.quiz(count=10, seed=seed).questions:
            if q.kind != "number":
                continue
            right = q.options[q.answer]
            for option in q.options:
                assert ("%" in option) == ("%" in right)
                assert option.startswith("$") == right.startswith("$")
                assert ("million" in option) == ("million" in right)
                assert ("billion" in option) == ("billion" in right)


def test_quiz_is_reproducible_with_a_seed_and_mixes_kinds(engine):
    first = engine.quiz(count=6, seed=42)
    assert first == engine.quiz(count=6, seed=42)
    assert len({q.kind for q in first.questions}) >= 4
    assert engine.quiz(count=6, seed=43) != first


def test_quiz_by_topic_asks_only_about_that_topic(engine, documents):
    answer = engine.quiz(topic="food", count=5, seed=1)
    assert answer.topic == "Food and hunger"
    for q in answer.questions:
        check_question(q, documents)
        assert "food" in q.quote.lower() or "malnutrition" in q.quote.lower()


def test_fact_is_reproducible_and_verbatim(engine, documents):
    facts = {engine.fact(seed=s).fact.quote for s in range(40)}
    assert len(facts) > 5
    assert engine.fact(seed=7) == engine.fact(seed=7)
    for seed in range(40):
        fact = engine.fact(seed=seed).fact
        assert_verbatim(fact.quote, fact.document.id, documents)
        assert fact.statistic is not None or fact.reference is not None


def test_topics_combine_curated_and_corpus_topics_with_counts(engine):
    topics = {t.id: t for t in engine.list_topics().topics}
    assert topics["food"].origin == "curated" and topics["food"].documents == 2
    assert topics["food"].passages >= 3
    assert any(t.origin == "corpus" for t in topics.values())
    assert topics["north-korea"].origin == "corpus"


def test_sources_lists_both_seeds_with_metadata_and_references(engine):
    answer = engine.sources()
    by_id = {s.document.id: s for s in answer.sources}
    assert set(by_id) == {NEWS, ESSAY}
    assert by_id[ESSAY].document.author == "Khushi Maheshwari"
    assert len(by_id[ESSAY].references) == 12 and by_id[NEWS].references == []
    assert by_id[NEWS].document.title_is_opening
    assert by_id[NEWS].document.title.startswith("While North Korea claims")


@pytest.mark.parametrize(
    "call",
    [
        lambda e: e.search(""),
        lambda e: e.search("   \n "),
        lambda e: e.search("x" * 5000),
        lambda e: e.search("the of and"),
        lambda e: e.cite("claim " * 2000),
        lambda e: e.summary("no such topic"),
        lambda e: e.quiz(count=0),
        lambda e: e.search("prison", limit=0),
    ],
)
def test_bad_input_raises_a_typed_error_with_a_message(engine: StudyEngine, call):
    with pytest.raises((InputError, NothingFoundError)) as error:
        call(engine)
    assert str(error.value)


def _spread(question) -> float:
    """How far, as a ratio, the wrong numbers sit from the right one."""

    def number(text: str) -> float:
        return float(re.sub(r"[^\d.]", "", text) or 0)

    right = number(question.options[question.answer])
    wrong = [number(o) for i, o in enumerate(question.options) if i != question.answer]
    return max(max(w, right) / min(w, right) for w in wrong if w and right)


def _by_ratio(question) -> bool:
    right = question.options[question.answer]
    after = question.prompt.split("____", 1)[1]
    share = after.startswith(("%", " per cent", " percent"))
    return (right[:1].isdigit() or right[:1] == "$") and not share and float(re.sub(r"[^\d.]", "", right)) > 12


@pytest.mark.parametrize("seed", range(10))
def test_harder_quizzes_have_closer_wrong_numbers(engine, documents, seed):
    easy = [q for q in engine.quiz(count=8, seed=seed, difficulty="easy").questions if q.kind == "number"]
    hard = [q for q in engine.quiz(count=8, seed=seed, difficulty="hard").questions if q.kind == "number"]
    for question in easy + hard:
        check_question(question, documents)
    # Counts and amounts past the small ones, whose wrong numbers step by ratios (3-5 easy, 1.1-1.25 hard):
    # small numbers step by ones and shares near 100% by their distance from it, so their spreads overlap.
    digits = [q for q in easy + hard if _by_ratio(q)]
    easy_spread = [_spread(q) for q in digits if q in easy]
    hard_spread = [_spread(q) for q in digits if q in hard]
    if easy_spread and hard_spread:
        assert min(easy_spread) > max(hard_spread)
