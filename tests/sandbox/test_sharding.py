"""The sandbox shards as Discord does (events/gateway#sharding): Identify's `shard`, each session its own
guilds and their events, the identify limits, and what Get Gateway Bot recommends."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest

from bot.sandbox.gateway import shard_of
from bot.sandbox.server import Sandbox


async def _identify(ws: aiohttp.ClientWebSocketResponse, token: str, shard: object = None) -> None:
    await ws.receive_json()  # Hello
    data = {"token": token, "intents": 513, "properties": {}}
    if shard is not None:
        data["shard"] = shard
    await ws.send_json({"op": 2, "d": data})


async def _received(ws: aiohttp.ClientWebSocketResponse, count: int) -> list[dict]:
    return [await ws.receive_json(timeout=5) for _ in range(count)]


@pytest.fixture
async def two_shards():
    """A sandbox with one guild on each of two shards, whose identify limit does not slow the tests down."""
    server = Sandbox(heartbeat_ms=5000)
    server.gateway.identify_window = 0
    guilds = [server.add_guild(f"Group {n}", ["study"], shard=(n, 2)) for n in (0, 1)]
    await server.start()
    yield server, guilds
    await server.stop()


@pytest.mark.parametrize("shard", [[2, 2], [-1, 2], [0, 0], [0], [0, 1, 2], ["0", "2"], [True, 2], "0,2"], ids=str)
async def test_an_invalid_shard_closes_with_4010(two_shards, shard):
    server, _ = two_shards
    async with aiohttp.ClientSession() as http, http.ws_connect(server.gateway_url) as ws:
        await _identify(ws, server.token, shard)
        closed = await ws.receive()
        assert closed.type == aiohttp.WSMsgType.CLOSE and closed.data == 4010


async def test_each_shard_gets_its_own_guilds_and_their_events(two_shards):
    server, guilds = two_shards
    assert [shard_of(g.id, 2) for g in guilds] == [0, 1]
    async with (
        aiohttp.ClientSession() as http,
        http.ws_connect(server.gateway_url) as zero,
        http.ws_connect(server.gateway_url) as one,
    ):
        await _identify(zero, server.token, [0, 2])
        ready, created = await _received(zero, 2)
        assert ready["d"]["shard"] == [0, 2] and [g["id"] for g in ready["d"]["guilds"]] == [str(guilds[0].id)]
        assert created["t"] == "GUILD_CREATE" and created["d"]["id"] == str(guilds[0].id)
        await _identify(one, server.token, [1, 2])
        ready, created = await _received(one, 2)
        assert ready["d"]["shard"] == [1, 2] and created["d"]["id"] == str(guilds[1].id)

        await server.gateway.dispatch("GUILD_UPDATE", {"guild_id": str(guilds[1].id)})
        event = await one.receive_json(timeout=5)
        assert event["t"] == "GUILD_UPDATE" and event["d"]["guild_id"] == str(guilds[1].id)
        await server.gateway.dispatch("USER_UPDATE", {"id": "1"})  # no guild: shard 0 only
        assert (await zero.receive_json(timeout=5))["t"] == "USER_UPDATE"
        await server.gateway.dispatch("GUILD_UPDATE", {"guild_id": str(guilds[0].id)})
        assert (await zero.receive_json(timeout=5))["t"] == "GUILD_UPDATE"
        with pytest.raises(TimeoutError):
            await one.receive_json(timeout=0.3)  # shard 1 saw neither


async def test_a_session_holding_over_2500_guilds_must_shard(two_shards):
    server, _ = two_shards
    for n in range(2500):
        server.add_guild(f"Server {n}", ["general"], shard=(n % 2, 2))
    async with aiohttp.ClientSession() as http:
        async with http.ws_connect(server.gateway_url) as ws:
            await _identify(ws, server.token)  # all 2,502 guilds on one session
            closed = await ws.receive()
            assert closed.type == aiohttp.WSMsgType.CLOSE and closed.data == 4011
        async with http.ws_connect(server.gateway_url) as ws:
            await _identify(ws, server.token, [0, 2])  # 1,251 of them
            assert (await ws.receive_json(timeout=5))["t"] == "READY"
        headers = {"Authorization": f"Bot {server.token}"}
        async with http.get(server.base_url + "/api/v10/gateway/bot", headers=headers) as response:
            body = await response.json()
    assert body["shards"] == 3 and body["url"] == server.gateway_url
    assert body["session_start_limit"]["remaining"] == body["session_start_limit"]["total"] - 1


async def test_identifies_too_close_together_get_an_invalid_session():
    server = Sandbox(heartbeat_ms=5000)
    server.gateway.identify_window = 1.0  # Discord's is 5 seconds, shortened to keep the test quick
    server.add_guild("Study Group", ["study"])
    await server.start()
    try:
        async with aiohttp.ClientSession() as http:
            async with http.ws_connect(server.gateway_url) as ws:
                await _identify(ws, server.token)
                assert (await ws.receive_json(timeout=5))["t"] == "READY"
            async with http.ws_connect(server.gateway_url) as ws:
                await _identify(ws, server.token)
                assert await ws.receive_json(timeout=5) == {"op": 9, "d": False, "s": None, "t": None}
            await asyncio.sleep(1.0)
            async with http.ws_connect(server.gateway_url) as ws:
                await _identify(ws, server.token)
                assert (await ws.receive_json(timeout=5))["t"] == "READY"
        assert (server.gateway.stats.identifies, server.gateway.stats.identifies_too_soon) == (2, 1)
    finally:
        await server.stop()


async def test_past_the_days_session_starts_an_identify_fails_as_with_a_reset_token(two_shards):
    server, _ = two_shards
    server.gateway.stats.identifies = 1000  # the day's session starts used up
    async with aiohttp.ClientSession() as http, http.ws_connect(server.gateway_url) as ws:
        await _identify(ws, server.token)
        closed = await ws.receive()
        assert closed.type == aiohttp.WSMsgType.CLOSE and closed.data == 4004
