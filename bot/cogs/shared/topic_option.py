"""The topic option of /summary, /stats and /quiz start: autocompleted from the index the same way."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.content.engine import StudyEngine

if TYPE_CHECKING:
    from bot.app import StudyBot

MAX_CHOICES = 25  # Discord shows at most 25 autocomplete choices


def topic_choices(engine: StudyEngine, typed: str) -> list[app_commands.Choice[str]]:
    """Topics whose id, name or keywords contain what the member typed, curated ones first."""
    wanted = typed.strip().casefold()
    matching = [t for t in engine.topics if not wanted or any(wanted in p.casefold() for p in (t.id, *t.phrases))]
    return [app_commands.Choice(name=t.name[:100], value=t.id) for t in matching[:MAX_CHOICES]]


async def autocomplete_topic(
    interaction: discord.Interaction[StudyBot], current: str
) -> list[app_commands.Choice[str]]:
    return topic_choices(interaction.client.engine_for(interaction.guild_id), current)
