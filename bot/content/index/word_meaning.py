"""Search by meaning for a library too large to embed sentence by sentence (over `MAX_SENTENCES`).

Embedding a sentence takes tens of milliseconds, so the UN corpus's 1.2 million would take hours. The
model embeds each distinct word of the library once instead (70,000 words for the UN corpus), and a
sentence's vector is the sum of its words' vectors weighted by how rare each word is (idf), at unit
length. A question is still embedded whole by the model, in the same space. The vectors are projected on
their first `DIMENSIONS` singular directions (taken without centring: centred, every cosine left the
model's scale) and kept at 16 bits (at 8, rounding reordered a question's nearest sentences, whose
cosines lie within hundredths of each other), in a file mapped from disk rather than read into memory.

Such vectors rank the sentences the words find, but cannot say a sentence is off the question: every
sentence shares the direction of the words all sentences use, so "recipe for chocolate cake" is as near
the seeds' sentences (0.87) as a question they answer. So the engine only re-ranks the words' finds
with them: they never bring in a sentence alone, judge relevance, or vouch that a sentence states a
claim; which is also why they need no nearest-neighbour index.
"""

from __future__ import annotations

import logging
import math
import os
import re
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from bot.content.index.meaning import MODEL, Embedder, cosines_of

log = logging.getLogger(__name__)

WORDS_FILE = "word_meaning.npz"
VECTORS_FILE = "word_meaning.npy"
DIMENSIONS = 256
# Every word counts, also one met in a single sentence: leaving those out cost the question set's library
# a fifth of its answers (small libraries hold many); the UN corpus has 70,000 words in all.
MAX_WORDS = 100_000
# The words' share of a score, chosen on the development questions with their library read this way:
# recall@3 0.758 at 0.01 and 0.02 (the better MRR), 0.742 at 0.03, 0.710 at 0.05 (words alone: 0.645;
# the first 62 development questions).
WORDS_WEIGHT = 0.02
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_WORD_BATCH = 64
_SENTENCE_BATCH = 2_000  # about 60 MB of word vectors gathered at a time


def _words_of(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text)]


class WordMeaningIndex:
    """Sentence vectors built from word vectors (float16, a row per sentence), mapped from disk."""

    words_weight = WORDS_WEIGHT

    def __init__(self, projection: np.ndarray, ids: np.ndarray, vectors: np.ndarray) -> None:
        self._projection = projection
        self.ids = ids
        self._vectors = vectors

    @classmethod
    def load(cls, folder: Path) -> WordMeaningIndex | None:
        """The folder's vectors, or None when they have not been computed (or by another model)."""
        words, vectors = folder / WORDS_FILE, folder / VECTORS_FILE
        if not (words.exists() and vectors.exists()):
            return None
        with np.load(words) as saved:
            if str(saved["model"]) != MODEL:
                return None
            projection, ids = saved["projection"], saved["ids"]
        return cls(projection, ids, np.load(vectors, mmap_mode="r"))

    def similarity(self, query: np.ndarray, sentence_ids: Sequence[int]) -> dict[int, float]:
        """The cosine of each of these sentences to the query (0 for one without a word the model read)."""
        projected = query.astype(np.float32) @ self._projection
        projected /= np.linalg.norm(projected) or 1.0
        return cosines_of(self.ids, self._vectors, projected, sentence_ids)


class _WordVectors:
    """The library's words embedded by the model, projected, with their idf."""

    def __init__(self, words: list[str], vectors: np.ndarray, idf: np.ndarray) -> None:
        self.position = {word: i for i, word in enumerate(words)}
        self.weighted = vectors * idf[:, None]

    def sentence_vectors(self, texts: Sequence[str]) -> np.ndarray:
        """Each sentence's idf-weighted sum of its words' vectors, at unit length (zero without a known word)."""
        rows: list[int] = []
        columns: list[int] = []
        for row, text in enumerate(texts):
            for word in _words_of(text):
                column = self.position.get(word)
                if column is not None:
                    rows.append(row)
                    columns.append(column)
        summed = np.zeros((len(texts), self.weighted.shape[1]), dtype=np.float32)
        if rows:
            # rows come in order: each sentence's words are one run, summed at once
            ordered = np.asarray(rows, dtype=np.int64)
            starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
            summed[ordered[starts], :] = np.add.reduceat(self.weighted[columns], starts, axis=0)
        norms = np.linalg.norm(summed, axis=1, keepdims=True)
        return summed / np.where(norms == 0, 1.0, norms)


def _library_words(sentences: Sequence[tuple[int, str]]) -> tuple[list[str], np.ndarray]:
    """The library's words (the `MAX_WORDS` most common), and their idf."""
    counts: Counter[str] = Counter()
    for _, text in sentences:
        counts.update(set(_words_of(text)))
    kept = counts.most_common(MAX_WORDS)
    words = [word for word, _ in kept]
    idf = np.array([math.log(len(sentences) / n) for _, n in kept], dtype=np.float32)
    return words, idf


def compute_word_meaning(
    folder: Path,
    sentences: Sequence[tuple[int, str]],
    embedder: Embedder,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> WordMeaningIndex:
    """Embed the library's words, build the sentences' vectors, and keep them in the index folder.
    `progress(done, total)` counts the words embedded and the sentences built."""
    ordered = sorted(sentences)
    words, idf = _library_words(ordered)
    total = len(words) + len(ordered)
    log.info("Reading %d words of %d sentences for search by meaning", len(words), len(ordered))
    embedded: list[np.ndarray] = []
    for start in range(0, len(words), _WORD_BATCH):
        embedded.append(embedder.passages(words[start : start + _WORD_BATCH]))
        if progress is not None:
            progress(min(start + _WORD_BATCH, len(words)), total)
    full = np.concatenate(embedded) if embedded else np.zeros((0, DIMENSIONS), dtype=np.float32)
    projection = _projection(full)
    vectors = _WordVectors(words, (full @ projection).astype(np.float32), idf)
    # written beside, then renamed, the vectors before the file that says they are whole: a reader never
    # sees half of them; written as they are made, so the library's vectors are never all in memory
    partial = f".{os.getpid()}.partial"
    rows = np.lib.format.open_memmap(
        folder / (VECTORS_FILE + partial), mode="w+", dtype=np.float16, shape=(len(ordered), projection.shape[1])
    )
    for start in range(0, len(ordered), _SENTENCE_BATCH):
        batch = ordered[start : start + _SENTENCE_BATCH]
        rows[start : start + len(batch)] = vectors.sentence_vectors([text for _, text in batch])
        if progress is not None:
            progress(len(words) + start + len(batch), total)
    rows.flush()
    del rows
    (folder / (VECTORS_FILE + partial)).rename(folder / VECTORS_FILE)
    ids = np.array([sid for sid, _ in ordered], dtype=np.int64)
    np.savez(folder / (WORDS_FILE + partial + ".npz"), model=np.array(MODEL), projection=projection, ids=ids)
    (folder / (WORDS_FILE + partial + ".npz")).rename(folder / WORDS_FILE)
    return WordMeaningIndex(projection, ids, np.load(folder / VECTORS_FILE, mmap_mode="r"))


def _projection(vectors: np.ndarray) -> np.ndarray:
    """The first `DIMENSIONS` right singular vectors of the word vectors (not centred: centred, every
    cosine left the model's scale), as columns."""
    if len(vectors) <= DIMENSIONS:
        return np.eye(vectors.shape[1], dtype=np.float32)
    _, _, directions = np.linalg.svd(vectors.astype(np.float32), full_matrices=False)
    return np.ascontiguousarray(directions[:DIMENSIONS].T)
