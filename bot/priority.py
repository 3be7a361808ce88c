"""Lower the priority of a whole process, each of its threads.

On Linux a nice value belongs to a thread. A spawned child has imported numpy before its target runs, and
OpenBLAS starts its threads at import: `os.nice` in the target then leaves them at the bot's priority
(measured: the child's own thread at 5, OpenBLAS's at 0), so the child's matrix work competed with the
gateway's loop as if it had not been lowered.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

_THREADS = Path("/proc/self/task")


def lower_priority(niceness: int) -> None:
    """Make this process `niceness` nicer: the calling thread, threads it starts later, and every thread
    already running (where the system lists them; elsewhere the calling thread only)."""
    with contextlib.suppress(OSError):
        lowered = os.nice(niceness)
        for thread in _THREADS.iterdir():
            with contextlib.suppress(OSError, ValueError):
                if os.getpriority(os.PRIO_PROCESS, int(thread.name)) < lowered:
                    os.setpriority(os.PRIO_PROCESS, int(thread.name), lowered)
