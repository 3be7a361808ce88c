"""Extractive summaries: a few of the sources' own sentences that together cover a topic.

Sentences are picked by relevance with a penalty for repeating what an earlier pick said (maximal
marginal relevance), then put back in reading order, grouped by document. A sentence whose meaning
hangs on the one before it ("These include…", "However, …", "…, she said") comes with that sentence,
or is left out when its document does not give one to bring. Questions are not picked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from bot.content.index.store import StoredSentence
from bot.content.models import Quote

CANDIDATES = 40
MIN_SENTENCES = 3
MAX_SENTENCES = 6
# Sentences scoring under this share of the best one are off topic, unless the summary is still short.
_RELEVANCE_FLOOR = 0.45
_NOVELTY_WEIGHT = 0.6
# A document not quoted yet gains by its share of the topic's relevance, so that a document saying much
# on the topic in sentences that each say a little (a speech's many lines on prisoners) is heard beside
# the one sentence elsewhere that matches every word; a document holding this share is quoted even
# below the relevance floor.
_DOCUMENT_WEIGHT = 0.5
_MAIN_SHARE = 0.25
_MIN_WORDS = 6
# Sentences brought before a pick, at most: past two, the thread is too long to be worth it.
_MAX_BROUGHT = 2
# Openers that point back: a pronoun or demonstrative subject, or a connective that continues an
# argument. "It" that points at nothing ("It is estimated that…") does not; nor does "There".
_POINTING_WORDS = frozenset(
    "this these those that such they it its their them he she his her both also however moreover "
    "furthermore additionally but and yet instead meanwhile similarly likewise nevertheless nonetheless "
    "thus therefore hence consequently".split()
)
_POINTING_PHRASES = re.compile(r"^(?:in addition|as a result|in turn|the latter|the former)\b", re.IGNORECASE)
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_EMPTY_IT = re.compile(r"^it\s+(?:is|was|has been|remains|seems)\s+(?:\w+\s+){0,2}?(?:that|to|whether)\b", re.I)
# "The report also found…": "also" early in the sentence continues what came before.
_EARLY_ALSO = re.compile(r"^(?:\S+\s+){1,3}also\b", re.IGNORECASE)
# A sentence wholly in brackets is an aside to the one before: "(Contributed by … in bpo-45085.)".
_ASIDE = re.compile(r"^\(.*\)\W*$", re.DOTALL)
# "…, she said.": a speaker named only in an earlier sentence.
_PRONOUN_SAID = re.compile(r",[”\"’']?\s+(?:he|she|they)\s+(?:said|says|added|told|noted|explained|wrote)\b", re.I)


def choose(
    candidates: Sequence[StoredSentence],
    scores: Mapping[int, float],
    terms: Callable[[str], list[str]],
    before: Callable[[StoredSentence], StoredSentence | None],
) -> list[StoredSentence]:
    """`before` gives the sentence a sentence follows in its document (None for its first)."""
    pool: list[StoredSentence] = [s for s in candidates if len(s.text.split()) >= _MIN_WORDS and not _asks(s.text)]
    if not pool:
        return []
    best = max(scores[s.id] for s in pool)
    words = {s.id: set(terms(s.text)) for s in pool}
    share = _document_shares(pool, scores)
    chosen: list[StoredSentence] = []
    rank = dict(scores)
    quoted: set[int] = set()  # the documents of the chosen sentences

    def gain(sentence: StoredSentence) -> float:
        overlap = max((_jaccard(words[sentence.id], words[c.id]) for c in chosen), default=0.0)
        unheard = share[sentence.document_id] if sentence.document_id not in quoted else 0.0
        return scores[sentence.id] / best - _NOVELTY_WEIGHT * overlap + _DOCUMENT_WEIGHT * unheard

    while pool and len(chosen) < MAX_SENTENCES:
        pick = max(pool, key=gain)
        weighty = pick.document_id not in quoted and share[pick.document_id] >= _MAIN_SHARE
        if len(chosen) >= MIN_SENTENCES and scores[pick.id] < _RELEVANCE_FLOOR * best and not weighty:
            break
        pool.remove(pick)
        thread = _with_antecedents(pick, before)
        taken = {c.id for c in chosen}
        new = [s for s in thread or [] if s.id not in taken]
        if not new or len(chosen) + len(new) > MAX_SENTENCES:
            continue
        for sentence in new:
            words.setdefault(sentence.id, set(terms(sentence.text)))
            rank.setdefault(sentence.id, scores[pick.id])  # an antecedent sits where its pick does
        chosen.extend(new)
        quoted.add(pick.document_id)
        pool[:] = [s for s in pool if s.id not in {n.id for n in new}]
    return _reading_order(chosen, rank)


def _asks(text: str) -> bool:
    """A question ("Does the General Assembly have a solution?") says nothing a summary can state; it may
    still come before a pick that answers it."""
    return text.rstrip(" ”’\"')]").endswith("?")


def _document_shares(pool: Sequence[StoredSentence], scores: Mapping[int, float]) -> dict[int, float]:
    """Each document's share of the relevance its candidate sentences carry: how much it says on the topic."""
    total = sum(scores[s.id] for s in pool) or 1.0
    shares: dict[int, float] = {}
    for sentence in pool:
        shares[sentence.document_id] = shares.get(sentence.document_id, 0.0) + scores[sentence.id] / total
    return shares


def points_back(text: str) -> bool:
    """Whether the sentence's meaning hangs on one before it."""
    first = _FIRST_WORD.search(text[:20])
    opener = first.group(0).casefold() if first and first.start() <= 2 else ""
    if opener == "it" and _EMPTY_IT.search(text.lstrip('"“‘( ')):
        return False
    return (
        opener in _POINTING_WORDS
        or _ASIDE.match(text) is not None
        or _POINTING_PHRASES.search(text) is not None
        or _EARLY_ALSO.search(text) is not None
        or _PRONOUN_SAID.search(text) is not None
    )


def _with_antecedents(
    pick: StoredSentence, before: Callable[[StoredSentence], StoredSentence | None]
) -> list[StoredSentence] | None:
    """The pick with the sentences before it that its meaning hangs on; None when it needs more than
    `_MAX_BROUGHT` of them, or its document gives none."""
    thread = [pick]
    while points_back(thread[0].text):
        previous = before(thread[0])
        if previous is None or len(thread) > _MAX_BROUGHT:
            return None
        thread.insert(0, previous)
    return thread


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
        section=sentence.section,
        offset=sentence.offset,
        reference=sentence.reference,
        references=sentence.references,
    )
