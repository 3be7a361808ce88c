"""Read an index's sentences for meaning in a process of its own, at a lower priority.

A large library takes the model and numpy minutes (the UN corpus: six to twelve, word by word). Read in
a thread of the bot's process, at the bot's priority, that work took over a core of the bot's process
and left the engine workers a third of one: at 200 interactions/s on the UN corpus, half the members'
questions waited past their 3 seconds. A spawned child, niced below the engine workers, with a
one-thread model, leaves the cores to the members; the bot maps the vectors once the child has written
them (written beside and then renamed, so never read half-written).
"""

from __future__ import annotations

import logging
import threading
import time
from multiprocessing import get_context
from multiprocessing.connection import Connection
from pathlib import Path

from bot.content.index.build import BuildReport, ContentIndex, by_tenths, log_tenth, saved_meaning
from bot.content.index.meaning import Embedder
from bot.content.index.search import Analyzer
from bot.priority import lower_priority

log = logging.getLogger(__name__)

# Below the engine workers (5), which answer the members: this work can wait, their questions cannot.
_NICENESS = 10


def start_reading_meaning(index: ContentIndex) -> None:
    """`read_meaning_apart` in a thread of its own, unless the index has its vectors: a daemon, so that the
    process never waits for the reading when it exits."""
    if index.meaning is None:
        threading.Thread(target=read_meaning_apart, args=(index,), name="meaning", daemon=True).start()


def read_meaning_apart(index: ContentIndex) -> None:
    """Give `index` its sentences' vectors, computed in a child process, unless it has them; search answers
    by words meanwhile. Returns when the child ends: call it from a thread."""
    if index.meaning is not None:
        return
    started = time.perf_counter()
    context = get_context("spawn")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(
        target=_read,
        args=(sending, index.folder, index.analyzer, index.report),
        name="studybot-meaning",
        daemon=True,  # ends with the bot; what it wrote is whole or not there
    )
    child.start()
    sending.close()
    log.info(
        "Reading %d sentences for search by meaning%s, in a process of its own; search answers by words until then",
        index.report.sentences,
        " word by word" if index.read_word_by_word else "",
    )
    with receiving:
        while True:
            try:
                tenths: int = receiving.recv()
            except EOFError:
                break
            log_tenth(tenths)
    child.join()
    meaning = saved_meaning(index.folder)
    if meaning is None:
        log.warning("Reading for meaning ended unfinished (exit code %s); search answers by words", child.exitcode)
        return
    index.meaning = meaning
    log.info("Search by meaning ready: %d sentences in %.1f s", index.report.sentences, time.perf_counter() - started)


def _read(sending: Connection, folder: Path, analyzer: Analyzer, report: BuildReport) -> None:
    lower_priority(_NICENESS)
    index = ContentIndex(folder, analyzer, report)
    try:
        index.read_meaning(index.store.sentence_texts(), Embedder(threads=1), by_tenths(sending.send))
    finally:
        index.close()
        sending.close()
