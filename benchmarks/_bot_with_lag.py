"""The bot connected to a sandbox (`bot.sandbox.run_bot`), with the load test's event-loop watch added:
writes its lateness figures, and how many questions its engine workers answered, on exit.

Used by `load_test.py --bot-process`, so the bot's event loop is measured alone on its own core.
Usage: python benchmarks/_bot_with_lag.py REPORT.json SANDBOX_URL run --config bot.yaml
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "benchmarks"))

from load_test import LoopLag  # noqa: E402

from bot.app import StudyBot  # noqa: E402
from bot.sandbox import run_bot  # noqa: E402

lag = LoopLag()
setup_hook, close = StudyBot.setup_hook, StudyBot.close


async def watched_setup(self: StudyBot) -> None:
    await setup_hook(self)
    lag.start()


closing: list[StudyBot] = []  # closing runs once, whoever asks for it first (a signal, then the run's end)


async def reported_close(self: StudyBot) -> None:
    first = not closing
    closing.append(self)
    if first:
        workers = self.engine_workers
        answered = {"workers": workers.processes, "by_workers": workers.answered_by_workers}
        report = {"lags": lag.stop(), **answered, "in_threads": workers.answered_in_threads}
        Path(sys.argv[1]).write_text(json.dumps(report))
    await close(self)


if __name__ == "__main__":  # the engine workers, spawned, import this module again
    StudyBot.setup_hook = watched_setup
    StudyBot.close = reported_close
    sys.exit(run_bot.main(sys.argv[2:]))
