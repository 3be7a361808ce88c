"""Fetching a source by URL: public addresses only (checked on every hop), within size, time, type and
redirect limits. The server here is a real one on loopback, which the bot refuses unless told to trust it."""

from __future__ import annotations

import asyncio
import ipaddress
from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from bot.library.fetching import MAX_REDIRECTS, fetch_source
from bot.library.reading import SourceRefused

LOOPBACK = [ipaddress.ip_network("127.0.0.0/8")]
PDF = b"%PDF-1.4 the bytes of a report"


class Site:
    def __init__(self) -> None:
        self.requests: list[str] = []
        self.base = ""


@pytest.fixture
async def site() -> AsyncIterator[Site]:
    made = Site()

    async def serve(request: web.Request) -> web.StreamResponse:
        made.requests.append(request.path)
        name = request.match_info["name"]
        if name == "report.pdf":
            return web.Response(body=PDF, content_type="application/pdf")
        if name == "page":
            return web.Response(text="<html><body><p>Hello.</p></body></html>", content_type="text/html")
        if name == "photo":
            return web.Response(body=b"\x89PNG", content_type="image/png")
        if name == "big":
            return web.Response(body=b"x" * 5000, content_type="text/plain")
        if name == "endless":  # no length given: the bot stops reading at its limit
            response = web.StreamResponse(headers={"Content-Type": "text/plain"})
            await response.prepare(request)
            for _ in range(100):
                await response.write(b"x" * 1000)
            return response
        if name == "inward":
            raise web.HTTPFound("http://10.0.0.5/report.pdf")
        if name == "loop":
            raise web.HTTPFound(f"{made.base}/loop")
        if name == "slow":
            await asyncio.sleep(5)
        raise web.HTTPNotFound()

    app = web.Application()
    app.router.add_get("/{name}", serve)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    made.base = f"http://127.0.0.1:{runner.addresses[0][1]}"
    try:
        yield made
    finally:
        await runner.cleanup()


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.5/report.pdf",
        "http://[::1]/report.pdf",
        "http://[::ffff:127.0.0.1]/report.pdf",
        "http://192.168.1.1/",
    ],
)
async def test_inward_addresses_are_refused_before_connecting(url: str) -> None:
    with pytest.raises(SourceRefused, match="private, loopback or link-local"):
        await fetch_source(url, max_bytes=1000, seconds=5)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/report.pdf", "report.pdf"])
async def test_only_web_addresses(url: str) -> None:
    with pytest.raises(SourceRefused, match="not a web address"):
        await fetch_source(url, max_bytes=1000, seconds=5)


async def test_a_name_that_resolves_inward_is_refused_and_never_requested(site: Site) -> None:
    local = site.base.replace("127.0.0.1", "localhost")
    with pytest.raises(SourceRefused, match="localhost is a private, loopback or link-local address"):
        await fetch_source(f"{local}/report.pdf", max_bytes=1000, seconds=5)
    with pytest.raises(SourceRefused, match="private, loopback or link-local"):
        await fetch_source(f"{site.base}/report.pdf", max_bytes=1000, seconds=5)
    assert site.requests == []


async def test_a_trusted_network_serves_a_pdf_and_a_page(site: Site) -> None:
    assert await fetch_source(f"{site.base}/report.pdf", max_bytes=1000, seconds=5, trusted=LOOPBACK) == (
        "report.pdf",
        PDF,
    )
    name, _ = await fetch_source(f"{site.base}/page", max_bytes=1000, seconds=5, trusted=LOOPBACK)
    assert name == "page.html"


async def test_a_redirect_inward_is_refused_even_from_a_trusted_site(site: Site) -> None:
    with pytest.raises(SourceRefused, match="private, loopback or link-local"):
        await fetch_source(f"{site.base}/inward", max_bytes=1000, seconds=5, trusted=LOOPBACK)


async def test_limits_of_type_size_redirects_time_and_status(site: Site) -> None:
    cases = [
        ("photo", 1000, 5.0, "image/png, which studybot does not read"),
        ("big", 1000, 5.0, "larger than"),
        ("endless", 20_000, 5.0, "larger than"),
        ("loop", 1000, 5.0, f"more than {MAX_REDIRECTS} redirects"),
        ("slow", 1000, 0.5, "took over"),
        ("missing", 1000, 5.0, "answered 404"),
    ]
    for name, max_bytes, seconds, refusal in cases:
        with pytest.raises(SourceRefused, match=refusal):
            await fetch_source(f"{site.base}/{name}", max_bytes=max_bytes, seconds=seconds, trusted=LOOPBACK)
    assert site.requests.count("/loop") == MAX_REDIRECTS + 1
