"""Refresh the claim library's stored sentence vectors (see stored_vectors): embed the sentences a new
document or a change of segmentation brought, drop the ones no longer in the library."""

from tests.evaluation.claim_scoring import library_sentences
from tests.evaluation.stored_vectors import FILE, refreshed

if __name__ == "__main__":
    embedded, dropped = refreshed(library_sentences())
    print(f"{FILE.name}: {embedded} sentences embedded, {dropped} no longer in the library dropped")
