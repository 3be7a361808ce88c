"""The sandbox refuses what Discord refuses, with Discord's status, code and error path, one case per rule;
and it accepts the largest message Discord accepts. Requests are raw HTTP, as any client would send them."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import aiohttp
import pytest

from bot.sandbox import permissions as perms
from bot.sandbox.limits import embeds_size
from bot.sandbox.records import SandboxGuild
from bot.sandbox.server import API, Sandbox

APPLICATION_COMMAND, COMPONENT, AUTOCOMPLETE = 2, 3, 4


@dataclass
class Discord:
    sandbox: Sandbox
    guild: SandboxGuild
    channel: int
    member: int
    http: aiohttp.ClientSession

    async def call(self, method: str, path: str, body: Any = None, **query: Any) -> tuple[int, dict[str, Any]]:
        headers = {"Authorization": f"Bot {self.sandbox.token}"}
        url = self.sandbox.base_url + API + path
        params = {k: str(v) for k, v in query.items()}
        async with self.http.request(method, url, json=body, headers=headers, params=params) as response:
            data = await response.json() if response.content_type == "application/json" else {}
            return response.status, data

    async def interaction(self, kind: int = APPLICATION_COMMAND) -> tuple[int, str]:
        data = {"id": "1", "name": "about", "type": 1}
        record = await self.sandbox.create_interaction(kind, self.guild, self.channel, self.member, data, None)
        return record.id, record.token

    async def answered(self, kind: int = APPLICATION_COMMAND) -> str:
        """An interaction already answered, whose token the webhook routes take."""
        interaction_id, token = await self.interaction(kind)
        status, _ = await self.call(
            "POST", f"/interactions/{interaction_id}/{token}/callback", {"type": 4, "data": {"content": "hi"}}
        )
        assert status == 204
        return token


@pytest.fixture
async def discord() -> AsyncIterator[Discord]:
    sandbox = Sandbox()
    guild = sandbox.add_guild("Study Group", ["study"])
    member = int(sandbox.add_user(guild, "alice")["id"])
    await sandbox.start()
    async with aiohttp.ClientSession() as http:
        yield Discord(sandbox, guild, guild.channel_id("study"), member, http)
    await sandbox.stop()


def at(errors: dict[str, Any], path: str) -> list[str]:
    """The error codes Discord put at a dotted path of its `errors` object."""
    node: Any = errors
    for key in path.split(".") if path else []:
        node = node.get(key, {})
    return [e["code"] for e in node.get("_errors", [])]


def button(custom_id: str, label: str = "A") -> dict[str, Any]:
    return {"type": 2, "style": 1, "label": label, "custom_id": custom_id}


def row(*buttons: dict[str, Any]) -> dict[str, Any]:
    return {"type": 1, "components": list(buttons)}


FIELD = {"name": "n", "value": "v"}

# Each: a message body Discord refuses, the path of the error, and its code.
MESSAGE_RULES = {
    "content of 2,001 characters": ({"content": "x" * 2001}, "content", "BASE_TYPE_MAX_LENGTH"),
    "embeds of 6,001 characters together": (
        {"embeds": [{"description": "x" * 4000}, {"description": "x" * 2001}]},
        "embeds",
        "MAX_EMBED_SIZE_EXCEEDED",
    ),
    "a 4,097-character description": (
        {"embeds": [{"description": "x" * 4097}]},
        "embeds.0.description",
        "BASE_TYPE_MAX_LENGTH",
    ),
    "a 257-character title": ({"embeds": [{"title": "x" * 257}]}, "embeds.0.title", "BASE_TYPE_MAX_LENGTH"),
    "26 fields": ({"embeds": [{"fields": [FIELD] * 26}]}, "embeds.0.fields", "BASE_TYPE_MAX_LENGTH"),
    "a 1,025-character field value": (
        {"embeds": [{"fields": [{"name": "n", "value": "x" * 1025}]}]},
        "embeds.0.fields.0.value",
        "BASE_TYPE_MAX_LENGTH",
    ),
    "a 257-character field name": (
        {"embeds": [{"fields": [{"name": "x" * 257, "value": "v"}]}]},
        "embeds.0.fields.0.name",
        "BASE_TYPE_MAX_LENGTH",
    ),
    "a field without a value": (
        {"embeds": [{"fields": [{"name": "n"}]}]},
        "embeds.0.fields.0.value",
        "BASE_TYPE_REQUIRED",
    ),
    "a 2,049-character footer": (
        {"embeds": [{"footer": {"text": "x" * 2049}}]},
        "embeds.0.footer.text",
        "BASE_TYPE_MAX_LENGTH",
    ),
    "11 embeds": ({"embeds": [{"title": "t"}] * 11}, "embeds", "BASE_TYPE_MAX_LENGTH"),
    "6 action rows": ({"components": [row(button(f"r{i}")) for i in range(6)]}, "components", "BASE_TYPE_MAX_LENGTH"),
    "6 buttons in a row": (
        {"components": [row(*(button(f"b{i}") for i in range(6)))]},
        "components.0.components",
        "BASE_TYPE_MAX_LENGTH",
    ),
    "a 101-character custom_id": (
        {"components": [row(button("x" * 101))]},
        "components.0.components.0.custom_id",
        "BASE_TYPE_MAX_LENGTH",
    ),
    "two buttons with one custom_id": (
        {"components": [row(button("same")), row(button("same"))]},
        "components.1.components.0.custom_id",
        "COMPONENT_CUSTOM_ID_DUPLICATED",
    ),
    "an 81-character label": (
        {"components": [row(button("b", label="x" * 81))]},
        "components.0.components.0.label",
        "BASE_TYPE_MAX_LENGTH",
    ),
    "a button style that does not exist": (
        {"components": [row({**button("b"), "style": 9})]},
        "components.0.components.0.style",
        "BASE_TYPE_CHOICES",
    ),
    "a colour written with a superscript digit": (
        {"embeds": [{"title": "t", "color": "¹"}]},
        "embeds.0.color",
        "NUMBER_TYPE_COERCE",
    ),
    "a component type that does not exist": ({"components": [{"type": 99}]}, "components.0.type", "BASE_TYPE_CHOICES"),
    "a button outside an action row": (
        {"content": "x", "components": [button("b")]},
        "components.0.type",
        "BASE_TYPE_CHOICES",
    ),
}


@pytest.mark.parametrize("body, path, code", MESSAGE_RULES.values(), ids=MESSAGE_RULES.keys())
async def test_a_channel_message_breaking_a_rule_is_refused_with_discords_code(discord: Discord, body, path, code):
    status, answer = await discord.call("POST", f"/channels/{discord.channel}/messages", {"content": "x", **body})
    assert (status, answer["code"], answer["message"]) == (400, 50035, "Invalid Form Body")
    assert code in at(answer["errors"], path), answer["errors"]
    assert discord.sandbox.channel_messages(discord.channel) == []


@pytest.mark.parametrize("body, path, code", MESSAGE_RULES.values(), ids=MESSAGE_RULES.keys())
async def test_the_same_rules_hold_for_interaction_answers_follow_ups_and_edits(discord: Discord, body, path, code):
    interaction_id, token = await discord.interaction()
    app = discord.sandbox.application_id
    body = {"content": "x", **body}
    status, answer = await discord.call(
        "POST", f"/interactions/{interaction_id}/{token}/callback", {"type": 4, "data": body}
    )
    assert (status, answer["code"]) == (400, 50035) and code in at(answer["errors"], "data." + path)
    token = await discord.answered()
    for method, route in (
        ("POST", f"/webhooks/{app}/{token}"),
        ("PATCH", f"/webhooks/{app}/{token}/messages/@original"),
    ):
        status, answer = await discord.call(method, route, body)
        assert (status, answer["code"]) == (400, 50035) and code in at(answer["errors"], path), (route, answer)


@pytest.mark.parametrize("body", [{}, {"content": ""}, {"content": "  \n"}, {"embeds": []}, {"content": None}])
async def test_an_empty_message_is_refused_with_50006(discord: Discord, body):
    status, answer = await discord.call("POST", f"/channels/{discord.channel}/messages", body)
    assert (status, answer["code"], answer["message"]) == (400, 50006, "Cannot send an empty message")
    interaction_id, token = await discord.interaction()
    status, answer = await discord.call(
        "POST", f"/interactions/{interaction_id}/{token}/callback", {"type": 4, "data": body}
    )
    assert (status, answer["code"]) == (400, 50006)


async def test_an_edit_that_would_empty_the_message_is_refused(discord: Discord):
    token = await discord.answered()
    route = f"/webhooks/{discord.sandbox.application_id}/{token}/messages/@original"
    status, answer = await discord.call("PATCH", route, {"content": ""})
    assert (status, answer["code"]) == (400, 50006)


def largest_message() -> dict[str, Any]:
    """Every limit reached at once: 2,000 characters of content, 10 embeds holding 6,000 characters, 5 rows
    of 5 buttons with 80-character labels and distinct 100-character custom ids."""
    embeds = [{"title": "t" * 256, "description": "d" * 344} for _ in range(10)]
    rows = [row(*(button(f"{r}{b}".ljust(100, "x"), label="l" * 80) for b in range(5))) for r in range(5)]
    return {"content": "c" * 2000, "embeds": embeds, "components": rows}


async def test_the_largest_valid_message_is_accepted_everywhere(discord: Discord):
    message = largest_message()
    assert embeds_size(message["embeds"]) == 6000
    status, sent = await discord.call("POST", f"/channels/{discord.channel}/messages", message)
    assert status == 200 and len(sent["components"]) == 5
    interaction_id, token = await discord.interaction()
    status, _ = await discord.call(
        "POST", f"/interactions/{interaction_id}/{token}/callback", {"type": 4, "data": message}
    )
    assert status == 204
    app = discord.sandbox.application_id
    assert (await discord.call("POST", f"/webhooks/{app}/{token}", message))[0] == 200
    assert (await discord.call("PATCH", f"/webhooks/{app}/{token}/messages/@original", message))[0] == 200


TEXT_INPUT = {"type": 4, "custom_id": "note", "style": 1, "label": "Your note"}
MODAL = {"custom_id": "m", "title": "Feedback", "components": [{"type": 1, "components": [TEXT_INPUT]}]}
CALLBACK_RULES = {
    "an update (7) answering a slash command": (APPLICATION_COMMAND, {"type": 7, "data": {"content": "x"}}),
    "a deferred update (6) answering a slash command": (APPLICATION_COMMAND, {"type": 6}),
    "choices (8) answering a slash command": (APPLICATION_COMMAND, {"type": 8, "data": {"choices": []}}),
    "a message (4) answering autocomplete": (AUTOCOMPLETE, {"type": 4, "data": {"content": "x"}}),
    "a modal (9) answering autocomplete": (AUTOCOMPLETE, {"type": 9, "data": MODAL}),
    "choices (8) answering a button": (COMPONENT, {"type": 8, "data": {"choices": []}}),
}


@pytest.mark.parametrize("kind, callback", CALLBACK_RULES.values(), ids=CALLBACK_RULES.keys())
async def test_a_callback_type_that_does_not_fit_the_interaction_is_refused(discord: Discord, kind, callback):
    interaction_id, token = await discord.interaction(kind)
    status, answer = await discord.call("POST", f"/interactions/{interaction_id}/{token}/callback", callback)
    assert (status, answer["code"]) == (400, 50035) and at(answer["errors"], "type") == ["BASE_TYPE_CHOICES"]
    assert not discord.sandbox.interactions[interaction_id].acknowledged.is_set()


AUTOCOMPLETE_RULES = {
    "26 choices": ([{"name": "n", "value": "v"}] * 26, "data.choices", "BASE_TYPE_MAX_LENGTH"),
    "a 101-character choice name": ([{"name": "x" * 101, "value": "v"}], "data.choices.0.name", "BASE_TYPE_MAX_LENGTH"),
    "a 101-character choice value": (
        [{"name": "n", "value": "x" * 101}],
        "data.choices.0.value",
        "BASE_TYPE_MAX_LENGTH",
    ),
    "an empty choice name": ([{"name": "", "value": "v"}], "data.choices.0.name", "BASE_TYPE_MIN_LENGTH"),
}


@pytest.mark.parametrize("choices, path, code", AUTOCOMPLETE_RULES.values(), ids=AUTOCOMPLETE_RULES.keys())
async def test_autocomplete_choices_beyond_discords_limits_are_refused(discord: Discord, choices, path, code):
    interaction_id, token = await discord.interaction(AUTOCOMPLETE)
    body = {"type": 8, "data": {"choices": choices}}
    status, answer = await discord.call("POST", f"/interactions/{interaction_id}/{token}/callback", body)
    assert (status, answer["code"]) == (400, 50035) and code in at(answer["errors"], path), answer


async def test_25_choices_of_100_characters_are_accepted(discord: Discord):
    interaction_id, token = await discord.interaction(AUTOCOMPLETE)
    choices = [{"name": f"{i}".ljust(100, "n"), "value": f"{i}".ljust(100, "v")} for i in range(25)]
    status, _ = await discord.call(
        "POST", f"/interactions/{interaction_id}/{token}/callback", {"type": 8, "data": {"choices": choices}}
    )
    assert status == 204 and discord.sandbox.interactions[interaction_id].choices == choices


def _modal(title: str = "Type your answer", label: str = "Your answer") -> dict[str, Any]:
    field = {"type": 4, "custom_id": "answer", "style": 1, "label": label, "max_length": 100}
    return {"custom_id": "quiz-typed:abc:0", "title": title, "components": [{"type": 1, "components": [field]}]}


# Modal limits: https://discord.com/developers/docs/components/reference#text-input (label ≤ 45) and
# https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-modal
# (title ≤ 45), as the OpenAPI spec the sandbox checks every request against gives them.
MODAL_RULES = {"a 46-character title": _modal(title="x" * 46), "a 46-character field label": _modal(label="x" * 46)}


@pytest.mark.parametrize("modal", MODAL_RULES.values(), ids=MODAL_RULES.keys())
async def test_a_modal_beyond_discords_limits_is_refused(discord: Discord, modal):
    interaction_id, token = await discord.interaction(COMPONENT)
    status, answer = await discord.call(
        "POST", f"/interactions/{interaction_id}/{token}/callback", {"type": 9, "data": modal}
    )
    assert (status, answer["code"]) == (400, 50035), answer
    assert not discord.sandbox.interactions[interaction_id].acknowledged.is_set()


async def test_a_modal_within_the_limits_is_shown_to_the_member(discord: Discord):
    interaction_id, token = await discord.interaction(COMPONENT)
    status, _ = await discord.call(
        "POST", f"/interactions/{interaction_id}/{token}/callback", {"type": 9, "data": _modal(title="x" * 45)}
    )
    assert status == 204 and discord.sandbox.interactions[interaction_id].modal is not None


def command(**changes: Any) -> dict[str, Any]:
    return {"name": "study", "description": "A command.", "type": 1, **changes}


def option(name: str = "o", **changes: Any) -> dict[str, Any]:
    return {"name": name, "description": "An option.", "type": 3, **changes}


COMMAND_RULES = {
    "more than 8,000 characters": (
        [command(options=[option(f"o{i}", choices=[{"name": "n" * 100, "value": "v" * 100}] * 25) for i in range(2)])],
        "0",
        "APPLICATION_COMMAND_TOO_LARGE",
    ),
    "a 101-character description": ([command(description="x" * 101)], "0.description", "BASE_TYPE_MAX_LENGTH"),
    "no description": ([command(description=None)], "0.description", "BASE_TYPE_REQUIRED"),
    "a name with capitals and spaces": ([command(name="Bad Name")], "0.name", "APPLICATION_COMMAND_INVALID_NAME"),
    "a 33-character name": ([command(name="x" * 33)], "0.name", "BASE_TYPE_MAX_LENGTH"),
    "26 options": ([command(options=[option(f"o{i}") for i in range(26)])], "0.options", "BASE_TYPE_MAX_LENGTH"),
    "26 choices": (
        [command(options=[option(choices=[{"name": "n", "value": "v"}] * 26)])],
        "0.options.0.choices",
        "BASE_TYPE_MAX_LENGTH",
    ),
    "a 101-character choice value": (
        [command(options=[option(choices=[{"name": "n", "value": "v" * 101}])])],
        "0.options.0.choices.0.value",
        "BASE_TYPE_MAX_LENGTH",
    ),
    "a required option after an optional one": (
        [command(options=[option("a"), option("b", required=True)])],
        "0.options.1.required",
        "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
    ),
    "two commands with one name": ([command(), command()], "1.name", "APPLICATION_COMMANDS_DUPLICATE_NAME"),
    "an option type that does not exist": (
        [command(options=[option(type=99)])],
        "0.options.0.type",
        "BASE_TYPE_CHOICES",
    ),
    "a subcommand beside a plain option": (
        [command(options=[option("plain"), {"name": "sub", "description": "d", "type": 1}])],
        "0.options",
        "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
    ),
    "101 slash commands": ([command(name=f"c{i}") for i in range(101)], "", "APPLICATION_COMMANDS_TOO_MANY"),
}


@pytest.mark.parametrize("commands, path, code", COMMAND_RULES.values(), ids=COMMAND_RULES.keys())
async def test_commands_breaking_a_rule_are_refused_on_sync(discord: Discord, commands, path, code):
    route = f"/applications/{discord.sandbox.application_id}/guilds/{discord.guild.id}/commands"
    status, answer = await discord.call("PUT", route, commands)
    assert (status, answer["code"]) == (400, 50035) and code in at(answer["errors"], path), answer["errors"]


async def test_a_command_of_just_under_8000_characters_syncs(discord: Discord):
    choices = [{"name": "n" * 100, "value": "v" * 55}] * 25
    big = command(options=[option(f"o{i}", choices=choices) for i in range(2)])
    route = f"/applications/{discord.sandbox.application_id}/guilds/{discord.guild.id}/commands"
    status, _ = await discord.call("PUT", route, [big])
    assert status == 200


@pytest.mark.parametrize("limit, code", [(500, "NUMBER_TYPE_MAX"), (101, "NUMBER_TYPE_MAX"), (0, "NUMBER_TYPE_MIN")])
async def test_channel_history_limit_outside_1_to_100_is_refused(discord: Discord, limit, code):
    status, answer = await discord.call("GET", f"/channels/{discord.channel}/messages", limit=limit)
    assert (status, answer["code"]) == (400, 50035) and at(answer["errors"], "limit") == [code]
    status, answer = await discord.call("GET", f"/channels/{discord.channel}/messages", limit=100)
    assert status == 200


async def test_an_interaction_is_unknown_after_3_seconds_and_its_token_invalid_after_15_minutes(discord: Discord):
    interaction_id, token = await discord.interaction()
    discord.sandbox.advance(3.1)
    status, answer = await discord.call("POST", f"/interactions/{interaction_id}/{token}/callback", {"type": 5})
    assert (status, answer["code"]) == (404, 10062)
    token = await discord.answered()
    app = discord.sandbox.application_id
    discord.sandbox.advance(14 * 60)
    assert (await discord.call("POST", f"/webhooks/{app}/{token}", {"content": "still in time"}))[0] == 200
    discord.sandbox.advance(61)
    for method, route, body in (
        ("POST", f"/webhooks/{app}/{token}", {"content": "too late"}),
        ("PATCH", f"/webhooks/{app}/{token}/messages/@original", {"content": "too late"}),
        ("GET", f"/webhooks/{app}/{token}/messages/@original", None),
    ):
        status, answer = await discord.call(method, route, body)
        assert (status, answer["code"], answer["message"]) == (401, 50027, "Invalid Webhook Token")


async def test_the_bot_without_view_channel_gets_missing_access_and_without_send_missing_permissions(discord: Discord):
    route = f"/channels/{discord.channel}/messages"
    await discord.sandbox.deny_bot(discord.guild, discord.channel, perms.SEND_MESSAGES)
    assert (await discord.call("POST", route, {"content": "x"})) == (
        403,
        {"message": "Missing Permissions", "code": 50013},
    )
    assert (await discord.call("GET", route))[0] == 200  # reading needs only View Channel and the history right
    await discord.sandbox.deny_bot(discord.guild, discord.channel, perms.VIEW_CHANNEL)
    assert (await discord.call("POST", route, {"content": "x"})) == (403, {"message": "Missing Access", "code": 50001})
    assert (await discord.call("GET", route))[1]["code"] == 50001


async def test_a_role_overwrite_denies_and_a_member_overwrite_allows_again(discord: Discord):
    sandbox, guild, channel = discord.sandbox, discord.guild, discord.channel
    bot_role = next(r for r in guild.role_ids(sandbox.application_id))
    await sandbox.set_overwrite(guild, channel, bot_role, deny=perms.SEND_MESSAGES)
    assert not sandbox.bot_permissions_in(guild, channel) & perms.SEND_MESSAGES
    await sandbox.set_overwrite(guild, channel, sandbox.application_id, allow=perms.SEND_MESSAGES)
    assert sandbox.bot_permissions_in(guild, channel) & perms.SEND_MESSAGES
    await sandbox.set_overwrite(guild, channel, guild.everyone_role, deny=perms.VIEW_CHANNEL)
    assert sandbox.permissions_in(guild, channel, discord.member) == 0  # no View Channel: nothing at all
    assert sandbox.bot_permissions_in(guild, channel) == 0  # a server-wide role does not undo a channel denial
    await sandbox.set_overwrite(guild, channel, bot_role, allow=perms.VIEW_CHANNEL)
    assert sandbox.bot_permissions_in(guild, channel) & perms.VIEW_CHANNEL  # a role overwrite does


async def test_history_without_read_message_history_comes_back_empty_with_no_error(discord: Discord):
    route = f"/channels/{discord.channel}/messages"
    assert (await discord.call("POST", route, {"content": "hello"}))[0] == 200
    assert len((await discord.call("GET", route))[1]) == 1
    await discord.sandbox.deny_bot(discord.guild, discord.channel, perms.READ_MESSAGE_HISTORY)
    assert await discord.call("GET", route) == (200, [])


async def test_without_embed_links_an_embed_only_message_is_refused_and_others_lose_their_embeds(discord: Discord):
    route = f"/channels/{discord.channel}/messages"
    await discord.sandbox.deny_bot(discord.guild, discord.channel, perms.EMBED_LINKS)
    status, answer = await discord.call("POST", route, {"embeds": [{"title": "t"}]})
    assert (status, answer["code"]) == (403, 50013)
    status, sent = await discord.call("POST", route, {"content": "text", "embeds": [{"title": "t"}]})
    assert status == 200 and sent["embeds"] == [] and sent["content"] == "text"


async def test_interactions_carry_the_permissions_discord_computes(discord: Discord):
    await discord.sandbox.deny_bot(discord.guild, discord.channel, perms.SEND_MESSAGES)
    seen: list[dict[str, Any]] = []
    original = discord.sandbox.gateway.dispatch

    async def capture(event: str, data: dict[str, Any]) -> None:
        seen.append(data)
        await original(event, data)

    discord.sandbox.gateway.dispatch = capture
    await discord.interaction()
    app_permissions = int(seen[-1]["app_permissions"])
    assert app_permissions & perms.VIEW_CHANNEL and not app_permissions & (perms.SEND_MESSAGES | perms.EMBED_LINKS)
    assert int(seen[-1]["member"]["permissions"]) == perms.MEMBER


async def upload(discord: Discord, path: str, payload: dict[str, Any], files: dict[str, bytes]) -> tuple[int, Any]:
    """A multipart request as Discord documents it: `payload_json`, then each file in a part `files[n]`."""
    form = aiohttp.FormData()
    form.add_field("payload_json", json.dumps(payload), content_type="application/json")
    for n, (name, data) in enumerate(files.items()):
        form.add_field(f"files[{n}]", data, filename=name, content_type="text/csv")
    headers = {"Authorization": f"Bot {discord.sandbox.token}"}
    async with discord.http.post(discord.sandbox.base_url + API + path, data=form, headers=headers) as response:
        return response.status, await response.json() if response.content_type == "application/json" else {}


async def test_a_file_is_attached_and_kept_an_unknown_attachment_id_is_refused(discord: Discord):
    # https://discord.com/developers/docs/reference#uploading-files and
    # https://discord.com/developers/docs/resources/message#attachment-object-attachment-request-structure
    interaction_id, token = await discord.interaction()
    route = f"/interactions/{interaction_id}/{token}/callback"
    body = {"type": 4, "data": {"content": "scores", "attachments": [{"id": 0, "filename": "scores.csv"}]}}
    status, _ = await upload(discord, route, body, {"scores.csv": b"member,points\n1,100\n"})
    assert status == 204
    [message] = discord.sandbox.channel_messages(discord.channel)
    [attached] = message.payload["attachments"]
    assert attached["filename"] == "scores.csv" and attached["size"] == 20
    assert discord.sandbox.files[int(attached["id"])] == b"member,points\n1,100\n"

    token = await discord.answered()
    app = discord.sandbox.application_id
    wrong = {"content": "x", "attachments": [{"id": 0}, {"id": 1}]}  # one file sent, two named
    status, answer = await upload(discord, f"/webhooks/{app}/{token}", wrong, {"a.csv": b"a"})
    assert (status, answer["code"]) == (400, 50035) and at(answer["errors"], "attachments.1") == [
        "ATTACHMENT_NOT_FOUND"
    ]


async def test_an_edit_keeps_only_the_attachments_it_lists(discord: Discord):
    interaction_id, token = await discord.interaction()
    route = f"/interactions/{interaction_id}/{token}/callback"
    files = {"a.csv": b"a", "b.csv": b"b"}
    body = {"type": 4, "data": {"content": "two", "attachments": [{"id": 0}, {"id": 1}]}}
    assert (await upload(discord, route, body, files))[0] == 204
    [message] = discord.sandbox.channel_messages(discord.channel)
    first, _ = message.payload["attachments"]
    edit = f"/webhooks/{discord.sandbox.application_id}/{token}/messages/@original"
    status, edited = await discord.call("PATCH", edit, {"attachments": [{"id": first["id"]}]})
    assert status == 200 and [a["filename"] for a in edited["attachments"]] == ["a.csv"]


async def test_a_file_over_10_mib_is_refused_with_40005(discord: Discord):
    # https://discord.com/developers/docs/reference#uploading-files: "The default limit is 10 MiB"; the JSON
    # code https://discord.com/developers/docs/topics/opcodes-and-status-codes#json 40005.
    interaction_id, token = await discord.interaction()
    route = f"/interactions/{interaction_id}/{token}/callback"
    body = {"type": 4, "data": {"attachments": [{"id": 0}]}}
    status, answer = await upload(discord, route, body, {"big.csv": b"x" * (10 * 1024 * 1024 + 1)})
    assert (status, answer["code"]) == (413, 40005)
    interaction_id, token = await discord.interaction()
    route = f"/interactions/{interaction_id}/{token}/callback"
    status, _ = await upload(discord, route, body, {"just.csv": b"x" * (10 * 1024 * 1024)})
    assert status == 204


async def test_a_thread_starts_from_a_message_once_and_its_body_is_checked(discord: Discord):
    # https://discord.com/developers/docs/resources/channel#start-thread-from-message
    status, message = await discord.call("POST", f"/channels/{discord.channel}/messages", {"content": "Quiz"})
    route = f"/channels/{discord.channel}/messages/{message['id']}/threads"
    for body, path in (({"name": "q" * 101}, "name"), ({"name": "Quiz", "auto_archive_duration": 30}, "")):
        status, answer = await discord.call("POST", route, body)
        assert (status, answer["code"]) == (400, 50035) and (not path or at(answer["errors"], path)), answer
    status, thread = await discord.call("POST", route, {"name": "Quiz", "auto_archive_duration": 60})
    assert status == 200 and thread["id"] == message["id"] and thread["type"] == 11
    assert thread["parent_id"] == str(discord.channel) and thread["thread_metadata"]["auto_archive_duration"] == 60
    status, again = await discord.call("POST", route, {"name": "Again"})
    assert (status, again["code"]) == (400, 160004)
    status, inside = await discord.call("POST", f"/channels/{thread['id']}/messages", {"content": "Question 1"})
    assert status == 200 and inside["channel_id"] == thread["id"]
    status, nested = await discord.call(
        "POST", f"/channels/{thread['id']}/messages/{inside['id']}/threads", {"name": "x"}
    )
    assert (status, nested["code"]) == (400, 50024)


async def test_threads_need_their_own_permissions_and_take_the_parents_overwrites(discord: Discord):
    # https://discord.com/developers/docs/topics/permissions#inherited-permissions-threads
    sandbox, guild = discord.sandbox, discord.guild
    status, message = await discord.call("POST", f"/channels/{discord.channel}/messages", {"content": "Quiz"})
    route = f"/channels/{discord.channel}/messages/{message['id']}/threads"
    await sandbox.deny_bot(guild, discord.channel, perms.CREATE_PUBLIC_THREADS)
    status, answer = await discord.call("POST", route, {"name": "Quiz"})
    assert (status, answer["code"]) == (403, 50013)
    await sandbox.set_overwrite(guild, discord.channel, sandbox.application_id, deny=perms.SEND_MESSAGES)
    status, thread = await discord.call("POST", route, {"name": "Quiz"})
    assert status == 200  # Send Messages denied in the parent does not stop talking in its threads
    status, _ = await discord.call("POST", f"/channels/{thread['id']}/messages", {"content": "Question 1"})
    assert status == 200
    await sandbox.set_overwrite(guild, discord.channel, sandbox.application_id, deny=perms.SEND_MESSAGES_IN_THREADS)
    status, answer = await discord.call("POST", f"/channels/{thread['id']}/messages", {"content": "Question 2"})
    assert (status, answer["code"]) == (403, 50013)
    status, _ = await discord.call("POST", f"/channels/{discord.channel}/messages", {"content": "in the channel"})
    assert status == 200
