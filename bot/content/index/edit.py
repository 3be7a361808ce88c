"""Change a built index by one document: a copy of the index gains a document, or loses one.

A server's own library is the shared index copied, plus the server's files, each added alone: adding a
file reads and indexes that file, not the library. Edits go to a copy (`clone`) that replaces the index
only when complete (`build.replace_folder`), so a failed edit leaves nothing half-added behind and a
reader of the old index is never disturbed. The copy costs little: the search index's segment files and
the word vectors, which are never written again once made, are hard links; only the content store and
small files are copied.
"""

from __future__ import annotations

import os
import shutil
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np

from bot.content.index.build import NAMES, TOP_NAMES, BuildReport, read_manifest, write_manifest
from bot.content.index.meaning import MeaningIndex, add_vectors, drop_meaning
from bot.content.index.search import Analyzer, SearchIndexWriter
from bot.content.index.store import RemovedDocument, Store, StoreWriter
from bot.content.ingest import IngestedDocument

# Files written once and never changed: Tantivy's segment parts (a deletion writes a new `.del` file) and
# the word vectors. Anything else (the SQLite store, Tantivy's meta.json and lock files) is copied.
_WRITTEN_ONCE = frozenset({".idx", ".pos", ".term", ".store", ".fast", ".fieldnorm", ".del", ".npy"})
_STORE = "content.sqlite3"


def clone(source: Path, target: Path) -> None:
    """A copy of the index folder `source` at `target`, to edit."""

    def copy(src: str, dst: str) -> object:
        if Path(src).suffix in _WRITTEN_ONCE:
            try:
                os.link(src, dst)
                return dst
            except OSError:  # another file system, or links not allowed: a copy does the same
                pass
        return shutil.copy2(src, dst)

    shutil.copytree(source, target, copy_function=copy)


def add_document(folder: Path, document: IngestedDocument, analyzer: Analyzer, vectors: np.ndarray | None) -> None:
    """Add the document to the index in `folder` (a clone), with its sentences' vectors (`meaning.embedded`,
    in the document's order) when the index has the model's vectors; without them (a library read word by
    word, or vectors not computed yet) its sentences are ranked by their words."""
    store = StoreWriter.reopen(folder / _STORE)
    doc_id, first = store.add(document)
    names = Counter(NAMES.validate_python(store.meta("names") or {}))
    names.update(document.names)
    store.set_meta("names", dict(names.most_common(TOP_NAMES)))
    store.close()
    search = SearchIndexWriter(folder / "search", analyzer)
    for offset, sentence in enumerate(document.sentences):
        search.add(first + offset, doc_id, sentence.text, bool(sentence.statistics), sentence.section)
    search.close()
    meaning = MeaningIndex.load(folder)
    if meaning is not None and vectors is not None:
        add_vectors(folder, meaning, np.arange(first, first + len(document.sentences), dtype=np.int64), vectors)
    _recount(folder)


def remove_document(folder: Path, key: str, analyzer: Analyzer) -> RemovedDocument | None:
    """Take the document with this key out of the index in `folder` (a clone); None if the index has no
    such document."""
    store = StoreWriter.reopen(folder / _STORE)
    removed = store.remove(key)
    store.close()
    if removed is None:
        return None
    search = SearchIndexWriter(folder / "search", analyzer)
    search.remove_document(removed.id)
    search.close()
    meaning = MeaningIndex.load(folder)
    if meaning is not None:
        drop_meaning(folder, meaning, removed.sentence_ids)
    _recount(folder)
    return removed


def _recount(folder: Path) -> None:
    """The manifest, with what the edited index now holds (its stamp is the editor's to set)."""
    recorded = read_manifest(folder)
    store = Store(folder / _STORE)
    try:
        counts = {table: store.count(table) for table in ("documents", "sentences", "statistics", "refs")}
    finally:
        store.close()
    stamp = recorded.stamp if recorded is not None else {}
    report = recorded.report if recorded is not None else BuildReport(0, 0, 0, 0, [], [], 0.0, True)
    report = replace(
        report,
        documents=counts["documents"],
        sentences=counts["sentences"],
        statistics=counts["statistics"],
        references=counts["refs"],
        rebuilt=True,
    )
    write_manifest(folder, stamp, report)
