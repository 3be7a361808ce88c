"""Engine questions answered in worker processes, so that the gateway's event loop only receives and answers.

An engine query is Python and numpy work that holds the interpreter's lock. Run in a thread of the bot's
process, every query delays every event the loop has to handle: on the UN corpus (1.2 M sentences) at 200
interactions/s, the loop was held 148 ms at p99 and 48% of the interactions went unacknowledged (with two
workers, none; docs/benchmarks.md). Here each worker is a process with an engine of its
own, opened from the same index folder (its files are memory-mapped, so the page cache holds them once).

An engine is known to the workers by its address: the index folder as it is now (a folder replaced by a
new index is a new address), and whether its sentences are read for meaning yet. A question for an
engine no worker has open is answered in a thread of the bot's process as before, while one worker after
another opens it; so a server's new library, or the shared library once read for meaning, is answered
throughout. A worker that dies is started again, and the questions it held are answered in threads.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import multiprocessing
import os
import pickle
import queue
import signal
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from bot.content.engine import StudyEngine
from bot.content.index.build import ContentIndex, read_manifest
from bot.content.index.meaning import Embedder
from bot.content.index.search import Analyzer
from bot.content.topics import Topic
from bot.priority import lower_priority

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

# Engines a worker keeps open: the shared one and the servers' libraries asked most recently (each opened
# engine holds its whole-library answers in memory: about 190 MB of the worker's own for the UN corpus).
ENGINES_PER_WORKER = 4
WORKER_NICENESS = 5
# A worker that died is started again no sooner than this after its last start (a crash loop costs a core).
RESTART_SECONDS = 10.0


@dataclass(frozen=True)
class EngineAddress:
    """Which index an engine answers from, as a worker can open it."""

    folder: str
    inode: int
    changed_ns: int  # with the inode: a folder removed and another made in its place is a new address
    meaning: bool


@dataclass
class _Worker:
    process: BaseProcess
    connection: Connection
    started: float
    holds: set[EngineAddress] = field(default_factory=set)
    opening: EngineAddress | None = None
    pending: int = 0
    alive: bool = True
    # What the bot sends it, written to its pipe by a thread of its own: a busy worker's pipe fills, and a
    # write to a full pipe waits, which in the gateway's loop held it up to 1.5 s at a time.
    outbox: queue.SimpleQueue[tuple[Any, ...] | None] = field(default_factory=queue.SimpleQueue)


class WorkerGone(Exception):
    """The worker died (or was stopped) before it answered."""


class TooLate(Exception):
    """The question waited past the time its answer was wanted by (Discord's 3 seconds to acknowledge): not
    answered, so that the workers spend their time on questions someone still waits for."""


class EngineWorkers:
    """`processes` workers answering engine questions: `await workers.run(engine, None, StudyEngine.search, q)`."""

    def __init__(self, processes: int, *, restart_seconds: float = RESTART_SECONDS) -> None:
        self.processes = processes
        self.restart_seconds = restart_seconds
        self.answered_by_workers = 0
        self.answered_in_threads = 0
        self._workers: list[_Worker] = []
        self._numbers = itertools.count()
        self._waiting: dict[int, tuple[asyncio.Future[Any], _Worker, EngineAddress]] = {}
        self._addresses: weakref.WeakKeyDictionary[StudyEngine, EngineAddress] = weakref.WeakKeyDictionary()
        self._topics: dict[EngineAddress, list[Topic]] = {}
        self._analyzers: dict[EngineAddress, Analyzer] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._closed = False

    async def start(self, engine: StudyEngine, *, wait_seconds: float = 120.0) -> None:
        """Start the workers, each opening `engine` (the shared one), and wait until one has (or none can):
        until then every question would be answered in the bot's threads, which a busy bot's first seconds
        overwhelm (at 200/s on the UN corpus, 1,956 questions there and 86% unacknowledged)."""
        self._loop = asyncio.get_running_loop()
        for _ in range(self.processes):
            self._workers.append(self._spawn())
        address = self.address(engine)
        for worker in self._workers:
            self._open(worker, address)
        deadline = time.monotonic() + wait_seconds
        while self._workers and not self.holding(engine) and time.monotonic() < deadline:
            if not any(w.opening == address for w in self._workers if w.alive):
                log.warning("No engine worker could open the shared library; answering in the bot's threads")
                return
            await asyncio.sleep(0.05)

    async def run(
        self,
        engine: StudyEngine,
        answer_by: float | None,
        method: Callable[Concatenate[StudyEngine, P], T],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """`method(engine, *args, **kwargs)`, in a worker holding the engine, or else in a thread; `TooLate`
        if no one has started on it by `answer_by` (`time.monotonic()`, which every process reads alike)."""
        address = self.address(engine)
        worker = self._choose(address)
        if worker is not None:
            try:
                answer: T = await self._ask(worker, address, answer_by, method.__name__, args, kwargs)
            except WorkerGone:
                pass  # answered below, as if no worker held the engine
            except Exception:
                self.answered_by_workers += 1  # with the engine's own error, raised here as in a thread
                raise
            else:
                self.answered_by_workers += 1
                return answer
        if answer_by is not None and time.monotonic() > answer_by:
            raise TooLate
        self.answered_in_threads += 1
        return await asyncio.to_thread(method, engine, *args, **kwargs)

    def holding(self, engine: StudyEngine) -> int:
        """How many workers have the engine open and answer from it now."""
        address = self.address(engine)
        return sum(1 for w in self._workers if w.alive and address in w.holds and w.opening is None)

    def address(self, engine: StudyEngine) -> EngineAddress:
        index = engine.index
        known = self._addresses.get(engine)
        if known is None or known.meaning != (index.meaning is not None):
            # Taken when first asked: if the folder was replaced since the engine opened it, the workers open
            # the newer index, which the bot is about to answer from anyway.
            stat = os.stat(index.folder)
            known = EngineAddress(str(index.folder), stat.st_ino, stat.st_ctime_ns, index.meaning is not None)
            self._addresses[engine] = known
            self._topics[known] = engine.curated_topics
            self._analyzers[known] = index.analyzer
        return known

    def close(self) -> None:
        """Stop every worker (each ends when told, or when the bot's end of its pipe closes)."""
        self._closed = True
        for worker in self._workers:
            worker.outbox.put(None)  # the worker's last message: it stops when it reads it
        for worker in self._workers:
            worker.process.join(5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.connection.close()
        self._fail_waiting(lambda _: True)

    # -- the bot's side ------------------------------------------------------------------------------

    def _spawn(self) -> _Worker:
        # Spawned, not forked: the bot's process has threads (the records, the library worker) whose locks a
        # fork would copy held.
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        process = context.Process(target=serve, args=(theirs,), name="studybot-engine", daemon=True)
        process.start()
        theirs.close()
        worker = _Worker(process, ours, time.monotonic())
        threading.Thread(target=self._listen, args=(worker,), name="engine-replies", daemon=True).start()
        threading.Thread(target=self._post, args=(worker,), name="engine-questions", daemon=True).start()
        return worker

    def _choose(self, address: EngineAddress) -> _Worker | None:
        """The least busy worker holding the engine; none holding it: one starts opening it."""
        holding = [w for w in self._workers if w.alive and address in w.holds and w.opening is None]
        if holding:
            return min(holding, key=lambda w: w.pending)
        self._open_next(address)
        return None

    def _open_next(self, address: EngineAddress) -> None:
        """One worker at a time opens an engine, so the others go on answering meanwhile."""
        if any(w.opening == address for w in self._workers if w.alive):
            return
        lacking = [w for w in self._workers if w.alive and w.opening is None and address not in w.holds]
        if lacking:
            self._open(min(lacking, key=lambda w: w.pending), address)

    def _open(self, worker: _Worker, address: EngineAddress) -> None:
        worker.opening = address
        worker.outbox.put(("open", address, self._analyzers[address], self._topics[address]))

    async def _ask(
        self, worker: _Worker, address: EngineAddress, answer_by: float | None, method: str, args: Any, kwargs: Any
    ) -> Any:
        number = next(self._numbers)
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._waiting[number] = (future, worker, address)
        worker.pending += 1
        try:
            worker.outbox.put(("ask", number, address, answer_by, method, args, kwargs))
            return await future
        finally:
            worker.pending -= 1
            self._waiting.pop(number, None)

    def _post(self, worker: _Worker) -> None:
        """Write the bot's messages to the worker's pipe, in order, until its last (None) or its end."""
        assert self._loop is not None
        while True:
            message = worker.outbox.get()
            try:
                worker.connection.send(message)
            except (OSError, ValueError):  # it has ended: its reply thread sees it gone, and fails what it held
                return
            except Exception as error:  # a question that cannot be pickled: raised where it was asked
                if message is not None and message[0] == "ask":
                    self._loop.call_soon_threadsafe(self._settle, worker, ("answer", message[1], False, error))
                continue
            if message is None:
                return

    def _listen(self, worker: _Worker) -> None:
        """The worker's replies, handed to the event loop (a thread: a reply may be large to read)."""
        assert self._loop is not None
        while True:
            try:
                reply = worker.connection.recv()
            except (EOFError, OSError):
                break
            except Exception:  # unreadable (the worker checks its errors cross): this worker is not to be trusted
                log.exception("An engine worker's reply could not be read; stopping the worker")
                worker.process.kill()
                break
            self._loop.call_soon_threadsafe(self._settle, worker, reply)
        with contextlib.suppress(RuntimeError):  # the loop is closed: the bot has ended
            self._loop.call_soon_threadsafe(self._lost, worker)

    def _settle(self, worker: _Worker, reply: tuple[Any, ...]) -> None:
        if reply[0] == "opened":
            _, address, holds, problem = reply
            worker.opening = None
            worker.holds = set(holds)
            if problem:
                log.warning("An engine worker could not open %s: %s", address.folder, problem)
            else:
                self._open_next(address)  # the next worker, if one still lacks it
            return
        _, number, ok, value = reply
        waiting = self._waiting.get(number)
        if waiting is None or waiting[0].done():
            return
        future, _, address = waiting
        if ok:
            future.set_result(value)
            return
        if isinstance(value, WorkerGone):  # it let the engine go for others: it is asked no more about it
            worker.holds.discard(address)
        future.set_exception(value)

    def _lost(self, worker: _Worker) -> None:
        worker.alive = False
        worker.outbox.put(None)  # its writing thread ends too
        self._fail_waiting(lambda w: w is worker)
        if self._closed or worker not in self._workers:
            return
        log.warning("An engine worker ended (exit status %s); starting another", worker.process.exitcode)
        held = worker.holds | ({worker.opening} if worker.opening else set())
        delay = max(0.0, worker.started + self.restart_seconds - time.monotonic())
        assert self._loop is not None
        self._loop.call_later(delay, self._replace, worker, held)

    def _replace(self, worker: _Worker, held: set[EngineAddress]) -> None:
        if self._closed:
            return
        fresh = self._spawn()
        self._workers[self._workers.index(worker)] = fresh
        worker.connection.close()
        for address in held:
            if address in self._topics and not any(w.opening == address for w in self._workers):
                self._open(fresh, address)
                break  # one at a time: the others follow as members ask for them

    def _fail_waiting(self, which: Callable[[_Worker], bool]) -> None:
        for future, worker, _ in list(self._waiting.values()):
            if which(worker) and not future.done():
                future.set_exception(WorkerGone("the engine worker ended"))


# -- the worker's side -------------------------------------------------------------------------------


def serve(connection: Connection) -> None:
    """A worker's life: open engines and answer questions until told to stop or the bot is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the bot stops us
    # Below the bot's own priority: when questions come faster than the cores answer them, the gateway's loop
    # still gets a core at once to acknowledge, autocomplete and count quiz answers.
    lower_priority(WORKER_NICENESS)
    engines: OrderedDict[EngineAddress, StudyEngine] = OrderedDict()
    embedder = Embedder(threads=1)  # one core each: the workers together use them all
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        if message[0] == "open":
            _, address, analyzer, topics = message
            problem = _open_engine(engines, address, analyzer, topics, embedder)
            connection.send(("opened", address, list(engines), problem))
            continue
        _, number, address, answer_by, method, args, kwargs = message
        engine = engines.get(address)
        if answer_by is not None and time.monotonic() > answer_by:
            connection.send(("answer", number, False, TooLate()))
            continue
        if engine is None:
            connection.send(("answer", number, False, WorkerGone("this worker no longer holds the engine")))
            continue
        engines.move_to_end(address)
        try:
            reply = ("answer", number, True, getattr(engine, method)(*args, **kwargs))
        except Exception as error:  # the bot raises it where it asked, as if answered in its own thread
            reply = ("answer", number, False, _crossing(error))
        connection.send(reply)


def _crossing(error: Exception) -> Exception:
    """The error, if the bot's process can read it back as it is; else a RuntimeError saying what it was (an
    answer the bot could not read would leave its member waiting)."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


def _open_engine(
    engines: OrderedDict[EngineAddress, StudyEngine],
    address: EngineAddress,
    analyzer: Analyzer,
    topics: list[Topic],
    embedder: Embedder,
) -> str:
    """Open and warm the engine at `address`, keeping at most `ENGINES_PER_WORKER`; a problem, or ""."""
    if address in engines:
        return ""
    folder = Path(address.folder)
    try:
        manifest = read_manifest(folder)
        if manifest is None:
            return "its index has no manifest"
        engine = StudyEngine(ContentIndex(folder, analyzer, manifest.report), topics, embedder)
        engine.warm()
    except Exception as error:  # the bot answers from its own threads instead, and says why in its log
        return f"{type(error).__name__}: {error}"
    engines[address] = engine
    while len(engines) > ENGINES_PER_WORKER:
        _, oldest = engines.popitem(last=False)
        oldest.index.close()
    return ""
