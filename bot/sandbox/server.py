"""A local server that answers like Discord: the gateway and the REST routes this bot uses, as strict as Discord.

Start a `Sandbox`, call `point_discord_at(sandbox)`, and the real discord.py client connects to it
instead of Discord. Members act through `bot.sandbox.members`; tests read what the bot answered from
`Sandbox.messages` and the interaction records. Every request body is checked against Discord's
OpenAPI spec (`openapi.py`) and the rules it cannot express (`limits.py`, `command_limits.py`), every
channel action against the bot's permissions there (`permissions.py`), and refused with Discord's
status, code and error shape.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import re
import secrets
import socket
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import quote

import yarl
from aiohttp import web

from bot.sandbox import payloads
from bot.sandbox import permissions as perms
from bot.sandbox.command_limits import validate_commands
from bot.sandbox.errors import DiscordError, Errors, invalid_form_body, merge
from bot.sandbox.faults import Faults
from bot.sandbox.gateway import Gateway
from bot.sandbox.limits import (
    callback_type_errors,
    choice_value_errors,
    empty_message,
    is_empty_message,
    message_errors,
)
from bot.sandbox.openapi import discord_rules
from bot.sandbox.payloads import Payload, snowflake
from bot.sandbox.records import EPHEMERAL, LOADING, InteractionRecord, MessageRecord, SandboxGuild
from bot.sandbox.responses import error_response, fault_response, json_response, request_body
from bot.sandbox.uploads import ATTACHMENT_SIZE_LIMIT, Upload, attachments, uploads_of

API = "/api/v10"
MEMBER_PERMISSIONS = perms.MEMBER
BOT_PERMISSIONS = perms.ALL & ~perms.ADMINISTRATOR
RECOMMENDED_GUILDS_PER_SHARD = 1000
NONCE_SECONDS = 5 * 60  # Discord: "checked for uniqueness in the past few minutes"
Handler = Callable[[web.Request, re.Match[str], Any], Awaitable[web.Response]]
_BODY_METHODS = ("POST", "PUT", "PATCH")

T = TypeVar("T")


@dataclass(frozen=True)
class _Route:
    method: str
    pattern: re.Pattern[str]
    handler: Handler
    spec: str | None  # the operation's path in Discord's spec, whose schemas check the request
    rules: Callable[[Any], Errors] | None  # Discord's rules for the body that the spec cannot express


@dataclass(frozen=True)
class Refusal:
    """A request the sandbox refused, as Discord would have: for tests to read, and to fail on when unexpected."""

    method: str
    path: str
    status: int
    code: int
    errors: Errors | None


class Sandbox:
    def __init__(
        self,
        *,
        token: str | None = None,
        bot_name: str = "studybot",
        heartbeat_ms: int = 41_250,
        latency: float = 0.0,
        approved_intents: int = 0,
    ) -> None:
        """`latency`: seconds each way between the bot and "Discord", for REST calls and interaction events.
        `approved_intents`: the privileged intents the application may ask for (none, as for a new bot)."""
        self.token = token or secrets.token_urlsafe(24)
        self.application_id = snowflake()
        self.bot_user = payloads.user(self.application_id, bot_name, bot=True)
        self.owner = payloads.user(snowflake(), "sandbox-owner")
        self.latency = latency
        self.guilds: dict[int, SandboxGuild] = {}
        self.users: dict[int, Payload] = {}
        self.messages: dict[int, MessageRecord] = {}
        self.interactions: dict[int, InteractionRecord] = {}
        self._by_token: dict[str, InteractionRecord] = {}
        self.global_commands: list[Payload] = []
        self.guild_commands: dict[int, list[Payload]] = {}
        self.faults = Faults()
        self.refusals: list[Refusal] = []
        self.requests = 0  # REST requests received, refused or not
        self.files: dict[int, bytes] = {}  # each attachment's bytes, by its id: what a member would download
        self._handled = asyncio.Event()  # set, and replaced, each time a request has been answered
        self._clock_offset = 0.0
        self.gateway = Gateway(
            token=self.token,
            heartbeat_ms=heartbeat_ms,
            ready=self._ready_payload,
            guilds=self._guild_payloads,
            resume_url=lambda: self.gateway_url,
            approved_intents=approved_intents,
        )
        self._runner: web.AppRunner | None = None
        self._host = "127.0.0.1"
        self._port = 0
        self._routes: list[_Route] = []
        self._rules = discord_rules()
        self._add_routes()

    # -- lifecycle ----------------------------------------------------------------------------------

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        app = web.Application(client_max_size=32 * 1024 * 1024)
        app.router.add_get("/gateway", self.gateway.handle)
        app.router.add_get(r"/ephemeral-attachments/{app}/{attachment:\d+}/{filename}", self._serve_attachment)
        app.router.add_route("*", API + "/{tail:.*}", self._serve)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        listener = socket.create_server((host, port))  # port 0: the OS picks a free one
        await web.SockSite(self._runner, listener).start()
        self._host, self._port = listener.getsockname()[:2]

    async def stop(self) -> None:
        self.gateway.close_all()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        return f"http://{self._host}:{self._port}"

    @property
    def gateway_url(self) -> str:
        return f"ws://{self._host}:{self._port}/gateway"

    def now(self) -> float:
        """The sandbox's clock for deadlines and token lifetimes; `advance` moves it on."""
        return time.monotonic() + self._clock_offset

    def advance(self, seconds: float) -> None:
        """Let `seconds` pass for interaction deadlines and tokens, without waiting."""
        self._clock_offset += seconds

    # -- the world ----------------------------------------------------------------------------------

    def add_guild(self, name: str, channels: list[str], *, shard: tuple[int, int] | None = None) -> SandboxGuild:
        """A guild with these text channels; with `shard` (shard_id, num_shards), one that shard receives."""
        guild = SandboxGuild(id=snowflake(shard), name=name, owner_id=int(self.owner["id"]))
        guild.roles[guild.id] = payloads.role(guild.id, "@everyone", MEMBER_PERMISSIONS, 0)
        bot_role = snowflake()
        guild.roles[bot_role] = payloads.role(bot_role, "studybot", BOT_PERMISSIONS, 1)
        for position, channel in enumerate(channels):
            channel_id = snowflake()
            guild.channels[channel_id] = payloads.text_channel(channel_id, guild.id, channel, position)
        guild.members[self.application_id] = payloads.member(self.bot_user, [bot_role], payloads.timestamp())
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

    def permissions_in(self, guild: SandboxGuild, channel_id: int, user_id: int) -> int:
        """What `user_id` may do in the channel, computed as Discord does (see `permissions.py`)."""
        roles = guild.role_ids(user_id)
        base = perms.base_permissions(
            int(guild.roles[guild.everyone_role]["permissions"]),
            [int(guild.roles[r]["permissions"]) for r in roles if r in guild.roles],
            owner=user_id == guild.owner_id,
        )
        channel = guild.channels[channel_id]
        thread = channel["type"] == payloads.PUBLIC_THREAD
        # A thread takes its parent's overwrites (topics/permissions#inherited-permissions-threads).
        holder = guild.channels[int(channel["parent_id"])] if thread else channel
        return perms.channel_permissions(
            base,
            holder.get("permission_overwrites", []),
            everyone_id=guild.everyone_role,
            role_ids=roles,
            member_id=user_id,
            thread=thread,
        )

    def bot_permissions_in(self, guild: SandboxGuild, channel_id: int) -> int:
        return self.permissions_in(guild, channel_id, self.application_id)

    async def set_overwrite(
        self, guild: SandboxGuild, channel_id: int, target_id: int, *, allow: int = 0, deny: int = 0
    ) -> None:
        """A channel permission overwrite for a role or member, as a moderator sets it; the bot hears of it."""
        kind = perms.ROLE_OVERWRITE if target_id in guild.roles else perms.MEMBER_OVERWRITE
        channel = guild.channels[channel_id]
        others = [o for o in channel["permission_overwrites"] if int(o["id"]) != target_id]
        overwrite = {"id": str(target_id), "type": kind, "allow": str(allow), "deny": str(deny)}
        channel["permission_overwrites"] = [*others, overwrite]
        await self.gateway.dispatch("CHANNEL_UPDATE", channel)

    async def deny_bot(self, guild: SandboxGuild, channel_id: int, permissions: int = perms.VIEW_CHANNEL) -> None:
        """The bot loses permissions in a channel; without View Channel every action there is Missing Access."""
        await self.set_overwrite(guild, channel_id, self.application_id, deny=permissions)

    def attach(self, filename: str, data: bytes, content_type: str) -> Payload:
        """A file a member picks for an attachment option (type 11): Discord uploads it before the command
        is sent and passes it in `data.resolved.attachments` as an attachment object, its `url` on the CDN
        (interactions/receiving-and-responding#interaction-object-resolved-data-structure). Here the
        sandbox itself serves that URL (`_serve_attachment`)."""
        attachment_id = snowflake()
        self.files[attachment_id] = data
        url = f"{self.base_url}/ephemeral-attachments/{self.application_id}/{attachment_id}/{quote(filename)}"
        return {
            "id": str(attachment_id),
            "filename": filename,
            "size": len(data),
            "url": url,
            "proxy_url": url,
            "content_type": content_type,
            "ephemeral": True,
        }

    async def _serve_attachment(self, request: web.Request) -> web.StreamResponse:
        """The CDN: an attachment's bytes at its URL, 404 for any other."""
        data = self.files.get(int(request.match_info["attachment"]))
        if data is None:
            raise web.HTTPNotFound()
        return web.Response(body=data, content_type="application/octet-stream")

    def channel_messages(self, channel_id: int) -> list[MessageRecord]:
        return [m for m in self.messages.values() if int(m.payload["channel_id"]) == channel_id and not m.deleted]

    def _guild_of_channel(self, channel_id: int) -> SandboxGuild:
        for guild in self.guilds.values():
            if channel_id in guild.channels:
                return guild
        raise DiscordError(404, 10003, "Unknown Channel")

    def _require(self, channel_id: int, needed: int) -> None:
        """The bot may act in the channel: 50001 Missing Access if it cannot see it, 50013 if it lacks the rest."""
        guild = self._guild_of_channel(channel_id)
        have = self.bot_permissions_in(guild, channel_id)
        if not have & perms.VIEW_CHANNEL:
            raise DiscordError(403, 50001, "Missing Access")
        if perms.missing(have, needed):
            raise DiscordError(403, 50013, "Missing Permissions")

    def _ready_payload(self, session_id: str, shard: list[int]) -> Payload:
        return {
            "v": 10,
            "user": {**self.bot_user, "verified": True, "mfa_enabled": False},
            "guilds": [{"id": str(g), "unavailable": True} for g in self.guilds],
            "session_id": session_id,
            "resume_gateway_url": self.gateway_url,
            "shard": shard,
            "private_channels": [],
            "relationships": [],
            "application": {"id": str(self.application_id), "flags": 0},
        }

    def _guild_payloads(self, intents: int) -> list[Payload]:
        """Guild Create as Discord sends it: without the Guild Presences intent, the member list holds only
        the bot itself (https://discord.com/developers/docs/events/gateway-events#request-guild-members)."""
        everyone = bool(intents & payloads.GUILD_PRESENCES)
        return [
            payloads.guild(
                g.id,
                g.name,
                g.owner_id,
                list(g.roles.values()),
                [c for c in g.channels.values() if c["type"] != payloads.PUBLIC_THREAD],
                [m for uid, m in g.members.items() if everyone or uid == self.application_id],
                member_count=len(g.members),
                # the active threads, which Guild Create lists apart (events/gateway-events#guild-create)
                threads=[c for c in g.channels.values() if c["type"] == payloads.PUBLIC_THREAD],
            )
            for g in self.guilds.values()
        ]

    # -- REST plumbing ------------------------------------------------------------------------------

    def _route(
        self,
        method: str,
        pattern: str,
        handler: Handler,
        spec: str | None = None,
        rules: Callable[[Any], Errors] | None = None,
    ) -> None:
        self._routes.append(_Route(method, re.compile(f"^{pattern}$"), handler, spec, rules))

    async def _serve(self, request: web.Request) -> web.Response:
        self.requests += 1
        if self.latency:
            await asyncio.sleep(self.latency)  # the request on its way
        path = "/" + request.match_info["tail"]
        fault = self.faults.take(request.method, path)
        if fault is not None and fault.delay:
            await asyncio.sleep(fault.delay)
        if fault is not None and fault.status and not fault.after:
            response = fault_response(fault.status, fault.retry_after)
        else:
            response = await self._handle(request, path)
            if fault is not None and fault.status:
                response = fault_response(fault.status, fault.retry_after)
        self._handled.set()
        self._handled = asyncio.Event()
        if self.latency:
            await asyncio.sleep(self.latency)  # the answer on its way back
        return response

    async def wait_until(self, condition: Callable[[], T | None], timeout: float = 10.0) -> T:
        """The first true value of `condition`, checked now and after each request the sandbox answers (what
        the bot does reaches the sandbox only by requests); an AssertionError after `timeout` seconds."""
        deadline = asyncio.get_running_loop().time() + timeout
        while not (found := condition()):
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise AssertionError(f"the sandbox did not see it within {timeout} s")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._handled.wait(), remaining)
        return found

    async def _handle(self, request: web.Request, path: str) -> web.Response:
        for route in self._routes:
            match = route.pattern.match(path)
            if match and route.method == request.method:
                try:
                    if not path.startswith(("/interactions/", "/webhooks/")):
                        self._authorise(request)
                    body = await request_body(request)
                    self._check_against_spec(route, request, body)
                    return await route.handler(request, match, body)
                except DiscordError as error:
                    self.refusals.append(Refusal(request.method, path, error.status, error.code, error.errors))
                    return error_response(error)
        return error_response(DiscordError(404, 0, "404: Not Found"))

    def _check_against_spec(self, route: _Route, request: web.Request, body: Any) -> None:
        """Every field against the spec and the body against the hand-written rules, all errors in one answer."""
        if route.spec is None:
            return
        errors = self._rules.query_errors(route.method, route.spec, request.query)
        if route.method in _BODY_METHODS:
            merge(errors, self._rules.body_errors(route.method, route.spec, body))
            if route.rules is not None and isinstance(body, dict | list):
                merge(errors, route.rules(body))
        if errors:
            raise invalid_form_body(errors)

    def _authorise(self, request: web.Request) -> None:
        if request.headers.get("Authorization") != f"Bot {self.token}":
            raise DiscordError(401, 0, "401: Unauthorized")

    def _add_routes(self) -> None:
        """Each route with its operation in Discord's spec and the hand-written rules for its body."""
        app, guild, channel = r"(?P<app>\d+)", r"(?P<guild>\d+)", r"(?P<channel>\d+)"
        hook, message = rf"/webhooks/{app}/(?P<token>[^/]+)", r"/messages/(?P<message>@original|\d+)"
        spec_commands = "/applications/{application_id}/commands"
        spec_guild_commands = "/applications/{application_id}/guilds/{guild_id}/commands"
        spec_hook = "/webhooks/{webhook_id}/{webhook_token}"
        spec_messages = "/channels/{channel_id}/messages"
        self._route("GET", "/gateway", self._get_gateway)
        self._route("GET", "/gateway/bot", self._get_gateway_bot)
        self._route("GET", "/users/@me", self._get_me)
        self._route("GET", "/oauth2/applications/@me", self._get_application)
        for method in ("GET", "PUT"):
            self._route(method, f"/applications/{app}/commands", self._commands, spec_commands, validate_commands)
            guild_commands = f"/applications/{app}/guilds/{guild}/commands"
            self._route(method, guild_commands, self._commands, spec_guild_commands, validate_commands)
        callback = r"/interactions/(?P<id>\d+)/(?P<token>[^/]+)/callback"
        spec_callback = "/interactions/{interaction_id}/{interaction_token}/callback"
        self._route("POST", callback, self._interaction_callback, spec_callback, _callback_errors)
        self._route("POST", hook, self._followup, spec_hook, message_errors)
        for method in ("GET", "PATCH", "DELETE"):
            self._route(
                method, hook + message, self._webhook_message, spec_hook + "/messages/{message_id}", message_errors
            )
            one = f"/channels/{channel}/messages/(?P<message>\\d+)"
            self._route(method, one, self._channel_message, spec_messages + "/{message_id}", message_errors)
        self._route("POST", f"/channels/{channel}/messages", self._create_message, spec_messages, message_errors)
        self._route(
            "POST", f"/channels/{channel}{message}/threads", self._start_thread, spec_messages + "/{message_id}/threads"
        )
        self._route("GET", f"/channels/{channel}/messages", self._channel_history, spec_messages)

    # -- REST routes --------------------------------------------------------------------------------

    async def _get_gateway(self, request: web.Request, match: re.Match[str], body: Any) -> web.Response:
        return json_response({"url": self.gateway_url})

    async def _get_gateway_bot(self, request: web.Request, match: re.Match[str], body: Any) -> web.Response:
        """The URL, the recommended shards and the identifies left (events/gateway#get-gateway-bot). Discord
        does not publish how it counts the shards it recommends; the sandbox says one per 1,000 guilds, well
        under the 2,500 a shard may hold."""
        shards = max(1, math.ceil(len(self.guilds) / RECOMMENDED_GUILDS_PER_SHARD))
        limits = self.gateway.session_start_limit()
        return json_response({"url": self.gateway_url, "shards": shards, "session_start_limit": limits})

    async def _get_me(self, request: web.Request, match: re.Match[str], body: Any) -> web.Response:
        return json_response(self.bot_user)

    async def _get_application(self, request: web.Request, match: re.Match[str], body: Any) -> web.Response:
        name = self.bot_user["username"]
        return json_response(payloads.application(self.application_id, self.bot_user, self.owner, name))

    def _commands_for(self, match: re.Match[str]) -> list[Payload]:
        if int(match["app"]) != self.application_id:
            raise DiscordError(403, 50001, "Missing Access")
        guild = match.groupdict().get("guild")
        if guild is None:
            return self.global_commands
        if int(guild) not in self.guilds:
            raise DiscordError(403, 50001, "Missing Access")
        return self.guild_commands.setdefault(int(guild), [])

    async def _commands(self, request: web.Request, match: re.Match[str], body: Any) -> web.Response:
        """List, or overwrite in bulk, the global or one guild's commands."""
        target = self._commands_for(match)
        if request.method == "GET":
            return json_response(target)
        guild = match.groupdict().get("guild")
        stored = [
            {
                **command,
                "id": str(snowflake()),
                "application_id": str(self.application_id),
                "version": str(snowflake()),
                "type": command.get("type", 1),
                "default_member_permissions": _permission_string(command.get("default_member_permissions")),
                "nsfw": command.get("nsfw", False),
                **({"guild_id": guild} if guild else {}),
            }
            for command in body
        ]
        target[:] = stored
        return json_response(stored)

    def _interaction(self, interaction_id: int, token: str) -> InteractionRecord:
        record = self.interactions.get(interaction_id)
        if record is None or record.token != token:
            raise DiscordError(404, 10062, "Unknown interaction")
        return record

    def _interaction_by_token(self, app: str, token: str) -> InteractionRecord:
        record = self._by_token.get(token)
        if int(app) != self.application_id or record is None or record.response_type is None:
            raise DiscordError(404, 10015, "Unknown Webhook")
        if record.token_expired(self.now()):
            raise DiscordError(401, 50027, "Invalid Webhook Token")
        return record

    async def _interaction_callback(self, request: web.Request, match: re.Match[str], body: Any) -> web.Response:
        record = self._interaction(int(match["id"]), match["token"])
        if record.expired(self.now()):
            raise DiscordError(404, 10062, "Unknown interaction")
        if record.response_type is not None:
            raise DiscordError(400, 40060, "Interaction has already been acknowledged.")
        kind, data = body.get("type"), body.get("data") or {}
        errors = callback_type_errors(record.kind, kind)
        if errors:
            raise invalid_form_body(errors)
        message: Payload | None = None
        if kind in (4, 5):
            if kind == 4 and is_empty_message(data):
                raise empty_message()
            flags = int(data.get("flags") or 0) | (LOADING if kind == 5 else 0)
            uploads = await uploads_of(request)
            stored = self._store_message(record.channel_id, {**data, "flags": flags}, data, record, uploads)
            record.original = stored.id
            message = stored.payload
        elif kind == 7 and record.component_message is not None:
            message = self._edit(self.messages[record.component_message], data, await uploads_of(request)).payload
        elif kind == 8:
            record.choices = data.get("choices") or []
        elif kind == 9:
            record.modal = data
        record.response_type = kind
        record.ack_seconds = self.now() - record.created
        if kind not in (5, 6):  # a deferral shows no answer yet
            record.answered_seconds = record.ack_seconds
        record.acknowledged.set()
        record.changed.set()
        if request.query.get("with_response") not in ("1", "true", "True"):
            return web.Response(status=204)
        response: Payload = {
            "interaction": {
                "id": str(record.id),
                "type": record.kind,
                "response_message_id": message and message["id"],
                "response_message_loading": kind == 5,
                "response_message_ephemeral": bool(message and message["flags"] & EPHEMERAL),
            }
        }
        if message is not None:
            response["resource"] = {"type": kind, "message": message}
        return json_response(response)

    def _answered(self, record: InteractionRecord) -> None:
        """The member now sees an answer to a deferred interaction (kept for the load test's figures)."""
        if record.answered_seconds is None:
            record.answered_seconds = self.now() - record.created

    async def _followup(self, request: web.Request, match: re.Match[str], body: Any) -> web.Response:
        record = self._interaction_by_token(match["app"], match["token"])
        original = self.messages.get(record.original or 0)
        if original is not None and not original.deleted and original.payload["flags"] & LOADING:
            # The first follow-up after a deferral replaces the "thinking" message, keeping its ephemerality
            # (once the bot has deleted that message, a follow-up is a message of its own:
            # https://github.com/discord/discord-api-docs/issues/2739).
            self._edit(original, body, await uploads_of(request))
            self._answered(record)
            record.changed.set()
            return json_response(original.payload)
        if is_empty_message(body):
            raise empty_message()
        stored = self._store_message(record.channel_id, body, body, record, await uploads_of(request))
        record.followups.append(stored.id)
        self._answered(record)
        record.changed.set()
        return json_response(stored.payload)

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
            self._edit(stored, body, await uploads_of(request))
            self._answered(record)
            record.changed.set()
        elif request.method == "DELETE":
            stored.deleted = True
            record.changed.set()
            return web.Response(status=204)
        return json_response(stored.payload)

    async def _create_message(self, request: web.Request, match: re.Match[str], body: Any) -> web.Response:
        channel_id = int(match["channel"])
        guild = self._guild_of_channel(channel_id)
        in_thread = guild.channels[channel_id]["type"] == payloads.PUBLIC_THREAD
        # In a thread, Send Messages has no effect: Send Messages in Threads does (topics/threads#permissions).
        self._require(channel_id, perms.SEND_MESSAGES_IN_THREADS if in_thread else perms.SEND_MESSAGES)
        if body.get("embeds") and not self.bot_permissions_in(guild, channel_id) & perms.EMBED_LINKS:
            # Without Embed Links an embed-only message is refused, and other messages lose their embeds
            # (https://github.com/discord/discord-api-docs/issues/2601).
            if is_empty_message({**body, "embeds": []}):
                raise DiscordError(403, 50013, "Missing Permissions")
            body = {**body, "embeds": []}
        if is_empty_message(body):
            raise empty_message()
        earlier = self._same_nonce(body)
        if earlier is not None:
            return json_response(earlier.payload)
        stored = self._store_message(channel_id, body, body, None, await uploads_of(request))
        await self.gateway.dispatch("MESSAGE_CREATE", {**stored.payload, "member": guild.members[self.application_id]})
        return json_response(stored.payload)

    async def _start_thread(self, request: web.Request, match: re.Match[str], body: Any) -> web.Response:
        """A public thread from a message in a text channel, with the message's id
        (https://discord.com/developers/docs/resources/channel#start-thread-from-message): it needs Create
        Public Threads; one thread to a message (160004); not from an ephemeral or unknown message (10008)."""
        channel_id = int(match["channel"])
        guild = self._guild_of_channel(channel_id)
        self._require(channel_id, perms.CREATE_PUBLIC_THREADS)
        if guild.channels[channel_id]["type"] != payloads.TEXT_CHANNEL:
            raise DiscordError(400, 50024, "Cannot execute action on this channel type")
        stored = self.messages.get(int(match["message"]))
        if stored is None or stored.deleted or stored.ephemeral or stored.payload["channel_id"] != str(channel_id):
            raise DiscordError(404, 10008, "Unknown Message")
        if stored.id in guild.channels:
            raise DiscordError(400, 160004, "A thread has already been created for this message")
        thread = payloads.public_thread(
            stored.id,
            guild.id,
            channel_id,
            body["name"],
            self.application_id,
            int(body.get("auto_archive_duration") or 4320),
        )
        guild.channels[stored.id] = thread
        await self.gateway.dispatch("THREAD_CREATE", {**thread, "newly_created": True})
        return json_response(thread)

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
        """Newest first, as Discord lists them, honouring `limit` and `before`; without Read Message History
        the list is empty, with no error (https://discord.com/developers/docs/resources/message#get-channel-messages)."""
        channel_id = int(match["channel"])
        guild = self._guild_of_channel(channel_id)
        self._require(channel_id, 0)
        if not self.bot_permissions_in(guild, channel_id) & perms.READ_MESSAGE_HISTORY:
            return json_response([])
        limit = int(request.query.get("limit", 50))
        before = int(request.query.get("before", 1 << 63))
        visible = [m.payload for m in self.channel_messages(channel_id) if not m.ephemeral and m.id < before]
        return json_response(sorted(visible, key=lambda m: int(m["id"]), reverse=True)[:limit])

    async def _channel_message(self, request: web.Request, match: re.Match[str], body: Any) -> web.Response:
        self._require(int(match["channel"]), 0)
        stored = self.messages.get(int(match["message"]))
        if stored is None or stored.deleted or stored.payload["channel_id"] != match["channel"]:
            raise DiscordError(404, 10008, "Unknown Message")
        if request.method == "PATCH":
            self._edit(stored, body, await uploads_of(request))
        elif request.method == "DELETE":
            stored.deleted = True
            return web.Response(status=204)
        return json_response(stored.payload)

    def _store_message(
        self,
        channel_id: int,
        body: Payload,
        raw: Payload,
        interaction: InteractionRecord | None,
        uploads: dict[str, Upload],
    ) -> MessageRecord:
        guild = self._guild_of_channel(channel_id)
        metadata = None
        if interaction is not None:
            metadata = {
                "id": str(interaction.id),
                "type": interaction.kind,
                "user": self.users.get(interaction.user_id),
                "authorizing_integration_owners": {"0": str(guild.id)},
            }
        payload = payloads.message(
            snowflake(),
            channel_id,
            guild.id,
            self.bot_user,
            body,
            application_id=self.application_id if interaction else None,
            interaction=metadata,
        )
        payload["attachments"] = attachments(uploads, body, channel_id, [], self.files) or []
        record = MessageRecord(payload, raw.get("allowed_mentions"))
        record.history.append(payload)
        self.messages[record.id] = record
        return record

    def _edit(self, stored: MessageRecord, body: Payload, uploads: dict[str, Upload]) -> MessageRecord:
        updated = dict(stored.payload)
        for key in ("content", "embeds", "components"):
            if key in body:
                updated[key] = body[key] if body[key] is not None else ([] if key != "content" else "")
        kept = attachments(uploads, body, int(stored.payload["channel_id"]), stored.payload["attachments"], self.files)
        if kept is not None:
            updated["attachments"] = kept
        if is_empty_message(updated):
            raise empty_message()
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
            id=snowflake(),
            token=secrets.token_urlsafe(32),
            kind=kind,
            guild_id=guild.id,
            channel_id=channel_id,
            user_id=user_id,
            created=self.now(),
        )
        if message is not None:
            record.component_message = int(message["id"])
        self.interactions[record.id] = record
        self._by_token[record.token] = record
        member = guild.members[user_id]
        payload: Payload = {
            "id": str(record.id),
            "application_id": str(self.application_id),
            "type": kind,
            "data": data,
            "guild_id": str(guild.id),
            "guild": {"id": str(guild.id), "locale": "en-US", "features": []},
            "channel_id": str(channel_id),
            "channel": guild.channels[channel_id],
            "member": {**member, "permissions": str(self.permissions_in(guild, channel_id, user_id))},
            "token": record.token,
            "version": 1,
            "app_permissions": str(self.bot_permissions_in(guild, channel_id)),
            "locale": "en-US",
            "guild_locale": "en-US",
            "entitlements": [],
            "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,
            "authorizing_integration_owners": {"0": str(guild.id)},
            "context": 0,
        }
        if message is not None:
            payload["message"] = message
        if self.latency:
            await asyncio.sleep(self.latency)  # the event on its way to the bot; the deadline is already running
        await self.gateway.dispatch("INTERACTION_CREATE", payload)
        return record


def _callback_errors(body: Payload) -> Errors:
    """A callback's message (types 4 and 7) or autocomplete choices (type 8), by the rules for each."""
    data = body.get("data")
    if not isinstance(data, dict):
        return {}
    if body.get("type") in (4, 7):
        found = message_errors(data)
        return {"data": found} if found else {}
    if body.get("type") == 8:
        return choice_value_errors(data.get("choices") or [], ["data", "choices"])
    return {}


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


def _permission_string(value: object) -> str | None:
    """Discord answers permission bit sets as strings, whatever number the client sent."""
    return None if value is None else str(value)
