"""Read one added file in a process of its own, bounded in time and memory.

A member's file may be hostile: a PDF or zip bomb, an enormous page, markup nested thousands deep. Read
in the bot's process, such a file could take its memory or its cores; read in a child process with an
address-space limit and a deadline, it costs at most that, and the child is killed past the deadline.
The child is started fresh (`spawn`), not forked from a process running the gateway's threads.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import time
from multiprocessing.connection import Connection

from bot.content.ingest import IngestedDocument, ingest_file
from bot.content.readers.text import PageProgress
from bot.content.sources import SourceFile
from bot.errors import InputError

# Starting the child and importing the reader takes about a second; it is not the file's time.
_START_SECONDS = 15.0
_NICENESS = 10
_SMALLER = "Is it a very large or damaged file? Try a smaller one."


class SourceRefused(InputError):
    """A file the bot will not add, with the reason."""


def read_bounded(
    source: SourceFile, *, name: str, seconds: float, memory_bytes: int, progress: PageProgress | None = None
) -> IngestedDocument:
    """The document, read in a child process; `SourceRefused` says why it cannot be added, naming the file
    as the member called it (`name`). `progress` is told the pages read, for a PDF."""
    context = multiprocessing.get_context("spawn")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_read, args=(sending, source, seconds, memory_bytes), daemon=True)
    child.start()
    sending.close()
    deadline = time.monotonic() + seconds + _START_SECONDS
    try:
        while True:
            if not receiving.poll(max(0.0, deadline - time.monotonic())):
                raise SourceRefused(f"{name}: reading it took over {seconds:.0f} s", _SMALLER)
            try:
                message: tuple[int, int] | IngestedDocument | str = receiving.recv()
            except EOFError:  # the child died: out of memory (the limit stops it), or the reader crashed
                raise SourceRefused(
                    f"{name}: reading it needed more than {memory_bytes // 2**20} MiB of memory, or crashed", _SMALLER
                ) from None
            if not isinstance(message, tuple):
                break
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


def _read(sending: Connection, source: SourceFile, seconds: float, memory_bytes: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    os.nice(_NICENESS)  # the bot's members come first

    def tell(done: int, pages: int) -> None:
        sending.send((done, pages))

    try:
        result: IngestedDocument | str = ingest_file(source, budget=seconds, progress=tell)
    except MemoryError:
        result = f"{source.relative}: reading it needed more than {memory_bytes // 2**20} MiB of memory"
    except RecursionError:
        result = f"{source.relative}: nested too deeply to read"
    sending.send(result)
    sending.close()
