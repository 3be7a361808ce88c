"""The gateway: Hello, Identify, Ready, Guild Create, heartbeats, Resume, Reconnect, Invalid Session.

Payloads are compressed the way the client asks (`compress=zlib-stream`, or `zstd-stream` when the
zstandard package is there), one sync-flushed chunk per message as Discord sends them.
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


class _Connection:
    def __init__(
        self, ws: web.WebSocketResponse, transport: asyncio.BaseTransport | None, compression: str | None
    ) -> None:
        self.ws = ws
        self.transport = transport
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
    seq: int = 0
    connection: _Connection | None = None
    log: deque[dict[str, Any]] = field(default_factory=lambda: deque(maxlen=_REPLAY_LIMIT))


@dataclass
class GatewayStats:
    identifies: int = 0
    resumes: int = 0
    connections: int = 0
    compressions: list[str] = field(default_factory=list)


class Gateway:
    def __init__(
        self,
        *,
        token: str,
        heartbeat_ms: int,
        ready: Callable[[GatewaySession], dict[str, Any]],
        guilds: Callable[[], list[dict[str, Any]]],
        resume_url: Callable[[], str],
    ) -> None:
        self._token = token
        self._heartbeat_ms = heartbeat_ms
        self._ready = ready
        self._guilds = guilds
        self._resume_url = resume_url
        self.sessions: dict[str, GatewaySession] = {}
        self.stats = GatewayStats()
        self.ready_event = asyncio.Event()

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=0, autoping=True)
        await ws.prepare(request)
        self.stats.connections += 1
        compression = request.query.get("compress")
        if compression:
            self.stats.compressions.append(compression)
        connection = _Connection(ws, request.transport, compression)
        session: GatewaySession | None = None
        await connection.send({"op": HELLO, "d": {"heartbeat_interval": self._heartbeat_ms}, "s": None, "t": None})
        try:
            async for message in ws:
                if message.type != WSMsgType.TEXT:
                    continue
                payload = json.loads(message.data)
                op, data = payload.get("op"), payload.get("d")
                if op == HEARTBEAT:
                    await connection.send({"op": HEARTBEAT_ACK, "d": None, "s": None, "t": None})
                elif op == IDENTIFY:
                    session = await self._identify(connection, data or {})
                elif op == RESUME:
                    session = await self._resume(connection, data or {})
        finally:
            if session is not None and session.connection is connection:
                session.connection = None
        return ws

    async def _identify(self, connection: _Connection, data: dict[str, Any]) -> GatewaySession | None:
        if data.get("token") != self._token:
            await connection.ws.close(code=4004, message=b"Authentication failed.")
            return None
        self.stats.identifies += 1
        session = GatewaySession(id=secrets.token_hex(16))
        self.sessions[session.id] = session
        session.connection = connection
        await self._send_dispatch(session, "READY", self._ready(session))
        for guild in self._guilds():
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
            if transport is not None:
                transport.abort()

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
