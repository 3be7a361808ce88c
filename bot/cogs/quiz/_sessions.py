"""The quiz sessions running in this process: at most one per channel, found by channel or by id.

A channel is claimed before `/quiz start` awaits anything, so members who start at the same moment
cannot both get a session: the first claim wins and the others are told one is starting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.cogs.quiz._session import QuizSession


class QuizSessions:
    def __init__(self) -> None:
        self._claimed: set[int] = set()
        self._by_channel: dict[int, QuizSession] = {}
        self._by_id: dict[str, QuizSession] = {}

    def claim(self, channel_id: int) -> bool:
        """Reserve the channel for a session being set up; False if one runs or is starting there.
        Call it before the first await, so no other start can slip in between the check and the claim."""
        if channel_id in self._claimed:
            return False
        self._claimed.add(channel_id)
        return True

    def release(self, channel_id: int) -> None:
        """Give back a claim whose session never started."""
        if channel_id not in self._by_channel:
            self._claimed.discard(channel_id)

    def begin(self, session: QuizSession) -> None:
        """The claimed channel's session is running."""
        self._by_channel[session.channel_id] = session
        self._by_id[session.id] = session

    def end(self, session: QuizSession) -> None:
        if self._by_channel.get(session.channel_id) is session:
            del self._by_channel[session.channel_id]
            self._claimed.discard(session.channel_id)
        self._by_id.pop(session.id, None)

    def in_channel(self, channel_id: int) -> QuizSession | None:
        return self._by_channel.get(channel_id)

    def get(self, session_id: str) -> QuizSession | None:
        return self._by_id.get(session_id)

    def running(self) -> list[QuizSession]:
        return list(self._by_id.values())
