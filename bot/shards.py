"""Which shards this bot process runs: all of them (the default), or a range of a fixed count, so several
processes (or machines) share one bot, each holding the gateway sessions of its own servers.

A server's events reach the shard `(guild_id >> 22) % shard_count` (Discord's sharding formula,
https://discord.com/developers/docs/events/gateway#sharding), so the process running that shard is the
one that answers its members, runs its quizzes and posts its daily fact.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.errors import InputError


@dataclass(frozen=True)
class ShardPlan:
    ids: tuple[int, ...]
    count: int

    def serves(self, guild_id: int) -> bool:
        return (guild_id >> 22) % self.count in self.ids

    def __str__(self) -> str:
        return f"shards {','.join(map(str, self.ids))} of {self.count}"


def parse_shards(shards: str | None, count: int | None) -> ShardPlan | None:
    """`--shards 0-3 --shard-count 8` (or `--shards 0,2,5`); neither: None, every shard Discord recommends."""
    if shards is None and count is None:
        return None
    if shards is None or count is None:
        raise InputError("--shards and --shard-count go together.", "Example: --shards 0-3 --shard-count 8")
    if count < 1:
        raise InputError(f"--shard-count {count}: needs at least 1.")
    ids: set[int] = set()
    for part in shards.split(","):
        first, dash, last = part.strip().partition("-")
        try:
            low, high = int(first), int(last if dash else first)
        except ValueError:
            raise InputError(f"--shards {shards}: give shard numbers, a range or a list (0-3, or 0,2,5).") from None
        if not 0 <= low <= high < count:
            raise InputError(f"--shards {shards}: shards are numbered 0 to {count - 1} when there are {count}.")
        ids.update(range(low, high + 1))
    return ShardPlan(tuple(sorted(ids)), count)
