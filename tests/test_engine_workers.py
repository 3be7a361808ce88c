"""Engine questions answered in worker processes: the same answers as in the bot's own threads, errors that
cross as they were, and a dead worker or a new engine never leaving a member unanswered."""

from __future__ import annotations

import asyncio
import os
import pickle
import shutil
import signal
import time
from collections.abc import AsyncIterator, Awaitable
from pathlib import Path
from typing import TypeVar

import pytest

from bot.content.engine import StudyEngine
from bot.content.index.build import open_index
from bot.content.topics import load_topics
from bot.engine_workers import EngineWorkers, TooLate
from bot.errors import UnknownTopicError
from tests.conftest import TOPICS

T = TypeVar("T")


async def within(asked: Awaitable[T], seconds: float = 30) -> T:
    """The answer, or a failure rather than a test waiting forever for one that never comes."""
    return await asyncio.wait_for(asked, seconds)


async def until_held(workers: EngineWorkers, engine: StudyEngine, count: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while workers.holding(engine) < count:
        assert time.monotonic() < deadline, f"{workers.holding(engine)} of {count} workers hold the engine"
        await asyncio.sleep(0.05)


@pytest.fixture
async def workers(engine: StudyEngine) -> AsyncIterator[EngineWorkers]:
    started = EngineWorkers(2, restart_seconds=1)
    await started.start(engine)
    try:
        yield started
    finally:
        await asyncio.to_thread(started.close)


async def test_workers_answer_as_the_engine_itself_does(workers: EngineWorkers, engine: StudyEngine) -> None:
    await until_held(workers, engine, 2)
    asked = [
        (StudyEngine.search, ("sent back to North Korea",), {"limit": 5}),
        (StudyEngine.cite, ("China vetoed ICC referrals",), {"limit": 3}),
        (StudyEngine.summary, ("food",), {}),
        (StudyEngine.stats, (), {"topic": "food", "limit": 10}),
        (StudyEngine.quiz, (), {"count": 3, "seed": 11}),
        (StudyEngine.fact, (), {"seed": 4}),
    ]
    for method, args, kwargs in asked:
        by_worker = await within(workers.run(engine, None, method, *args, **kwargs))
        assert by_worker == method(engine, *args, **kwargs), method.__name__
    assert workers.answered_by_workers == len(asked) and workers.answered_in_threads == 0


async def test_an_error_crosses_from_a_worker_as_it_was_raised(workers: EngineWorkers, engine: StudyEngine) -> None:
    await until_held(workers, engine, 1)
    with pytest.raises(UnknownTopicError) as raised:
        await within(workers.run(engine, None, StudyEngine.quiz, topic="no such topic at all", count=1))
    with pytest.raises(UnknownTopicError) as in_thread:
        engine.quiz(topic="no such topic at all", count=1)
    assert str(raised.value) == str(in_thread.value) and raised.value.hint == in_thread.value.hint
    assert raised.value.suggestions == in_thread.value.suggestions
    assert workers.answered_by_workers == 1


async def test_a_killed_worker_leaves_no_question_unanswered_and_is_replaced(
    workers: EngineWorkers, engine: StudyEngine
) -> None:
    await until_held(workers, engine, 2)
    pids = {w.process.pid for w in workers._workers}
    questions = [workers.run(engine, None, StudyEngine.search, f"famine and food aid {n}", limit=5) for n in range(20)]
    running = asyncio.gather(*questions)
    for pid in pids:
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
    answers = await within(running)
    assert all(answer.results for answer in answers)
    # both started again once their restart delay is over, and answering from the engine
    await until_held(workers, engine, 2)
    assert not pids & {w.process.pid for w in workers._workers}
    before = workers.answered_by_workers
    await within(workers.run(engine, None, StudyEngine.search, "famine", limit=5))
    assert workers.answered_by_workers == before + 1


async def test_a_new_engine_is_answered_in_a_thread_until_a_worker_opens_it(
    workers: EngineWorkers, engine: StudyEngine, seeds_dir: Path, tmp_path: Path
) -> None:
    await until_held(workers, engine, 2)
    copy = tmp_path / "index"
    shutil.copytree(engine.index.folder, copy)
    other = StudyEngine(open_index(seeds_dir, index_dir=copy), load_topics(TOPICS))
    first = await within(workers.run(other, None, StudyEngine.search, "prison camps", limit=5))
    assert first == other.search("prison camps", limit=5)
    assert workers.answered_in_threads == 1  # no worker held it yet: answered at once, not after an opening
    await until_held(workers, other, 2)
    assert workers.holding(engine) == 2  # the shared engine stays open beside it
    assert await within(workers.run(other, None, StudyEngine.search, "prison camps", limit=5)) == first
    assert workers.answered_by_workers == 1


async def test_a_question_past_its_time_is_not_answered_but_said_too_late(
    workers: EngineWorkers, engine: StudyEngine
) -> None:
    await until_held(workers, engine, 2)
    # reached by a worker only after the member's time to be answered is over (Discord's 3 s, in the bot)
    with pytest.raises(TooLate):
        await within(workers.run(engine, time.monotonic() - 0.01, StudyEngine.search, "famine", limit=5))
    with pytest.raises(TooLate):  # no worker: not started in a thread either
        await EngineWorkers(0).run(engine, time.monotonic() - 0.01, StudyEngine.search, "famine", limit=5)
    answered = await within(workers.run(engine, time.monotonic() + 30, StudyEngine.search, "famine", limit=5))
    assert answered.results and workers.answered_by_workers == 2


async def test_a_question_that_cannot_cross_to_a_worker_fails_alone(
    workers: EngineWorkers, engine: StudyEngine
) -> None:
    await until_held(workers, engine, 2)
    with pytest.raises((pickle.PicklingError, AttributeError, TypeError)):
        await within(workers.run(engine, None, StudyEngine.search, lambda: "not a question"))  # type: ignore[arg-type]
    for _ in range(4):  # the questions after it still reach the workers
        assert (await within(workers.run(engine, None, StudyEngine.search, "famine", limit=5))).results
