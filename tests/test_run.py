"""`python -m bot run` as the container runs it: where it connects, what its health check says, when it exits."""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path

from bot.app import EXIT_DISCONNECTED
from bot.health import is_healthy
from bot.sandbox.server import Sandbox
from tests.conftest import PROJECT


def settings_file(tmp_path: Path, sources: Path, guild_id: int, **extra: object) -> Path:
    config = tmp_path / "bot.yaml"
    lines = [f"sources: {sources}", f"data_dir: {tmp_path / 'data'}", f"topics: {PROJECT / 'config' / 'topics.yaml'}"]
    lines += [f"dev_guilds: [{guild_id}]", *(f"{key}: {value}" for key, value in extra.items())]
    config.write_text("\n".join(lines) + "\n")
    return config


async def start(config: Path, token: str, sandbox: str | None = None, **env: str) -> asyncio.subprocess.Process:
    """`python -m bot run`, or the same command line connected to the sandbox at `sandbox`."""
    environment = {**os.environ, "PYTHONPATH": str(PROJECT), "DISCORD_TOKEN": token, **env}
    program = ["-m", "bot.sandbox.run_bot", sandbox] if sandbox else ["-m", "bot"]
    return await asyncio.create_subprocess_exec(
        sys.executable,
        *program,
        "run",
        "--config",
        str(config),
        cwd=PROJECT,
        env=environment,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )


async def until(condition, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.1)


async def test_a_bot_cut_off_from_discord_is_unhealthy_and_exits_for_its_restart_policy(tmp_path, private_seeds):
    sandbox = Sandbox()
    await sandbox.start()
    guild = sandbox.add_guild("Study Group", ["study"])
    config = settings_file(tmp_path, private_seeds, guild.id, disconnected_exit_seconds=5)
    process = await start(config, sandbox.token, sandbox.base_url)
    data = tmp_path / "data"
    try:
        await until(lambda: is_healthy(data, time.time()), 60)
        # connected, it reads its library for meaning in a process of its own (search by words meanwhile):
        # 13 s for the whole test on an idle machine, past 90 s once with both cores kept busy and another
        # test's bots beside it, so the wait is long; it is no measure of speed
        await until((private_seeds / ".studybot-index" / "meaning.npz").exists, 300)
        await sandbox.gateway.outage()
        await until(lambda: not is_healthy(data, time.time()), 10)
        # The bot decides to exit 5 s into the outage and does so at once, not after discord.py's reconnect
        # back-off sleep (a random wait of up to 16 s by then, past 30 s on a busy machine).
        code = await asyncio.wait_for(process.wait(), 20)
    finally:
        if process.returncode is None:
            process.kill()
        await sandbox.stop()
    assert code == EXIT_DISCONNECTED
    assert not is_healthy(data, time.time())


async def test_the_production_run_never_connects_to_a_sandbox(tmp_path, private_seeds):
    sandbox = Sandbox()
    await sandbox.start()
    guild = sandbox.add_guild("Study Group", ["study"])
    config = settings_file(tmp_path, private_seeds, guild.id)
    # The variable earlier versions honoured: a stray one must not send the token anywhere but Discord.
    process = await start(config, sandbox.token, STUDYBOT_SANDBOX_URL=sandbox.base_url)
    try:
        # Here Discord is out of reach (or refuses the sandbox's token), and the bot ends plainly; where the
        # network only hangs, it is still trying after 20 s, and the sandbox must have heard nothing either way.
        _, err = await asyncio.wait_for(process.communicate(), 20)
    except TimeoutError:
        err = None
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
        await sandbox.stop()
    assert sandbox.requests == 0 and sandbox.gateway.stats.connections == 0
    if err is not None:
        assert process.returncode in (2, EXIT_DISCONNECTED) and b"Traceback" not in err, err.decode()
        assert sandbox.token.encode() not in err
