"""A local server that answers like Discord: the gateway and the REST routes this bot uses.

Start a `Sandbox`, call `point_discord_at(sandbox)`, and the real discord.py client connects to it
instead of Discord. Members act through `bot.sandbox.members`; tests read what the bot answered from
`Sandbox.messages` and the interaction records.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import secrets
import socket
import time
from collections.abc import Awaitable, Callable
from typing import Any

import yarl
from aiohttp import web

from bot.sandbox import payloads
from bot.sandbox.faults import Faults
from bot.sandbox.gateway import Gateway, GatewaySession
from bot.sandbox.payloads import Payload, snowflake
from bot.sandbox.records import EPHEMERAL, LOADING, InteractionRecord, MessageRecord, SandboxGuild
from bot.sandbox.validation import validate_commands

log = logging.getLogger(__name__)

API = "/api/v10"
ALL_PERMISSIONS = (1 << 41) - 1
MEMBER_PERMISSIONS = 0x0000_0000_0006_4C40  # view, send, embed, read history, use app commands
NONCE_SECONDS = 5 * 60  # Discord: "checked for uniqueness in the past few minutes"
Handler = Callable[[web.Request, re.Match[str], Any], Awaitable[web.Response]]


class DiscordError(Exception):
    def __init__(self, status: int, code: int, message: str, errors: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.errors = status, code, message, errors


class Sandbox:
    def __init__(self, *, token: str | None = None, bot_name: str = "studybot", heartbeat_ms: int = 41_250) -> None:
        self.token = token or secrets.token_urlsafe(24)
        self.application_id = snowflake()
        self.bot_user = payloads.user(self.application_id, bot_name, bot=True)
        self.owner = payloads.user(snowflake(), "sandbox-owner")
        self.guilds: dict[int, SandboxGuild] = {}
        self.users: dict[int, Payload] = {}
        self.messages: dict[int, MessageRecord] = {}
        self.interactions: dict[int, InteractionRecord] = {}
        self._by_token: dict[str, InteractionRecord] = {}
        self.global_commands: list[Payload] = []
        self.guild_commands: dict[int, list[Payload]] = {}
        self.faults = Faults()
        self.gateway = Gateway(
            token=self.token, heartbeat_ms=heartbeat_ms, ready=self._ready_payload,
            guilds=self._guild_payloads, resume_url=lambda: self.gateway_url,
        )  # fmt: skip
        self._runner: web.AppRunner | None = None
        self._host = "127.0.0.1"
        self._port = 0
        self._routes: list[tuple[str, re.Pattern[str], Handler]] = []
        self._add_routes()

    # -- lifecycle ----------------------------------------------------------------------------------

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        app = web.Application(client_max_size=32 * 1024 * 1024)
        app.router.add_get("/gateway", self.gateway.handle)
        app.router.add_route("*", API + "/{tail:.*}", self._serve)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        listener = socket.create_server((host, port))  # port 0: the OS picks a free one
        await web.SockSite(self._runner, listener).start()
        self._host, self._port = listener.getsockname()[:2]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        return f"http://{self._host}:{self._port}"

    @property
    def gateway_url(self) -> str:
        return f"ws://{self._host}:{self._port}/gateway"

    # -- the world ----------------------------------------------------------------------------------

    def add_guild(self, name: str, channels: list[str]) -> SandboxGuild:
        guild = SandboxGuild(id=snowflake(), name=name, owner_id=int(self.owner["id"]))
        guild.roles[guild.id] = payloads.role(guild.id, "@everyone", MEMBER_PERMISSIONS, 0)
        bot_role = snowflake()
        guild.roles[bot_role] = payloads.role(bot_role, "studybot", ALL_PERMISSIONS & ~0x8, 1)
        for position, channel in enumerate(channels):
            channel_id = snowflake()
            guild.channels[channel_id] = payloads.text_channel(channel_id, guild.id, channel, position)
        guild.members[int(self.bot_user["id"])] = payloads.member(self.bot_user, [bot_role], payloads.timestamp())
        self.guilds[guild.id] = guild
        return guild

    def add_user(self, guild: SandboxGuild, name: str, *, permissions: int = MEMBER_PERMISSIONS) -> Payload:
        user = payloads.user(snowflake(), name)
        role_ids: list[int] = []
        if permissions != MEMBER_PERMISSIONS:
            role_id = snowflake()
            guild.roles[role_id] = payloads.role(role_id, f"{name}-role", permissions, 2)
            role_ids.append(role_id)
        guild.members[int(user["id"])] = payloads.member(user, role_ids, payloads.timestamp())
        self.users[int(user["id"])] = user
        return user

    def permissions_of(self, guild: SandboxGuild, user_id: int) -> int:
        member = guild.members[user_id]
        allowed = int(guild.roles[guild.everyone_role]["permissions"])
        for role_id in member["roles"]:
            allowed |= int(guild.roles[int(role_id)]["permissions"])
        return ALL_PERMISSIONS if user_id == guild.owner_id else allowed

    def deny_bot(self, guild: SandboxGuild, channel_id: int) -> None:
        """The bot loses access to a channel: sends there answer 403 Missing Access."""
        guild.denied_channels.add(channel_id)

    def channel_messages(self, channel_id: int) -> list[MessageRecord]:
        return [m for m in self.messages.values() if int(m.payload["channel_id"]) == channel_id and not m.deleted]

    def _guild_of_channel(self, channel_id: int) -> SandboxGuild:
        for guild in self.guilds.values():
            if channel_id in guild.channels:
                return guild
        raise DiscordError(404, 10003, "Unknown Channel")

    def _ready_payload(self, session: GatewaySession) -> Payload:
        return {
            "v": 10, "user": {**self.bot_user, "verified": True, "mfa_enabled": False},
            "guilds": [{"id": str(g), "unavailable": True} for g in self.guilds], "session_id": session.id,
            "resume_gateway_url": self.gateway_url, "shard": [0, 1], "private_channels": [],
            "relationships": [],
            "application": {"id": str(self.application_id), "flags": 0},
        }  # fmt: skip

    def _guild_payloads(self) -> list[Payload]:
        return [
            payloads.guild(
                g.id,
                g.name,
                g.owner_id,
                list(g.roles.values()),
                list(g.channels.values()),
                list(g.members.values()),
            )
            for g in self.guilds.values()
        ]

    # -- REST plumbing ------------------------------------------------------------------------------

    def _route(self, method: str, pattern: str, handler: Handler) -> None:
        self._routes.append((method, re.compile(f"^{pattern}$"), handler))

    async def _serve(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        fault = self.faults.take(request.method, path)
        if fault is not None and fault.delay:
            await asyncio.sleep(fault.delay)
        if fault is not None and fault.status and not fault.after:
            return _fault_response(fault.status, fault.retry_after)
        response = await self._handle(request, path)
        if fault is not None and fault.status:
            return _fault_response(fault.status, fault.retry_after)
        return response

    async def _handle(self, request: web.Request, path: str) -> web.Response:
        for method, pattern, handler in self._routes:
            match = pattern.match(path)
            if match and method == request.method:
                try:
                    if not path.startswith(("/interactions/", "/webhooks/")):
                        self._authorise(request)
                    return await handler(request, match, await _body(request))
                except DiscordError as error:
                    return _error_response(error)
        return _error_response(DiscordError(404, 0, "404: Not Found"))

    def _authorise(self, request: web.Request) -> None:
        if request.headers.get("Authorization") != f"Bot {self.token}":
            raise DiscordError(401, 0, "401: Unauthorized")

    def _add_routes(self) -> None:
        app = r"(?P<app>\d+)"
        self._route("GET", "/gateway", self._get_gateway)
        self._route("GET", "/gateway/bot", self._get_gateway)
        self._route("GET", "/users/@me", self._get_me)
        self._route("GET", "/oauth2/applications/@me", self._get_application)
        self._route("GET", f"/applications/{app}/commands", self._list_commands)
        self._route("PUT", f"/applications/{app}/commands", self._overwrite_commands)
        self._route("GET", rf"/applications/{app}/guilds/(?P<guild>\d+)/commands", self._list_commands)
        self._route("PUT", rf"/applications/{app}/guilds/(?P<guild>\d+)/commands", self._overwrite_commands)
        self._route("POST", r"/interactions/(?P<id>\d+)/(?P<token>[^/]+)/callback", self._interaction_callback)
        hook = rf"/webhooks/{app}/(?P<token>[^/]+)"
        self._route("POST", hook, self._followup)
        for method in ("GET", "PATCH", "DELETE"):
            self._route(method, hook + r"/messages/(?P<message>@original|\d+)", self._webhook_message)
        self._route("POST", r"/channels/(?P<channel>\d+)/messages", self._create_message)
        self._route("GET", r"/channels/(?P<channel>\d+)/messages", self._channel_history)
        for method in ("GET", "PATCH", "DELETE"):
            self._route(method, r"/channels/(?P<channel>\d+)/messages/(?P<message>\d+)", self._channel_message)

    # -- REST routes --------------------------------------------------------------------------------

    async def _get_gateway(self, request: web.Request, match: re.Match[str], body: Any) -> web.Response:
        limits = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
        return _json({"url": self.gateway_url, "shards": 1, "session_start_limit": limits})

    async def _get_me(self, request: web.Request, match: re.Match[str], body: Any) -> web.Response:
        return _json(self.bot_user)

    async def _get_application(self, request: web.Request, match: re.Match[str], body: Any) -> web.Response:
        return _json(payloads.application(self.application_id, self.bot_user, self.owner, self.bot_user["username"]))

    def _commands_for(self, match: re.Match[str]) -> list[Payload]:
        if int(match["app"]) != self.application_id:
            raise DiscordError(403, 50001, "Missing Access")
        guild = match.groupdict().get("guild")
        if guild is None:
            return self.global_commands
        if int(guild) not in self.guilds:
            raise DiscordError(403, 50001, "Missing Access")
        return self.guild_commands.setdefault(int(guild), [])

    async def _list_commands(self, request: web.Request, match: re.Match[str], body: Any) -> web.Response:
        return _json(self._commands_for(match))

    async def _overwrite_commands(self, request: web.Request, match: re.Match[str], body: Any) -> web.Response:
        target = self._commands_for(match)
        errors = validate_commands(body)
        if errors:
            raise DiscordError(400, 50035, "Invalid Form Body", errors)
        guild = match.groupdict().get("guild")
        stored = [
            {
                **command, "id": str(snowflake()), "application_id": str(self.application_id),
                "version": str(snowflake()), "type": command.get("type", 1), "default_member_permissions":
                _permission_string(command.get("default_member_permissions")), "nsfw": command.get("nsfw", False),
                **({"guild_id": guild} if guild else {}),
            }
            for command in body
        ]  # fmt: skip
        target[:] = stored
        return _json(stored)

    def _interaction(self, interaction_id: int, token: str) -> InteractionRecord:
        record = self.interactions.get(interaction_id)
        if record is None or record.token != token:
            raise DiscordError(404, 10062, "Unknown interaction")
        return record

    def _interaction_by_token(self, app: str, token: str) -> InteractionRecord:
        record = self._by_token.get(token)
        if int(app) != self.application_id or record is None or record.response_type is None:
            raise DiscordError(404, 10015, "Unknown Webhook")
        return record

    async def _interaction_callback(self, request: web.Request, match: re.Match[str], body: Any) -> web.Response:
        record = self._interaction(int(match["id"]), match["token"])
        if record.expired():
            raise DiscordError(404, 10062, "Unknown interaction")
        if record.response_type is not None:
            raise DiscordError(400, 40060, "Interaction has already been acknowledged.")
        kind, data = body.get("type"), body.get("data") or {}
        message: Payload | None = None
        if kind in (4, 5):
            flags = int(data.get("flags") or 0) | (LOADING if kind == 5 else 0)
            stored = self._store_message(record.channel_id, {**data, "flags": flags}, data, record)
            record.original = stored.id
            message = stored.payload
        elif kind == 7 and record.component_message is not None:
            message = self._edit(self.messages[record.component_message], data).payload
        elif kind == 8:
            record.choices = data.get("choices") or []
        elif kind == 9:
            record.modal = data
        elif kind != 6:
            raise DiscordError(400, 50035, "Invalid Form Body", {"type": {"_errors": [{"code": "BASE_TYPE_CHOICES"}]}})
        record.response_type = kind
        record.ack_seconds = time.monotonic() - record.created
        record.acknowledged.set()
        record.changed.set()
        if request.query.get("with_response") not in ("1", "true", "True"):
            return web.Response(status=204)
        response: Payload = {
            "interaction": {
                "id": str(record.id), "type": record.kind, "response_message_id": message and message["id"],
                "response_message_loading": kind == 5,
                "response_message_ephemeral": bool(message and message["flags"] & EPHEMERAL),
            }
        }  # fmt: skip
        if message is not None:
            response["resource"] = {"type": kind, "message": message}
        return _json(response)

    async def _followup(self, request: web.Request, match: re.Match[str], body: Any) -> web.Response:
        record = self._interaction_by_token(match["app"], match["token"])
        original = self.messages.get(record.original or 0)
        if original is not None and original.payload["flags"] & LOADING:
            # The first follow-up after a deferral replaces the "thinking" message, keeping its ephemerality.
            self._edit(original, body)
            record.changed.set()
            return _json(original.payload)
        stored = self._store_message(record.channel_id, body, body, record)
        record.followups.append(stored.id)
        record.changed.set()
        return _json(stored.payload)

    async def _webhook_message(self, request: web.Request, match: re.Match[str], body: Any) -> web.Response:
        record = self._interaction_by_token(match["app"], match["token"])
        wanted = match["message"]
        message_id = record.original if wanted == "@original" else int(wanted)
        if message_id is None and wanted == "@original" and record.component_message is not None:
            message_id = record.component_message
        stored = self.messages.get(message_id or 0)
        if stored is None or stored.deleted:
            raise DiscordError(404, 10008, "Unknown Message")
        if request.method == "PATCH":
            self._edit(stored, body)
            record.changed.set()
        elif request.method == "DELETE":
            stored.deleted = True
            record.changed.set()
            return web.Response(status=204)
        return _json(stored.payload)

    async def _create_message(self, request: web.Request, match: re.Match[str], body: Any) -> web.Response:
        channel_id = int(match["channel"])
        guild = self._guild_of_channel(channel_id)
        if channel_id in guild.denied_channels:
            raise DiscordError(403, 50001, "Missing Access")
        earlier = self._same_nonce(body)
        if earlier is not None:
            return _json(earlier.payload)
        stored = self._store_message(channel_id, body, body, None)
        await self.gateway.dispatch("MESSAGE_CREATE", {**stored.payload, "member": guild.members[self.application_id]})
        return _json(stored.payload)

    def _same_nonce(self, body: Payload) -> MessageRecord | None:
        """With `enforce_nonce`, a nonce the bot used in the last few minutes returns that message instead."""
        nonce = body.get("nonce")
        if not nonce or not body.get("enforce_nonce"):
            return None
        recent = time.time() - NONCE_SECONDS
        for stored in self.messages.values():
            if stored.payload.get("nonce") == str(nonce) and stored.created >= recent:
                return stored
        return None

    async def _channel_history(self, request: web.Request, match: re.Match[str], body: Any) -> web.Response:
        """Newest first, as Discord lists them; `limit` 1-100 and `before` are honoured."""
        channel_id = int(match["channel"])
        if channel_id in self._guild_of_channel(channel_id).denied_channels:
            raise DiscordError(403, 50001, "Missing Access")
        limit = min(max(int(request.query.get("limit", 50)), 1), 100)
        before = int(request.query.get("before", 1 << 63))
        visible = [m.payload for m in self.channel_messages(channel_id) if not m.ephemeral and m.id < before]
        return _json(sorted(visible, key=lambda m: int(m["id"]), reverse=True)[:limit])

    async def _channel_message(self, request: web.Request, match: re.Match[str], body: Any) -> web.Response:
        stored = self.messages.get(int(match["message"]))
        if stored is None or stored.deleted or stored.payload["channel_id"] != match["channel"]:
            raise DiscordError(404, 10008, "Unknown Message")
        if request.method == "PATCH":
            self._edit(stored, body)
        elif request.method == "DELETE":
            stored.deleted = True
            return web.Response(status=204)
        return _json(stored.payload)

    def _store_message(
        self, channel_id: int, body: Payload, raw: Payload, interaction: InteractionRecord | None
    ) -> MessageRecord:
        guild = self._guild_of_channel(channel_id)
        metadata = None
        if interaction is not None:
            metadata = {
                "id": str(interaction.id), "type": interaction.kind,
                "user": self.users.get(interaction.user_id),
                "authorizing_integration_owners": {"0": str(guild.id)},
            }  # fmt: skip
        payload = payloads.message(
            snowflake(), channel_id, guild.id, self.bot_user, body,
            application_id=self.application_id if interaction else None, interaction=metadata,
        )  # fmt: skip
        record = MessageRecord(payload, raw.get("allowed_mentions"))
        record.history.append(payload)
        self.messages[record.id] = record
        return record

    def _edit(self, stored: MessageRecord, body: Payload) -> MessageRecord:
        updated = dict(stored.payload)
        for key in ("content", "embeds", "components"):
            if key in body:
                updated[key] = body[key] if body[key] is not None else ([] if key != "content" else "")
        updated["flags"] = stored.payload["flags"] & ~LOADING
        updated["edited_timestamp"] = payloads.timestamp()
        if "allowed_mentions" in body:
            stored.allowed_mentions = body["allowed_mentions"]
        stored.payload = updated
        stored.history.append(updated)
        return stored

    # -- what members do (see bot.sandbox.members) -----------------------------------------------------

    async def create_interaction(
        self,
        kind: int,
        guild: SandboxGuild,
        channel_id: int,
        user_id: int,
        data: Payload,
        message: Payload | None,
    ) -> InteractionRecord:
        record = InteractionRecord(
            id=snowflake(), token=secrets.token_urlsafe(32), kind=kind, guild_id=guild.id,
            channel_id=channel_id, user_id=user_id,
        )  # fmt: skip
        if message is not None:
            record.component_message = int(message["id"])
        self.interactions[record.id] = record
        self._by_token[record.token] = record
        member = guild.members[user_id]
        payload: Payload = {
            "id": str(record.id), "application_id": str(self.application_id), "type": kind, "data": data,
            "guild_id": str(guild.id), "guild": {"id": str(guild.id), "locale": "en-US", "features": []},
            "channel_id": str(channel_id), "channel": guild.channels[channel_id],
            "member": {**member, "permissions": str(self.permissions_of(guild, user_id))},
            "token": record.token, "version": 1, "app_permissions": str(ALL_PERMISSIONS & ~0x8),
            "locale": "en-US", "guild_locale": "en-US", "entitlements": [], "attachment_size_limit": 8388608,
            "authorizing_integration_owners": {"0": str(guild.id)}, "context": 0,
        }  # fmt: skip
        if message is not None:
            payload["message"] = message
        await self.gateway.dispatch("INTERACTION_CREATE", payload)
        return record


def point_discord_at(sandbox: Sandbox) -> None:
    """The one change to discord.py: where it connects. Its HTTP base and gateway become the sandbox's."""
    point_discord_at_url(sandbox.base_url)


def point_discord_at_url(base_url: str) -> None:
    """Point discord.py at a sandbox running elsewhere (another process), by its base URL."""
    from discord.gateway import DiscordWebSocket
    from discord.http import Route

    base = yarl.URL(base_url)
    Route.BASE = str(base.with_path(API))
    DiscordWebSocket.DEFAULT_GATEWAY = base.with_scheme("ws").with_path("/gateway")


async def _body(request: web.Request) -> Any:
    if not request.can_read_body:
        return {}
    if request.content_type.startswith("multipart/"):
        form = await request.post()
        raw = form.get("payload_json")
        return json.loads(str(raw)) if raw else {}
    try:
        return await request.json()
    except json.JSONDecodeError as error:
        raise DiscordError(400, 50109, "The request body contains invalid JSON.") from error


def _permission_string(value: object) -> str | None:
    """Discord answers permission bit sets as strings, whatever number the client sent."""
    return None if value is None else str(value)


def _rate_limit_headers() -> dict[str, str]:
    """Generous limits on one bucket: the client never waits unless a test injects a 429."""
    now = time.time()
    return {
        "X-RateLimit-Limit": "50", "X-RateLimit-Remaining": "49", "X-RateLimit-Reset": f"{now + 1:.3f}",
        "X-RateLimit-Reset-After": "1.000", "X-RateLimit-Bucket": "sandbox",
    }  # fmt: skip


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """Discord sends exactly `application/json` (no charset), and discord.py checks for exactly that."""
    body = json.dumps(data).encode()
    return web.Response(
        body=body, status=status, content_type="application/json", headers=headers or _rate_limit_headers()
    )


def _error_response(error: DiscordError) -> web.Response:
    body: Payload = {"message": error.message, "code": error.code}
    if error.errors:
        body["errors"] = error.errors
    return _json(body, error.status)


def _fault_response(status: int, retry_after: float) -> web.Response:
    if status == 429:
        body = {
            "message": "You are being rate limited.",
            "retry_after": retry_after,
            "global": False,
            "code": 0,
        }
        headers = {
            **_rate_limit_headers(), "X-RateLimit-Remaining": "0", "Retry-After": f"{retry_after}",
            "X-RateLimit-Scope": "user", "Via": "1.1 google",
        }  # fmt: skip
        return _json(body, 429, headers)
    return _json({"message": f"{status}: Server Error", "code": 0}, status, {})
