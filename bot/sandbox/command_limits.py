"""Application command rules on sync that Discord's OpenAPI spec cannot express, with Discord's error shape.

Lengths and counts of names, descriptions, options and choices come from the spec (`openapi.py`).
These are the rest, from https://discord.com/developers/docs/interactions/application-commands (the
section of each is named beside its rule): the name pattern, a slash command's required description,
required options before optional ones, subcommands only at the top two levels and never mixed with
plain options, unique names, at most 100 slash commands, string choice values of at most 100
characters, autocomplete not with choices, and 8,000 characters per command.
"""

from __future__ import annotations

import re
from typing import Any

from bot.sandbox.errors import Errors, field_error, merge
from bot.sandbox.limits import choice_value_errors

# application-commands#application-command-object-application-command-naming: 1-32 characters of
# letters, digits, `-` and `_`; lowercase wherever a letter has a lowercase form.
_NAME = re.compile(r"^[-_\w]{1,32}$")
_SUBCOMMAND, _GROUP = 1, 2
_CHAT_INPUT = 1
# application-commands#registering-a-command: "up to 100 CHAT_INPUT commands".
_MAX_SLASH_COMMANDS = 100
# application-commands#application-command-object-application-command-structure: "a maximum of 8000
# characters for combined name, description, and value properties for each command, its options
# (including subcommands and groups), and choices".
_MAX_COMMAND_SIZE = 8000


def validate_commands(commands: object) -> Errors:
    """Discord's nested `errors` object for a bulk overwrite; empty when every command is valid."""
    if not isinstance(commands, list):
        return {}  # the spec's check reports the type
    errors: Errors = {}
    slash = [c for c in commands if isinstance(c, dict) and c.get("type", _CHAT_INPUT) == _CHAT_INPUT]
    if len(slash) > _MAX_SLASH_COMMANDS:
        merge(errors, field_error([], "APPLICATION_COMMANDS_TOO_MANY", f"Maximum number of {_MAX_SLASH_COMMANDS}"))
    names: set[tuple[int, str]] = set()
    for index, command in enumerate(commands):
        if not isinstance(command, dict):
            continue
        kind = command.get("type", _CHAT_INPUT)
        found: Errors = _name_errors(command.get("name"), lowercase=kind == _CHAT_INPUT)
        if kind == _CHAT_INPUT:
            if not isinstance(command.get("description"), str) or not command["description"]:
                merge(found, field_error(["description"], "BASE_TYPE_REQUIRED", "This field is required"))
            merge(found, _nested(["options"], _option_errors(command.get("options") or [], 0)))
            if _size(command) > _MAX_COMMAND_SIZE:
                merge(
                    found,
                    field_error(
                        [], "APPLICATION_COMMAND_TOO_LARGE", f"Command exceeds maximum size ({_MAX_COMMAND_SIZE})"
                    ),
                )
        key = (kind, str(command.get("name")))
        if key in names:
            merge(
                found,
                field_error(
                    ["name"], "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique"
                ),
            )
        names.add(key)
        merge(errors, _nested([index], found))
    return errors


def _nested(path: list[str | int], found: Errors) -> Errors:
    for key in reversed(path):
        found = {str(key): found} if found else {}
    return found


def _name_errors(name: object, lowercase: bool) -> Errors:
    if not isinstance(name, str) or not _NAME.match(name) or (lowercase and name != name.lower()):
        return field_error(["name"], "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
    return {}


def _option_errors(options: list[Any], depth: int) -> Errors:
    errors: Errors = {}
    seen: set[str] = set()
    optional_seen = False
    for index, option in enumerate(options):
        if not isinstance(option, dict):
            continue
        found = _name_errors(option.get("name"), lowercase=True)
        kind = option.get("type")
        if kind in (_SUBCOMMAND, _GROUP):
            # A group holds subcommands and a subcommand holds options: two levels at most.
            if depth >= 2 or (kind == _GROUP and depth >= 1):
                merge(
                    found, field_error(["type"], "APPLICATION_COMMAND_SUBCOMMAND_NESTING", "Subcommands nest too deep.")
                )
            merge(found, _nested(["options"], _option_errors(option.get("options") or [], depth + 1)))
        else:
            if option.get("required") and optional_seen:
                message = "Required options must be placed before non-required options"
                merge(found, field_error(["required"], "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", message))
            optional_seen = optional_seen or not option.get("required")
            merge(found, _choice_errors(option))
        if option.get("name") in seen:
            merge(found, field_error(["name"], "APPLICATION_COMMAND_DUPLICATE_NAME", "Option names must be unique"))
        seen.add(str(option.get("name")))
        merge(errors, _nested([index], found))
    kinds = {o.get("type") for o in options if isinstance(o, dict)}
    if kinds & {_SUBCOMMAND, _GROUP} and kinds - {_SUBCOMMAND, _GROUP}:
        message = "Subcommands cannot mix with options"
        merge(errors, field_error([], "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", message))
    return errors


def _choice_errors(option: dict[str, Any]) -> Errors:
    found: Errors = {}
    choices = option.get("choices") or []
    if choices and option.get("autocomplete"):
        message = "Autocomplete cannot be used with choices"
        merge(found, field_error(["autocomplete"], "APPLICATION_COMMAND_AUTOCOMPLETE_CHOICES", message))
    return merge(found, choice_value_errors(choices, ["choices"]))


def _size(node: dict[str, Any]) -> int:
    """Characters of names, descriptions and values, the longest localisation counting for each field."""
    total = 0
    for key in ("name", "description"):
        variants = [node.get(key), *((node.get(f"{key}_localizations") or {}).values())]
        total += max((len(str(v)) for v in variants if v is not None), default=0)
    if "value" in node:
        total += len(str(node["value"]))
    for child in [*(node.get("options") or []), *(node.get("choices") or [])]:
        if isinstance(child, dict):
            total += _size(child)
    return total
