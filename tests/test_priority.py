"""`lower_priority` lowers every thread of a process, the ones numpy started at import included."""

from __future__ import annotations

import importlib
import multiprocessing
import os
import threading
from multiprocessing.connection import Connection

import pytest

from bot.priority import lower_priority

NICER = 3


def _niceness_of_each_thread(connection: Connection) -> None:
    # Threads started before the priority is lowered, as OpenBLAS starts its own at numpy's import (as many
    # as the cores the process may use: one, where a test pinned it, so a thread of our own as well).
    importlib.import_module("numpy")
    done = threading.Event()
    waiting = threading.Thread(target=done.wait)
    waiting.start()
    lower_priority(NICER)
    connection.send([os.getpriority(os.PRIO_PROCESS, int(thread)) for thread in os.listdir("/proc/self/task")])
    connection.close()
    done.set()
    waiting.join()


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="the system does not list a process's threads")
def test_every_thread_of_a_child_that_imported_numpy_is_lowered():
    before = os.getpriority(os.PRIO_PROCESS, 0)
    receiving, sending = multiprocessing.get_context("spawn").Pipe(duplex=False)
    child = multiprocessing.get_context("spawn").Process(target=_niceness_of_each_thread, args=(sending,))
    child.start()
    sending.close()
    threads = receiving.recv()
    child.join(30)
    assert len(threads) >= 2
    assert all(niceness >= min(before + NICER, 19) for niceness in threads), threads
