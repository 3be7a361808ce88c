"""Errors a user can cause, raised as typed exceptions and rendered kindly at the edge (CLI, Discord)."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError


class StudybotError(Exception):
    """Something the user can fix; the message says what and how."""


class ConfigError(StudybotError):
    """A configuration file that cannot be used; the message names the file and the field."""

    @classmethod
    def from_validation(cls, path: Path, error: ValidationError) -> ConfigError:
        problems = [
            f"{path}: field '{'.'.join(str(p) for p in e['loc']) or '(top level)'}': {e['msg']}" for e in error.errors()
        ]
        return cls("\n".join(problems))


class InputError(StudybotError):
    """A question, claim or option the engine cannot take as given."""


class UnknownTopicError(InputError):
    def __init__(self, topic: str, suggestions: list[str]) -> None:
        hint = f" Try one of: {', '.join(suggestions)}." if suggestions else " List them with `topics`."
        super().__init__(f"No topic called '{topic}'.{hint}")
        self.topic = topic
        self.suggestions = suggestions


class NothingFoundError(StudybotError):
    """The sources hold nothing that answers the request."""
