"""The bot with engine worker processes: members get the same answers as from the bot's own threads, and the
workers end with the bot."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from bot.content.engine import StudyEngine
from tests.world import World, world_in


async def answer_of(world: World, command: str, values: dict[str, object]) -> tuple[list[dict], int | None]:
    """The answer's embeds, and how the interaction was first acknowledged (4 answered, 5 "thinking…")."""
    reply = await (await world.alice.run("study", command, **values)).wait()
    return reply.embeds, reply.record.response_type


async def test_members_are_answered_by_the_engine_workers(engine: StudyEngine, tmp_path: Path) -> None:
    async with world_in(engine, tmp_path / "with", engine_workers=2) as world:
        workers = world.bot.engine_workers
        deadline = time.monotonic() + 60
        while workers.holding(engine) < 2:
            assert time.monotonic() < deadline, "the workers did not open the shared engine"
            await asyncio.sleep(0.05)
        commands = [
            ("search", {"query": "sent back to North Korea"}),
            ("cite", {"claim": "Over 50 resolutions since 2006 have condemned North Korea."}),
            ("summary", {"topic": "food"}),
            ("stats", {"topic": "food"}),
            ("quiz start", {"questions": 1}),  # its questions drawn at random: counted, not compared
        ]
        by_workers = [await answer_of(world, name, values) for name, values in commands]
        assert workers.answered_by_workers == len(commands) and workers.answered_in_threads == 0
        processes = [w.process for w in workers._workers]
    # through the workers every answer is acknowledged first, and then shown in place of "thinking…"
    assert [acknowledged for _, acknowledged in by_workers[:-1]] == [5, 5, 5, 5]
    async with world_in(engine, tmp_path / "without", engine_workers=0) as world:
        in_threads = [await answer_of(world, name, values) for name, values in commands]
        assert world.bot.engine_workers.answered_in_threads == len(commands)
    assert [embeds for embeds, _ in by_workers[:-1]] == [embeds for embeds, _ in in_threads[:-1]]
    assert not any(process.is_alive() for process in processes)
