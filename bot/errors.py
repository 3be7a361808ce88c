"""Errors a user can cause, raised by every layer (config, content engine, storage) as typed exceptions and
rendered once at each edge: the CLI prints them, the bot's app-command error handler answers with them.

Each error carries what went wrong and, apart, a hint at what to try instead. Hints name commands the
way the CLI spells them (`topics`); the Discord edge writes them as slash commands.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError


class StudybotError(Exception):
    """Something the user can fix: the message says what, the hint how."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()

    def __reduce__(self) -> tuple[object, ...]:
        # Raised in an engine worker process, it crosses to the bot's as it was: pickle's default would call
        # the class with the message alone (losing the hint, or failing for a subclass that takes other args).
        return (_rebuilt, (type(self), self.message, self.__dict__))


class ConfigError(StudybotError):
    """A configuration or sidecar file that cannot be used; the message names the file and the field."""

    @classmethod
    def from_validation(cls, path: Path | str, error: ValidationError) -> ConfigError:
        problems = [
            f"{path}: field '{'.'.join(str(p) for p in e['loc']) or '(top level)'}': {e['msg']}" for e in error.errors()
        ]
        return cls("\n".join(problems))


class InputError(StudybotError):
    """A question, claim or option the engine cannot take as given."""


class UnknownTopicError(InputError):
    def __init__(self, topic: str, suggestions: list[str]) -> None:
        hint = f"Try one of: {', '.join(suggestions)}." if suggestions else "List them with `topics`."
        super().__init__(f"No topic called '{topic}'.", hint)
        self.topic = topic
        self.suggestions = suggestions


class NothingFoundError(StudybotError):
    """The sources hold nothing that answers the request."""


class RefusedError(StudybotError):
    """A command the bot will not carry out as asked: a quiz already running, a permission missing."""


def _rebuilt(kind: type[StudybotError], message: str, state: dict[str, object]) -> StudybotError:
    error = kind.__new__(kind)
    Exception.__init__(error, message)
    error.__dict__.update(state)
    return error
