"""Discord's rules that its OpenAPI spec cannot express, each with where Discord's documentation states it.

The spec (checked in `openapi.py`) knows per-field limits; these rules look across fields: the total
size of a message's embeds, custom ids unique within a message, what a legacy message may hold, which
callback answers which interaction, and the stricter numbers the documentation gives where the spec
is looser (Discord asks that the docs win where the two disagree).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from bot.sandbox.errors import DiscordError, Errors, field_error, merge

DOCS = "https://discord.com/developers/docs"

# {DOCS}/resources/message#create-message-jsonform-params: "Message contents (up to 2000 characters)";
# the spec allows 4,000 (the limit for some users, not for bots).
CONTENT_LIMIT = 2000
# {DOCS}/resources/message#embed-object-embed-limits: the title, description, field names and values,
# footer text and author name of all embeds in a message together "must not exceed 6000 characters".
EMBEDS_TOTAL_LIMIT = 6000
# {DOCS}/components/reference#legacy-message-component-behavior: "Legacy messages allow up to 5 action
# rows as top-level components" (a message without the IS_COMPONENTS_V2 flag, like every one this bot sends).
LEGACY_ACTION_ROWS = 5
IS_COMPONENTS_V2 = 1 << 15
ACTION_ROW = 1
# {DOCS}/interactions/application-commands#application-command-object-application-command-option-choice-structure:
# a choice's value is "up to 100 characters if string"; the spec allows 6,000.
CHOICE_VALUE_LIMIT = 100

# {DOCS}/interactions/receiving-and-responding#interaction-response-object-interaction-callback-type:
# DEFERRED_UPDATE_MESSAGE (6) and UPDATE_MESSAGE (7) are "only valid for component-based interactions",
# autocomplete is answered only with APPLICATION_COMMAND_AUTOCOMPLETE_RESULT (8), and MODAL (9) is "not
# available for MODAL_SUBMIT and PING interactions".
PING, APPLICATION_COMMAND, MESSAGE_COMPONENT, AUTOCOMPLETE, MODAL_SUBMIT = 1, 2, 3, 4, 5
CALLBACKS_FOR: dict[int, frozenset[int]] = {
    PING: frozenset({1}),
    APPLICATION_COMMAND: frozenset({4, 5, 9}),
    MESSAGE_COMPONENT: frozenset({4, 5, 6, 7, 9}),
    AUTOCOMPLETE: frozenset({8}),
    MODAL_SUBMIT: frozenset({4, 5, 6, 7}),
}


def message_errors(body: dict[str, Any]) -> Errors:
    """What Discord refuses in a message body (a send, an edit, or an interaction's message) beyond the spec."""
    errors: Errors = {}
    content = body.get("content")
    if isinstance(content, str) and len(content) > CONTENT_LIMIT:
        merge(errors, field_error(["content"], "BASE_TYPE_MAX_LENGTH", f"Must be {CONTENT_LIMIT} or fewer in length."))
    embeds = body.get("embeds") or []
    if isinstance(embeds, list) and embeds_size(embeds) > EMBEDS_TOTAL_LIMIT:
        # Discord's answer, as bots receive it: {"embeds": {"_errors": [{"code": "MAX_EMBED_SIZE_EXCEEDED", ...}]}}
        merge(
            errors,
            field_error(
                ["embeds"], "MAX_EMBED_SIZE_EXCEEDED", f"Embed size exceeds maximum size of {EMBEDS_TOTAL_LIMIT}"
            ),
        )
    components = body.get("components") or []
    if isinstance(components, list):
        merge(errors, _component_errors(components, int(body.get("flags") or 0)))
    return errors


def embeds_size(embeds: list[Any]) -> int:
    """The characters Discord counts towards the 6,000 of a message's embeds."""
    total = 0
    for embed in embeds:
        if not isinstance(embed, dict):
            continue
        texts = [embed.get("title"), embed.get("description"), (embed.get("footer") or {}).get("text")]
        texts.append((embed.get("author") or {}).get("name"))
        for field in embed.get("fields") or []:
            if isinstance(field, dict):
                texts += [field.get("name"), field.get("value")]
        total += sum(len(text) for text in texts if isinstance(text, str))
    return total


def _component_errors(components: list[Any], flags: int) -> Errors:
    errors: Errors = {}
    if not flags & IS_COMPONENTS_V2:
        if len(components) > LEGACY_ACTION_ROWS:
            merge(
                errors,
                field_error(
                    ["components"], "BASE_TYPE_MAX_LENGTH", f"Must be {LEGACY_ACTION_ROWS} or fewer in length."
                ),
            )
        for index, row in enumerate(components):
            if isinstance(row, dict) and row.get("type") != ACTION_ROW:
                merge(
                    errors,
                    field_error(["components", index, "type"], "BASE_TYPE_CHOICES", "Value must be one of {1}."),
                )
    # {DOCS}/components/reference#anatomy-of-a-component-custom-id: "Multiple components on the same
    # message must not share the same custom_id" (disabled ones included).
    seen: set[str] = set()
    for path, custom_id in _custom_ids(components, ["components"]):
        if custom_id in seen:
            merge(
                errors,
                field_error(
                    [*path, "custom_id"], "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated"
                ),
            )
        seen.add(custom_id)
    return errors


def _custom_ids(components: list[Any], path: list[str | int]) -> Iterator[tuple[list[str | int], str]]:
    for index, component in enumerate(components):
        if not isinstance(component, dict):
            continue
        if isinstance(component.get("custom_id"), str):
            yield [*path, index], component["custom_id"]
        for key in ("components", "accessory"):
            inner = component.get(key)
            if isinstance(inner, dict):
                inner = [inner]
            if isinstance(inner, list):
                yield from _custom_ids(inner, [*path, index, key])


def is_empty_message(message: dict[str, Any]) -> bool:
    """Nothing a member would see: {DOCS}/topics/opcodes-and-status-codes#json 50006 "Cannot send an empty
    message". Content of only whitespace counts as none."""
    content = message.get("content")
    has_content = isinstance(content, str) and content.strip() != ""
    keys = ("embeds", "components", "attachments", "sticker_ids", "poll", "files")
    return not has_content and not any(message.get(key) for key in keys)


def empty_message() -> DiscordError:
    return DiscordError(400, 50006, "Cannot send an empty message")


def callback_type_errors(interaction_type: int, callback_type: object) -> Errors:
    allowed = CALLBACKS_FOR.get(interaction_type, frozenset())
    if callback_type in allowed:
        return {}
    return field_error(["type"], "BASE_TYPE_CHOICES", f"Value must be one of {set(sorted(allowed))}.")


def choice_value_errors(choices: list[Any], path: list[str | int]) -> Errors:
    """String choice values over 100 characters, in a command's options or an autocomplete answer."""
    errors: Errors = {}
    for index, choice in enumerate(choices):
        value = choice.get("value") if isinstance(choice, dict) else None
        if isinstance(value, str) and len(value) > CHOICE_VALUE_LIMIT:
            message = f"Must be {CHOICE_VALUE_LIMIT} or fewer in length."
            merge(errors, field_error([*path, index, "value"], "BASE_TYPE_MAX_LENGTH", message))
    return errors
