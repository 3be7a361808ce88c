"""How the sandbox answers over HTTP: Discord's JSON, its error bodies, its rate-limit headers and 429s."""

from __future__ import annotations

import json
import time
from typing import Any

from aiohttp import web

from bot.sandbox.errors import DiscordError
from bot.sandbox.uploads import uploads_of


def rate_limit_headers() -> dict[str, str]:
    """Generous limits on one bucket: the client never waits unless a test injects a 429."""
    now = time.time()
    return {
        "X-RateLimit-Limit": "50",
        "X-RateLimit-Remaining": "49",
        "X-RateLimit-Reset": f"{now + 1:.3f}",
        "X-RateLimit-Reset-After": "1.000",
        "X-RateLimit-Bucket": "sandbox",
    }


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """Discord sends exactly `application/json` (no charset), and discord.py checks for exactly that."""
    body = json.dumps(data).encode()
    return web.Response(
        body=body, status=status, content_type="application/json", headers=headers or rate_limit_headers()
    )


def error_response(error: DiscordError) -> web.Response:
    body: dict[str, Any] = {"message": error.message, "code": error.code}
    if error.errors:
        body["errors"] = error.errors
    return json_response(body, error.status)


def fault_response(status: int, retry_after: float) -> web.Response:
    if status == 429:
        body = {"message": "You are being rate limited.", "retry_after": retry_after, "global": False, "code": 0}
        headers = {
            **rate_limit_headers(),
            "X-RateLimit-Remaining": "0",
            "Retry-After": f"{retry_after}",
            "X-RateLimit-Scope": "user",
            "Via": "1.1 google",
        }
        return json_response(body, 429, headers)
    return json_response({"message": f"{status}: Server Error", "code": 0}, status, {})


async def request_body(request: web.Request) -> Any:
    if not request.can_read_body:
        return {}
    if request.content_type.startswith("multipart/"):
        await uploads_of(request)  # a file over the limit is refused before anything else is looked at
        form = await request.post()
        raw = form.get("payload_json")
        # a part sent as application/json comes back as bytes, one sent as text as str
        text = bytes(raw).decode() if isinstance(raw, bytes | bytearray) else str(raw or "")
        return _json(text) if text else {}
    return _json(await request.text())


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise DiscordError(400, 50109, "The request body contains invalid JSON.") from error
