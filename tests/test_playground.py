"""The playground as a person uses it: a real process, typed lines on stdin, the answers on stdout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import PROJECT
from tests.test_cli import run

SCRIPT = """\
help
/about
/search query:sanctions
press 2
as sam press 1
as sam /search query:famine
/search query:zzzqqq
/nope
/quiz leaderboard period:all
/quiz start seconds:1
/daily set channel:general time:09:00 timezone:UTC
/daily set time:09:00
/quiz start questions:1 seconds:5
type 40
press 1
as sam press 2
wait 7
/daily set channel:study time:09:00 timezone:Europe/Berlin
/daily set channel:study time:09:00 timezone:UTC post:both
/daily preview
/quiz start questions:1 seconds:5 thread:maybe
as sam /quiz start questions:1 seconds:5 thread:true
press 1
wait 7
quit
"""


def play(script: str, sources: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`python -m bot play` with the lines of `script` typed in, and no token in the environment."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    env.pop("DISCORD_TOKEN", None)
    return subprocess.run(
        [sys.executable, "-m", "bot", "play", "--sources", str(sources)],
        input=script,
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_playground_drives_the_real_bot_through_the_sandbox(private_seeds):
    result = play(SCRIPT, private_seeds)
    out = result.stdout
    assert result.returncode == 0, result.stderr
    assert "local Discord sandbox with the real bot, offline" in out
    assert "/search query:prison camps" in out  # the help text
    assert "2 documents, 86 sentences" in out  # /about
    assert "Page 1 of 4" in out and "[2] Next ▶" in out
    assert "Page 2 of 4" in out and "  ┃ 4." in out  # pressed Next
    assert "(only you can see this)" in out and "Only the member who asked can turn these pages" in out
    assert "10.7 million North Koreans" in out  # sam's search
    assert "Nothing in the sources matches" in out
    assert "Discord would not let you: /nope is not a command here" in out
    # Values Discord's client never sends are refused as the client refuses them, and the session goes on.
    assert "Discord would not let you: period: pick one of ['season', 'week', 'month', 'all time']" in out
    assert "Discord would not let you: seconds: enter a number between 5 and 120" in out
    assert "Discord would not let you: no channel #general; this server has #study" in out
    assert "Discord would not let you: channel, timezone is required" in out
    assert "Question 1 of 1" in out
    assert "No form is open: press a question's “Type it” button first." in out
    assert "(only you can see this)\n  Right!" in out or "(only you can see this)\n  Not this time" in out
    assert "Final standings" in out and "@you" in out  # mentions shown by name
    assert "Daily fact set: #study at 09:00 Europe/Berlin" in out
    assert "Daily fact and question set: #study at 09:00 UTC" in out
    assert "Next daily fact" in out and "Next daily question: " in out  # the preview's one message
    assert "Discord would not let you: thread: choose true or false" in out
    assert "started a quiz of 1 question: answer in its thread" in out
    # Its question shows from the thread and is answered there with `press 1`.
    assert "studybot ›  (in the thread “Quiz”)\n  ┃ Question 1 of 1" in out
    assert out.rstrip().endswith("Bye.")
    assert "Traceback" not in result.stderr


def test_run_without_a_token_says_how_to_get_one_and_points_to_the_playground(private_seeds, monkeypatch):
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    result = run("run", "--sources", str(private_seeds))
    assert result.returncode == 2
    assert "DISCORD_TOKEN" in result.stderr and "python -m bot play" in result.stderr
    assert "Traceback" not in result.stderr


def test_playground_adds_a_file_to_the_servers_library_and_searches_it(private_seeds):
    pdf = PROJECT / "tests" / "evaluation" / "documents" / "AER.pdf"
    result = play(
        # until the progress message turns into the result: library work runs at a lower priority, and a suite
        # run on busy cores gives it little
        f"/source add file:{pdf}\nwait for Source added\n/search query:econometrics regression\n/source list\nquit\n",
        private_seeds,
        timeout=300,
    )
    out = result.stdout
    assert result.returncode == 0, result.stderr
    assert "Fetching AER.pdf…" in out
    assert "(updated)" in out and "Source added" in out  # the progress message turned into the result
    title = "Applied Econometrics with R"
    assert out.count(title) >= 3, out  # in the result, in the search (with a page), in the list
    assert "p. 1" in out and "1 source added by this server" in out
    assert "Traceback" not in result.stderr
