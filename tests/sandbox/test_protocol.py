"""The sandbox's protocol seen from a raw client: compression, identify, resume, errors, headers."""

from __future__ import annotations

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
