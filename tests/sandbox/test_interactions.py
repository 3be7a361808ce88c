"""Interaction responses the sandbox supports, through the real client: defer, follow-up, autocomplete,
modal, and the bot's own channel messages (send, edit, fetch)."""

from __future__ import annotations

import asyncio

import aiohttp
import discord
from discord import app_commands

from tests.world import World


async def add_commands(world: World) -> None:
    guild = discord.Object(world.guild.id)

    async def colours(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        names = ["red", "green", "blue", "grey"]
        return [app_commands.Choice(name=n, value=n) for n in names if n.startswith(current.lower())]

    @app_commands.command(name="slow", description="Defers, then follows up.")
    async def slow(interaction: discord.Interaction) -> None:
        await interaction.response.defer(thinking=True)
        await asyncio.sleep(0.2)
        await interaction.followup.send("done thinking")
        await interaction.followup.send("a second note", ephemeral=True)

    @app_commands.command(name="pick", description="Autocompletes a colour.")
    @app_commands.autocomplete(colour=colours)
    async def pick(interaction: discord.Interaction, colour: str) -> None:
        await interaction.response.send_message(f"picked {colour}")

    @app_commands.command(name="form", description="Opens a modal.")
    async def form(interaction: discord.Interaction) -> None:
        modal = discord.ui.Modal(title="Feedback")
        modal.add_item(discord.ui.TextInput(label="Your note"))
        await interaction.response.send_modal(modal)

    for command in (slow, pick, form):
        world.bot.tree.add_command(command, guild=guild)
    await world.bot.tree.sync(guild=guild)


async def test_deferred_answer_is_replaced_by_the_first_followup_then_more_follow(world: World):
    await add_commands(world)
    reply = await (await world.alice.run("study", "slow")).wait()
    assert reply.record.response_type == 5
    await reply.wait_for(lambda r: len(r.followups) == 1)
    assert reply.content == "done thinking" and not reply.message["flags"] & 128
    assert reply.followups[0]["content"] == "a second note" and reply.followups[0]["flags"] & 64
    # the member saw the answer when the follow-up replaced "thinking…", not at the deferral
    ack, answered = reply.record.ack_seconds, reply.record.answered_seconds
    assert ack is not None and answered is not None and answered >= ack + 0.2


async def test_autocomplete_offers_choices_and_the_member_picks_one(world: World):
    await add_commands(world)
    offered = await (await world.alice.autocomplete("study", "pick", "colour", "gr")).wait()
    assert offered.record.response_type == 8
    assert [c["name"] for c in offered.choices] == ["green", "grey"]
    picked = await (await world.alice.run("study", "pick", colour=offered.choices[1]["value"])).wait()
    assert picked.content == "picked grey"
    assert picked.record.answered_seconds == picked.record.ack_seconds  # answered by the acknowledgement


async def test_modal_is_sent_back_to_the_member(world: World):
    await add_commands(world)
    reply = await (await world.alice.run("study", "form")).wait()
    assert reply.record.response_type == 9
    assert reply.record.modal is not None and reply.record.modal["title"] == "Feedback"


async def test_bot_sends_edits_and_fetches_its_own_channel_message(world: World):
    channel = world.text_channel("general")
    sent = await channel.send("Good morning @everyone")
    await sent.edit(content="Good morning, study group")
    fetched = await channel.fetch_message(sent.id)
    assert fetched.content == "Good morning, study group"
    record = world.sandbox.messages[sent.id]
    assert [m["content"] for m in record.history] == ["Good morning @everyone", "Good morning, study group"]
    assert record.allowed_mentions == {"parse": []}
    assert [m.id for m in world.sandbox.channel_messages(channel.id)] == [sent.id]


async def test_a_channel_the_bot_cannot_post_to_answers_403(world: World):
    channel_id = world.guild.channel_id("general")
    world.expect_refusals()
    await world.sandbox.deny_bot(world.guild, channel_id)
    try:
        await world.text_channel("general").send("hello")
    except discord.Forbidden as error:
        assert error.code == 50001
    else:
        raise AssertionError("the send should have been refused")


async def test_an_attachment_option_arrives_resolved_and_its_url_serves_the_file(world: World):
    seen: list[tuple[str, int, bytes]] = []

    @app_commands.command(name="upload", description="Takes a file.")
    async def upload(interaction: discord.Interaction, file: discord.Attachment) -> None:
        seen.append((file.filename, file.size, await file.read()))
        await interaction.response.send_message("got it")

    world.bot.tree.add_command(upload, guild=discord.Object(world.guild.id))
    await world.bot.tree.sync(guild=discord.Object(world.guild.id))
    reply = await (await world.alice.run("general", "/upload", file=("notes.txt", b"Some notes."))).wait()
    assert reply.content == "got it"
    assert seen == [("notes.txt", 11, b"Some notes.")]
    async with aiohttp.ClientSession() as session:
        stranger = f"{world.sandbox.base_url}/ephemeral-attachments/{world.sandbox.application_id}/1/notes.txt"
        async with session.get(stranger) as response:
            assert response.status == 404
