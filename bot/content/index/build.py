"""Build the index of a sources folder once, keep it beside the sources, reopen it while they are unchanged.

The index lives in `<sources>/.studybot-index/`: `content.sqlite3` (the content store), `search/` (the
Tantivy index) and `manifest.json`, written last, which says what the index was built from; later,
`meaning.npz` (the sentences' vectors for search by meaning, see `meaning.py`) may join them. A build
goes to a fresh folder that replaces the old one only when complete, so a crash mid-build leaves the
previous index usable. Files of a built index are never written again, only renamed away and unlinked,
so a process still reading the old index keeps valid pages (rewriting a file another process maps kills
it with SIGBUS). One process builds at a time: the others wait for it, then reuse what it built.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import shutil
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from pydantic import BaseModel, TypeAdapter, ValidationError
from tqdm import tqdm

from bot.content.index import meaning
from bot.content.index.meaning import Embedder, MeaningIndex, SentenceMeaning, compute_meaning
from bot.content.index.search import Analyzer, SearchIndex, SearchIndexWriter
from bot.content.index.store import Store, StoreWriter
from bot.content.index.word_meaning import WordMeaningIndex, compute_word_meaning
from bot.content.ingest import IngestedDocument, ingest_file
from bot.content.sources import INDEX_DIRNAME, SourceFile, SourceListing, fingerprint, list_sources
from bot.filelock import FileLock, Locked

log = logging.getLogger(__name__)

# The index records which code built it: a change to the content engine rebuilds it on next start.
_CONTENT_PACKAGE = Path(__file__).resolve().parents[1]
_PARALLEL_FROM_FILES = 64
_PROGRESS_FROM_FILES = 200
TOP_NAMES = 200


@dataclass(frozen=True, slots=True)
class BuildReport:
    documents: int
    sentences: int
    statistics: int
    references: int
    skipped: list[str]
    warnings: list[str]
    seconds: float
    rebuilt: bool


class Manifest(BaseModel):
    """`manifest.json`: what the index was built from (code, analyzer, sources), and what the build found."""

    stamp: dict[str, str]
    report: BuildReport


_MANIFEST = "manifest.json"
NAMES = TypeAdapter(dict[str, int])


class ContentIndex:
    """An opened index: the content store, the search index, and what the build found."""

    def __init__(self, folder: Path, analyzer: Analyzer, report: BuildReport) -> None:
        self.folder = folder
        self.analyzer: Analyzer = analyzer
        self.search = SearchIndex(folder / "search", analyzer)
        self.store = Store(folder / "content.sqlite3")
        self.report = report
        # Too large to read for meaning sentence by sentence: read word by word (see `word_meaning`).
        self.read_word_by_word = report.sentences > meaning.MAX_SENTENCES
        # Set when the sentences' vectors exist (now, or once they have been computed in the background).
        self.meaning: SentenceMeaning | None = saved_meaning(folder)
        try:
            self.name_counts = Counter(NAMES.validate_python(self.store.meta("names") or {}))
        except (sqlite3.Error, ValidationError):
            self.store.close()
            raise

    def compute_meaning(self, embedder: Embedder, *, progress: bool = False) -> None:
        """Read the sentences for search by meaning, unless they are already: each one through the model, or
        in a library too large for that, each of its words."""
        if self.meaning is not None:
            return
        sentences = self.store.sentence_texts()
        started = time.perf_counter()
        log.info(
            "Reading %d sentences for search by meaning%s; search answers by words until then",
            len(sentences),
            " word by word" if self.read_word_by_word else "",
        )
        log_progress = by_tenths(log_tenth)  # a bot reading in the background has no bar
        with tqdm(total=None, unit="step", desc="Reading for meaning", disable=not progress) as bar:

            def advance(done: int, total: int) -> None:
                bar.total = total
                bar.update(done - bar.n)
                log_progress(done, total)

            self.meaning = self.read_meaning(sentences, embedder, advance)
        log.info("Search by meaning ready: %d sentences in %.1f s", len(sentences), time.perf_counter() - started)

    def read_meaning(
        self, sentences: list[tuple[int, str]], embedder: Embedder, progress: Callable[[int, int], None]
    ) -> SentenceMeaning:
        """Compute the sentences' vectors and write them beside the index: each sentence through the model,
        or, in a library too large for that, each of its words."""
        read = compute_word_meaning if self.read_word_by_word else compute_meaning
        return read(self.folder, sentences, embedder, progress=progress)

    def close(self) -> None:
        self.store.close()
        self.search.close()


def by_tenths(tell: Callable[[int], None]) -> Callable[[int, int], None]:
    """A progress callback `(done, total)` that tells `tell` each tenth done, once (1 for 10%, ...)."""
    told = 0

    def progress(done: int, total: int) -> None:
        nonlocal told
        if total and done * 10 // total > told:
            told = done * 10 // total
            tell(told)

    return progress


def log_tenth(tenths: int) -> None:
    log.info("Reading for meaning: %d%% done", tenths * 10)


def saved_meaning(folder: Path) -> SentenceMeaning | None:
    """The sentences' vectors kept in the index folder, sentence by sentence or word by word, if computed."""
    return MeaningIndex.load(folder) or WordMeaningIndex.load(folder)


def index_folder_for(sources: Path) -> Path:
    return sources / INDEX_DIRNAME


def open_index(
    sources: Path,
    *,
    index_dir: Path | None = None,
    analyzer: Analyzer = "stemmed",
    progress: bool | None = None,
    workers: int | None = None,
    force: bool = False,
) -> ContentIndex:
    """Open the persisted index of `sources`, building it first if the sources changed since."""
    folder = index_dir or index_folder_for(sources)
    lock = FileLock(folder.with_name(folder.name + ".lock"))
    try:
        lock.acquire(wait=False)
    except Locked as busy:
        log.info("Waiting for process %s, which is building the index in %s", busy.holder, folder)
        lock.acquire(wait=True)
    try:
        return _open_or_build(sources, folder, analyzer, progress=progress, workers=workers, force=force)
    finally:
        lock.release()


def _open_or_build(
    sources: Path, folder: Path, analyzer: Analyzer, *, progress: bool | None, workers: int | None, force: bool
) -> ContentIndex:
    started = time.perf_counter()
    listing = list_sources(sources)
    stamp = {"code": code_version(), "analyzer": analyzer, "sources": fingerprint(sources, listing)}
    recorded = read_manifest(folder)
    if not force and recorded is not None and recorded.stamp == stamp:
        try:
            return ContentIndex(folder, analyzer, replace(recorded.report, rebuilt=False))
        except (sqlite3.Error, ValueError, OSError) as error:
            # The index is only ever derived from the sources, so a damaged one is rebuilt, never repaired.
            log.warning("The index in %s cannot be read (%s); building it again from the sources.", folder, error)

    staging = folder.with_name(f"{folder.name}.building-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    built = _build(listing, staging, analyzer, progress=progress, workers=workers)
    report = replace(built, seconds=round(time.perf_counter() - started, 3))
    write_manifest(staging, stamp, report)
    replace_folder(folder, staging)
    for problem in report.skipped + report.warnings:
        log.warning("%s", problem)
    return ContentIndex(folder, analyzer, report)


def code_version() -> str:
    digest = hashlib.sha256()
    for path in sorted(_CONTENT_PACKAGE.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def read_manifest(folder: Path) -> Manifest | None:
    """What the index in the folder was built from, or None if it has no readable manifest."""
    try:
        return Manifest.model_validate_json((folder / _MANIFEST).read_bytes())
    except (OSError, ValidationError):
        return None


def write_manifest(folder: Path, stamp: dict[str, str], report: BuildReport) -> None:
    (folder / _MANIFEST).write_text(Manifest(stamp=stamp, report=report).model_dump_json())


def replace_folder(folder: Path, staging: Path) -> None:
    """Put the complete index in `staging` where `folder` was, in two renames."""
    retired = folder.with_name(f"{folder.name}.retired-{os.getpid()}")
    if folder.exists():
        folder.rename(retired)
    staging.rename(folder)
    shutil.rmtree(retired, ignore_errors=True)


def _build(
    listing: SourceListing, staging: Path, analyzer: Analyzer, *, progress: bool | None, workers: int | None
) -> BuildReport:
    store = StoreWriter(staging / "content.sqlite3")
    skipped = list(listing.skipped)
    warnings: list[str] = []
    names: Counter[str] = Counter()
    totals = Counter[str]()
    show = progress if progress is not None else len(listing.files) >= _PROGRESS_FROM_FILES
    with _Ingestion(listing.files, workers) as documents:
        # The search writer starts after the worker processes fork, so they inherit none of its threads.
        search = SearchIndexWriter(staging / "search", analyzer)
        bar = tqdm(total=len(listing.files), unit="doc", desc="Indexing sources", disable=not show)
        for document in documents:
            bar.update()
            if isinstance(document, str):
                skipped.append(document)
                continue
            doc_id, first = store.add(document)
            for offset, sentence in enumerate(document.sentences):
                search.add(first + offset, doc_id, sentence.text, bool(sentence.statistics), sentence.section)
            warnings.extend(document.warnings)
            names.update(document.names)
            totals.update(
                documents=1,
                sentences=len(document.sentences),
                statistics=sum(len(s.statistics) for s in document.sentences),
                references=len(document.references),
            )
        bar.set_description("Committing index")
        search.close()
        bar.close()
    store.set_meta("names", dict(names.most_common(TOP_NAMES)))
    store.close()
    return BuildReport(
        documents=totals["documents"],
        sentences=totals["sentences"],
        statistics=totals["statistics"],
        references=totals["references"],
        skipped=skipped,
        warnings=warnings,
        seconds=0.0,
        rebuilt=True,
    )


class _Ingestion:
    """Ingest files in order, in worker processes when there are enough of them to pay for it."""

    def __init__(self, files: list[SourceFile], workers: int | None) -> None:
        self._files = files
        count = workers if workers is not None else (os.cpu_count() or 1)
        self._pool = (
            multiprocessing.get_context("fork").Pool(count)
            if count > 1 and len(files) >= _PARALLEL_FROM_FILES
            else None
        )

    def __enter__(self) -> Iterator[IngestedDocument | str]:
        if self._pool is None:
            return map(ingest_file, self._files)
        return self._pool.imap(ingest_file, self._files, chunksize=8)

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
