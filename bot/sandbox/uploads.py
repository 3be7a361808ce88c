"""Files sent with a message, as Discord takes them (https://discord.com/developers/docs/reference#uploading-files).

A request with files is `multipart/form-data`: the JSON body in `payload_json`, each file in a part named
`files[n]` with a filename. The body's `attachments` lists what the message holds: a new file by the `n` of its
part, a file the message already has by its id; on an edit, a file left out of the list is removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aiohttp import web

from bot.sandbox.errors import INVALID_FORM_BODY, DiscordError, Errors, field_error, merge
from bot.sandbox.payloads import Payload, snowflake

# "The default limit is 10 MiB for all users", per file (reference#uploading-files); a larger file is refused
# with JSON code 40005, "Request entity too large" (topics/opcodes-and-status-codes#json).
ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024
_FILE_PART = re.compile(r"^files\[(\d+)\]$")


@dataclass(frozen=True)
class Upload:
    filename: str
    content_type: str
    data: bytes


async def uploads_of(request: web.Request) -> dict[str, Upload]:
    """The request's `files[n]` parts, by `n` (aiohttp reads a form once and keeps it, so any handler may ask)."""
    if not request.content_type.startswith("multipart/"):
        return {}
    uploads: dict[str, Upload] = {}
    for name, value in (await request.post()).items():
        part = _FILE_PART.match(name)
        if part is None or not isinstance(value, web.FileField):
            continue
        value.file.seek(0)
        data = value.file.read()
        if len(data) > ATTACHMENT_SIZE_LIMIT:
            raise DiscordError(413, 40005, "Request entity too large")
        uploads[part[1]] = Upload(value.filename, value.content_type, data)
    return uploads


def attachments(
    uploads: dict[str, Upload], body: Payload, channel_id: int, kept: list[Payload], files: dict[int, bytes]
) -> list[Payload] | None:
    """The message's attachments after this request, or None when it does not touch them. A listed id that is
    neither a file of this request nor one the message has is refused as Discord refuses it:
    `attachments.N: ATTACHMENT_NOT_FOUND "Attachment data not found"` (seen in Cogmasters/concord#78)."""
    listed = body.get("attachments")
    if listed is None:
        if not uploads:
            return None
        listed = [{"id": n} for n in uploads]
    existing = {str(a["id"]): a for a in kept}
    result: list[Payload] = []
    errors: Errors = {}
    for index, wanted in enumerate(listed if isinstance(listed, list) else []):
        key = str(wanted.get("id")) if isinstance(wanted, dict) else ""
        if key in uploads:
            upload = uploads[key]
            result.append(_attachment(channel_id, upload, wanted.get("description"), files))
        elif key in existing:
            result.append(existing[key])
        else:
            merge(errors, field_error(["attachments", index], "ATTACHMENT_NOT_FOUND", "Attachment data not found"))
    if errors:
        raise DiscordError(400, INVALID_FORM_BODY, "Invalid Form Body", errors)
    return result


def _attachment(channel_id: int, upload: Upload, description: object, files: dict[int, bytes]) -> Payload:
    attachment_id = snowflake()
    files[attachment_id] = upload.data
    url = f"https://cdn.discordapp.com/attachments/{channel_id}/{attachment_id}/{upload.filename}"
    payload: Payload = {
        "id": str(attachment_id),
        "filename": upload.filename,
        "size": len(upload.data),
        "url": url,
        "proxy_url": url.replace("cdn.discordapp.com", "media.discordapp.net"),
        "content_type": upload.content_type,
    }
    if isinstance(description, str):
        payload["description"] = description
    return payload
