"""Fetch a source a member gives by URL: bounded in size, time, content types and redirects, and never from
a private, loopback or link-local address.

A URL is the member's, and the bot fetches it from inside the operator's network: left unchecked, it could
read the cloud's metadata service (169.254.169.254), a database's HTTP port or a router's admin page.
Every host is resolved before connecting, through a resolver that refuses any address that is not
globally routable (and each redirect is a new request, resolved again), so a name that points inward,
or a public page that redirects inward, is refused before a byte is sent there. The operator may trust
networks of their own (`library.url_networks`), such as an intranet's document server.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Sequence
from pathlib import PurePosixPath

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from yarl import URL

from bot.library.reading import SourceRefused

MAX_REDIRECTS = 5
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
# What the readers read, by the content type a server gives; a file served as a generic binary is
# taken by its name's suffix.
CONTENT_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "text/x-markdown": ".md",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}
_GENERIC_TYPES = frozenset({"application/octet-stream", "binary/octet-stream", ""})
_CHUNK = 64 * 1024
_SHOWN_CHARS = 120
_AGENT = "studybot (a study group's Discord bot; fetches a source a moderator added)"
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class _InwardAddress(OSError):
    """A host that resolves to an address the bot will not connect to."""


def allowed(address: str, trusted: Sequence[Network]) -> bool:
    """Globally routable, or in a network the operator trusts."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # "::ffff:127.0.0.1" is 127.0.0.1
    return ip.is_global or any(ip in network for network in trusted)


class _CheckedResolver(AbstractResolver):
    """Resolves a name, and refuses it if any of its addresses is inward: a name that mixes a public and a
    private address could be connected to either."""

    def __init__(self, trusted: Sequence[Network]) -> None:
        self._trusted = trusted

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        loop = asyncio.get_running_loop()
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM, family=family)
        results: list[ResolveResult] = []
        for found_family, _, proto, _, address in infos:
            ip = str(address[0])
            if not allowed(ip, self._trusted):
                raise _InwardAddress(f"{host} is a private, loopback or link-local address ({ip})")
            results.append(
                {
                    "hostname": host,
                    "host": ip,
                    "port": int(address[1]),
                    "family": found_family,
                    "proto": proto,
                    "flags": socket.AI_NUMERICHOST,
                }
            )
        return results

    async def close(self) -> None:
        return None


async def fetch_source(
    url: str, *, max_bytes: int, seconds: float, trusted: Sequence[Network] = ()
) -> tuple[str, bytes]:
    """The file at `url`, as (a file name with the suffix its type calls for, its bytes); `SourceRefused`
    says why it cannot be fetched."""
    connector = aiohttp.TCPConnector(resolver=_CheckedResolver(trusted), use_dns_cache=False)
    timeout = aiohttp.ClientTimeout(total=seconds)
    headers = {"User-Agent": _AGENT, "Accept": ", ".join(CONTENT_TYPES)}
    async with aiohttp.ClientSession(connector=connector, timeout=timeout, headers=headers) as session:
        try:
            target = _checked(url, trusted)
            for _ in range(MAX_REDIRECTS + 1):
                async with session.get(target, allow_redirects=False) as response:
                    if response.status in _REDIRECTS and "Location" in response.headers:
                        target = _checked(str(response.url.join(URL(response.headers["Location"]))), trusted)
                        continue
                    return await _body(url, response, max_bytes)
        except aiohttp.ClientConnectorError as error:
            if isinstance(error.os_error, _InwardAddress):
                raise SourceRefused(
                    f"{_shown(url)}: {error.os_error}", "The bot fetches only public addresses."
                ) from None
            raise SourceRefused(f"{_shown(url)}: cannot be reached ({error.os_error.strerror or error})") from None
        except TimeoutError:
            raise SourceRefused(f"{_shown(url)}: fetching it took over {seconds:.0f} s") from None
        except aiohttp.ClientError as error:
            raise SourceRefused(f"{_shown(url)}: cannot be fetched ({error})") from None
    raise SourceRefused(f"{_shown(url)}: more than {MAX_REDIRECTS} redirects")


def _shown(url: str) -> str:
    """A link as a message names it: its start, when it is long."""
    return url if len(url) <= _SHOWN_CHARS else url[: _SHOWN_CHARS - 1] + "…"


def _checked(url: str, trusted: Sequence[Network]) -> URL:
    """The URL if the bot may request it: http or https, a host, and an IP literal only if allowed (a name
    is checked when it is resolved)."""
    try:
        parsed = URL(url)
    except ValueError:
        raise SourceRefused(f"{_shown(url)}: not a URL") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise SourceRefused(
            f"{_shown(url)}: not a web address", "Give an http:// or https:// link, or attach the file."
        )
    host = parsed.host.strip("[]")
    try:
        literal = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return parsed
    if not allowed(str(literal), trusted):
        raise SourceRefused(
            f"{_shown(url)}: a private, loopback or link-local address", "The bot fetches only public addresses."
        )
    return parsed


async def _body(url: str, response: aiohttp.ClientResponse, max_bytes: int) -> tuple[str, bytes]:
    if response.status != 200:
        raise SourceRefused(f"{_shown(url)}: the site answered {response.status} {response.reason or ''}".rstrip())
    name = PurePosixPath(response.url.path).name or "page"
    suffix = CONTENT_TYPES.get(response.content_type)
    if suffix is None and response.content_type in _GENERIC_TYPES:
        suffix = next((s for s in set(CONTENT_TYPES.values()) if name.lower().endswith(s)), None)
    if suffix is None:
        raise SourceRefused(
            f"{_shown(url)}: a {response.content_type or 'file of no type'}, which studybot does not read",
            "It reads web pages, PDFs, Word files, Markdown and plain text.",
        )
    too_large = SourceRefused(f"{_shown(url)}: larger than {max_bytes / 2**20:g} MiB")
    if response.content_length is not None and response.content_length > max_bytes:
        raise too_large
    data = bytearray()
    async for chunk in response.content.iter_chunked(_CHUNK):
        data += chunk
        if len(data) > max_bytes:
            raise too_large
    stem = PurePosixPath(name).stem or "page"
    return f"{stem}{suffix}", bytes(data)
