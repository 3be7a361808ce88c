"""What the bot's database records, as values the cogs and renderers read: no database access here."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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


@dataclass(frozen=True, slots=True)
class DailyPost:
    guild_id: int
    local_date: str
    fact_key: str
    channel_id: int
    status: PostStatus
    message_id: int | None
    claimed_at: float  # when the day was claimed, just before its first try (seconds since the epoch)


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
