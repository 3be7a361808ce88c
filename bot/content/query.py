"""Turn a question into weighted search phrases, widening it with the aliases of the topics it touches.

A question about "jailed dissidents" names the detention topic by its alias "jailed", so the
topic's other words ("prison camps", "detention") join the query at a lower weight: that is how a
paraphrase finds text that shares none of its words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from bot.content.index.search import Phrase, SearchIndex
from bot.content.lexicon import verb_forms
from bot.content.topics import Topic

EXPANSION_WEIGHT = 0.4
_WORD = re.compile(r"[^\W\d_]+")
_STOPWORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me
    more most my myself no nor not now of off on once only or other our ours ourselves out over own
    same she should so some such than that the their theirs them themselves then there these they
    this those through to too under until up very was we were what when where which while who whom
    why will with would you your yours yourself yourselves tell show find give list many much say
    says said
    """.split()
)

# A question that asks for a quantity ("How many people go hungry?", "What share of the targets...") is
# answered by a sentence that gives a figure; one that asks for a time ("When did...") by one that gives a
# date.
_FIGURE_QUESTION = re.compile(
    r"^\W*(?:how\s+(?:many|much|fast|often|long|big|large|far|high)|(?:what|which)\s+"
    r"(?:share|percentage|proportion|fraction|number|amount|rate)|by\s+how\s+much)\b",
    re.IGNORECASE,
)
_DATE_QUESTION = re.compile(
    r"^\W*(?:when|since\s+when|(?:what|which|in\s+which|in\s+what)\s+(?:year|month|date))\b", re.IGNORECASE
)


def asks_for(question: str) -> Literal["figure", "date"] | None:
    """What kind of answer the question asks for, when its opening words say."""
    if _FIGURE_QUESTION.search(question):
        return "figure"
    if _DATE_QUESTION.search(question):
        return "date"
    return None


class QueryPlanner:
    def __init__(self, index: SearchIndex, topics: Sequence[Topic]) -> None:
        self._index = index
        self._stop_terms = {t for word in _STOPWORDS for t in index.terms(word)}
        self._topic_phrases = [
            [tuple(t for t in index.terms(p) if t not in self._stop_terms) for p in topic.phrases] for topic in topics
        ]

    def terms(self, text: str) -> list[str]:
        """The content terms of `text`, analysed as the index analyses sentences, first occurrence first."""
        return list(dict.fromkeys(t for t in self._index.terms(text) if t not in self._stop_terms))

    def plan(self, text: str, *, expand: bool = True) -> list[Phrase]:
        terms = self.terms(text)
        phrases = [Phrase((t,)) for t in terms]
        if not expand:
            return phrases
        asked = set(terms)
        added: set[tuple[str, ...]] = {(t,) for t in terms}
        # a verb's irregular forms are the verb (so at full weight), which the stemmer cannot tell: "Where
        # did the virus come from?" is answered by "it was possible the virus came from China"
        for word in _WORD.findall(text):
            verb = verb_forms(word)
            if not verb or not self.terms(word):
                continue  # a word no irregular verb's; or "did", which asks nothing, and neither does its "done"
            for form in sorted(verb):
                for term in self.terms(form):
                    if (term,) not in added:
                        added.add((term,))
                        phrases.append(Phrase((term,)))
        for topic_phrases in self._topic_phrases:
            if not any(p and set(p) <= asked for p in topic_phrases):
                continue
            for phrase in topic_phrases:
                if phrase and phrase not in added and not set(phrase) <= asked:
                    added.add(phrase)
                    phrases.append(Phrase(phrase, EXPANSION_WEIGHT))
        return phrases

    def topic_phrases(self, topic: Topic) -> list[Phrase]:
        """Every phrase of a topic at full weight: the topic itself is the question."""
        unique = dict.fromkeys(p for p in (tuple(self.terms(x)) for x in topic.phrases) if p)
        return [Phrase(p) for p in unique]
