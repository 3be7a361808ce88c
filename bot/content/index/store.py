"""The content store: documents, sentences, references, citations and statistics in one SQLite file.

SQLite keeps a large corpus on disk and answers lookups by id without loading it, so reopening an
index costs a file open, not a parse.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import TypeAdapter

from bot.content.ingest import IngestedDocument
from bot.content.models import DocumentInfo, ReferenceInfo, StatisticKind

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, path TEXT NOT NULL, title TEXT, opening TEXT,
    author TEXT, published TEXT, publisher TEXT, url TEXT, language TEXT,
    first_sentence INTEGER NOT NULL, sentence_count INTEGER NOT NULL, statistic_count INTEGER NOT NULL,
    format TEXT NOT NULL, pages INTEGER, set_aside TEXT NOT NULL, country TEXT
);
CREATE TABLE sentences (id INTEGER PRIMARY KEY, document INTEGER NOT NULL, paragraph INTEGER NOT NULL,
    page INTEGER, offset INTEGER NOT NULL, text TEXT NOT NULL, section TEXT);
CREATE TABLE refs (id INTEGER PRIMARY KEY, document INTEGER NOT NULL, key TEXT NOT NULL,
    authors TEXT NOT NULL, year TEXT NOT NULL, title TEXT, publisher TEXT, text TEXT NOT NULL);
CREATE TABLE citations (sentence INTEGER NOT NULL, ref INTEGER, cited TEXT NOT NULL, kind TEXT NOT NULL);
CREATE TABLE statistics (id INTEGER PRIMARY KEY, sentence INTEGER NOT NULL, value TEXT NOT NULL,
    number REAL NOT NULL, kind TEXT NOT NULL, counts TEXT, year INTEGER);
"""
_INDEXES = """
CREATE INDEX citations_by_sentence ON citations (sentence);
CREATE INDEX statistics_by_sentence ON statistics (sentence);
CREATE INDEX refs_by_document ON refs (document);
"""
_OPENING_CHARS = 80
# A document's sentences are numbered together when it is added: their id range is read by key, where a
# search by the document's column scans every sentence (62 ms a document on the UN corpus, 4.5 s a /cite).
_DOCUMENT_SENTENCES = """
SELECT s.{column} FROM documents d JOIN sentences s ON s.id BETWEEN d.first_sentence AND d.first_sentence
    + d.sentence_count - 1 WHERE d.id = ? ORDER BY s.id
"""
_SET_ASIDE = TypeAdapter(dict[str, int])


@dataclass(frozen=True, slots=True)
class StoredSentence:
    id: int
    document_id: int
    document: DocumentInfo
    paragraph: int
    page: int | None
    offset: int
    text: str
    references: list[ReferenceInfo]
    section: str | None = None  # the numbered section it stands in ("Article 19")

    @property
    def reference(self) -> ReferenceInfo | None:
        """The entry the sentence cites first; None when it cites nothing (it never inherits one)."""
        return self.references[0] if self.references else None


@dataclass(frozen=True, slots=True)
class StoredStatistic:
    id: int
    sentence: int
    value: str
    number: float
    kind: StatisticKind
    counts: str | None
    year: int | None


@dataclass(frozen=True, slots=True)
class RemovedDocument:
    id: int
    sentence_ids: list[int]
    statistic_ids: list[int]


def opening_words(sentence: str) -> str:
    """A stand-in title for a source that names none: its first words, cut at a word boundary."""
    if len(sentence) <= _OPENING_CHARS:
        return sentence
    cut = sentence.rfind(" ", 0, _OPENING_CHARS)
    return sentence[: cut if cut > 0 else _OPENING_CHARS].rstrip(",;:") + "…"


class StoreWriter:
    """Appends ingested documents in one transaction; ids are assigned in order.

    A new store is written without a journal (a failed build is thrown away whole). `reopen` edits a built
    one in place with SQLite's journal, so an edit that fails leaves the store as it was; ids go on from
    the highest ever given, so an id a removed document had never names another sentence."""

    def __init__(self, path: Path, *, new: bool = True) -> None:
        self._db = sqlite3.connect(path)
        self._new = new
        if new:
            self._db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        self._next_sentence = self._next_id("sentences")
        self._next_ref = self._next_id("refs")
        self._next_document = self._next_id("documents")
        self._next_statistic = max(self._next_id("statistics"), 1)  # numbered from 1, as facts' keys say them

    @classmethod
    def reopen(cls, path: Path) -> StoreWriter:
        return cls(path, new=False)

    def _next_id(self, table: str) -> int:
        # the highest id ever given, kept in meta: a removed document's ids are not given again
        used = self._db.execute("SELECT value FROM meta WHERE key = ?", (f"next_{table}",)).fetchone()
        highest = self._db.execute(f"SELECT max(id) FROM {table}").fetchone()[0]
        given: int = json.loads(used[0]) if used else 0
        return given if highest is None else max(given, highest + 1)

    def add(self, document: IngestedDocument) -> tuple[int, int]:
        """Store one document; returns its id and the id of its first sentence."""
        doc_id = self._next_document
        first = self._next_sentence
        self._next_document += 1
        meta = document.meta
        ref_ids = list(range(self._next_ref, self._next_ref + len(document.references)))
        self._next_ref += len(document.references)
        self._db.executemany(
            "INSERT INTO refs VALUES (?,?,?,?,?,?,?,?)",
            [
                (rid, doc_id, r.key, r.authors, r.year, r.title, r.publisher, r.text)
                for rid, r in zip(ref_ids, document.references, strict=True)
            ],
        )
        sentences: list[tuple[int, int, int, int | None, int, str, str | None]] = []
        citations: list[tuple[int, int | None, str, str]] = []
        statistics: list[tuple[int, int, str, float, str, str | None, int | None]] = []
        for offset, sentence in enumerate(document.sentences):
            sid = first + offset
            sentences.append(
                (sid, doc_id, sentence.paragraph, sentence.page, sentence.offset, sentence.text, sentence.section)
            )
            citations.extend(
                (sid, None if c.reference is None else ref_ids[c.reference], c.cited, c.kind)
                for c in sentence.citations
            )
            for s in sentence.statistics:
                statistics.append((self._next_statistic, sid, s.value, s.number, s.kind, s.counts, s.year))
                self._next_statistic += 1
        self._next_sentence += len(sentences)
        self._db.executemany("INSERT INTO sentences VALUES (?,?,?,?,?,?,?)", sentences)
        self._db.executemany("INSERT INTO citations VALUES (?,?,?,?)", citations)
        self._db.executemany("INSERT INTO statistics VALUES (?,?,?,?,?,?,?)", statistics)
        self._db.execute(
            "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                doc_id,
                document.key,
                document.relative,
                meta.title,
                opening_words(document.sentences[0].text),
                meta.author or document.byline,
                meta.published.isoformat() if meta.published else None,
                meta.publisher,
                str(meta.url) if meta.url else None,
                meta.language,
                first,
                len(sentences),
                len(statistics),
                document.format,
                document.pages,
                json.dumps(document.set_aside),
                document.country,
            ),
        )
        return doc_id, first

    def remove(self, key: str) -> RemovedDocument | None:
        """Take the document out with everything it brought; None if no document has that key."""
        row = self._db.execute("SELECT id FROM documents WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        doc_id = row[0]
        sentence_ids = [r[0] for r in self._db.execute("SELECT id FROM sentences WHERE document = ?", (doc_id,))]
        owned = "SELECT id FROM sentences WHERE document = ?"
        statistic_ids = [
            r[0] for r in self._db.execute(f"SELECT id FROM statistics WHERE sentence IN ({owned})", (doc_id,))
        ]
        self._db.execute(f"DELETE FROM citations WHERE sentence IN ({owned})", (doc_id,))
        self._db.execute(f"DELETE FROM statistics WHERE sentence IN ({owned})", (doc_id,))
        self._db.execute("DELETE FROM sentences WHERE document = ?", (doc_id,))
        self._db.execute("DELETE FROM refs WHERE document = ?", (doc_id,))
        self._db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        return RemovedDocument(doc_id, sentence_ids, statistic_ids)

    def meta(self, key: str) -> object:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def set_meta(self, key: str, value: object) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, json.dumps(value)))

    def close(self) -> None:
        for table, next_id in (
            ("sentences", self._next_sentence),
            ("refs", self._next_ref),
            ("documents", self._next_document),
            ("statistics", self._next_statistic),
        ):
            self.set_meta(f"next_{table}", next_id)
        if self._new:
            self._db.executescript(_INDEXES)
        self._db.commit()
        self._db.close()


class Store:
    """Read access to a built content store."""

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self.document = lru_cache(maxsize=4096)(self._document)
        self.references_of_sentence = lru_cache(maxsize=8192)(self._references_of_sentence)

    def close(self) -> None:
        self._db.close()

    def meta(self, key: str) -> object:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def _document(self, doc_id: int) -> DocumentInfo:
        row = self._db.execute(
            "SELECT key, path, title, opening, author, published, publisher, url, language, format, pages "
            "FROM documents WHERE id = ?",
            (doc_id,),
        ).fetchone()
        key, path, title, opening, author, published, publisher, url, language, format, pages = row
        return DocumentInfo(
            id=key,
            title=title or opening,
            title_is_opening=title is None,
            author=author,
            published=published,
            publisher=publisher,
            url=url,
            language=language,
            path=path,
            format=format,
            pages=pages,
        )

    def document_ids(self) -> list[int]:
        return [r[0] for r in self._db.execute("SELECT id FROM documents ORDER BY id")]

    def document_titles(self) -> list[tuple[int, str]]:
        """Each document that names its own title, with that title (not the opening words standing in)."""
        return list(self._db.execute("SELECT id, title FROM documents WHERE title IS NOT NULL ORDER BY id"))

    def document_counts(self, doc_id: int) -> tuple[int, int]:
        row = self._db.execute(
            "SELECT sentence_count, statistic_count FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        return row[0], row[1]

    def set_aside(self, doc_id: int) -> dict[str, int]:
        """What the reader of the document set aside as furniture or notes, and how much of each."""
        row = self._db.execute("SELECT set_aside FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return _SET_ASIDE.validate_json(row[0])

    def unlinked_citations(self, doc_id: int) -> list[str]:
        """Citations in the document's text that match no entry of its reference list or notes."""
        rows = self._db.execute(
            "SELECT DISTINCT c.cited FROM citations c JOIN sentences s ON s.id = c.sentence "
            "WHERE s.document = ? AND c.ref IS NULL ORDER BY c.rowid",
            (doc_id,),
        )
        return [row[0] for row in rows]

    def document_references(self, doc_id: int) -> list[ReferenceInfo]:
        rows = self._db.execute(
            "SELECT key, authors, year, title, publisher, text FROM refs WHERE document = ? ORDER BY id",
            (doc_id,),
        )
        return [_reference(row) for row in rows]

    def count(self, table: str) -> int:
        assert table in ("documents", "sentences", "statistics", "refs", "citations")
        return self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def highest_id(self, table: str) -> int:
        """The table's highest id (-1 when empty): ids run up to it, with gaps where documents were removed."""
        assert table in ("sentences", "statistics")
        highest = self._db.execute(f"SELECT max(id) FROM {table}").fetchone()[0]
        return -1 if highest is None else highest

    def _references_of_sentence(self, sentence_id: int) -> tuple[ReferenceInfo, ...]:
        rows = self._db.execute(
            "SELECT r.key, r.authors, r.year, r.title, r.publisher, r.text FROM citations c "
            "JOIN refs r ON r.id = c.ref WHERE c.sentence = ? ORDER BY c.rowid",
            (sentence_id,),
        )
        unique: dict[str, ReferenceInfo] = {}
        for row in rows:
            unique.setdefault(row[0], _reference(row))
        return tuple(unique.values())

    def document_country(self, doc_id: int) -> frozenset[str]:
        """The country the document is about, as a set of one code (empty when none stands out)."""
        row = self._db.execute("SELECT country FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return frozenset({row[0]}) if row and row[0] else frozenset()

    def document_texts(self, doc_id: int) -> list[str]:
        """The document's sentences, in its order."""
        return [r[0] for r in self._db.execute(_DOCUMENT_SENTENCES.format(column="text"), (doc_id,))]

    def document_sentence_ids(self, doc_id: int) -> list[int]:
        return [r[0] for r in self._db.execute(_DOCUMENT_SENTENCES.format(column="id"), (doc_id,))]

    def sample_texts(self, count: int) -> list[str]:
        """Up to `count` sentences spread evenly over the library: every k-th id, looked up by key (a scan
        of the whole table would take a second on a million sentences)."""
        row = self._db.execute("SELECT min(id), max(id) FROM sentences").fetchone()
        if row[0] is None:
            return []
        ids = list(range(row[0], row[1] + 1, max(1, (row[1] - row[0] + 1) // max(count, 1))))[:count]
        marks = ",".join("?" * len(ids))
        return [r[0] for r in self._db.execute(f"SELECT text FROM sentences WHERE id IN ({marks})", ids)]

    def sentence_texts(self) -> list[tuple[int, str]]:
        """Every sentence's id and text, in id order (to embed them for search by meaning)."""
        return list(self._db.execute("SELECT id, text FROM sentences ORDER BY id"))

    def sentences(self, ids: Sequence[int]) -> list[StoredSentence]:
        """The sentences with these ids, in the order asked."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(
            f"SELECT id, document, paragraph, page, offset, text, section FROM sentences WHERE id IN ({marks})",
            list(ids),
        )
        by_id = {row[0]: row for row in rows}
        return [self._sentence(by_id[i]) for i in ids if i in by_id]

    def _sentence(self, row: tuple[int, int, int, int | None, int, str, str | None]) -> StoredSentence:
        sid, doc_id, paragraph, page, offset, text, section = row
        references = list(self.references_of_sentence(sid))
        return StoredSentence(sid, doc_id, self.document(doc_id), paragraph, page, offset, text, references, section)

    def statistics(self, sentence_ids: Iterable[int]) -> list[StoredStatistic]:
        """The statistics the sentences quote, in the sources' order."""
        ids = list(sentence_ids)
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(
            f"SELECT id, sentence, value, number, kind, counts, year FROM statistics WHERE sentence IN ({marks}) "
            "ORDER BY id",
            ids,
        ).fetchall()
        return [StoredStatistic(*row) for row in rows]

    def ranked_statistic_ids(self, limit: int) -> list[int]:
        """The ids of the first `limit` statistics, the most telling first and taking turns between documents:
        each document's best, then each one's second best, and so on, so that no one file fills the first page.
        A figure tells more when the source says what it counts, when it gives the year, and when its sentence
        cites a reference; among equals, the source's own order."""
        rows = self._db.execute(
            """
            SELECT id FROM (
                SELECT id, score, ROW_NUMBER() OVER (PARTITION BY document ORDER BY score DESC, id) AS place
                FROM (
                    SELECT st.id AS id, se.document AS document,
                        2 * (st.counts IS NOT NULL) + (st.year IS NOT NULL) + EXISTS (
                            SELECT 1 FROM citations c WHERE c.sentence = st.sentence AND c.ref IS NOT NULL
                        ) AS score
                    FROM statistics st JOIN sentences se ON se.id = st.sentence
                )
            ) ORDER BY place, score DESC, id LIMIT ?
            """,
            (limit,),
        )
        return [row[0] for row in rows]

    def statistics_by_id(self, ids: Sequence[int]) -> list[StoredStatistic]:
        """The statistics with these ids (numbered from 1), in the order asked."""
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(
            f"SELECT id, sentence, value, number, kind, counts, year FROM statistics WHERE id IN ({marks})",
            list(ids),
        )
        by_id = {row[0]: StoredStatistic(*row) for row in rows}
        return [by_id[i] for i in ids if i in by_id]

    def first_statistic_by_sentence(self) -> dict[int, int]:
        rows = self._db.execute("SELECT sentence, min(id) FROM statistics GROUP BY sentence ORDER BY min(id)")
        return {sentence: stat_id for sentence, stat_id in rows}

    def cited_sentence_ids(self) -> list[int]:
        """Sentences that cite an entry of their document's reference list."""
        rows = self._db.execute("SELECT DISTINCT sentence FROM citations WHERE ref IS NOT NULL ORDER BY sentence")
        return [r[0] for r in rows]

    def distinct_references(self, *, limit: int) -> list[ReferenceInfo]:
        rows = self._db.execute(
            "SELECT key, authors, year, title, publisher, text FROM refs GROUP BY key ORDER BY min(id) LIMIT ?",
            (limit,),
        )
        return [_reference(row) for row in rows]


def _reference(row: tuple[str, str, str, str | None, str | None, str]) -> ReferenceInfo:
    key, authors, year, title, publisher, text = row
    return ReferenceInfo(key=key, authors=authors, year=year, title=title, publisher=publisher, text=text)
