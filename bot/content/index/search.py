"""The full-text index over sentences: Tantivy (a Rust search library) with BM25 ranking.

Tantivy memory-maps its segments, so reopening a persisted index is cheap, and it answers top-k
queries with block-max WAND, which keeps p99 latency low on a corpus of millions of sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import tantivy

Analyzer = Literal["stemmed", "plain"]
_TOKENIZER = {"stemmed": "en_stem", "plain": "default"}
_WRITER_HEAP_BYTES = 256_000_000


@dataclass(frozen=True, slots=True)
class Phrase:
    """Terms that must all occur in a sentence, weighted by how sure we are the user meant them."""

    terms: tuple[str, ...]
    weight: float = 1.0


def _schema(analyzer: Analyzer) -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("sid", stored=False, indexed=False, fast=True)
    builder.add_integer_field("doc", stored=False, indexed=True, fast=True)
    builder.add_integer_field("has_stat", stored=False, indexed=True, fast=False)
    builder.add_text_field("text", stored=False, tokenizer_name=_TOKENIZER[analyzer], index_option="freq")
    return builder.build()


def make_tokenizer(analyzer: Analyzer) -> tantivy.TextAnalyzer:
    """The same tokenizer the index uses, so query terms match indexed terms exactly."""
    builder = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).filter(tantivy.Filter.remove_long(40))
    builder = builder.filter(tantivy.Filter.lowercase())
    if analyzer == "stemmed":
        builder = builder.filter(tantivy.Filter.stemmer("english"))
    return builder.build()


class SearchIndexWriter:
    def __init__(self, path: Path, analyzer: Analyzer, *, threads: int = 1) -> None:
        path.mkdir(parents=True, exist_ok=True)
        self._index = tantivy.Index(_schema(analyzer), path=str(path))
        self._writer = self._index.writer(heap_size=_WRITER_HEAP_BYTES * threads, num_threads=threads)

    def add(
        self, sentence_id: int, document_id: int, text: str, has_statistic: bool, section: str | None = None
    ) -> None:
        """`section`, the label of the numbered section the sentence stands in, is searched with it: "What does
        Article 19 say?" finds the sentences under the heading "Article 19", which never name it."""
        words = f"{text} {section}" if section else text
        self._writer.add_document(
            tantivy.Document(sid=sentence_id, doc=document_id, has_stat=int(has_statistic), text=words)
        )

    def remove_document(self, document_id: int) -> None:
        self._writer.delete_documents_by_term("doc", document_id)

    def close(self) -> None:
        self._writer.commit()
        self._writer.wait_merging_threads()


class SearchIndex:
    def __init__(self, path: Path, analyzer: Analyzer) -> None:
        self._index = tantivy.Index.open(str(path))
        self._schema = self._index.schema
        self._searcher = self._index.searcher()
        self.tokenizer = make_tokenizer(analyzer)

    def close(self) -> None:
        """Let go of the segment files: once the searcher is gone, Tantivy unmaps them."""
        del self._searcher, self._index

    @property
    def size(self) -> int:
        return self._searcher.num_docs

    def terms(self, text: str) -> list[str]:
        return self.tokenizer.analyze(text)

    def document_frequency(self, term: str) -> int:
        return self._searcher.doc_freq("text", term)

    def _query(
        self, phrases: Sequence[Phrase], *, document: int | None = None, with_statistic: bool = False
    ) -> tantivy.Query:
        clauses: list[tuple[tantivy.Occur, tantivy.Query]] = []
        for phrase in phrases:
            terms = [tantivy.Query.term_query(self._schema, "text", t) for t in phrase.terms]
            query = (
                terms[0] if len(terms) == 1 else tantivy.Query.boolean_query([(tantivy.Occur.Must, t) for t in terms])
            )
            if phrase.weight != 1.0:
                query = tantivy.Query.boost_query(query, phrase.weight)
            clauses.append((tantivy.Occur.Should, query))
        query = tantivy.Query.boolean_query(clauses)
        filters: list[tuple[tantivy.Occur, tantivy.Query]] = []
        if document is not None:
            filters.append((tantivy.Occur.Must, tantivy.Query.term_query(self._schema, "doc", document)))
        if with_statistic:
            filters.append((tantivy.Occur.Must, tantivy.Query.term_query(self._schema, "has_stat", 1)))
        if filters:
            query = tantivy.Query.boolean_query([(tantivy.Occur.Must, query), *filters])
        return query

    def find(
        self,
        phrases: Sequence[Phrase],
        *,
        limit: int,
        document: int | None = None,
        with_statistic: bool = False,
    ) -> list[tuple[int, float]]:
        """(sentence id, score) pairs, best first."""
        if not phrases:
            return []
        query = self._query(phrases, document=document, with_statistic=with_statistic)
        result = self._searcher.search(query, limit=limit, count=False)
        sids = self._searcher.fast_field_values("sid", [address for _, address in result.hits])
        return [(int(sid or 0), score) for sid, (score, _) in zip(sids, result.hits, strict=True)]

    def count(self, phrases: Sequence[Phrase]) -> tuple[int, int]:
        """How many sentences, and how many documents, match."""
        if not phrases:
            return 0, 0
        query = self._query(phrases)
        found = self._searcher.search(query, limit=1, count=True)
        sentences: int = getattr(found, "count", None) or 0  # tantivy's type stubs leave `count` out
        documents = int(self._searcher.cardinality(query, "doc")) if sentences else 0
        return sentences, documents
