"""The content engine is plain Python: it must import and answer with discord made unimportable."""

import subprocess
import sys

from tests.conftest import PROJECT

SCRIPT = """
import sys
sys.modules["discord"] = None  # any `import discord` now fails
import bot.content.engine, bot.content.quiz, bot.content.facts, bot.content.summary, bot.render.text
print("ok")
"""


def test_content_engine_never_imports_discord():
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
