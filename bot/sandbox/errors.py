"""Discord's error answers: a status, a JSON error code, and for a bad body the nested `errors` object.

A refused form body is `400 {"code": 50035, "message": "Invalid Form Body", "errors": {...}}`, where
`errors` mirrors the body: `{"embeds": {"0": {"description": {"_errors": [{"code", "message"}]}}}}`
(https://discord.com/developers/docs/reference#error-messages).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

Errors = dict[str, Any]
INVALID_FORM_BODY = 50035


class DiscordError(Exception):
    def __init__(self, status: int, code: int, message: str, errors: Errors | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.errors = status, code, message, errors


def field_error(path: Sequence[str | int], code: str, message: str) -> Errors:
    """One error at `path` in the body, in Discord's nested shape."""
    node: Errors = {"_errors": [{"code": code, "message": message}]}
    for key in reversed(path):
        node = {str(key): node}
    return node


def merge(into: Errors, found: Errors) -> Errors:
    """Add the errors of `found` to `into`, joining the lists where both name the same field."""
    for key, value in found.items():
        if key == "_errors":
            into.setdefault("_errors", []).extend(value)
        else:
            merge(into.setdefault(key, {}), value)
    return into


def invalid_form_body(errors: Errors) -> DiscordError:
    return DiscordError(400, INVALID_FORM_BODY, "Invalid Form Body", errors)
