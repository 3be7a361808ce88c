"""The claim library's stored sentence vectors (stored_vectors) hold every sentence, and are the model's."""

from __future__ import annotations

import numpy as np

from bot.content.index.meaning import Embedder
from tests.evaluation.claim_scoring import library_sentences
from tests.evaluation.stored_vectors import stored, text_key


def test_every_sentence_of_the_claim_library_has_the_vector_the_model_gives_it():
    texts = library_sentences()
    vectors = stored()
    missing = [text for text in texts if text_key(text) not in vectors]
    assert not missing, (
        f"{len(missing)} sentences have no stored vector (first: {missing[0]!r}); "
        "run `python -m tests.evaluation.refresh_vectors`"
    )
    sample = texts[:: len(texts) // 24][:24]  # spread over the library's documents
    computed = Embedder().passages(sample)
    kept = np.stack([vectors[text_key(text)] for text in sample]).astype(np.float32)
    # Compared by their cosine, as the meaning index compares vectors. Another processor's float arithmetic
    # moves the model's vectors a little (OpenBLAS picks its kernels by the processor): one with AVX-512
    # gave vectors up to 1.8e-3 apart, element by element, from those another stored, yet at a cosine of at
    # least 0.99995. Another sentence's vector lies at 0.85 at most, and noise of 0.002 per element at 0.999.
    cosines = (computed * kept).sum(axis=1) / np.linalg.norm(computed, axis=1) / np.linalg.norm(kept, axis=1)
    assert cosines.min() >= 0.999, cosines.min()
