"""How every command answers a member: in time even when its work is slow, problems only to the asker,
and never before checking that the bot itself may do what the command needs.

Discord drops an interaction not answered within 3 seconds of its creation. Work that is usually quick
but can stall (a database write waiting on a lock, a shuffle in a worker thread) runs under `in_time`:
answered directly when it finishes in time, and otherwise acknowledged first ("thinking…") and
answered by a follow-up, which takes the place of the thinking message.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable
from typing import Any, TypeVar

import discord
from discord.utils import escape_markdown, escape_mentions

from bot.render.embeds import clip

T = TypeVar("T")
# Past this, a slow answer is acknowledged first. The interaction reaches the bot a network trip after
# Discord starts its 3 seconds and the acknowledgement takes another: 1 s leaves room for both.
DEFER_AFTER_S = 1.0
# A message's content, at most (reference: resources/message#create-message).
CONTENT_LIMIT = 2000


async def in_time(
    interaction: discord.Interaction[Any], work: Awaitable[T], *, ephemeral: bool, after: float = DEFER_AFTER_S
) -> T:
    """The result of `work`; if it takes longer than `after` seconds, the interaction is deferred meanwhile
    (privately when the answer will be private: a deferral decides who sees the answer)."""
    task = asyncio.ensure_future(work)
    done, _ = await asyncio.wait({task}, timeout=after)
    if not done and not interaction.response.is_done():
        try:
            await interaction.response.defer(ephemeral=ephemeral, thinking=True)
        except BaseException:
            task.cancel()  # no answer can follow a deferral that failed
            raise
    return await task


async def reply(
    interaction: discord.Interaction[Any],
    content: str | None = None,
    *,
    embed: discord.Embed | None = None,
    embeds: list[discord.Embed] | None = None,
    view: discord.ui.View | None = None,
    file: discord.File | None = None,
    ephemeral: bool = False,
) -> discord.InteractionMessage | discord.WebhookMessage:
    """Answer the interaction, or follow up its deferral; the message the member sees is returned."""
    parts: dict[str, Any] = {"content": content, "ephemeral": ephemeral}
    if embeds is not None:
        parts["embeds"] = embeds
    else:
        parts["embed"] = embed
    if view is not None:
        parts["view"] = view
    if file is not None:
        parts["file"] = file
    if interaction.response.is_done():  # deferred: the first follow-up takes the place of "thinking…"
        return await interaction.followup.send(wait=True, **parts)
    sent = await interaction.response.send_message(**parts)
    if isinstance(sent.resource, discord.InteractionMessage):
        return sent.resource
    return await interaction.original_response()


async def send_problem(interaction: discord.Interaction[Any], problem: str, hint: str = "") -> None:
    """What the member can fix, said only to them, with what to try instead. After a deferral the
    "thinking…" message is removed first, so a public deferral never turns into a public refusal."""
    # a problem may quote what the member typed, which can be as long as a message may be
    text = clip(f"{escape_mentions(escape_markdown(problem))}\n{hint}".strip(), CONTENT_LIMIT)
    if not interaction.response.is_done():
        await interaction.response.send_message(text, ephemeral=True)
        return
    with contextlib.suppress(discord.NotFound):
        await interaction.delete_original_response()
    await interaction.followup.send(text, ephemeral=True)


def missing_permissions(have: discord.Permissions, need: discord.Permissions) -> str:
    """The permissions in `need` that `have` lacks, named as Discord's settings name them ("" if none)."""
    names = [name.replace("_", " ").title() for name, wanted in need if wanted and not getattr(have, name)]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else ""
