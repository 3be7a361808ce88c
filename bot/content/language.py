"""Which language a text is written in, by py3langid (langid.py's model, shipped in its wheel): a
question asked in another language than the sources' is answered by meaning alone, which the
multilingual model can do, or told plainly which language the sources are in.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from functools import cache
from typing import cast

import pycountry
from py3langid.langid import MODEL_FILE, LanguageIdentifier

# A text whose probability of being in a language is under this is not in it. Measured on our question
# sets: English questions scored at least 0.09 for English, questions in French, Spanish, German and
# Portuguese at most 0.009. Short keyword queries score low in any language ("USB" 0.007), so the
# engine also asks whether a question's words occur in the sources (see `StudyEngine._foreign`).
_IN_LANGUAGE = 0.02
_LOCK = threading.Lock()


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def main_language(text: str) -> str:
    """The ISO 639-1 code of the language the text is most likely in."""
    with _LOCK:
        return _identifier().classify(text)[0]


def is_in(text: str, language: str) -> bool:
    """Whether the text may be in the language (ISO 639-1): False only when it is unlikely."""
    with _LOCK:
        ranked = dict(_identifier().rank(text))
    return ranked.get(language, 0.0) >= _IN_LANGUAGE


def language_name(code: str) -> str:
    """ "English" for "en"; the code itself for one ISO 639 does not know."""
    return _names().get(code, code)


@cache
def _names() -> dict[str, str]:
    # pycountry types its language database loosely: each entry is read by name
    entries = cast(Iterable[object], pycountry.languages)
    return {str(getattr(entry, "alpha_2", "")): str(getattr(entry, "name", "")) for entry in entries}
