"""A local Discord sandbox: a gateway and REST API the real discord.py client talks to, for tests and play."""
