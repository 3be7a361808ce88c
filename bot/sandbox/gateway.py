"""The gateway: Hello, Identify, Ready, Guild Create, heartbeats, Resume, Reconnect, Invalid Session.

Payloads are compressed the way the client asks (`compress=zlib-stream`, or `zstd-stream` when the
zstandard package is there), one sync-flushed chunk per message as Discord sends them. As on Discord
(https://discord.com/developers/docs/events/gateway): intents outside the known set close the
connection with 4013, a privileged intent the application is not approved for with 4014, and a client
that stops heartbeating is disconnected and must resume.

Sharding as Discord does it (events/gateway#sharding): Identify's `shard` is `[shard_id, num_shards]`
(absent: `[0, 1]`); one that is not two integers with 0 <= shard_id < num_shards closes with 4010 Invalid
shard, and a session that would hold more than 2,500 guilds with 4011 Sharding required. A session gets
Ready and Guild Create for its shard's guilds only, `(guild_id >> 22) % num_shards`, and the events of
those guilds; events without a guild go to shard 0. Identifies are limited as `session_start_limit` says
(events/gateway#identifying): `max_concurrency` per 5 seconds, by bucket `shard_id % max_concurrency`;
one too soon is answered with Invalid Session (op 9), and past `total` identifies one fails with 4004,
as with the token Discord then resets.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import zlib
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from bot.sandbox.payloads import KNOWN_INTENTS, PRIVILEGED_INTENTS

log = logging.getLogger(__name__)

HELLO, HEARTBEAT, IDENTIFY, RESUME, RECONNECT, INVALID_SESSION, HEARTBEAT_ACK, DISPATCH = (
    10,
    1,
    2,
    6,
    7,
    9,
    11,
    0,
)
_REPLAY_LIMIT = 1000
# Discord allows "tolerance in the heartbeat_interval that will cover network latency" without saying how
# much; half an interval more, here. It does not document the close code either: 4000 (unknown error)
# is one every client resumes after, as Discord says a client that missed its heartbeat must.
HEARTBEAT_TOLERANCE = 1.5
MISSED_HEARTBEAT = 4000
# events/gateway#sharding and topics/opcodes-and-status-codes#gateway-gateway-close-event-codes
MAX_GUILDS_PER_SHARD = 2500
INVALID_SHARD, SHARDING_REQUIRED, AUTHENTICATION_FAILED = 4010, 4011, 4004
# events/gateway#session-start-limit-object: identifies a day, and per 5 seconds in one bucket
SESSION_START_TOTAL = 1000
MAX_CONCURRENCY = 1
IDENTIFY_WINDOW_SECONDS = 5.0


def shard_of(guild_id: int, shards: int) -> int:
    """The shard that receives a guild's events (events/gateway#sharding-sharding-formula)."""
    return (guild_id >> 22) % shards


def _shard(value: object) -> tuple[int, int] | None:
    """Identify's `shard`, if it is `[shard_id, num_shards]` with 0 <= shard_id < num_shards."""
    if value is None:
        return (0, 1)
    if not isinstance(value, list) or len(value) != 2:
        return None
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in value):
        return None
    shard_id, shards = value
    return (shard_id, shards) if 0 <= shard_id < shards else None


class _Connection:
    def __init__(
        self, ws: web.WebSocketResponse, transport: asyncio.BaseTransport | None, compression: str | None
    ) -> None:
        self.ws = ws
        self.transport = transport
        self.last_heartbeat = asyncio.get_running_loop().time()
        self._zlib = zlib.compressobj() if compression == "zlib-stream" else None
        self._zstd = None
        if compression == "zstd-stream":
            import zstandard  # only when a client asks for it, and only clients that have it can

            self._zstd = zstandard.ZstdCompressor().compressobj()

    async def send(self, payload: dict[str, Any]) -> None:
        text = json.dumps(payload)
        if self._zlib is not None:
            await self.ws.send_bytes(self._zlib.compress(text.encode()) + self._zlib.flush(zlib.Z_SYNC_FLUSH))
        elif self._zstd is not None:
            import zstandard

            data = self._zstd.compress(text.encode()) + self._zstd.flush(zstandard.COMPRESSOBJ_FLUSH_BLOCK)
            await self.ws.send_bytes(data)
        else:
            await self.ws.send_str(text)


@dataclass
class GatewaySession:
    id: str
    intents: int = 0
    shard: tuple[int, int] = (0, 1)
    seq: int = 0
    connection: _Connection | None = None
    log: deque[dict[str, Any]] = field(default_factory=lambda: deque(maxlen=_REPLAY_LIMIT))

    def receives(self, guild_id: int | None) -> bool:
        """Whether this session gets the events of the guild (or, for None, the events of no guild)."""
        shard_id, shards = self.shard
        return shard_id == 0 if guild_id is None else shard_of(guild_id, shards) == shard_id


@dataclass
class GatewayStats:
    identifies: int = 0
    identifies_too_soon: int = 0
    resumes: int = 0
    connections: int = 0
    heartbeat_timeouts: int = 0
    close_codes: list[int] = field(default_factory=list)
    compressions: list[str] = field(default_factory=list)


class Gateway:
    def __init__(
        self,
        *,
        token: str,
        heartbeat_ms: int,
        ready: Callable[[str, list[int]], dict[str, Any]],
        guilds: Callable[[int], list[dict[str, Any]]],
        resume_url: Callable[[], str],
        approved_intents: int = 0,
    ) -> None:
        self._token = token
        self._heartbeat_ms = heartbeat_ms
        self._ready = ready
        self._guilds = guilds
        self._resume_url = resume_url
        self.approved_intents = approved_intents
        self.refusing = False
        self._watchdogs: set[asyncio.Task[None]] = set()
        self.sessions: dict[str, GatewaySession] = {}
        self.identify_window = IDENTIFY_WINDOW_SECONDS
        self._last_identify: dict[int, float] = {}  # by rate-limit bucket
        self.stats = GatewayStats()
        self.ready_event = asyncio.Event()

    async def handle(self, request: web.Request) -> web.StreamResponse:
        if self.refusing:
            return web.Response(status=503, text="Service Unavailable")
        ws = web.WebSocketResponse(max_msg_size=0, autoping=True)
        await ws.prepare(request)
        self.stats.connections += 1
        compression = request.query.get("compress")
        if compression:
            self.stats.compressions.append(compression)
        connection = _Connection(ws, request.transport, compression)
        session: GatewaySession | None = None
        await connection.send({"op": HELLO, "d": {"heartbeat_interval": self._heartbeat_ms}, "s": None, "t": None})
        watchdog = asyncio.create_task(self._watch_heartbeats(connection))
        self._watchdogs.add(watchdog)
        watchdog.add_done_callback(self._watchdogs.discard)
        try:
            async for message in ws:
                if message.type != WSMsgType.TEXT:
                    continue
                payload = json.loads(message.data)
                op, data = payload.get("op"), payload.get("d")
                if op == HEARTBEAT:
                    connection.last_heartbeat = asyncio.get_running_loop().time()
                    await connection.send({"op": HEARTBEAT_ACK, "d": None, "s": None, "t": None})
                elif op == IDENTIFY:
                    session = await self._identify(connection, data or {})
                elif op == RESUME:
                    session = await self._resume(connection, data or {})
        finally:
            watchdog.cancel()
            if ws.close_code is not None:
                self.stats.close_codes.append(ws.close_code)
            if session is not None and session.connection is connection:
                session.connection = None
        return ws

    async def _watch_heartbeats(self, connection: _Connection) -> None:
        """Close a connection whose client has not heartbeated within the interval (and its tolerance)."""
        allowed = self._heartbeat_ms / 1000 * HEARTBEAT_TOLERANCE
        loop = asyncio.get_running_loop()
        while not connection.ws.closed:
            late = loop.time() - connection.last_heartbeat - allowed
            if late >= 0:
                self.stats.heartbeat_timeouts += 1
                await connection.ws.close(code=MISSED_HEARTBEAT, message=b"Heartbeat missed.")
                return
            await asyncio.sleep(-late)

    def close_all(self) -> None:
        for watchdog in list(self._watchdogs):
            watchdog.cancel()

    async def _identify(self, connection: _Connection, data: dict[str, Any]) -> GatewaySession | None:
        if data.get("token") != self._token:
            await connection.ws.close(code=4004, message=b"Authentication failed.")
            return None
        intents = data.get("intents")
        if not isinstance(intents, int) or isinstance(intents, bool) or intents & ~KNOWN_INTENTS:
            await connection.ws.close(code=4013, message=b"Invalid intent(s).")
            return None
        if intents & PRIVILEGED_INTENTS & ~self.approved_intents:
            await connection.ws.close(code=4014, message=b"Disallowed intent(s).")
            return None
        shard = _shard(data.get("shard"))
        if shard is None:
            await connection.ws.close(code=INVALID_SHARD, message=b"Invalid shard.")
            return None
        session = GatewaySession(id=secrets.token_hex(16), intents=intents, shard=shard)
        guilds = [g for g in self._guilds(intents) if session.receives(int(g["id"]))]
        if len(guilds) > MAX_GUILDS_PER_SHARD:
            await connection.ws.close(code=SHARDING_REQUIRED, message=b"Sharding required.")
            return None
        if self.stats.identifies >= SESSION_START_TOTAL:
            await connection.ws.close(code=AUTHENTICATION_FAILED, message=b"Authentication failed.")
            return None
        now, bucket = asyncio.get_running_loop().time(), shard[0] % MAX_CONCURRENCY
        if now - self._last_identify.get(bucket, -self.identify_window) < self.identify_window:
            self.stats.identifies_too_soon += 1
            await connection.send({"op": INVALID_SESSION, "d": False, "s": None, "t": None})
            return None
        self._last_identify[bucket] = now
        self.stats.identifies += 1
        self.sessions[session.id] = session
        session.connection = connection
        ready = self._ready(session.id, list(shard))
        ready["guilds"] = [g for g in ready["guilds"] if session.receives(int(g["id"]))]
        await self._send_dispatch(session, "READY", ready)
        for guild in guilds:
            await self._send_dispatch(session, "GUILD_CREATE", guild)
        self.ready_event.set()
        return session

    def session_start_limit(self) -> dict[str, int]:
        """What Get Gateway Bot says of the identifies left (events/gateway#session-start-limit-object)."""
        return {
            "total": SESSION_START_TOTAL,
            "remaining": max(0, SESSION_START_TOTAL - self.stats.identifies),
            "reset_after": 86_400_000,
            "max_concurrency": MAX_CONCURRENCY,
        }

    async def _resume(self, connection: _Connection, data: dict[str, Any]) -> GatewaySession | None:
        session = self.sessions.get(str(data.get("session_id")))
        if data.get("token") != self._token or session is None:
            await connection.send({"op": INVALID_SESSION, "d": False, "s": None, "t": None})
            return None
        self.stats.resumes += 1
        session.connection = connection
        last = int(data.get("seq") or 0)
        for payload in list(session.log):
            if payload["s"] > last:
                await connection.send(payload)
        await self._send_dispatch(session, "RESUMED", {})
        return session

    async def _send_dispatch(self, session: GatewaySession, event: str, data: dict[str, Any]) -> None:
        session.seq += 1
        payload = {"op": DISPATCH, "t": event, "s": session.seq, "d": data}
        session.log.append(payload)
        if session.connection is not None:
            try:
                await session.connection.send(payload)
            except ConnectionError:
                session.connection = None  # kept in the log; a resume replays it

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send an event to every session of the shard its guild is on (shard 0 for an event of no guild);
        a session that is not connected gets it on resume."""
        guild = data.get("guild_id")
        for session in list(self.sessions.values()):
            if session.receives(int(guild) if guild is not None else None):
                await self._send_dispatch(session, event, data)

    def connected(self) -> list[GatewaySession]:
        return [s for s in self.sessions.values() if s.connection is not None]

    # -- faults -------------------------------------------------------------------------------------

    async def drop(self) -> None:
        """Cut every connection without a close frame, as a network failure does; clients should resume."""
        for session in self.connected():
            assert session.connection is not None
            transport = session.connection.transport
            session.connection = None
            if isinstance(transport, asyncio.Transport):
                transport.abort()

    async def outage(self) -> None:
        """The gateway goes away: connections cut, new ones refused (503) until `restore`."""
        self.refusing = True
        await self.drop()

    def restore(self) -> None:
        self.refusing = False

    async def invalidate(self) -> None:
        """Op 9 with d=false: the session is gone and the client must identify anew."""
        for session in self.connected():
            assert session.connection is not None
            await session.connection.send({"op": INVALID_SESSION, "d": False, "s": None, "t": None})
            self.sessions.pop(session.id, None)

    async def ask_reconnect(self) -> None:
        for session in self.connected():
            assert session.connection is not None
            await session.connection.send({"op": RECONNECT, "d": None, "s": None, "t": None})
