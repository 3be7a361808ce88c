"""The member side: a person in a channel runs slash commands, clicks buttons, types into autocomplete.

Members send only what Discord's client lets them send: a value from an option's choices, a number
within its range, text within its lengths, every required option, a channel of the allowed types.
Anything else is refused here with `SandboxError`, worded as the client says it, and never reaches the
bot. Each action returns a `Reply` to read what the bot answered: the acknowledgement, the message
(with its edits), follow-ups, whether it was ephemeral.
"""

from __future__ import annotations

import asyncio
import mimetypes
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.sandbox.payloads import Payload
from bot.sandbox.permissions import VIEW_CHANNEL
from bot.sandbox.records import EPHEMERAL, LOADING, InteractionRecord, MessageRecord, SandboxGuild
from bot.sandbox.server import Sandbox
from bot.sandbox.uploads import ATTACHMENT_SIZE_LIMIT

_SNOWFLAKE = re.compile(r"[0-9]+")


def _is_snowflake(value: object) -> bool:
    """An id as Discord writes one: ASCII digits (str.isdigit() would also take "¹", which int() refuses)."""
    return _SNOWFLAKE.fullmatch(str(value)) is not None


APPLICATION_COMMAND, COMPONENT, AUTOCOMPLETE, MODAL_SUBMIT = 2, 3, 4, 5
TEXT_INPUT = 4
STRING_OPTION, INTEGER_OPTION, BOOLEAN_OPTION = 3, 4, 5
USER_OPTION, CHANNEL_OPTION, ROLE_OPTION, NUMBER_OPTION = 6, 7, 8, 10
# application-commands#application-command-object-application-command-option-type
ATTACHMENT_OPTION = 11


class SandboxError(Exception):
    """Something a member could not do in Discord either (a command that is not synced, a missing button)."""


@dataclass
class Reply:
    sandbox: Sandbox
    record: InteractionRecord

    async def wait(self, timeout: float = 5.0) -> Reply:
        """Until the bot has answered for good: acknowledged (Discord gives it 3 seconds) and, if it deferred,
        its "thinking…" message replaced by the answer."""
        await self.acknowledgement(timeout)

        def answered(reply: Reply) -> bool:
            record = reply.message_record
            return record is None or not record.payload["flags"] & LOADING

        return await self.wait_for(answered, timeout)

    async def acknowledgement(self, timeout: float = 5.0) -> Reply:
        """Until the bot acknowledges, whether with its answer or with "thinking…"."""
        await asyncio.wait_for(self.record.acknowledged.wait(), timeout)
        return self

    async def wait_for(self, predicate: Callable[[Reply], bool], timeout: float = 5.0) -> Reply:
        """Until `predicate(reply)` holds, as the bot edits and follows up."""

        async def poll() -> None:
            while not predicate(self):
                self.record.changed.clear()
                await self.record.changed.wait()

        await asyncio.wait_for(poll(), timeout)
        return self

    @property
    def acknowledged(self) -> bool:
        return self.record.response_type is not None

    @property
    def message_record(self) -> MessageRecord | None:
        """The answer the member sees: the interaction's message, or the follow-up that replaced it when
        the bot deleted its "thinking…" message to answer privately."""
        message_id = self.record.original or self.record.component_message
        record = self.sandbox.messages.get(message_id) if message_id else None
        if record is not None and record.deleted and self.record.followups:
            return self.sandbox.messages[self.record.followups[-1]]
        return record

    @property
    def answer(self) -> MessageRecord:
        """The message record of the answer; an error if the bot has not answered with a message."""
        record = self.message_record
        if record is None:
            raise SandboxError("the bot has not answered with a message")
        return record

    @property
    def message(self) -> Payload:
        return self.answer.payload

    @property
    def allowed_mentions(self) -> Any:
        return self.answer.allowed_mentions

    @property
    def ack_seconds(self) -> float:
        """How long after the interaction Discord got its acknowledgement; an error if it never did."""
        if self.record.ack_seconds is None:
            raise SandboxError("the bot has not acknowledged the interaction")
        return self.record.ack_seconds

    @property
    def ephemeral(self) -> bool:
        return bool(self.message["flags"] & EPHEMERAL)

    @property
    def content(self) -> str:
        return str(self.message["content"])

    @property
    def embeds(self) -> list[Payload]:
        return list(self.message["embeds"])

    @property
    def files(self) -> dict[str, bytes]:
        """The answer's attached files by name, as the member would download them."""
        return {a["filename"]: self.sandbox.files[int(a["id"])] for a in self.message["attachments"]}

    @property
    def buttons(self) -> list[Payload]:
        return [c for row in self.message["components"] for c in row.get("components", []) if c.get("type") == 2]

    @property
    def followups(self) -> list[Payload]:
        return [self.sandbox.messages[m].payload for m in self.record.followups]

    @property
    def choices(self) -> list[Payload]:
        return list(self.record.choices or [])


class SandboxMember:
    def __init__(self, sandbox: Sandbox, guild: SandboxGuild, user: Payload) -> None:
        self.sandbox = sandbox
        self.guild = guild
        self.user = user
        self.id = int(user["id"])
        self.name = str(user["username"])
        self._attachments: dict[str, Payload] = {}  # uploaded for the command being sent, by id

    def _command(self, name: str) -> Payload:
        for command in [*self.sandbox.guild_commands.get(self.guild.id, []), *self.sandbox.global_commands]:
            if command["name"] == name and command.get("type", 1) == 1:
                return command
        raise SandboxError(f"/{name} is not a command here (not synced?)")

    def _options(self, definitions: list[Payload], values: dict[str, Any], focused: str | None) -> list[Payload]:
        options = []
        known = {d["name"]: d for d in definitions}
        for name, value in values.items():
            if name not in known:
                raise SandboxError(f"no option '{name}'; the command has {sorted(known)}")
            definition = known[name]
            kind = definition["type"]
            value = self._attached(value) if kind == ATTACHMENT_OPTION else self._id_for(kind, value)
            if name == focused:
                _check_typed(definition, str(value))
            else:
                value = _client_value(definition, value, self.guild)
            option: Payload = {"name": name, "type": kind, "value": value}
            if name == focused:
                option["focused"] = True
            options.append(option)
        missing = [d["name"] for d in definitions if d.get("required") and d["name"] not in values]
        if missing and focused is None:
            raise SandboxError(f"{', '.join(missing)} is required")
        return options

    def _data(self, command_line: str, values: dict[str, Any], focused: str | None = None) -> Payload:
        parts = command_line.lstrip("/").split()
        command = self._command(parts[0])
        definitions: list[Payload] = command.get("options") or []
        path = parts[1:]
        nested: list[Payload] = []
        for depth, part in enumerate(path):
            found = next((d for d in definitions if d["name"] == part and d["type"] in (1, 2)), None)
            if found is None:
                raise SandboxError(f"/{parts[0]} has no subcommand '{' '.join(path[: depth + 1])}'")
            nested.append({"name": part, "type": found["type"], "options": []})
            definitions = found.get("options") or []
        leaf = self._options(definitions, values, focused)
        options = leaf
        for wrapper in reversed(nested):
            wrapper["options"] = options
            options = [wrapper]
        data: Payload = {
            "id": command["id"],
            "name": command["name"],
            "type": 1,
            "options": options,
            "guild_id": str(self.guild.id),
        }
        resolved = self._resolved(leaf)
        if resolved:
            data["resolved"] = resolved
        return data

    def _attached(self, value: Any) -> str:
        """A file picked for an attachment option, given as a path or as (filename, bytes): uploaded first, as
        the client does, and sent as its id. The client refuses a file over the upload limit
        (reference#uploading-files: 10 MiB for all users by default)."""
        if isinstance(value, tuple):
            filename, data = str(value[0]), bytes(value[1])
        else:
            path = Path(str(value)).expanduser()
            if not path.is_file():
                raise SandboxError(f"no file {path} to attach")
            filename, data = path.name, path.read_bytes()
        if len(data) > ATTACHMENT_SIZE_LIMIT:
            raise SandboxError(f"{filename}: your files are too powerful (max {ATTACHMENT_SIZE_LIMIT // 2**20} MiB)")
        content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        attachment = self.sandbox.attach(filename, data, content_type)
        self._attachments[attachment["id"]] = attachment
        return str(attachment["id"])

    def _id_for(self, kind: int, value: Any) -> Any:
        """Users, channels and roles may be named ("#study", "sam") as a member picks them from a list."""
        if kind not in (USER_OPTION, CHANNEL_OPTION, ROLE_OPTION) or _is_snowflake(value):
            return str(value) if kind in (USER_OPTION, CHANNEL_OPTION, ROLE_OPTION) else value
        name = str(value).lstrip("#@")
        if kind == CHANNEL_OPTION:
            try:
                return str(self.guild.channel_id(name))
            except LookupError as error:
                raise SandboxError(str(error)) from error
        table = self.guild.members if kind == USER_OPTION else self.guild.roles
        for object_id, payload in table.items():
            if (payload.get("user") or payload).get("username", payload.get("name")) == name:
                return str(object_id)
        raise SandboxError(f"no {'member' if kind == USER_OPTION else 'role'} called {name}")

    def _resolved(self, options: list[Payload]) -> Payload:
        """Discord sends the objects that user, channel and role options name alongside their ids."""
        resolved: dict[str, dict[str, Payload]] = {}
        for option in options:
            target = int(option["value"]) if _is_snowflake(option["value"]) else None
            if option["type"] == USER_OPTION and target in self.guild.members:
                member = self.guild.members[target]
                resolved.setdefault("users", {})[str(target)] = member["user"]
                resolved.setdefault("members", {})[str(target)] = {k: v for k, v in member.items() if k != "user"}
            elif option["type"] == CHANNEL_OPTION and target in self.guild.channels:
                # Discord sends the invoking member's own permissions in a resolved channel.
                allowed = self.sandbox.permissions_in(self.guild, target, self.id)
                channel = {**self.guild.channels[target], "permissions": str(allowed)}
                resolved.setdefault("channels", {})[str(target)] = channel
            elif option["type"] == ROLE_OPTION and target in self.guild.roles:
                resolved.setdefault("roles", {})[str(target)] = self.guild.roles[target]
            elif option["type"] == ATTACHMENT_OPTION:
                resolved.setdefault("attachments", {})[str(target)] = self._attachments.pop(str(target))
        return resolved

    async def run(self, where: str, command_line: str, /, **values: Any) -> Reply:
        """Run `/command [sub]` in channel #`where` with option values, as typed in Discord."""
        channel_id = self._channel(where)
        data = self._data(command_line, values)
        record = await self.sandbox.create_interaction(APPLICATION_COMMAND, self.guild, channel_id, self.id, data, None)
        return Reply(self.sandbox, record)

    async def autocomplete(self, where: str, command_line: str, option: str, typed: str, /, **values: Any) -> Reply:
        channel_id = self._channel(where)
        data = self._data(command_line, {**values, option: typed}, focused=option)
        record = await self.sandbox.create_interaction(AUTOCOMPLETE, self.guild, channel_id, self.id, data, None)
        return Reply(self.sandbox, record)

    async def click(self, message: Payload, label_or_id: str) -> Reply:
        """Press a button on a message, as this member's client shows it (`message` may be a stale copy,
        as when a member clicks just before the bot's edit reaches them); found by label or custom_id."""
        current = message
        buttons = _buttons(current)
        button = next((b for b in buttons if label_or_id in (b.get("label"), b.get("custom_id"))), None)
        if button is None:
            raise SandboxError(f"no button '{label_or_id}' on that message")
        if button.get("disabled"):
            raise SandboxError(f"button '{label_or_id}' is disabled")
        return await self._send_click(current, button["custom_id"])

    @staticmethod
    def button_labels(message: Payload) -> list[str]:
        """The labels of the message's buttons, as a member sees them ("A", "B"…)."""
        return [b["label"] for b in _buttons(message) if "label" in b]

    async def submit(self, shown: Reply, values: dict[str, str]) -> Reply:
        """Fill in the modal the bot answered `shown` with and submit it, as this member's client does: the
        client holds a required field or a value outside its lengths back, so this refuses them too. Fields
        are named by their label, as the member sees them, or by custom_id."""
        modal = shown.record.modal
        if modal is None:
            raise SandboxError("the bot answered that interaction with no modal")
        inputs = {c["custom_id"]: c for c in _modal_inputs(modal)}
        labels = {c.get("label"): custom_id for custom_id, c in inputs.items()}
        values = {labels.get(name, name): value for name, value in values.items()}
        if unknown := set(values) - set(inputs):
            raise SandboxError(f"the modal has no field {sorted(unknown)}")
        for custom_id, field in inputs.items():
            value = values.get(custom_id, "")
            if not value and field.get("required", True):
                raise SandboxError(f"the field '{field.get('label', custom_id)}' is required")
            if value and not field.get("min_length", 0) <= len(value) <= field.get("max_length", 4000):
                raise SandboxError(f"the field '{field.get('label', custom_id)}' takes another length")
        data = {
            "custom_id": modal["custom_id"],
            "components": [
                {
                    "type": 1,
                    "components": [{"type": TEXT_INPUT, "custom_id": custom_id, "value": values.get(custom_id, "")}],
                }
                for custom_id in inputs
            ],
        }
        source = self.sandbox.messages.get(shown.record.component_message or 0)
        record = await self.sandbox.create_interaction(
            MODAL_SUBMIT, self.guild, shown.record.channel_id, self.id, data, source.payload if source else None
        )
        return Reply(self.sandbox, record)

    async def forge_click(self, message: Payload, custom_id: str) -> Reply:
        """A click on a button with any custom_id, the button put onto the member's copy of the message: what
        a tampered request would bring if it got past Discord. A bot must not trust what a custom_id says."""
        forged = {"type": 2, "style": 1, "label": "?", "custom_id": custom_id}
        tampered = {**message, "components": [{"type": 1, "components": [forged]}]}
        return await self._send_click(tampered, custom_id)

    async def _send_click(self, message: Payload, custom_id: str) -> Reply:
        data = {"custom_id": custom_id, "component_type": 2}
        channel_id = int(message["channel_id"])
        record = await self.sandbox.create_interaction(COMPONENT, self.guild, channel_id, self.id, data, message)
        return Reply(self.sandbox, record)

    def _channel(self, name: str) -> int:
        try:
            channel_id = self.guild.channel_id(name)
        except LookupError as error:
            raise SandboxError(str(error)) from error
        if not self.sandbox.permissions_in(self.guild, channel_id, self.id) & VIEW_CHANNEL:
            raise SandboxError(f"you cannot see #{name}")
        return channel_id


def _check_typed(definition: Payload, text: str) -> None:
    """The client's text box stops at the option's maximum length."""
    limit = definition.get("max_length")
    if limit is not None and len(text) > int(limit):
        raise SandboxError(f"{definition['name']}: at most {limit} characters can be typed")


def _client_value(definition: Payload, value: Any, guild: SandboxGuild) -> Any:
    """The value as Discord's client sends it, or the refusal it shows instead of sending."""
    name, kind = definition["name"], definition["type"]
    choices = definition.get("choices") or []
    if choices:
        allowed = [c["value"] for c in choices]
        if value not in allowed:
            raise SandboxError(f"{name}: pick one of {allowed}")
        return value
    if kind in (INTEGER_OPTION, NUMBER_OPTION):
        number = _number(value, integer=kind == INTEGER_OPTION)
        if number is None:
            raise SandboxError(f"{name}: enter a {'whole ' if kind == INTEGER_OPTION else ''}number")
        low, high = definition.get("min_value"), definition.get("max_value")
        if (low is not None and number < low) or (high is not None and number > high):
            raise SandboxError(f"{name}: enter a number between {low} and {high}")
        return number
    if kind == STRING_OPTION:
        text = str(value)
        low, high = definition.get("min_length", 0), definition.get("max_length", 6000)
        if not low <= len(text) <= high:
            raise SandboxError(f"{name}: must be {low} to {high} characters long")
        return text
    if kind == BOOLEAN_OPTION:
        # The client offers True and False to pick from; typed as a word, the pick is that word.
        picked = {"true": True, "false": False}.get(value.casefold()) if isinstance(value, str) else value
        if not isinstance(picked, bool):
            raise SandboxError(f"{name}: choose true or false")
        return picked
    if kind == CHANNEL_OPTION:
        channel = guild.channels.get(int(value))
        types = definition.get("channel_types")
        if channel is None or (types and channel["type"] not in types):
            raise SandboxError(f"{name}: pick a channel of the kind the list offers")
    return value


def _number(value: Any, *, integer: bool) -> int | float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value if not integer or float(value).is_integer() else None
    try:
        return int(str(value)) if integer else float(str(value))
    except ValueError:
        return None


def _buttons(message: Payload) -> list[Payload]:
    return [c for row in message.get("components", []) for c in row.get("components", []) if c.get("type") == 2]


def _modal_inputs(modal: Payload) -> list[Payload]:
    """The text inputs of a modal, in action rows (type 1) or labels (type 18)."""
    found: list[Payload] = []
    for row in modal.get("components", []):
        inner = row.get("components") or ([row["component"]] if "component" in row else [])
        found += [c for c in inner if c.get("type") == TEXT_INPUT]
    return found
