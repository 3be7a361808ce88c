"""Whether a running bot is connected to Discord: the heartbeat file it keeps, and the check that reads it.

The bot writes `{"connected": ..., "at": ...}` to `<data_dir>/heartbeat` whenever its gateway session
comes up or goes down, and every 30 seconds in between. `python -m bot health` (the container's health
check) is healthy only while that file is fresh and says connected.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

HEARTBEAT_SECONDS = 30
HEARTBEAT_STALE_SECONDS = 120


def heartbeat_file(data_dir: Path) -> Path:
    return data_dir / "heartbeat"


def write_heartbeat(data_dir: Path, *, connected: bool, now: float) -> None:
    """Replace the file in one step, so the check never reads half of it."""
    target = heartbeat_file(data_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}")
    partial.write_text(json.dumps({"connected": connected, "at": round(now, 3)}) + "\n")
    partial.replace(target)


def is_healthy(data_dir: Path, now: float) -> bool:
    """A bot wrote its heartbeat recently and was connected when it did."""
    try:
        beat = json.loads(heartbeat_file(data_dir).read_text())
    except (OSError, ValueError):
        return False
    if not isinstance(beat, dict) or beat.get("connected") is not True:
        return False
    at = beat.get("at")
    return isinstance(at, int | float) and now - at < HEARTBEAT_STALE_SECONDS
