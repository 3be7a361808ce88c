"""Faults a test can switch on in the sandbox's REST API: errors, rate limits and slow answers on a route."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(slots=True)
class HttpFault:
    pattern: re.Pattern[str]
    method: str | None
    status: int
    times: int | None
    retry_after: float
    delay: float
    after: bool = False

    def matches(self, method: str, path: str) -> bool:
        return (self.method is None or self.method == method) and self.pattern.search(path) is not None


class Faults:
    """Rules matched against `METHOD /path` (the path after /api/v10); the first live rule applies."""

    def __init__(self) -> None:
        self._rules: list[HttpFault] = []
        self.injected: list[tuple[str, str, int]] = []

    def error(
        self,
        path: str,
        status: int,
        *,
        method: str | None = None,
        times: int | None = 1,
        retry_after: float = 0.2,
        after: bool = False,
    ) -> None:
        """Answer requests to `path` (a regex) with `status`: 429 carries a retry-after, 5xx an error body.

        With `after`, the request is carried out first and only its answer is lost, as when Discord
        creates a message and then fails with a 5xx: a client that retries blindly posts it twice.
        """
        self._rules.append(HttpFault(re.compile(path), method, status, times, retry_after, 0.0, after))

    def slow(self, path: str, seconds: float, *, method: str | None = None, times: int | None = None) -> None:
        self._rules.append(HttpFault(re.compile(path), method, 0, times, 0.0, seconds))

    def clear(self) -> None:
        self._rules.clear()

    def take(self, method: str, path: str) -> HttpFault | None:
        for rule in self._rules:
            if rule.matches(method, path):
                if rule.times is not None:
                    rule.times -= 1
                    if rule.times <= 0:
                        self._rules.remove(rule)
                if rule.status:
                    self.injected.append((method, path, rule.status))
                return rule
        return None
