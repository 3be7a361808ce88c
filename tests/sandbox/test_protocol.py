"""The sandbox's protocol seen from a raw client: compression, identify, resume, errors, headers."""

from __future__ import annotations

import asyncio
import json
import zlib

import aiohttp
import pytest

from bot.sandbox.server import Sandbox


@pytest.fixture
async def sandbox():
    server = Sandbox(heartbeat_ms=5000)
    server.add_guild("Study Group", ["study"])
    await server.start()
    yield server
    await server.stop()


async def receive_zlib(ws: aiohttp.ClientWebSocketResponse, inflater) -> dict:
    data = await ws.receive_bytes()
    assert data.endswith(b"\x00\x00\xff\xff")
    return json.loads(inflater.decompress(data))


async def test_zlib_stream_hello_identify_ready_guild_create_and_heartbeat(sandbox: Sandbox):
    inflater = zlib.decompressobj()
    async with (
        aiohttp.ClientSession() as http,
        http.ws_connect(sandbox.gateway_url + "?v=10&compress=zlib-stream") as ws,
    ):
        hello = await receive_zlib(ws, inflater)
        assert hello == {"op": 10, "d": {"heartbeat_interval": 5000}, "s": None, "t": None}
        await ws.send_json({"op": 2, "d": {"token": sandbox.token, "intents": 513, "properties": {}}})
        ready = await receive_zlib(ws, inflater)
        assert ready["t"] == "READY" and ready["s"] == 1
        assert ready["d"]["user"]["bot"] and ready["d"]["resume_gateway_url"] == sandbox.gateway_url
        assert ready["d"]["application"]["id"] == str(sandbox.application_id)
        guild = await receive_zlib(ws, inflater)
        assert guild["t"] == "GUILD_CREATE"
        assert [c["name"] for c in guild["d"]["channels"]] == ["study"]
        assert {r["name"] for r in guild["d"]["roles"]} >= {"@everyone"} and guild["d"]["members"]
        await ws.send_json({"op": 1, "d": 2})
        assert (await receive_zlib(ws, inflater))["op"] == 11


async def test_zstd_stream_compression(sandbox: Sandbox):
    zstandard = pytest.importorskip("zstandard")
    inflater = zstandard.ZstdDecompressor().decompressobj()
    async with (
        aiohttp.ClientSession() as http,
        http.ws_connect(sandbox.gateway_url + "?v=10&compress=zstd-stream") as ws,
    ):
        hello = json.loads(inflater.decompress(await ws.receive_bytes()))
        assert hello["op"] == 10


async def test_bad_token_closes_with_4004_and_unknown_session_is_invalid(sandbox: Sandbox):
    async with aiohttp.ClientSession() as http:
        async with http.ws_connect(sandbox.gateway_url) as ws:
            await ws.receive_json()
            await ws.send_json({"op": 2, "d": {"token": "wrong"}})
            closed = await ws.receive()
            assert closed.type == aiohttp.WSMsgType.CLOSE and closed.data == 4004
        async with http.ws_connect(sandbox.gateway_url) as ws:
            await ws.receive_json()
            await ws.send_json({"op": 6, "d": {"token": sandbox.token, "session_id": "nope", "seq": 3}})
            assert await ws.receive_json() == {"op": 9, "d": False, "s": None, "t": None}


async def test_rest_errors_and_rate_limit_headers_have_discords_shape(sandbox: Sandbox):
    headers = {"Authorization": f"Bot {sandbox.token}"}
    async with aiohttp.ClientSession() as http:
        async with http.get(sandbox.base_url + "/api/v10/users/@me", headers=headers) as response:
            assert response.status == 200 and response.content_type == "application/json"
            assert {"X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Bucket"} <= set(response.headers)
        async with http.get(sandbox.base_url + "/api/v10/users/@me") as response:
            assert response.status == 401 and (await response.json())["message"] == "401: Unauthorized"
        sandbox.faults.error(r"^/users/@me$", 429, retry_after=1.5)
        async with http.get(sandbox.base_url + "/api/v10/users/@me", headers=headers) as response:
            body = await response.json()
            assert response.status == 429 and body["retry_after"] == 1.5 and body["global"] is False
            assert response.headers["Retry-After"] == "1.5" and response.headers["X-RateLimit-Scope"] == "user"
        async with http.post(sandbox.base_url + "/api/v10/interactions/1/nope/callback", json={"type": 4}) as response:
            assert response.status == 404 and (await response.json())["code"] == 10062


async def identify(ws: aiohttp.ClientWebSocketResponse, token: str, intents: object) -> None:
    await ws.receive_json()  # Hello
    await ws.send_json({"op": 2, "d": {"token": token, "intents": intents, "properties": {}}})


@pytest.mark.parametrize(
    "intents, code",
    [(1 << 1, 4014), (1 << 8, 4014), (1 << 15, 4014), (1 << 18, 4013), (-1, 4013), ("513", 4013), (None, 4013)],
    ids=["members", "presences", "message content", "unknown bit", "negative", "a string", "none"],
)
async def test_identify_with_disallowed_or_invalid_intents_is_closed(sandbox: Sandbox, intents, code):
    async with aiohttp.ClientSession() as http, http.ws_connect(sandbox.gateway_url) as ws:
        await identify(ws, sandbox.token, intents)
        closed = await ws.receive()
        assert closed.type == aiohttp.WSMsgType.CLOSE and closed.data == code


async def test_guild_create_lists_only_the_bot_without_presences_and_everyone_with_it():
    server = Sandbox(heartbeat_ms=5000, approved_intents=1 << 8 | 1 << 1)
    server.gateway.identify_window = 0  # two sessions in a row: the identify limit has a test of its own
    guild = server.add_guild("Study Group", ["study"])
    for name in ("alice", "bob"):
        server.add_user(guild, name)
    await server.start()
    try:
        async with aiohttp.ClientSession() as http:
            for intents, expected in ((513, {"studybot"}), (513 | 1 << 8, {"studybot", "alice", "bob"})):
                async with http.ws_connect(server.gateway_url) as ws:
                    await identify(ws, server.token, intents)
                    assert (await ws.receive_json())["t"] == "READY"
                    created = (await ws.receive_json())["d"]
                    assert {m["user"]["username"] for m in created["members"]} == expected
                    assert created["member_count"] == 3
    finally:
        await server.stop()


async def test_a_client_that_stops_heartbeating_is_disconnected_and_can_resume():
    server = Sandbox(heartbeat_ms=500)
    server.add_guild("Study Group", ["study"])
    await server.start()
    try:
        async with aiohttp.ClientSession() as http:
            async with http.ws_connect(server.gateway_url) as ws:
                await identify(ws, server.token, 513)
                ready = await ws.receive_json()
                await ws.receive_json()  # Guild Create; then silence, no heartbeat
                closed = await ws.receive(timeout=5)
                assert closed.type == aiohttp.WSMsgType.CLOSE and closed.data == 4000
            assert server.gateway.stats.heartbeat_timeouts == 1
            async with http.ws_connect(server.gateway_url) as ws:
                await ws.receive_json()
                resume = {"token": server.token, "session_id": ready["d"]["session_id"], "seq": 2}
                await ws.send_json({"op": 6, "d": resume})
                assert (await ws.receive_json())["t"] == "RESUMED"
    finally:
        await server.stop()


async def test_a_client_that_heartbeats_in_time_stays_connected():
    server = Sandbox(heartbeat_ms=500)
    await server.start()
    try:
        async with aiohttp.ClientSession() as http, http.ws_connect(server.gateway_url) as ws:
            await identify(ws, server.token, 513)
            await ws.receive_json()  # Ready
            for beat in range(12):  # 1.2 s, over two intervals: the connection stays
                await ws.send_json({"op": 1, "d": beat})
                assert (await ws.receive_json(timeout=5))["op"] == 11
                await asyncio.sleep(0.1)
            assert not ws.closed and server.gateway.stats.heartbeat_timeouts == 0
    finally:
        await server.stop()
