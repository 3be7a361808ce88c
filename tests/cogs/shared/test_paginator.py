"""Page sets: bounded in number, and nothing kept for an answer Discord refused."""

from __future__ import annotations

import time

import discord

from bot.cogs.shared.paginator import PageSet, PageSets


def page_set() -> PageSet:
    return PageSet(owner_id=1, pages=[discord.Embed(title="p")], expires=time.monotonic() + 300)


def test_past_the_limit_the_oldest_page_set_is_dropped():
    live = PageSets(limit=3)
    for token in "abcd":
        live.add(token, page_set())
    assert len(live) == 3 and live.get("a") is None and live.get("d") is not None
