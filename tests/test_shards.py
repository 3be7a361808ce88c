"""Which servers a process with `--shards IDS --shard-count N` serves: Discord's formula, ranges and lists."""

from __future__ import annotations

import pytest

from bot.errors import InputError
from bot.sandbox.payloads import snowflake
from bot.shards import parse_shards


def test_ranges_and_lists_name_the_shards_a_process_runs():
    assert parse_shards(None, None) is None
    plan = parse_shards("0-2,5", 8)
    assert plan is not None and plan.ids == (0, 1, 2, 5) and str(plan) == "shards 0,1,2,5 of 8"
    for shard in range(8):
        assert plan.serves(snowflake((shard, 8))) == (shard in plan.ids)


@pytest.mark.parametrize(("ids", "count"), [("0-8", 8), ("3-1", 8), ("a", 8), ("-1", 8), ("0", 0), ("", 4)])
def test_a_shard_outside_the_count_or_not_a_number_is_refused(ids, count):
    with pytest.raises(InputError):
        parse_shards(ids, count)
