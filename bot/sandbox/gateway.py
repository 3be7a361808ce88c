"""The gateway: Hello, Identify, Ready, Guild Create, heartbeats, Resume, Reconnect, Invalid Session.

Payloads are compressed the way the client asks (`compress=zlib-stream`, or `zstd-stream` when the
zstandard package is there), one sync-flushed chunk per message as Discord sends them. As on Discord
(https://discord.com/developers/docs/events/gateway): intents outside the known set close the
connection with 4013, a privileged intent the application is not approved for with 4014, and a client
that stops heartbeating is disconnected and must resume.
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
    seq: int = 0
    connection: _Connection | None = None
    log: deque[dict[str, Any]] = field(default_factory=lambda: deque(maxlen=_REPLAY_LIMIT))


@dataclass
class GatewayStats:
    identifies: int = 0
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
        self.stats.identifies += 1
        session = GatewaySession(id=secrets.token_hex(16), intents=intents)
        self.sessions[session.id] = session
        session.connection = connection
        await self._send_dispatch(session, "READY", self._ready(session.id, [0, 1]))
        for guild in self._guilds(intents):
            await self._send_dispatch(session, "GUILD_CREATE", guild)
        self.ready_event.set()
        return session

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
        """Send an event to every session; one that is not connected gets it on resume."""
        for session in list(self.sessions.values()):
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
