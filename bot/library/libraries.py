"""The engine each server is answered from: the shared library's, or its own library's.

A server that has added sources (or left the shared library out) has an index of its own in
`<data>/library/<server id>/index/`: a copy of the shared index (or an empty one) plus the server's files,
each added alone. Its manifest's stamp names the shared index it was copied from and the server's files,
so at start an index whose shared library or files changed is made again; one that did not is opened as
it is. Changes run in the caller's thread (the cogs use `worker`, a thread of lower priority), one at a
time per server, on a copy that replaces the server's index when complete; the new engine then takes the
old one's place, so members are answered throughout, from the old library until the new one is ready.
"""

from __future__ import annotations

import contextlib
import gc
import json
import logging
import os
import shutil
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bot.config import Settings
from bot.content.engine import StudyEngine
from bot.content.index.build import BuildReport, ContentIndex, read_manifest, replace_folder, write_manifest
from bot.content.index.edit import add_document, clone, remove_document
from bot.content.index.meaning import Embedder, MeaningIndex, add_meaning, unread
from bot.content.index.meaning_apart import start_reading_meaning
from bot.content.index.search import Analyzer, SearchIndexWriter
from bot.content.index.store import RemovedDocument, StoreWriter
from bot.content.ingest import ingest_file
from bot.content.models import SourceMeta, SourceSummary
from bot.content.sources import SourceFile, fingerprint, read_sidecar
from bot.errors import InputError
from bot.library.fetching import fetch_source
from bot.library.models import Action, LibraryChange, ServerLibrary
from bot.library.reading import ReadDocument, SourceRefused, read_bounded
from bot.library.shelf import Shelf

log = logging.getLogger(__name__)

Progress = Callable[[str], None]
_MB = 2**20
BACKGROUND_NICENESS = 5


class Libraries:
    """The shared engine, and an engine for each server with a library of its own."""

    def __init__(self, shared: StudyEngine, settings: Settings) -> None:
        self.shared = shared
        self.settings = settings
        self.limits = settings.library
        self.root = settings.data_dir / "library"
        self._engines: dict[int, StudyEngine] = {}
        self._locks: dict[int, threading.Lock] = {}
        self._locks_lock = threading.Lock()
        # Library work (indexing, warming a new engine) runs in this one thread, at a lower priority: it takes
        # what the gateway's loop leaves (reading a file and for meaning is a child process's, `reading`).
        # Run on every core at normal priority, it starved the loop (p99 acknowledgement 2.4 s while adding).
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="library", initializer=_yield_priority)
        self._embedder = Embedder(threads=1)

    def engine_for(self, server: int | None) -> StudyEngine:
        """The engine that answers in this server (the shared one outside a server)."""
        if server is None:
            return self.shared
        return self._engines.get(server, self.shared)

    def open_saved(self) -> None:
        """Open every server's own library, making again those whose shared library or files changed."""
        if not self.root.is_dir():
            return
        for folder in sorted(self.root.iterdir()):
            if folder.name.isdigit():
                server = int(folder.name)
                with self._lock(server):
                    self._open(Shelf(self.root, server))

    # -- what members see ---------------------------------------------------------------------------

    def library(self, server: int) -> ServerLibrary:
        shelf = Shelf(self.root, server)
        usage = shelf.usage()
        own = {source.key for source in shelf.listing().files}
        engine = self.engine_for(server)
        return ServerLibrary(
            server=server,
            shared=shelf.choices.shared,
            librarian=shelf.choices.librarian,
            shared_documents=self.shared.index.report.documents,
            sources=[s for s in engine.sources().sources if s.document.id in own],
            megabytes=round(usage.bytes / _MB, 2),
            max_documents=self.limits.max_documents,
            max_megabytes=self.limits.max_megabytes,
        )

    def show(self, server: int, key: str) -> SourceSummary:
        """What the bot understood of a source the server can see (its own or the shared library's)."""
        for summary in self.engine_for(server).sources().sources:
            if summary.document.id == key:
                return summary
        raise InputError(f"No source called '{key}' here.", "List them with `source list` or `sources`.")

    # -- what moderators change ---------------------------------------------------------------------

    def add(
        self, server: int, filename: str, data: bytes, meta: SourceMeta, progress: Progress | None = None
    ) -> LibraryChange:
        """Keep the file, read it in a bounded child process, and add it to the server's library. A file
        that cannot be added raises `InputError` (`SourceRefused`) with the reason, and leaves nothing."""
        started = time.perf_counter()
        say = progress or (lambda _: None)
        shelf = Shelf(self.root, server)
        with self._lock(server):
            known = shelf.holding(data)
            if known is not None:
                return self._change("already added", shelf, self.show(server, known.key), started)
            self._check_quota(shelf, filename, len(data))
            self._ensure_index(shelf)  # before the file is kept: made from the files there were
            source = shelf.keep(filename, data, meta)
            try:
                read = self._read(source, filename, say)
                self._edit(shelf, lambda folder: self._add_to(folder, read, say))
            except BaseException:
                shelf.discard(source)
                raise
            return self._change("added", shelf, self.show(server, source.key), started)

    def correct(self, server: int, key: str, said: SourceMeta, progress: Progress | None = None) -> LibraryChange:
        """Change what is said of one of the server's sources (the fields given in `said`): its sidecar, and
        the document read again with it. A failure leaves the source as it was."""
        started = time.perf_counter()
        shelf = Shelf(self.root, server)
        with self._lock(server):
            source = shelf.own(key)
            before = read_sidecar(source)
            shelf.describe(source, before.model_copy(update=said.model_dump(exclude_none=True)))
            try:
                read = self._read(source, source.path.name, progress or (lambda _: None))

                def edit(folder: Path) -> None:
                    remove_document(folder, key, self.shared.index.analyzer)
                    self._add_to(folder, read, progress)

                self._edit(shelf, edit)
            except BaseException:
                shelf.describe(source, before)
                raise
            return self._change("corrected", shelf, self.show(server, key), started)

    async def fetch(self, url: str) -> tuple[str, bytes]:
        """The file at `url` (a name for it, its bytes), fetched within the limits (`fetching`)."""
        limits = self.limits
        return await fetch_source(
            url,
            max_bytes=int(limits.max_file_megabytes * _MB),
            seconds=limits.fetch_seconds,
            trusted=limits.url_networks,
        )

    def remove(self, server: int, key: str) -> tuple[LibraryChange, RemovedDocument]:
        """Take one of the server's own sources out: the file, and everything the index had from it."""
        started = time.perf_counter()
        shelf = Shelf(self.root, server)
        with self._lock(server):
            source = shelf.own(key)
            summary = self.show(server, key)
            removed: list[RemovedDocument] = []

            def edit(folder: Path) -> None:
                gone = remove_document(folder, key, self.shared.index.analyzer)
                if gone is not None:
                    removed.append(gone)

            # set aside while the index changes, so the new index's stamp names the files that remain
            aside = source.path.with_name(f".{source.path.name}.removing")
            source.path.rename(aside)
            try:
                self._edit(shelf, edit)
            except BaseException:
                aside.rename(source.path)
                raise
            aside.unlink()
            source.sidecar.unlink(missing_ok=True)
            if not shelf.listing().files and shelf.choices.shared:
                self._engines.pop(server)  # nothing of its own left: answered from the shared library again
            change = self._change("removed", shelf, summary, started)
            return change, removed[0] if removed else RemovedDocument(-1, [], [])

    def set_shared(self, server: int, include: bool) -> ServerLibrary:
        """Whether the server's answers draw on the shared library as well as its own sources."""
        shelf = Shelf(self.root, server)
        with self._lock(server):
            shelf.choose(shared=include)
            self._open(shelf)
        return self.library(server)

    def set_librarian(self, server: int, role: int | None) -> ServerLibrary:
        """The role whose members may change the library, besides those with Manage Server (None: only they)."""
        with self._lock(server):
            Shelf(self.root, server).choose(librarian=role)
        return self.library(server)

    def librarian(self, server: int) -> int | None:
        return Shelf(self.root, server).choices.librarian

    # -- the server's index -------------------------------------------------------------------------

    def _lock(self, server: int) -> threading.Lock:
        with self._locks_lock:
            return self._locks.setdefault(server, threading.Lock())

    def _stamp(self, shelf: Shelf) -> dict[str, str]:
        """What a server's index is made from: the shared index (or none), and the server's files."""
        shared = read_manifest(self.shared.index.folder)
        base = json.dumps(shared.stamp, sort_keys=True) if shared and shelf.choices.shared else "none"
        listing = shelf.listing()
        return {"shared": base, "own": fingerprint(shelf.files, listing) if listing.files else "none"}

    def check_size(self, filename: str, size: int) -> None:
        """Refuse a file larger than one source may be (the cog asks before downloading it)."""
        limit = self.limits.max_file_megabytes
        if size > limit * _MB:
            raise SourceRefused(f"{filename}: too large ({size / _MB:.1f} MiB; one file may be {limit:g} MiB)")

    def _check_quota(self, shelf: Shelf, filename: str, size: int) -> None:
        self.check_size(filename, size)
        usage = shelf.usage()
        limits = self.limits
        if usage.documents >= limits.max_documents:
            raise SourceRefused(
                f"This server has added {usage.documents} sources, its limit.", "Remove one with `source remove`."
            )
        if usage.bytes + size > limits.max_megabytes * _MB:
            raise SourceRefused(
                f"{filename}: over this server's quota ({(usage.bytes + size) / _MB:.1f} of "
                f"{limits.max_megabytes:g} MiB)",
                "Remove a source with `source remove`.",
            )

    def _read(self, source: SourceFile, name: str, say: Progress) -> ReadDocument:
        """The document, read (and read for meaning, when the bot searches by meaning) in a bounded child."""
        say(f"Reading {name}…")

        def progress(kind: str, done: int, total: int) -> None:
            if kind == "page":
                say(f"Reading page {done} of {total}…")
            else:
                say(f"Reading for meaning: {done:,} of {total:,} sentences…")

        return read_bounded(
            source,
            name=name,
            seconds=self.limits.read_seconds,
            memory_bytes=self.limits.read_memory_megabytes * _MB,
            embed=self.settings.meaning,
            progress=progress,
        )

    def _add_to(self, folder: Path, read: ReadDocument, say: Progress | None) -> None:
        if say is not None:
            say(f"Indexing {len(read.document.sentences):,} sentences…")
        add_document(folder, read.document, self.shared.index.analyzer, read.vectors)

    def _ensure_index(self, shelf: Shelf) -> None:
        folder = shelf.folder / "index"
        stamp = self._stamp(shelf)
        recorded = read_manifest(folder)
        if recorded is None or recorded.stamp != stamp:
            self._make(shelf, folder, stamp)

    def _edit(self, shelf: Shelf, change: Callable[[Path], None]) -> None:
        """Apply `change` to a copy of the server's index, then put the copy in place and answer from it."""
        folder = shelf.folder / "index"
        staging = folder.with_name("index.editing")
        shutil.rmtree(staging, ignore_errors=True)
        clone(folder, staging)
        try:
            change(staging)
            recorded = read_manifest(staging)
            assert recorded is not None
            write_manifest(staging, self._stamp(shelf), recorded.report)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        replace_folder(folder, staging)
        self._start(shelf, folder)

    def _open(self, shelf: Shelf) -> StudyEngine | None:
        """The server's engine, from its index if that is current, or from a new one; None (answered from the
        shared library) when the server has no files and keeps the shared library."""
        if not shelf.listing().files and shelf.choices.shared:
            self._engines.pop(shelf.server, None)
            return None
        self._ensure_index(shelf)
        engine = self._start(shelf, shelf.folder / "index")
        if self.settings.meaning and isinstance(engine.index.meaning, MeaningIndex):
            # Made afresh at start, the server's own sources were added without reading them for meaning
            # (that would hold the start up): read them now, in the background; words rank them meanwhile.
            self.worker.submit(self._read_unread, shelf)
        return engine

    def _read_unread(self, shelf: Shelf) -> None:
        with self._lock(shelf.server):
            index = self.engine_for(shelf.server).index
            if not isinstance(index.meaning, MeaningIndex):
                return
            missing = unread(index.meaning, index.store.sentence_texts())
            if missing:
                self._edit(shelf, lambda folder: _add_meaning_of(folder, missing, self._embedder))

    def _make(self, shelf: Shelf, folder: Path, stamp: dict[str, str]) -> None:
        """The server's index made afresh: the shared index copied (or an empty one), then each file added."""
        staging = folder.with_name("index.making")
        shutil.rmtree(staging, ignore_errors=True)
        analyzer = self.shared.index.analyzer
        if shelf.choices.shared:
            clone(self.shared.index.folder, staging)
        else:
            _empty_index(staging, analyzer)
        for source in shelf.listing().files:
            document = ingest_file(source)
            if isinstance(document, str):  # it was read when added: only a change of the reader can do this
                log.warning("Server %s: %s", shelf.server, document)
                continue
            add_document(staging, document, analyzer, None)
        recorded = read_manifest(staging)
        if recorded is not None:
            write_manifest(staging, stamp, recorded.report)
        replace_folder(folder, staging)

    def _start(self, shelf: Shelf, folder: Path) -> StudyEngine:
        recorded = read_manifest(folder)
        assert recorded is not None
        index = ContentIndex(folder, self.shared.index.analyzer, recorded.report)
        engine = StudyEngine(index, self.shared.curated_topics, self.shared.embedder)
        engine.warm()
        # The new engine's objects live as long as it does: out of the collector's way, as the bot's own are
        # at start (`StudyBot.setup_hook`); else the next full collection walks them all, on whichever
        # thread allocates, the gateway's loop included.
        gc.freeze()
        if self.settings.meaning:
            start_reading_meaning(index)  # not in the worker: the process must not wait for it when it exits
        self._engines[shelf.server] = engine
        return engine

    def _change(self, action: Action, shelf: Shelf, source: SourceSummary, started: float) -> LibraryChange:
        usage = shelf.usage()
        return LibraryChange(
            action=action,
            source=source,
            documents=usage.documents,
            megabytes=round(usage.bytes / _MB, 2),
            seconds=round(time.perf_counter() - started, 2),
        )


def _yield_priority() -> None:
    """Lower this thread's priority (Linux's threads each have their own nice value)."""
    with contextlib.suppress(OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BACKGROUND_NICENESS)


def _add_meaning_of(folder: Path, sentences: list[tuple[int, str]], embedder: Embedder) -> None:
    meaning = MeaningIndex.load(folder)
    if meaning is not None:
        add_meaning(folder, meaning, sentences, embedder)


def _empty_index(folder: Path, analyzer: Analyzer) -> None:
    folder.mkdir(parents=True)
    StoreWriter(folder / "content.sqlite3").close()
    SearchIndexWriter(folder / "search", analyzer).close()
    write_manifest(folder, {}, BuildReport(0, 0, 0, 0, [], [], 0.0, True))
