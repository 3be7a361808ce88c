"""The bot connected to a sandbox (`bot.sandbox.run_bot`), with the load test's event-loop watch added:
writes its lateness figures on exit.

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

report = Path(sys.argv[1])
lag = LoopLag()
setup_hook, close = StudyBot.setup_hook, StudyBot.close


async def watched_setup(self: StudyBot) -> None:
    await setup_hook(self)
    lag.start()


async def reported_close(self: StudyBot) -> None:
    report.write_text(json.dumps(lag.stop()))
    await close(self)


StudyBot.setup_hook = watched_setup
StudyBot.close = reported_close
sys.exit(run_bot.main(sys.argv[2:]))
