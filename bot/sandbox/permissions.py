"""Permissions as Discord computes them: a member's roles, then the channel's overwrites, then what is implied.

The algorithm is Discord's (https://discord.com/developers/docs/topics/permissions#permission-overwrites):
base permissions from @everyone and the member's roles (everything for the owner or an
administrator), then in the channel the @everyone overwrite, the roles' overwrites together, and the
member's own overwrite, each denying before it allows. Implicit denials follow
(#implicit-permissions): without View Channel nothing else applies; without Send Messages neither do
Embed Links, Attach Files, Send TTS Messages and Mention Everyone. A thread takes its parent's overwrites,
and there Send Messages in Threads stands in for Send Messages (#inherited-permissions-threads).
"""

from __future__ import annotations

from typing import Any

CREATE_INSTANT_INVITE = 1 << 0
ADMINISTRATOR = 1 << 3
MANAGE_CHANNELS = 1 << 4
MANAGE_GUILD = 1 << 5
ADD_REACTIONS = 1 << 6
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
SEND_TTS_MESSAGES = 1 << 12
MANAGE_MESSAGES = 1 << 13
EMBED_LINKS = 1 << 14
ATTACH_FILES = 1 << 15
READ_MESSAGE_HISTORY = 1 << 16
MENTION_EVERYONE = 1 << 17
USE_EXTERNAL_EMOJIS = 1 << 18
USE_APPLICATION_COMMANDS = 1 << 31
CREATE_PUBLIC_THREADS = 1 << 35
SEND_MESSAGES_IN_THREADS = 1 << 38
ALL = (1 << 51) - 1

# What @everyone has in a new server's text channels, as far as this bot cares.
MEMBER = VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES | READ_MESSAGE_HISTORY | ADD_REACTIONS
MEMBER |= MENTION_EVERYONE | USE_EXTERNAL_EMOJIS | USE_APPLICATION_COMMANDS | CREATE_INSTANT_INVITE
MEMBER |= CREATE_PUBLIC_THREADS | SEND_MESSAGES_IN_THREADS
# Implied by Send Messages: gone when it is.
_NEEDS_SEND = EMBED_LINKS | ATTACH_FILES | SEND_TTS_MESSAGES | MENTION_EVERYONE

ROLE_OVERWRITE, MEMBER_OVERWRITE = 0, 1


def base_permissions(everyone: int, role_permissions: list[int], *, owner: bool = False) -> int:
    if owner:
        return ALL
    allowed = everyone
    for permissions in role_permissions:
        allowed |= permissions
    return ALL if allowed & ADMINISTRATOR else allowed


def channel_permissions(
    base: int,
    overwrites: list[dict[str, Any]],
    *,
    everyone_id: int,
    role_ids: set[int],
    member_id: int,
    thread: bool = False,
) -> int:
    """`base` narrowed by a channel's overwrites for a member with `role_ids`, then implicit denials; in a
    thread, `overwrites` are its parent's."""
    if base & ADMINISTRATOR:
        return ALL
    allowed = base
    by_id = {int(o["id"]): o for o in overwrites}
    if everyone_id in by_id:
        allowed = _apply(allowed, by_id[everyone_id])
    role_allow = role_deny = 0
    for overwrite in overwrites:
        if int(overwrite["type"]) == ROLE_OVERWRITE and int(overwrite["id"]) in role_ids:
            role_allow |= int(overwrite["allow"])
            role_deny |= int(overwrite["deny"])
    allowed = (allowed & ~role_deny) | role_allow
    member = by_id.get(member_id)
    if member is not None and int(member["type"]) == MEMBER_OVERWRITE:
        allowed = _apply(allowed, member)
    if not allowed & VIEW_CHANNEL:
        return 0
    if not allowed & (SEND_MESSAGES_IN_THREADS if thread else SEND_MESSAGES):
        allowed &= ~_NEEDS_SEND
    return allowed


def _apply(allowed: int, overwrite: dict[str, Any]) -> int:
    return (allowed & ~int(overwrite["deny"])) | int(overwrite["allow"])


def missing(have: int, need: int) -> int:
    return need & ~have
