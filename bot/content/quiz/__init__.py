"""Questions from the sources, of eight kinds, each answered by the sentences it quotes: fill in a
statistic, name the source a claim cites, the country or organisation, the key term, the year, true or
false on a figure, which document says a sentence, and which of a document's facts a figure belongs to.

Kinds take turns; no two questions of a quiz quote the same sentence. Wrong options are of the same kind
as the right one and, where the library has them, its own (other organisations, other years); none
stands in the text a member reads, and the right one takes a random place among numbers and years, so
that no strategy that skips reading the sources does much better than chance. The same seed gives the
same questions.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

from bot.content.index.store import Store, StoredSentence, StoredStatistic
from bot.content.models import Difficulty, QuizQuestion
from bot.content.quiz._choices import BLANK, Shown, shown
from bot.content.quiz._documents import document_question
from bot.content.quiz._figures import figures_question
from bot.content.quiz._names import NamePool, name_pool, name_question
from bot.content.quiz._numbers import has_mathematics, number_question
from bot.content.quiz._sources import source_question
from bot.content.quiz._statements import statement_question
from bot.content.quiz._terms import TermPool, term_pool, term_question
from bot.content.quiz._years import library_years, year_question

__all__ = ["BLANK", "TOPIC_CANDIDATES", "Library", "generate", "has_mathematics", "library_of"]

TOPIC_CANDIDATES = 200
# Sentences a library's names, key terms and years are gathered from: enough to give a few hundred of
# each, and about 3 s when the engine warms, however large the library.
LIBRARY_SAMPLE = 20_000
_CANDIDATES_PER_QUESTION = 6
_FIGURE_CANDIDATES = 60  # a document's other figures tried beside the asked one, for six of its form


Builder = Callable[[], QuizQuestion | None]


@dataclass(frozen=True, slots=True)
class Library:
    """What wrong options are drawn from: the countries, organisations, key terms and years the sources give,
    and the titles of the documents that name one."""

    names: NamePool
    terms: TermPool
    years: list[int]
    titles: list[tuple[int, str]]


def library_of(texts: Iterable[str], titles: list[tuple[int, str]]) -> Library:
    texts = list(texts)
    return Library(name_pool(texts), term_pool(texts), library_years(texts), titles)


def generate(
    store: Store,
    rng: random.Random,
    *,
    count: int,
    scope: Sequence[StoredSentence] | None,
    library: Library,
    before: Callable[[StoredSentence], StoredSentence | None],
    subject: Callable[[int], frozenset[str]],
    saying: Callable[[str], set[int]],
    difficulty: Difficulty = "normal",
    asked: Collection[str] = frozenset(),
) -> list[QuizQuestion]:
    """`count` questions or fewer, the kinds taking turns; harder quizzes have closer wrong numbers and
    years and, for sources, wrong answers from the same reference list rather than any. `before` gives the
    sentence before one in its document, `subject` the country a document is about, `saying` the documents
    holding a sentence word for word; questions whose keys are `asked` are left out."""
    wanted = count * _CANDIDATES_PER_QUESTION
    if scope is None:
        # drawn among ids, which have gaps where a server removed a source: a gap draws nothing
        numbered = range(1, store.highest_id("statistics") + 1)
        statistics = store.statistics_by_id(rng.sample(numbered, min(len(numbered), wanted)))
        cited_ids = store.cited_sentence_ids()
        cited = store.sentences(rng.sample(cited_ids, min(len(cited_ids), wanted)))
        ids = range(store.highest_id("sentences") + 1)
        sentences = store.sentences(rng.sample(ids, min(wanted, len(ids))))
    else:
        statistics = store.statistics([s.id for s in scope])
        rng.shuffle(statistics)
        cited = [s for s in scope if s.references]
        rng.shuffle(cited)
        sentences = list(scope)
        rng.shuffle(sentences)
    by_id = {s.id: s for s in store.sentences(sorted({s.sentence for s in statistics}))}

    # A sentence is tried by several kinds; the sentence before it is looked up once.
    quotes: dict[int, Shown | None] = {}

    def made(sentence: StoredSentence, make: Callable[[Shown], QuizQuestion | None]) -> QuizQuestion | None:
        if sentence.id not in quotes:
            quotes[sentence.id] = shown(sentence, before)
        quote = quotes[sentence.id]
        return make(quote) if quote else None

    def stated(stat: StoredStatistic) -> QuizQuestion | None:
        """True or false on a figure that says what it counts and when or on whose word: whether a figure is
        told right is what a reader must know. With two options, these are kept to few."""
        if stat.counts is None or not (stat.year or by_id[stat.sentence].references):
            return None
        base = made(by_id[stat.sentence], lambda quote: number_question(stat, quote, rng, difficulty))
        return statement_question(base, rng) if base else None

    def figures(stat: StoredStatistic) -> QuizQuestion | None:
        first = by_id[stat.sentence]
        others = [o for o in store.statistics(store.document_sentence_ids(first.document_id)) if o.sentence != first.id]
        rng.shuffle(others)
        tried = [stat, *others[:_FIGURE_CANDIDATES]]
        sentences = {s.id: s for s in store.sentences(sorted({t.sentence for t in tried}))}
        facts: list[tuple[Shown, QuizQuestion]] = []
        for t in tried:
            fill_in = made(sentences[t.sentence], lambda q, t=t: number_question(t, q, rng, difficulty))
            quote = quotes[t.sentence]
            if fill_in and quote and all(q.sentence.id != t.sentence for q, _ in facts):
                facts.append((quote, fill_in))
        if not facts or facts[0][0].sentence.id != first.id:
            return None
        return figures_question(facts, rng)

    names = library.names
    claims = [by_id[t.sentence] for t in statistics] + cited
    rng.shuffle(claims)
    builders: list[list[Builder]] = [
        [lambda t=t: made(by_id[t.sentence], lambda q: number_question(t, q, rng, difficulty)) for t in statistics],
        [lambda s=s: made(s, lambda q: source_question(q, store, rng, difficulty)) for s in cited],
        [
            lambda s=s: made(s, lambda q: name_question(q, names, rng, subject=lambda: subject(s.document_id)))
            for s in sentences
        ],
        [lambda s=s: made(s, lambda q: term_question(q, library.terms, rng)) for s in sentences],
        [lambda s=s: made(s, lambda q: year_question(q, library.years, rng, difficulty)) for s in sentences],
        [lambda s=s: stated(s) for s in reversed(statistics)],
        [lambda s=s: made(s, lambda q: document_question(q, library.titles, rng, saying)) for s in claims],
        [lambda t=t: figures(t) for t in statistics[len(statistics) // 2 :]],
    ]
    questions: list[QuizQuestion] = []
    used: set[str] = set()
    turn = rng.randrange(len(builders))
    while len(questions) < count and any(builders):
        queue: list[Builder] = next(q for k in range(len(builders)) if (q := builders[(turn + k) % len(builders)]))
        turn = (turn + 1) % len(builders)
        question = queue.pop(0)()
        if question is None or question.key in asked:
            continue
        if question.quote not in used:
            used.add(question.quote)
            questions.append(question)
    return questions
