"""Extractive summaries: a few of the sources' own sentences that together cover a topic.

Sentences are picked by relevance with a penalty for repeating what an earlier pick said (maximal
marginal relevance), then put back in reading order, grouped by document.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from bot.content.index.store import StoredSentence
from bot.content.models import Quote

CANDIDATES = 40
MIN_SENTENCES = 3
MAX_SENTENCES = 6
# Sentences scoring under this share of the best one are off topic, unless the summary is still short.
_RELEVANCE_FLOOR = 0.45
_NOVELTY_WEIGHT = 0.6
_MIN_WORDS = 6


def choose(
    candidates: Sequence[StoredSentence],
    scores: Mapping[int, float],
    terms: Callable[[str], list[str]],
) -> list[StoredSentence]:
    pool = [s for s in candidates if len(s.text.split()) >= _MIN_WORDS]
    if not pool:
        return []
    best = max(scores[s.id] for s in pool)
    words = {s.id: set(terms(s.text)) for s in pool}
    chosen: list[StoredSentence] = []
    while pool and len(chosen) < MAX_SENTENCES:

        def gain(sentence: StoredSentence) -> float:
            overlap = max((_jaccard(words[sentence.id], words[c.id]) for c in chosen), default=0.0)
            return scores[sentence.id] / best - _NOVELTY_WEIGHT * overlap

        pick = max(pool, key=gain)
        if len(chosen) >= MIN_SENTENCES and scores[pick.id] < _RELEVANCE_FLOOR * best:
            break
        chosen.append(pick)
        pool.remove(pick)
    return _reading_order(chosen, scores)


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _reading_order(chosen: list[StoredSentence], scores: Mapping[int, float]) -> list[StoredSentence]:
    """Documents in order of their best sentence; within a document, the order it tells things in."""
    rank: dict[str, float] = {}
    for sentence in chosen:
        rank[sentence.document.id] = max(rank.get(sentence.document.id, 0.0), scores[sentence.id])
    return sorted(chosen, key=lambda s: (-rank[s.document.id], s.id))


def quote(sentence: StoredSentence) -> Quote:
    return Quote(
        text=sentence.text,
        document=sentence.document,
        page=sentence.page,
        offset=sentence.offset,
        reference=sentence.reference,
        references=sentence.references,
    )
