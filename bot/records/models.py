"""What the bot's database records, as values the cogs and renderers read: no database access here."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.content.models import QuizQuestion


class SessionStatus(StrEnum):
    """Where a quiz session is; the database holds the value (see its CHECK constraint)."""

    RUNNING = "running"
    FINISHED = "finished"
    STOPPED = "stopped"
    INTERRUPTED = "interrupted"


class PostStatus(StrEnum):
    """Where one server's daily post for one local date is; the database holds the value."""

    SENDING = "sending"
    POSTED = "posted"
    FAILED = "failed"


class DailyKind(StrEnum):
    """What one daily post is; the database holds the value."""

    FACT = "fact"
    QUESTION = "question"


class DailyChoice(StrEnum):
    """What a server has chosen to be posted each day; the database holds the value."""

    FACT = "fact"
    QUESTION = "question"
    BOTH = "both"

    @property
    def kinds(self) -> tuple[DailyKind, ...]:
        return (DailyKind.FACT, DailyKind.QUESTION) if self is DailyChoice.BOTH else (DailyKind(self.value),)


@dataclass(frozen=True, slots=True)
class StoredSession:
    id: str
    guild_id: int
    channel_id: int
    starter_id: int
    status: SessionStatus
    started_at: float
    message_id: int | None


@dataclass(frozen=True, slots=True)
class Standing:
    member_id: int
    points: int
    correct: int
    answered: int


@dataclass(frozen=True, slots=True)
class MemberStats:
    answered: int
    correct: int
    current_streak: int
    longest_streak: int
    fastest_seconds: float | None


@dataclass(frozen=True, slots=True)
class DailySchedule:
    guild_id: int
    channel_id: int
    time: str
    timezone: str
    enabled: bool
    last_error: str | None
    post: DailyChoice
    reveal_hours: int  # after the post time, a daily question's answer is revealed


@dataclass(frozen=True, slots=True)
class DailyPost:
    guild_id: int
    local_date: str
    kind: DailyKind
    key: str  # the fact's or the question's
    channel_id: int
    status: PostStatus
    message_id: int | None
    claimed_at: float  # when the day was claimed, just before its first try (seconds since the epoch)


@dataclass(frozen=True, slots=True)
class DailyQuestion:
    """A daily question as it was posted, and what is needed to reveal its answer."""

    guild_id: int
    local_date: str
    question: QuizQuestion
    reveal_at: float  # seconds since the epoch
    revealed: bool
    channel_id: int
    message_id: int | None


@dataclass(frozen=True, slots=True)
class QuestionReport:
    """A member's report of a quiz question they think is wrong or unfair."""

    id: int
    question_key: str
    prompt: str
    member_id: int
    reason: str
    reported_at: float


@dataclass(frozen=True, slots=True)
class Season:
    """A stretch of a server's leaderboard: from its start to the next season's (None: still running)."""

    number: int
    started_at: float
    ended_at: float | None
