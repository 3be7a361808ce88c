"""Validate application commands on sync the way Discord does, with Discord's error shape (code 50035).

The rules are those Discord documents for application commands: names of 1-32 lowercase word
characters or dashes, descriptions of 1-100 characters, at most 25 options and 25 choices, required
options before optional ones, subcommands only at the top two levels, at most 100 slash commands.
"""

from __future__ import annotations

import re
from typing import Any

_NAME = re.compile(r"^[-_\w]{1,32}$")
_OPTION_TYPES = range(1, 12)
_SUBCOMMAND, _GROUP = 1, 2
_CHOICE_TYPES = (3, 4, 10)
_MAX_COMMANDS = 100
_MAX_OPTIONS = 25
_MAX_CHOICES = 25

Errors = dict[str, Any]


def _error(code: str, message: str) -> Errors:
    return {"_errors": [{"code": code, "message": message}]}


def _merge(errors: Errors, key: str, found: Errors) -> None:
    if found:
        errors.setdefault(key, {}).update(found)


def _check_name(name: object, lowercase: bool) -> Errors:
    if not isinstance(name, str) or not _NAME.match(name) or (lowercase and name != name.lower()):
        return {"name": _error("APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")}
    return {}


def _check_description(description: object) -> Errors:
    if not isinstance(description, str) or not 1 <= len(description) <= 100:
        return {"description": _error("BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")}
    return {}


def _check_options(options: list[dict[str, Any]], depth: int) -> Errors:
    errors: Errors = {}
    if len(options) > _MAX_OPTIONS:
        return _error("BASE_TYPE_MAX_LENGTH", f"Must be {_MAX_OPTIONS} or fewer in length.")
    seen: set[str] = set()
    optional_seen = False
    for index, option in enumerate(options):
        found: Errors = {
            **_check_name(option.get("name"), True),
            **_check_description(option.get("description")),
        }
        kind = option.get("type")
        if kind not in _OPTION_TYPES:
            found["type"] = _error("BASE_TYPE_CHOICES", f"Value must be one of {list(_OPTION_TYPES)}.")
        elif kind in (_SUBCOMMAND, _GROUP):
            if depth >= 2 or (kind == _GROUP and depth >= 1):
                found["type"] = _error("APPLICATION_COMMAND_SUBCOMMAND_NESTING", "Subcommands nest too deep.")
            _merge(found, "options", _check_options(option.get("options") or [], depth + 1))
        else:
            if option.get("required"):
                if optional_seen:
                    found["required"] = _error(
                        "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                        "Required options must be placed before non-required options",
                    )
            else:
                optional_seen = True
            choices = option.get("choices") or []
            if len(choices) > _MAX_CHOICES:
                found["choices"] = _error("BASE_TYPE_MAX_LENGTH", f"Must be {_MAX_CHOICES} or fewer in length.")
            if choices and kind not in _CHOICE_TYPES:
                found["choices"] = _error("APPLICATION_COMMAND_OPTION_CHOICES_INVALID", "Choices not allowed here")
            if choices and option.get("autocomplete"):
                found["autocomplete"] = _error(
                    "APPLICATION_COMMAND_AUTOCOMPLETE_CHOICES", "Autocomplete cannot be used with choices"
                )
            for ci, choice in enumerate(choices):
                name = choice.get("name")
                if not isinstance(name, str) or not 1 <= len(name) <= 100:
                    _merge(
                        found,
                        "choices",
                        {str(ci): {"name": _error("BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")}},
                    )
        if option.get("name") in seen:
            found["name"] = _error("APPLICATION_COMMAND_DUPLICATE_NAME", "Option names must be unique")
        seen.add(str(option.get("name")))
        if found:
            errors[str(index)] = found
    if depth == 0 or depth == 1:
        kinds = {o.get("type") for o in options}
        if kinds & {_SUBCOMMAND, _GROUP} and kinds - {_SUBCOMMAND, _GROUP}:
            errors.setdefault("_errors", []).append(
                {
                    "code": "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
                    "message": "Subcommands cannot mix with options",
                }
            )
    return errors


def validate_commands(commands: object) -> Errors:
    """Discord's nested `errors` object for a bulk overwrite; empty when every command is valid."""
    if not isinstance(commands, list):
        return _error("MODEL_TYPE_CONVERT", "Only iterables may be used in a ListType")
    errors: Errors = {}
    slash = [c for c in commands if isinstance(c, dict) and c.get("type", 1) == 1]
    if len(slash) > _MAX_COMMANDS:
        errors.update(_error("APPLICATION_COMMANDS_TOO_MANY", f"Maximum number of {_MAX_COMMANDS} commands"))
    names: set[tuple[int, str]] = set()
    for index, command in enumerate(commands):
        if not isinstance(command, dict):
            errors[str(index)] = _error("MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType")
            continue
        kind = command.get("type", 1)
        found: Errors = _check_name(command.get("name"), lowercase=kind == 1)
        if kind == 1:
            found.update(_check_description(command.get("description")))
            _merge(found, "options", _check_options(command.get("options") or [], 0))
        key = (kind, str(command.get("name")))
        if key in names:
            found["name"] = _error("APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique")
        names.add(key)
        if found:
            errors[str(index)] = found
    return errors
