"""The rules of a quiz session, with only the standard library: who may answer, and how answers score.

A member's first click on a question counts; a click after the time is up does not. A right answer
scores 100 points, up to 50 more for speed, and 10 more per answer in a row already right (at most 50).
A missed question comes back in the member's review, in Leitner boxes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

BASE_POINTS = 100
SPEED_BONUS = 50
STREAK_STEP = 10
STREAK_CAP = 50
# Leitner boxes for reviewing missed questions: a question in box N comes back after REVIEW_WAITS[N - 1]
# seconds; answered right in the last box it is learned. Missed, it goes back to the first box, and
# comes back after a short pause rather than at once, so the member first meets others.
REVIEW_WAITS = (0, 86_400, 3 * 86_400, 7 * 86_400, 16 * 86_400)
MISSED_AGAIN_WAIT = 600
LEARNED = 0  # the box a question answered right in the last box goes to: out of the boxes


class Verdict(StrEnum):
    RIGHT = "right"
    WRONG = "wrong"
    ALREADY_ANSWERED = "already answered"
    TOO_LATE = "too late"
    NOT_THIS_QUESTION = "not this question"


@dataclass(frozen=True, slots=True)
class Outcome:
    verdict: Verdict
    points: int = 0
    seconds: float = 0.0

    @property
    def counted(self) -> bool:
        return self.verdict in (Verdict.RIGHT, Verdict.WRONG)


def next_box(box: int, *, right: bool) -> tuple[int | None, float]:
    """Where a reviewed question goes, and how long until it is due: up a box when right (None past the
    last: learned), back to the first when missed."""
    if not right:
        return 1, MISSED_AGAIN_WAIT
    if box >= len(REVIEW_WAITS):
        return None, 0.0
    return box + 1, float(REVIEW_WAITS[box])


def points_for(seconds: float, limit: float, streak_before: int) -> int:
    speed = SPEED_BONUS * max(0.0, 1 - seconds / limit) if limit > 0 else 0
    return BASE_POINTS + round(speed) + min(STREAK_STEP * streak_before, STREAK_CAP)


@dataclass
class QuizGame:
    answers: list[int]
    seconds: float
    question: int = 0
    opened_at: float = 0.0
    open: bool = False
    answered: dict[int, dict[int, int]] = field(default_factory=dict)
    streaks: dict[int, int] = field(default_factory=dict)
    _streak_before: dict[tuple[int, int], int] = field(default_factory=dict)

    def ask(self, question: int, now: float) -> None:
        self.question, self.opened_at, self.open = question, now, True
        self.answered.setdefault(question, {})

    def close(self) -> None:
        self.open = False

    def answer(self, member_id: int, question: int, choice: int, now: float) -> Outcome:
        if question != self.question:
            return Outcome(Verdict.NOT_THIS_QUESTION)
        if member_id in self.answered.get(question, {}):
            return Outcome(Verdict.ALREADY_ANSWERED)
        elapsed = now - self.opened_at
        if not self.open or elapsed > self.seconds:
            return Outcome(Verdict.TOO_LATE)
        self.answered[question][member_id] = choice
        self._streak_before[(member_id, question)] = self.streaks.get(member_id, 0)
        if choice != self.answers[question]:
            self.streaks[member_id] = 0
            return Outcome(Verdict.WRONG, 0, elapsed)
        points = points_for(elapsed, self.seconds, self.streaks.get(member_id, 0))
        self.streaks[member_id] = self.streaks.get(member_id, 0) + 1
        return Outcome(Verdict.RIGHT, points, elapsed)

    def withdraw(self, member_id: int, question: int) -> None:
        """Take back an answer that could not be saved, so the member may answer again."""
        self.answered.get(question, {}).pop(member_id, None)
        self.streaks[member_id] = self._streak_before.pop((member_id, question), 0)

    def everyone_answered(self) -> bool:
        """All who joined in earlier questions have answered this one; the first question runs its time,
        since nobody can know who is playing until then."""
        joined = {m for q, members in self.answered.items() if q < self.question for m in members}
        return bool(joined) and joined <= self.answered.get(self.question, {}).keys()
