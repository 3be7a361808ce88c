"""Judge a summary by the rubric of the evaluation README ("Summaries"), written before the summary rules
it measures: it stands alone, says its sources, reads in order, leaves out no document that speaks much
of the topic, and is three to six sentences.

The rubric reads the answer and the text the command line prints; it shares no code with the engine's
rules, so that a rule that only looks right to itself fails here.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from bot.content.index.store import StoredSentence
from bot.content.models import SummaryAnswer

# A sentence that opens on one of these points back to something it does not say: a pronoun or
# demonstrative subject, a connective, or "also" among its first words ("The report also found").
_POINTS_BACK = re.compile(
    r"^[\"“‘(]?\s*(?:this|these|those|that|such|they|it|its|their|he|she|his|her|them|both"
    r"|also|however|moreover|furthermore|additionally|but|and|yet|instead|meanwhile|similarly|likewise"
    r"|nevertheless|nonetheless|thus|therefore|hence|consequently|in addition|as a result|in turn"
    r"|the latter|the former)\b"
    r"|^(?:\S+\s+){1,3}also\b",
    re.IGNORECASE,
)
# "It" that points at nothing: "It is estimated that…", "It was agreed to…".
_EMPTY_IT = re.compile(r"^it\s+(?:is|was|has been|remains|seems)\s+(?:\w+\s+){0,2}?(?:that|to|whether)\b", re.I)
_SAID = re.compile(r",[”\"’']?\s+(?:he|she|they)\s+(?:said|says|added|told|noted|explained|wrote)\b", re.I)
# A document that holds this share of the topic's candidate sentences, and at least `_MANY` of them,
# speaks much of the topic: its summary should quote it.
_SHARE = 0.25
_MANY = 3
_MIN, _MAX = 3, 6
CRITERIA = ("stands alone", "says its sources", "reads in order", "every document", "size")


@dataclass
class Rubric:
    passed: Counter[str] = field(default_factory=Counter[str])
    judged: int = 0
    all_passed: int = 0
    problems: list[str] = field(default_factory=list[str])

    def add(self, topic: str, failed: list[str]) -> None:
        self.judged += 1
        self.all_passed += not failed
        for criterion in CRITERIA:
            self.passed[criterion] += criterion not in failed
        if failed:
            self.problems.append(f"{topic}: {', '.join(failed)}")

    def lines(self, label: str) -> list[str]:
        each = ", ".join(f"{c} {self.passed[c]}/{self.judged}" for c in CRITERIA)
        return [f"{label}: {self.all_passed} of {self.judged} summaries meet every criterion ({each})"]


def points_back(text: str) -> bool:
    return (_POINTS_BACK.search(text) is not None and _EMPTY_IT.search(text) is None) or _SAID.search(text) is not None


def judge(
    answer: SummaryAnswer,
    printed: str,
    candidates: list[StoredSentence],
    source_order: dict[tuple[str, str], int],
) -> list[str]:
    """The criteria the summary fails. `printed` is the summary as the command line prints it,
    `candidates` the sentences the topic's search finds, `source_order` each (document, sentence)'s place
    in its document."""
    failed: list[str] = []
    sentences = answer.sentences
    place = [source_order[(s.document.id, s.text)] for s in sentences]
    follows = [
        i > 0 and sentences[i - 1].document.id == s.document.id and place[i - 1] == place[i] - 1
        for i, s in enumerate(sentences)
    ]
    if any(points_back(s.text) and not follows[i] for i, s in enumerate(sentences)):
        failed.append("stands alone")
    if not _sources_said_inline(answer, printed):
        failed.append("says its sources")
    documents = [s.document.id for s in sentences]
    grouped = all(documents.index(d) == i or documents[i - 1] == d for i, d in enumerate(documents))
    ordered = all(place[i - 1] < place[i] for i in range(1, len(sentences)) if documents[i - 1] == documents[i])
    if not (grouped and ordered):
        failed.append("reads in order")
    counts = Counter(s.document.id for s in candidates)
    much = {d for d, n in counts.items() if n >= _MANY and n >= _SHARE * len(candidates)}
    if not much <= set(documents):
        failed.append("every document")
    if not _MIN <= len(sentences) <= _MAX or len({s.text for s in sentences}) != len(sentences):
        failed.append("size")
    return failed


def _sources_said_inline(answer: SummaryAnswer, printed: str) -> bool:
    """Each document's name is printed before its first sentence and after the previous document's
    last one: a reader sees where each sentence comes from where it stands."""
    printed = " ".join(printed.split())
    position = 0
    last_document = None
    for sentence in answer.sentences:
        start = printed.find(sentence.text[:40], position)
        if start < 0:
            return False
        if sentence.document.id != last_document:
            label = sentence.document.id if sentence.document.title_is_opening else sentence.document.title
            if printed.find(label[:40], position, start) < 0:
                return False
            last_document = sentence.document.id
        position = start
    return True
