"""`lower_priority` lowers every thread of a process, the ones numpy started at import included."""

from __future__ import annotations

import multiprocessing
import os
from multiprocessing.connection import Connection

import pytest

from bot.priority import lower_priority

NICER = 3


def _niceness_of_each_thread(connection: Connection) -> None:
    import numpy as np

    np.ones((64, 64)) @ np.ones((64, 64))  # OpenBLAS's threads exist, at the priority they started with
    lower_priority(NICER)
    connection.send([os.getpriority(os.PRIO_PROCESS, int(thread)) for thread in os.listdir("/proc/self/task")])
    connection.close()


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="the system does not list a process's threads")
def test_every_thread_of_a_child_that_imported_numpy_is_lowered():
    before = os.getpriority(os.PRIO_PROCESS, 0)
    receiving, sending = multiprocessing.get_context("spawn").Pipe(duplex=False)
    child = multiprocessing.get_context("spawn").Process(target=_niceness_of_each_thread, args=(sending,))
    child.start()
    sending.close()
    threads = receiving.recv()
    child.join(30)
    if len(threads) < 2:
        pytest.skip("numpy started no threads here (OPENBLAS_NUM_THREADS=1?)")
    assert all(niceness >= min(before + NICER, 19) for niceness in threads), threads
