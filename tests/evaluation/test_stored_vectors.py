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
    # the same on the machine that stored them but for their float16 rounding (5.7e-5 here); another
    # processor's float arithmetic may differ in the last bits, another model by far more
    assert np.abs(computed - kept).max() < 1e-3
