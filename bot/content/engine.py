"""The content engine's one entry point: every answer the bot gives, as a pydantic model.

Renderers (CLI, Discord cogs, playground) call these methods and never touch the index themselves.
"""

from __future__ import annotations

import difflib
import math
import random
import re
import statistics
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

from bot.content import facts, language, lexicon, quiz, summary
from bot.content.countries import countries_in, only_country, without_countries
from bot.content.index.build import ContentIndex
from bot.content.index.meaning import Embedder, MeaningIndex, SentenceMeaning
from bot.content.index.search import Phrase
from bot.content.index.store import StoredSentence, StoredStatistic
from bot.content.models import (
    CiteAnswer,
    ClaimMatch,
    Difficulty,
    Fact,
    FactAnswer,
    Passage,
    QuizAnswer,
    QuizQuestion,
    Relation,
    SearchAnswer,
    SourcesAnswer,
    SourceSummary,
    Statistic,
    StatsAnswer,
    SummaryAnswer,
    TopicInfo,
    TopicsAnswer,
    Verdict,
)
from bot.content.query import QueryPlanner, asks_for
from bot.content.statistics import gives_a_date
from bot.content.topics import Topic, discover_topics
from bot.content.verdict import ClaimReader, Judgement, NearWord, weighed
from bot.errors import InputError, NothingFoundError, UnknownTopicError

MAX_QUERY_CHARS = 300
MAX_CLAIM_CHARS = 1000
MAX_LIMIT = 50
MAX_QUESTIONS = 20
# Candidates the search brings for each match shown: the sentence that contradicts a claim may rank
# below the ones that merely share its words.
_CITE_CANDIDATES = 6
_RELATION_ORDER: dict[Relation, int] = {"supports": 0, "contradicts": 1, "related": 2}
_VERDICTS: dict[Relation, Verdict] = {"supports": "supported", "contradicts": "contradicted", "related": "related"}
# Search by meaning: the sentences nearest in meaning join the words' best, and each is ranked by its
# cosine plus a small share of its words' score (the share is the vectors' own: `words_weight`).
_MEANING_CANDIDATES = 50
# ... and a question asking for a quantity ranks a sentence that quotes a statistic this much higher (a
# figure answers "How many people go hungry?", a sentence on hunger alone does not), as one asking "When"
# ranks a sentence giving a date. On the development questions 0.01 to 0.05 each answered one more
# quantity in the top three, 0.05 two; but 0.05 also lifted figures off the question ("a hermit kingdom
# where political dissent...") above sentences on it. 0.02 and 0.03 each answered the one "When".
_ANSWER_KIND_WEIGHT = 0.03
# A sentence found by meaning alone, with none of the query's words, must be at least this close: below
# it, questions the sources say nothing about ("weather tomorrow") still find their nearest sentence.
_MIN_COSINE = 0.82
_UNRELATED_COSINE = 0.75
# Below this, a sentence is off the question whatever words it shares with it: "What will the weather be
# like tomorrow in Paris?" met "technologies like blockchain" by its "like" (chosen on the development
# questions, whose recall it keeps, and five questions the sources say nothing about: 3 answered → 1).
_WORDS_MIN_COSINE = 0.78
# A sentence this near a claim in meaning speaks of the same thing, so that it may state the claim in
# other words (see verdict.CLOSE_SUPPORT_COVERAGE); false claims come as near, so every other test stays,
# and each word it leaves out must be said in other words (`_NEAR_WORD_COSINE`). 0.87 before that check;
# with it, 0.86 states one more development paraphrase ("military spending" as "military expenditure"
# in a long sentence, 0.869) and no false claim; 0.85 and 0.84 state no more.
_CLOSE_COSINE = 0.86
# Two words this near mean nearly the same: the model's cosines between single words run 0.89-0.98 for
# "abroad"/"worldwide", "get"/"obtain", "spending"/"expenditure", "stole"/"steal", and 0.85-0.86 for
# unrelated ones ("eliminated"/"problem", "abroad"/"people"). See verdict.ClaimReader.
_NEAR_WORD_COSINE = 0.88
# The claim with a near word in place of its own, against the claim: 0.986 to 0.997 for "worldwide" in
# "abroad"'s place, "fallen" in "dropped"'s, "expenditure" in "spending"'s; 0.977 to 0.983 for "effective"
# in "opponent"'s, "achieving" in "growing"'s, "general" in "global"'s (see `_near_in`).
_SUBSTITUTED_COSINE = 0.985
# A question in another language than the sources' is searched by meaning alone (its words could only
# meet theirs by accident: "Nordkorea", "USB"). Cosines across languages run lower, and the nearest
# must be this close: a French "recette du gâteau au chocolat" scores 0.78 against our sources, the
# questions of our other-language set 0.80 to 0.88. A question is taken as in another language only
# with this many words (a keyword is no evidence of a language).
_FOREIGN_MIN_COSINE = 0.80
_FOREIGN_MIN_WORDS = 3
# Sentences read to tell the sources' language.
_LANGUAGE_SAMPLE = 300
# Sentences holding all of a sentence's words, looked through for the same sentence in other documents.
_SAME_SENTENCE_LIMIT = 50
# The words an author that is a country's government or its envoy writes beside the country's name
# ("Government of Nepal", "Permanent Mission of Uruguay to the United Nations"): an author with other words
# ("Amnesty International UK") speaks for itself, not for the country it names.
_STATE_WORDS = frozenset(
    "government permanent mission delegation ministry department foreign affairs president prime minister office"
    " embassy head state statement by the of to for and at united nations un".split()
)


@dataclass(frozen=True, slots=True)
class _CountryDocuments:
    """The documents about one country, and their sentences' ids."""

    documents: list[int]
    sentences: list[int]


class StudyEngine:
    def __init__(self, index: ContentIndex, curated_topics: Sequence[Topic], embedder: Embedder | None = None) -> None:
        self.index = index
        self.embedder = embedder or Embedder()
        self.curated_topics = list(curated_topics)
        self.topics = [*curated_topics, *discover_topics(index.name_counts, curated_topics)]
        self._planner = QueryPlanner(index.search, self.topics)
        # Answers that read the whole index and take no input; the index never changes while the engine
        # lives, so each is worked out once (see `warm`).
        self._topics_answer: TopicsAnswer | None = None
        self._fact_keys: list[str] | None = None
        self._sources: SourcesAnswer | None = None
        self._ranked_statistics: list[int] | None = None
        self._subjects: dict[int, frozenset[str]] = {}
        self._documents_about_country: dict[str, _CountryDocuments] | None = None
        self._sources_language: str | None = None
        self._library: quiz.Library | None = None

    def warm(self) -> None:
        """Work out the whole-index answers now (off the event loop, at start), not in a member's command."""
        self.list_topics()
        self.fact_keys()
        self.sources()
        self.ranked_statistics()
        self.sources_language()
        self._quiz_library()
        lexicon.load()
        if not self.index.read_word_by_word:
            self._documents_by_country()  # search asks it once the library is read for meaning

    # -- topics -------------------------------------------------------------------------------------

    def list_topics(self) -> TopicsAnswer:
        if self._topics_answer is None:
            self._topics_answer = self._count_topics()
        return self._topics_answer

    def _count_topics(self) -> TopicsAnswer:
        infos: list[TopicInfo] = []
        for topic in self.topics:
            passages, documents = self.index.search.count(self._planner.topic_phrases(topic))
            infos.append(
                TopicInfo(
                    id=topic.id,
                    name=topic.name,
                    description=topic.description,
                    origin=topic.origin,
                    keywords=[*topic.keywords, *topic.aliases],
                    documents=documents,
                    passages=passages,
                )
            )
        return TopicsAnswer(topics=infos)

    def resolve_topic(self, name: str) -> Topic:
        wanted = " ".join(name.split()).casefold()
        if not wanted:
            raise InputError("Name a topic.", "List them with `topics`.")
        for topic in self.topics:
            if wanted in (topic.id, topic.name.casefold()):
                return topic
        for topic in self.topics:
            if wanted in (p.casefold() for p in topic.phrases):
                return topic
        choices = {t.id: t.id for t in self.topics} | {t.name.casefold(): t.id for t in self.topics}
        close = difflib.get_close_matches(wanted, list(choices), n=3, cutoff=0.5)
        raise UnknownTopicError(name[:80], list(dict.fromkeys(choices[c] for c in close)))

    # -- search -------------------------------------------------------------------------------------

    def search(self, query: str, *, limit: int = 5, expand: bool = True, meaning: bool = True) -> SearchAnswer:
        """The sentences that best answer the query: by its words (BM25, stemmed, with topic aliases) and,
        once the sentences' vectors exist, by meaning too. `meaning=False` searches by words alone."""
        query = _checked_text(query, "search query", MAX_QUERY_CHARS)
        limit = _checked_limit(limit)
        phrases = self._planner.plan(query, expand=expand)
        if not phrases and (self.index.meaning is None or not meaning):
            raise InputError("That query has only very common words.", "Add a word that says what you want.")
        hits = self._found(query, phrases, limit * 2, meaning=meaning)
        sentences = self.index.store.sentences([sid for sid, _ in hits])
        scores = dict(hits)
        results: list[Passage] = []
        seen: set[str] = set()
        for sentence in sentences:
            if sentence.text in seen:
                continue
            seen.add(sentence.text)
            results.append(_passage(sentence, scores[sentence.id]))
        if not results:
            raise NothingFoundError(
                f"Nothing in the sources matches '{query}'.", "Try other words, or `topics` for ideas."
            )
        return SearchAnswer(query=query, results=results[:limit])

    # -- statistics ---------------------------------------------------------------------------------

    def stats(self, *, topic: str | None = None, limit: int = 20) -> StatsAnswer:
        limit = _checked_limit(limit)
        if topic is None:
            found = self.index.store.statistics_by_id(self.ranked_statistics()[:limit])
            name = None
        else:
            resolved = self.resolve_topic(topic)
            name = resolved.name
            hits = self.index.search.find(self._planner.topic_phrases(resolved), limit=limit, with_statistic=True)
            found = self.index.store.statistics([sid for sid, _ in hits])[:limit]
        if not found:
            raise NothingFoundError(
                f"No statistics found about {name}." if name else "No statistics found.",
                "Try `stats` without a topic, or see `topics`." if name else "Add sources that quote numbers.",
            )
        return StatsAnswer(topic=name, stats=self._statistic_models(found))

    def ranked_statistics(self) -> list[int]:
        """The ids of the statistics the default `stats` view can show, in its order (worked out once): no
        view shows more than `MAX_LIMIT`, so only those are kept."""
        if self._ranked_statistics is None:
            self._ranked_statistics = self.index.store.ranked_statistic_ids(MAX_LIMIT)
        return self._ranked_statistics

    def _statistic_models(self, found: Sequence[StoredStatistic]) -> list[Statistic]:
        sentences = {s.id: s for s in self.index.store.sentences(sorted({s.sentence for s in found}))}
        return [_statistic(stat, sentences[stat.sentence]) for stat in found]

    # -- summary, cite ------------------------------------------------------------------------------

    def _found(
        self, text: str, phrases: list[Phrase], limit: int, *, meaning: bool = True, words: int | None = None
    ) -> list[tuple[int, float]]:
        """(sentence id, score) of the sentences that best answer `text`: by its words, and by its meaning
        too once the sentences are read (and unless `meaning` is False), ranked among the words' `words`
        best (by default `limit`, and no fewer than `_MEANING_CANDIDATES`) and the nearest in meaning."""
        vectors = self.index.meaning if meaning else None
        if self._foreign(text):
            # vectors summed from words cannot tell an answer in another language from a sentence off it
            if not isinstance(vectors, MeaningIndex):
                name = language.language_name(self.sources_language())
                raise NothingFoundError(
                    f"Nothing in the sources matches '{text}'.",
                    f"The sources are in {name}: ask in {name} (other languages are understood only once the "
                    "sources are read for meaning, and a library too large to read sentence by sentence never).",
                )
            nearest = vectors.nearest(self.embedder.query(text), limit)
            return [(sid, cosine) for sid, cosine in nearest if cosine >= _FOREIGN_MIN_COSINE]
        if vectors is None:
            return self.index.search.find(phrases, limit=limit)
        words = words or max(limit, _MEANING_CANDIDATES)
        hits = self.index.search.find(phrases, limit=words)
        # A question naming the country a document is about is also asked of that document without the
        # name, which its sentences take for granted: "How fast is Eswatini's economy growing?" is
        # answered by Eswatini's "our gross domestic product growth (GDP) at about 7.8 per cent".
        about = self._documents_about(text)
        rest = without_countries(text) if about else ""
        asked = self.embedder.queries([text, rest] if about and rest else [text])
        cosines = _cosines(hits, vectors, asked[0])
        if about and rest:
            rest_phrases = self._planner.plan(rest)
            for document in about.documents:
                hits += self.index.search.find(rest_phrases, limit=words, document=document)
            inside = vectors.similarity(asked[1], about.sentences)
            cosines |= {sid: max(cosine, cosines.get(sid, cosine)) for sid, cosine in inside.items()}
        return self._answers_first(text, _ranked(hits, cosines, vectors))[:limit]

    def _answers_first(self, question: str, ranked: list[tuple[int, float]]) -> list[tuple[int, float]]:
        """The ranking, with the sentences that give what the question asks for (a figure, a date) lifted."""
        kind = asks_for(question)
        if kind is None or not ranked:
            return ranked
        ids = [sid for sid, _ in ranked]
        if kind == "figure":
            giving = {stat.sentence for stat in self.index.store.statistics(ids)}
        else:
            giving = {sentence.id for sentence in self.index.store.sentences(ids) if gives_a_date(sentence.text)}
        lifted = [(sid, score + _ANSWER_KIND_WEIGHT * (sid in giving)) for sid, score in ranked]
        return sorted(lifted, key=lambda hit: -hit[1])

    def _documents_about(self, text: str) -> _CountryDocuments | None:
        """The documents about the one country `text` names (None when it names several or none, or when the
        library is too large to work out which documents are about which country)."""
        named = countries_in(text)
        if len(named) != 1 or self.index.read_word_by_word:
            return None
        return self._documents_by_country().get(next(iter(named)))

    def _documents_by_country(self) -> dict[str, _CountryDocuments]:
        """The documents about each country, and their sentences (worked out once: reading every sentence
        for the countries it names takes seconds on a library of 20,000)."""
        if self._documents_about_country is None:
            about: dict[str, _CountryDocuments] = {}
            for doc_id in self.index.store.document_ids():
                for code in self._subject(doc_id):
                    country = about.setdefault(code, _CountryDocuments([], []))
                    country.documents.append(doc_id)
                    country.sentences.extend(self.index.store.document_sentence_ids(doc_id))
            self._documents_about_country = about
        return self._documents_about_country

    def sources_language(self) -> str:
        """The ISO 639-1 code of the language most of the sources are in (worked out once)."""
        if self._sources_language is None:
            sample = self.index.store.sample_texts(_LANGUAGE_SAMPLE)
            self._sources_language = language.main_language(" ".join(sample)) if sample else "en"
        return self._sources_language

    def _foreign(self, text: str) -> bool:
        """Whether a question is in another language than the sources: at least three words, unlikely in
        theirs, and most of its words never met in them."""
        if len(text.split()) < _FOREIGN_MIN_WORDS or language.is_in(text, self.sources_language()):
            return False
        terms = self._planner.terms(text)
        known = sum(self.index.search.document_frequency(term) > 0 for term in terms)
        return known * 2 < len(terms)

    def summary(self, topic: str) -> SummaryAnswer:
        """A summary of a curated or discovered topic, or of any word or phrase the sources speak of."""
        try:
            resolved = self.resolve_topic(topic)
        except UnknownTopicError as unknown:
            return self._summary_of_phrase(topic, unknown.suggestions)
        phrases = self._planner.topic_phrases(resolved)
        hits = self.index.search.find(phrases, limit=summary.CANDIDATES)
        candidates = self.index.store.sentences([sid for sid, _ in hits])
        chosen = summary.choose(candidates, dict(hits), self._planner.terms, self._sentence_before)
        if not chosen:
            raise NothingFoundError(f"The sources say nothing yet about {resolved.name}.", "See `topics` for others.")
        return SummaryAnswer(topic=resolved.name, sentences=[summary.quote(s) for s in chosen])

    def _summary_of_phrase(self, text: str, near: list[str]) -> SummaryAnswer:
        """A summary of what the sources say about words that name no topic, found as search finds them
        (by meaning too, once the sentences are read); nothing relevant says so, with the nearest topics."""
        text = _checked_text(text, "topic", MAX_QUERY_CHARS)
        # vectors summed from words put every sentence near every phrase: relevance is then the words'
        by_meaning = isinstance(self.index.meaning, MeaningIndex)
        hits = self._found(
            text, self._planner.plan(text), summary.CANDIDATES, meaning=by_meaning, words=summary.CANDIDATES
        )
        if by_meaning:
            # cosines of unrelated sentences sit near 0.75: measured from there, "half as relevant as the
            # best" means what it says
            hits = [(sid, score - _UNRELATED_COSINE) for sid, score in hits]
        candidates = self.index.store.sentences([sid for sid, _ in hits])
        chosen = summary.choose(candidates, dict(hits), self._planner.terms, self._sentence_before) if hits else []
        if not chosen:
            topics = near or [t.id for t in sorted(self.list_topics().topics, key=lambda t: -t.passages)[:3]]
            raise NothingFoundError(
                f"The sources say nothing about {text}.",
                f"Nearest topics: {', '.join(topics)}; see `topics` for the rest.",
            )
        return SummaryAnswer(topic=text, sentences=[summary.quote(s) for s in chosen])

    def _documents_saying(self, text: str) -> set[int]:
        """The documents that hold this sentence word for word: found by all its words, then compared."""
        terms = tuple(dict.fromkeys(self.index.search.terms(text)))
        if not terms:
            return set()
        hits = self.index.search.find([Phrase(terms)], limit=_SAME_SENTENCE_LIMIT)
        return {s.document_id for s in self.index.store.sentences([sid for sid, _ in hits]) if s.text == text}

    def _sentence_before(self, sentence: StoredSentence) -> StoredSentence | None:
        """The sentence before this one in its document (a document's sentences have consecutive ids), also
        across a paragraph break: a news report's paragraphs are often one sentence each."""
        return self._sentences_before([sentence]).get(sentence.id)

    def _sentences_before(self, sentences: Sequence[StoredSentence]) -> dict[int, StoredSentence]:
        """The sentence before each (by its id), read in one query."""
        document = {s.id: s.document_id for s in sentences}
        previous = self.index.store.sentences([sid - 1 for sid in document])
        return {p.id + 1: p for p in previous if document.get(p.id + 1) == p.document_id}

    def cite(self, claim: str, *, limit: int = 5) -> CiteAnswer:
        claim = _checked_text(claim, "claim", MAX_CLAIM_CHARS)
        limit = _checked_limit(limit)
        if self._foreign(claim):
            # the verdict weighs the claim's words, figures and names against the sources' own
            name = language.language_name(self.sources_language())
            raise InputError(f"Claims are checked in {name}, the language of the sources.", f"State it in {name}.")
        near = self._near_in(claim) if isinstance(self.index.meaning, MeaningIndex) else None
        reader = ClaimReader(claim, self._planner.terms, self._idf, near)
        if not reader.words:
            raise InputError("That claim has only very common words.", "Quote more of it.")
        hits = self.index.search.find(self._planner.plan(claim), limit=limit * _CITE_CANDIDATES)
        cosines: dict[int, float] = {}
        # Sentences the claim's words reach that are not among the nearest in meaning: one may say the opposite
        # ("We will not resort to weapons" of "Palestine will resort to weapons"), and is kept where it
        # contradicts.
        far: set[int] = set()
        if self.index.meaning is not None:
            query = self.embedder.query(claim)
            meaning = self.index.meaning
            ranked = _ranked(hits, _cosines(hits, meaning, query), meaning)[: limit * _CITE_CANDIDATES]
            far = {sid for sid, _ in hits}.difference(sid for sid, _ in ranked)
            hits = ranked + [hit for hit in hits if hit[0] in far]
            if isinstance(meaning, MeaningIndex):
                # vectors summed from words are too coarse to vouch that a sentence says the same thing
                cosines = meaning.similarity(query, [sid for sid, _ in hits])
        matches: list[ClaimMatch] = []
        found = self.index.store.sentences([sid for sid, _ in hits])
        # what a sentence's "the Government" or "this embargo" may refer back to: read only for those
        before = self._sentences_before([s for s in found if reader.leans_back(s.text)])
        on_subject: list[tuple[StoredSentence, Judgement]] = []
        for sentence in found:
            judged = reader.judge(
                sentence.text,
                subject=self._subject(sentence.document_id),
                speaker=_speaker(sentence),
                source=_source_names(sentence),
                section=sentence.section,
                before=before[sentence.id].text if sentence.id in before else "",
                close=cosines.get(sentence.id, 0.0) >= _CLOSE_COSINE,
            )
            if judged is not None and (sentence.id not in far or judged.relation == "contradicts"):
                on_subject.append((sentence, judged))
        judgements = weighed([judged for _, judged in on_subject])
        for (sentence, _), judged in zip(on_subject, judgements, strict=True):
            backed = 0.1 if sentence.references else 0.0
            quoted = summary.quote(sentence)
            matches.append(
                ClaimMatch(
                    **dict(quoted),
                    score=round(judged.coverage + backed, 4),
                    relation=judged.relation,
                    differs=judged.differs,
                )
            )
        # What states the claim first, then what contradicts it, then what is only on its subject.
        matches.sort(key=lambda m: (_RELATION_ORDER[m.relation], -m.score))
        verdict = _VERDICTS[matches[0].relation] if matches else "none"
        return CiteAnswer(claim=claim, verdict=verdict, matches=matches[:limit])

    def _near_in(self, claim: str) -> NearWord:
        """For `ClaimReader`: whether one of some words means nearly what a word of `claim` means there, that
        is, it is near the word by the model's vectors of the words alone (`_near_words`), and the claim with
        it in the word's place still means what it meant (the claim's own vector is computed once, if asked).
        Words alone are near words of a kind more than words of one meaning: "opponent" is as near
        "effective" (0.881) as "abroad" is "worldwide" (0.888), but "Ethiopia is a strong effective of
        multilateralism" is no longer the claim, and "Bangladeshis work worldwide" still is."""

        @cache
        def claim_vector() -> np.ndarray:
            return self._unit(self.embedder.queries([claim]))[0]

        def near(word: str, others: Sequence[str]) -> bool:
            candidates = self._near_words(word, others)
            place = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
            if not candidates or not place.search(claim):
                return bool(candidates)  # (a term no run of the claim's words gives: the words alone decide)
            # (put in by a function, so that nothing in a word could be read as a reference to a group)
            put = self._unit(self.embedder.queries([place.sub(lambda _, c=c: c, claim, count=1) for c in candidates]))
            return bool((put @ claim_vector()).max() >= _SUBSTITUTED_COSINE)

        return near

    def _near_words(self, word: str, others: Sequence[str]) -> list[str]:
        """Those of `others` that mean nearly what `word` means, by the model's vectors of the words."""
        if not others:
            return []
        vectors = self._unit(self.embedder.queries([word, *others]))
        return [
            other for other, cosine in zip(others, vectors[1:] @ vectors[0], strict=True) if cosine >= _NEAR_WORD_COSINE
        ]

    @staticmethod
    def _unit(vectors: np.ndarray) -> np.ndarray:
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    def _subject(self, doc_id: int) -> frozenset[str]:
        """The country the document is about (as read when it was indexed; kept once asked)."""
        if doc_id not in self._subjects:
            self._subjects[doc_id] = self.index.store.document_country(doc_id)
        return self._subjects[doc_id]

    def _idf(self, term: str) -> float:
        size = max(self.index.search.size, 1)
        return math.log(1 + size / (1 + self.index.search.document_frequency(term)))

    # -- quiz, fact ---------------------------------------------------------------------------------

    def quiz(
        self,
        *,
        topic: str | None = None,
        count: int = 5,
        seed: int | None = None,
        difficulty: Difficulty = "normal",
        asked: Collection[str] = frozenset(),
        never: Collection[str] = frozenset(),
    ) -> QuizAnswer:
        """`asked`: the keys of questions already asked, left out until too few others remain; then the
        quiz asks some of them again and says it `started_over`. `never`: keys never to ask (dropped)."""
        if not 1 <= count <= MAX_QUESTIONS:
            raise InputError(f"Ask for between 1 and {MAX_QUESTIONS} questions.")
        seed = _seed(seed)
        resolved = self.resolve_topic(topic) if topic is not None else None
        scope = self._topic_sentences(resolved) if resolved else None

        def generate(leaving_out: Collection[str]) -> list[QuizQuestion]:
            return quiz.generate(
                self.index.store,
                random.Random(seed),
                count=count,
                scope=scope,
                library=self._quiz_library(),
                before=self._sentence_before,
                subject=self._subject,
                saying=self._documents_saying,
                difficulty=difficulty,
                asked=leaving_out,
            )

        questions = generate({*asked, *never})
        started_over = bool(asked) and len(questions) < count
        if started_over:
            quoted = {q.quote for q in questions}
            questions += [q for q in generate(never) if q.quote not in quoted][: count - len(questions)]
        if not questions:
            about = f" about {resolved.name}" if resolved else ""
            raise NothingFoundError(
                f"The sources give no figures, names, years, key terms or cited claims{about} to ask about.",
                "Try another topic, or none." if resolved else "Add sources with more to them.",
            )
        return QuizAnswer(
            topic=resolved.name if resolved else None,
            difficulty=difficulty,
            seed=seed,
            questions=questions,
            started_over=started_over,
        )

    def _quiz_library(self) -> quiz.Library:
        if self._library is None:
            store = self.index.store
            self._library = quiz.library_of(store.sample_texts(quiz.LIBRARY_SAMPLE), store.document_titles())
        return self._library

    def fact(self, *, seed: int | None = None) -> FactAnswer:
        seed = _seed(seed)
        found = facts.pick(self.index.store, random.Random(seed))
        if found is None:
            raise NothingFoundError(
                "The sources hold no statistics or cited sentences yet.", "Add sources with numbers or references."
            )
        return FactAnswer(seed=seed, fact=found)

    def fact_keys(self) -> list[str]:
        if self._fact_keys is None:
            self._fact_keys = facts.fact_keys(self.index.store)
        return self._fact_keys

    def fact_for(self, key: str) -> Fact | None:
        return facts.fact_for(self.index.store, key)

    def _topic_sentences(self, topic: Topic) -> list[StoredSentence]:
        hits = self.index.search.find(self._planner.topic_phrases(topic), limit=quiz.TOPIC_CANDIDATES)
        return self.index.store.sentences([sid for sid, _ in hits])

    # -- sources ------------------------------------------------------------------------------------

    def sources(self) -> SourcesAnswer:
        if self._sources is None:
            self._sources = self._list_sources()
        return self._sources

    def _list_sources(self) -> SourcesAnswer:
        store = self.index.store
        summaries: list[SourceSummary] = []
        for doc_id in store.document_ids():
            sentences, statistics = store.document_counts(doc_id)
            summaries.append(
                SourceSummary(
                    document=store.document(doc_id),
                    sentences=sentences,
                    statistics=statistics,
                    references=store.document_references(doc_id),
                    set_aside=store.set_aside(doc_id),
                    unlinked_citations=store.unlinked_citations(doc_id),
                )
            )
        report = self.index.report
        return SourcesAnswer(sources=summaries, skipped=[*report.skipped, *report.warnings])


def _speaker(sentence: StoredSentence) -> frozenset[str]:
    """The country whose words a sentence's document gives: the one its author is ("Uruguay", "Government of
    Nepal", as a sidecar's `author` says); none when the author names none, several, or is something else
    that names one ("Amnesty International UK")."""
    return _author_country(sentence.document.author or "")


@cache
def _author_country(author: str) -> frozenset[str]:
    return only_country(author, _STATE_WORDS)


def _source_names(sentence: StoredSentence) -> str:
    """What names where a sentence comes from: its document's title (not the opening words standing in for
    one), author and publisher, and the authors of the works it cites."""
    document = sentence.document
    title = None if document.title_is_opening else document.title
    names = [title, document.author, document.publisher, *(r.authors for r in sentence.references)]
    return " ".join(name for name in names if name)


def _passage(sentence: StoredSentence, score: float) -> Passage:
    return Passage(**dict(summary.quote(sentence)), score=round(score, 4))


def _statistic(stat: StoredStatistic, sentence: StoredSentence) -> Statistic:
    return Statistic(
        value=stat.value,
        number=stat.number,
        kind=stat.kind,
        counts=stat.counts,
        year=stat.year,
        quote=sentence.text,
        document=sentence.document,
        page=sentence.page,
        section=sentence.section,
        reference=sentence.reference,
    )


def _cosines(words: list[tuple[int, float]], meaning: SentenceMeaning, query: np.ndarray) -> dict[int, float]:
    """The cosine to the query of each sentence the words found, and of the nearest in meaning (only when
    the model read each sentence whole: vectors summed from words put unrelated sentences as near as any)."""
    cosines = meaning.similarity(query, [sid for sid, _ in words])
    # A sentence the words found that has no vector yet (a server's new source, while its sentences are
    # read for meaning) is ranked as the typical one the words found: by its words, neither lifted nor lost.
    unread = [sid for sid, _ in words if sid not in cosines]
    if unread:
        typical = statistics.median(cosines.values()) if cosines else _WORDS_MIN_COSINE
        cosines |= dict.fromkeys(unread, max(typical, _WORDS_MIN_COSINE))
    if isinstance(meaning, MeaningIndex):
        cosines |= dict(meaning.nearest(query, _MEANING_CANDIDATES))
    return cosines


def _ranked(
    words: list[tuple[int, float]], cosines: dict[int, float], meaning: SentenceMeaning
) -> list[tuple[int, float]]:
    """The sentences by cosine plus a share of the words' score (scaled to the best); a sentence none of
    the query's words reach must be close in meaning, and one they reach not far from it (cosines of
    vectors summed from words re-rank what the words found, and say nothing of what is off the query)."""
    best_words = max((score for _, score in words), default=0.0) or 1.0
    by_words: dict[int, float] = {}
    for sid, score in words:
        by_words[sid] = max(by_words.get(sid, 0.0), score / best_words)
    ranked = [
        (sid, cosine + meaning.words_weight * by_words.get(sid, 0.0))
        for sid, cosine in cosines.items()
        if not isinstance(meaning, MeaningIndex) or cosine >= (_WORDS_MIN_COSINE if sid in by_words else _MIN_COSINE)
    ]
    return sorted(ranked, key=lambda hit: -hit[1])


def _checked_text(text: str, what: str, limit: int) -> str:
    text = " ".join(text.split())
    if not text:
        raise InputError(f"The {what} is empty.", "Type some words.")
    if len(text) > limit:
        raise InputError(f"The {what} is {len(text):,} characters long.", f"Keep it under {limit:,}.")
    return text


def _checked_limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"Ask for between 1 and {MAX_LIMIT} results.")
    return limit


def _seed(seed: int | None) -> int:
    return seed if seed is not None else random.SystemRandom().randrange(1, 1_000_000)
