"""The fact of the day: one statistic or cited sentence, chosen reproducibly from a seed."""

from __future__ import annotations

import random

from bot.content.index.store import Store
from bot.content.models import Fact


def pick(store: Store, rng: random.Random) -> Fact | None:
    statistics = store.count("statistics")
    cited = store.cited_sentence_ids()
    total = statistics + len(cited)
    if not total:
        return None
    choice = rng.randrange(total)
    if choice < statistics:
        stat = store.statistics_by_id([choice + 1])[0]
        sentence, value = store.sentences([stat.sentence])[0], stat.value
    else:
        sentence, value = store.sentences([cited[choice - statistics]])[0], None
    reference = sentence.references[0] if sentence.references else None
    return Fact(quote=sentence.text, document=sentence.document, reference=reference, statistic=value)
