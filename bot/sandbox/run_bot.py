"""The bot's own command line, connected to a sandbox instead of Discord: how tests and benchmarks run
the real bot process offline. The production `python -m bot run` knows nothing of sandboxes.

    python -m bot.sandbox.run_bot URL run --config FILE

Only ever from a command line: the token goes to URL over plain HTTP, so nothing in the environment or
a settings file can point a real bot here.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from bot import __main__ as cli
from bot.sandbox.server import point_discord_at_url


def main(argv: Sequence[str]) -> int:
    if len(argv) < 2 or not argv[0].startswith(("http://", "https://")):
        print("usage: python -m bot.sandbox.run_bot URL COMMAND [OPTIONS]", file=sys.stderr)
        return 2
    print(f"Connecting to the sandbox at {argv[0]}, not to Discord.", file=sys.stderr)
    point_discord_at_url(argv[0])
    return cli.main(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
