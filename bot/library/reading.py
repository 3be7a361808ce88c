"""Read one added file in a process of its own, bounded in time and memory, and read it for meaning there.

A member's file may be hostile: a PDF or zip bomb, an enormous page, markup nested thousands deep. Read
in the bot's process, such a file could take its memory or its cores; read in a child process with an
address-space limit and a deadline, it costs at most that, and the child is killed past the deadline.
The child is started fresh (`spawn`), not forked from a process running the gateway's threads, and at a
lower priority. It also embeds the document's sentences (the slow part of adding: tens of milliseconds
a sentence), so that work holds neither the bot's cores at the loop's priority nor its interpreter lock.
"""

from __future__ import annotations

import multiprocessing
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection

import numpy as np

from bot.content.index.meaning import Embedder, embedded
from bot.content.ingest import IngestedDocument, ingest_file
from bot.content.sources import SourceFile
from bot.errors import InputError
from bot.priority import lower_priority

# Starting the child and importing the reader takes about a second; it is not the file's time.
_START_SECONDS = 15.0
# Once read, the document's sentences are embedded a batch at a time; a batch taking longer than this
# means the child is stuck, not slow.
_BATCH_SECONDS = 120.0
_NICENESS = 5
_SMALLER = "Is it a very large or damaged file? Try a smaller one."

# Told what the child is doing: ("page", done, pages) while reading a PDF, ("meaning", done, sentences).
ReadProgress = Callable[[str, int, int], None]


class SourceRefused(InputError):
    """A file the bot will not add, with the reason."""


@dataclass(frozen=True, slots=True)
class ReadDocument:
    document: IngestedDocument
    vectors: np.ndarray | None  # the sentences' vectors, in the document's order, when asked for


def read_bounded(
    source: SourceFile,
    *,
    name: str,
    seconds: float,
    memory_bytes: int,
    embed: bool = False,
    progress: ReadProgress | None = None,
) -> ReadDocument:
    """The document, read in a child process (and its sentences embedded there, with `embed`);
    `SourceRefused` says why it cannot be added, naming the file as the member called it (`name`)."""
    context = multiprocessing.get_context("spawn")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_read, args=(sending, source, seconds, memory_bytes, embed), daemon=True)
    child.start()
    sending.close()
    deadline = time.monotonic() + seconds + _START_SECONDS
    try:
        while True:
            if not receiving.poll(max(0.0, deadline - time.monotonic())):
                raise SourceRefused(f"{name}: reading it took over {seconds:.0f} s", _SMALLER)
            try:
                message: tuple[str, int, int] | ReadDocument | str = receiving.recv()
            except EOFError:  # the child died: out of memory (the limit stops it), or the reader crashed
                raise SourceRefused(
                    f"{name}: reading it needed more than {memory_bytes // 2**20} MiB of memory, or crashed", _SMALLER
                ) from None
            if not isinstance(message, tuple):
                break
            if message[0] == "meaning":  # read: what is left is bounded by its sentences, batch by batch
                deadline = time.monotonic() + _BATCH_SECONDS
            if progress is not None:
                progress(*message)
    finally:
        receiving.close()
        if child.is_alive():
            child.kill()
        child.join()
    if isinstance(message, str):
        raise SourceRefused(message.replace(source.relative, name, 1))
    return message


def _read(sending: Connection, source: SourceFile, seconds: float, memory_bytes: int, embed: bool) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    lower_priority(_NICENESS)  # the bot's members come first

    def tell(kind: str) -> Callable[[int, int], None]:
        return lambda done, total: sending.send((kind, done, total))

    result: ReadDocument | str
    try:
        document = ingest_file(source, budget=seconds, progress=tell("page"))
        if isinstance(document, str) or not embed:
            result = document if isinstance(document, str) else ReadDocument(document, None)
        else:
            texts = list(enumerate(s.text for s in document.sentences))
            _, vectors = embedded(texts, Embedder(threads=1), tell("meaning"))
            result = ReadDocument(document, vectors)
    except MemoryError:
        result = f"{source.relative}: reading it needed more than {memory_bytes // 2**20} MiB of memory"
    except RecursionError:
        result = f"{source.relative}: nested too deeply to read"
    sending.send(result)
    sending.close()
