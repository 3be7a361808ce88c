"""Discord's documented object shapes (users, guilds, channels, messages), as the sandbox sends them."""

from __future__ import annotations

import itertools
import time
from datetime import UTC, datetime
from typing import Any

DISCORD_EPOCH_MS = 1_420_070_400_000
_counter = itertools.count()

Payload = dict[str, Any]

# https://discord.com/developers/docs/events/gateway#gateway-intents
GUILD_MEMBERS = 1 << 1
GUILD_PRESENCES = 1 << 8
MESSAGE_CONTENT = 1 << 15
PRIVILEGED_INTENTS = GUILD_MEMBERS | GUILD_PRESENCES | MESSAGE_CONTENT
KNOWN_INTENTS = (1 << 17) - 1 | 1 << 20 | 1 << 21 | 1 << 24 | 1 << 25


def snowflake(shard: tuple[int, int] | None = None) -> int:
    """A Discord-style id: milliseconds since Discord's epoch, then a counter. With `shard` (shard_id,
    num_shards), a guild id whose events that shard receives: the milliseconds moved back to fit."""
    millis = int(time.time() * 1000) - DISCORD_EPOCH_MS
    if shard is not None:
        shard_id, shards = shard
        millis -= (millis - shard_id) % shards
    return (millis << 22) | (next(_counter) % (1 << 22))


def timestamp() -> str:
    return datetime.now(UTC).isoformat()


def user(user_id: int, name: str, *, bot: bool = False) -> Payload:
    return {
        "id": str(user_id),
        "username": name,
        "discriminator": "0",
        "global_name": name,
        "avatar": None,
        "bot": bot,
        "system": False,
        "public_flags": 0,
        "flags": 0,
        "banner": None,
        "accent_color": None,
    }


def role(role_id: int, name: str, permissions: int, position: int) -> Payload:
    return {
        "id": str(role_id),
        "name": name,
        "color": 0,
        "hoist": False,
        "icon": None,
        "unicode_emoji": None,
        "position": position,
        "permissions": str(permissions),
        "managed": False,
        "mentionable": False,
        "flags": 0,
    }


TEXT_CHANNEL = 0


def text_channel(channel_id: int, guild_id: int, name: str, position: int) -> Payload:
    return {
        "id": str(channel_id),
        "type": TEXT_CHANNEL,
        "guild_id": str(guild_id),
        "name": name,
        "position": position,
        "permission_overwrites": [],
        "nsfw": False,
        "parent_id": None,
        "topic": None,
        "last_message_id": None,
        "rate_limit_per_user": 0,
        "flags": 0,
    }


PUBLIC_THREAD = 11  # https://discord.com/developers/docs/resources/channel#channel-object-channel-types


def public_thread(
    thread_id: int, guild_id: int, parent_id: int, name: str, owner_id: int, archive_after: int
) -> Payload:
    """A thread started from a message: its id is the message's
    (https://discord.com/developers/docs/resources/channel#start-thread-from-message)."""
    return {
        "id": str(thread_id),
        "type": PUBLIC_THREAD,
        "guild_id": str(guild_id),
        "parent_id": str(parent_id),
        "name": name,
        "owner_id": str(owner_id),
        "last_message_id": None,
        "rate_limit_per_user": 0,
        "message_count": 0,
        "member_count": 1,
        "total_message_sent": 0,
        "flags": 0,
        "thread_metadata": {
            "archived": False,
            "auto_archive_duration": archive_after,
            "archive_timestamp": timestamp(),
            "locked": False,
        },
    }


def member(user_payload: Payload, role_ids: list[int], joined_at: str) -> Payload:
    return {
        "user": user_payload,
        "nick": None,
        "avatar": None,
        "roles": [str(r) for r in role_ids],
        "joined_at": joined_at,
        "premium_since": None,
        "deaf": False,
        "mute": False,
        "flags": 0,
        "pending": False,
        "communication_disabled_until": None,
    }


def guild(
    guild_id: int,
    name: str,
    owner_id: int,
    roles: list[Payload],
    channels: list[Payload],
    members: list[Payload],
    *,
    member_count: int,
    threads: list[Payload],
) -> Payload:
    return {
        "id": str(guild_id),
        "name": name,
        "icon": None,
        "splash": None,
        "discovery_splash": None,
        "owner_id": str(owner_id),
        "afk_channel_id": None,
        "afk_timeout": 300,
        "verification_level": 0,
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "roles": roles,
        "emojis": [],
        "features": [],
        "mfa_level": 0,
        "application_id": None,
        "system_channel_id": None,
        "system_channel_flags": 0,
        "rules_channel_id": None,
        "max_members": 500000,
        "vanity_url_code": None,
        "description": None,
        "banner": None,
        "premium_tier": 0,
        "premium_subscription_count": 0,
        "preferred_locale": "en-US",
        "public_updates_channel_id": None,
        "nsfw_level": 0,
        "stickers": [],
        "premium_progress_bar_enabled": False,
        "joined_at": timestamp(),
        "large": False,
        "unavailable": False,
        "member_count": member_count,
        "voice_states": [],
        "members": members,
        "channels": channels,
        "threads": threads,
        "presences": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
    }


def message(
    message_id: int,
    channel_id: int,
    guild_id: int | None,
    author: Payload,
    body: Payload,
    *,
    application_id: int | None = None,
    interaction: Payload | None = None,
) -> Payload:
    """A message from a send/edit body (content, embeds, components, flags)."""
    payload: Payload = {
        "id": str(message_id),
        "channel_id": str(channel_id),
        "author": author,
        "content": body.get("content") or "",
        "timestamp": timestamp(),
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": body.get("embeds") or [],
        "reactions": [],
        "pinned": False,
        "type": 20 if interaction else 0,
        "flags": int(body.get("flags") or 0),
        "components": body.get("components") or [],
    }
    if body.get("nonce"):
        payload["nonce"] = str(body["nonce"])
    if guild_id is not None:
        payload["guild_id"] = str(guild_id)
    if application_id is not None:
        payload["application_id"] = str(application_id)
        payload["webhook_id"] = str(application_id)
    if interaction is not None:
        payload["interaction_metadata"] = interaction
    return payload


def application(app_id: int, bot_user: Payload, owner: Payload, name: str) -> Payload:
    return {
        "id": str(app_id),
        "name": name,
        "icon": None,
        "description": "",
        "type": None,
        "bot": bot_user,
        "bot_public": True,
        "bot_require_code_grant": False,
        "owner": owner,
        "team": None,
        "verify_key": "0" * 64,
        "flags": 0,
        "summary": "",
        "rpc_origins": [],
        "tags": [],
        "approximate_guild_count": 1,
        "redirect_uris": [],
        "interactions_endpoint_url": None,
    }
