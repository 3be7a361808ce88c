"""What the sandbox remembers: guilds, messages as sent and edited, and interactions with their answers."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

from bot.sandbox.payloads import Payload

EPHEMERAL = 1 << 6
LOADING = 1 << 7
# https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction:
# "you must send an initial response within 3 seconds", and tokens "are valid for 15 minutes".
ACK_DEADLINE_S = 3.0
TOKEN_LIFETIME_S = 15 * 60.0


@dataclass
class SandboxGuild:
    id: int
    name: str
    owner_id: int
    roles: dict[int, Payload] = field(default_factory=dict)
    channels: dict[int, Payload] = field(default_factory=dict)
    members: dict[int, Payload] = field(default_factory=dict)

    @property
    def everyone_role(self) -> int:
        return self.id

    def channel_id(self, name: str) -> int:
        for channel_id, channel in self.channels.items():
            if channel["name"] == name:
                return channel_id
        raise LookupError(
            f"no channel #{name}; this server has {', '.join('#' + c['name'] for c in self.channels.values())}"
        )

    def role_ids(self, member_id: int) -> set[int]:
        return {int(role) for role in self.members[member_id]["roles"]}


@dataclass
class MessageRecord:
    """A message as the bot sent it, with its edits; `payload` is its current state."""

    payload: Payload
    allowed_mentions: Any
    history: list[Payload] = field(default_factory=list)
    deleted: bool = False
    created: float = field(default_factory=time.time)

    @property
    def id(self) -> int:
        return int(self.payload["id"])

    @property
    def ephemeral(self) -> bool:
        return bool(self.payload["flags"] & EPHEMERAL)


@dataclass
class InteractionRecord:
    id: int
    token: str
    kind: int
    guild_id: int
    channel_id: int
    user_id: int
    created: float
    acknowledged: asyncio.Event = field(default_factory=asyncio.Event)
    changed: asyncio.Event = field(default_factory=asyncio.Event)
    response_type: int | None = None
    ack_seconds: float | None = None
    # When the member first saw the answer: the acknowledgement itself, or after a deferral ("thinking…")
    # the first follow-up or edit that takes its place.
    answered_seconds: float | None = None
    original: int | None = None
    component_message: int | None = None
    followups: list[int] = field(default_factory=list)
    choices: list[Payload] | None = None
    modal: Payload | None = None

    def expired(self, now: float) -> bool:
        """Past the 3-second deadline without an answer: the token is invalidated."""
        return self.response_type is None and now - self.created > ACK_DEADLINE_S

    def token_expired(self, now: float) -> bool:
        return now - self.created > TOKEN_LIFETIME_S
