"""The claim library's sentence vectors, computed once by the model and kept in the repository
(`sentence_vectors.npz`): embedding the library's 11,000 sentences took the model four minutes of both
cores in every test run, two fifths of the suite's work. The model gives a sentence the same vector alone
or in any batch, so a stored one is the vector the test would compute. Each is found by its sentence's
text: a new document's sentences, or ones the segmentation changes, are embedded afresh, and
`test_stored_vectors` fails until the file is refreshed:

    python -m tests.evaluation.refresh_vectors
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

from bot.content.index.meaning import MODEL, Embedder
from tests.evaluation.scoring import FOLDER

FILE = FOLDER / "sentence_vectors.npz"


def text_key(text: str) -> int:
    """A sentence's 64-bit key: its text's hash (a collision among some 10^4 sentences: about one chance in 10^11)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def stored() -> dict[int, np.ndarray]:
    """The stored vectors (float16) by key, in the file's order; none when they are another model's."""
    if not FILE.exists():
        return {}
    with np.load(FILE) as saved:
        if str(saved["model"]) != MODEL:
            return {}
        return dict(zip(saved["keys"].tolist(), saved["vectors"], strict=True))


class StoredVectors(Embedder):
    """The model, asked only for the passages not stored; `embedded` counts those it was asked for."""

    def __init__(self, vectors: dict[int, np.ndarray]) -> None:
        super().__init__()
        self.vectors = vectors
        self.embedded = 0

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        keys = [text_key(text) for text in texts]
        missing = {key: text for text, key in zip(texts, keys, strict=True) if key not in self.vectors}
        if missing:
            computed = super().passages(list(missing.values())).astype(np.float16)
            self.vectors.update(zip(missing, computed, strict=True))
            self.embedded += len(missing)
        return np.stack([self.vectors[key] for key in keys]).astype(np.float32)


def refreshed(texts: Sequence[str]) -> tuple[int, int]:
    """Store the vectors of these sentences, and only theirs: (embedded, dropped). Kept ones stay in the
    file's order and new ones follow, so git stores a new version as little more than the change."""
    before = stored()
    wanted = {text_key(text) for text in texts}
    embedder = StoredVectors(dict(before))
    for start in range(0, len(texts), 256):
        embedder.passages(texts[start : start + 256])
        print(f"{min(start + 256, len(texts))}/{len(texts)} sentences, {embedder.embedded} embedded", flush=True)
    keys = [key for key in embedder.vectors if key in wanted]
    np.savez(
        FILE,
        model=np.array(MODEL),
        keys=np.array(keys, dtype=np.uint64),
        vectors=np.stack([embedder.vectors[key] for key in keys]),
    )
    return embedder.embedded, len(before.keys() - wanted)
