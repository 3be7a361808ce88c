"""Facts for a daily post: every statistic and every cited sentence, each with a stable key.

Keys ("stat:12", "cite:40") let the daily schedule remember which facts a server has seen, so none
repeats until all have been posted.
"""

from __future__ import annotations

import random

from bot.content.index.store import Store
from bot.content.models import Fact

_DRAWS = 20


def fact_keys(store: Store) -> list[str]:
    """One key per sentence: its first statistic if it has one, else its citation."""
    first_statistic = store.first_statistic_by_sentence()
    cited = [f"cite:{sid}" for sid in store.cited_sentence_ids() if sid not in first_statistic]
    return [f"stat:{stat_id}" for stat_id in first_statistic.values()] + cited


def fact_for(store: Store, key: str) -> Fact | None:
    """The fact with this key, or None if the sources no longer have it."""
    kind, _, number = key.partition(":")
    if not number.isdigit():
        return None
    value: str | None = None
    if kind == "stat":
        found = store.statistics_by_id([int(number)])
        if not found:
            return None
        sentences, value = store.sentences([found[0].sentence]), found[0].value
    elif kind == "cite":
        sentences = store.sentences([int(number)])
    else:
        return None
    if not sentences:
        return None
    sentence = sentences[0]
    return Fact(
        key=key,
        quote=sentence.text,
        document=sentence.document,
        page=sentence.page,
        section=sentence.section,
        reference=sentence.reference,
        statistic=value,
    )


def pick(store: Store, rng: random.Random) -> Fact | None:
    """A random fact, drawn by id so it costs two lookups, not the whole key list (82 ms on the UN corpus).
    Statistics' ids have gaps where a server removed a source: a draw into one draws again."""
    statistics = max(store.highest_id("statistics"), 0)
    cited = store.cited_sentence_ids()
    total = statistics + len(cited)
    for _ in range(_DRAWS):
        if not total:
            return None
        choice = rng.randrange(total)
        fact = fact_for(store, f"stat:{choice + 1}" if choice < statistics else f"cite:{cited[choice - statistics]}")
        if fact is not None:
            return fact
    return None
