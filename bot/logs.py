"""Logging set up for the bot: one format, and interaction tokens kept out of every record.

discord.py logs at DEBUG the URLs it calls (`/interactions/{id}/{token}/callback`, `/webhooks/{app}/
{token}/...`) and the gateway events it receives, each interaction's `token` included. A token lets
anyone answer as the bot for 15 minutes, so every record from discord.py is redacted as it is made,
whichever handler later writes it.
"""

from __future__ import annotations

import logging
import re
from typing import Any

_TOKEN_IN_URL = re.compile(r"(/(?:interactions|webhooks)/\d+/)[\w.-]+")
_TOKEN_IN_PAYLOAD = re.compile(r"""(['"]token['"]\s*:\s*['"])[^'"]+""")
REDACTED = "[redacted]"


def redact(text: str) -> str:
    return _TOKEN_IN_PAYLOAD.sub(rf"\g<1>{REDACTED}", _TOKEN_IN_URL.sub(rf"\g<1>{REDACTED}", text))


def keep_tokens_out_of_logs() -> None:
    """Install the redaction for discord.py's records (once per process, whoever calls it first)."""
    current = logging.getLogRecordFactory()
    if getattr(current, "redacts_tokens", False):
        return

    def make_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = current(*args, **kwargs)
        if record.name.startswith("discord"):
            message = record.getMessage()
            cleaned = redact(message)
            if cleaned != message:
                record.msg, record.args = cleaned, None
        return record

    make_record.redacts_tokens = True
    logging.setLogRecordFactory(make_record)


def configure_logging(level: str) -> None:
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    # trafilatura warns of every page it finds little in; the build names a page it cannot use itself.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    keep_tokens_out_of_logs()
