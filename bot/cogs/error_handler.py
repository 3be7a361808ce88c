"""Every error an app command raises, answered in one place (after python-discord's error handler).

Commands raise instead of answering a problem themselves: a `StudybotError` from the engine or a cog
carries what went wrong and what to try, and is said only to the member who asked; anything else is a
bug or a Discord failure, logged with its traceback and answered with an apology.
"""

from __future__ import annotations

import contextlib
import logging
import re
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.shared.replies import send_problem
from bot.engine_workers import TooLate
from bot.errors import StudybotError
from bot.records.database import RecordsError

if TYPE_CHECKING:
    from bot.app import StudyBot

log = logging.getLogger(__name__)
SORRY = "Something went wrong answering that. It has been logged; please try again in a moment."
BUSY = "The bot has too many questions to answer just now, so it did not start on this one. Please ask again."
NOT_SAVED = (
    "The bot could not save that just now (its database is busy or out of space), so nothing "
    "was recorded. Please try again in a moment."
)
# Discord's error code for an interaction it no longer knows (not acknowledged within 3 seconds).
UNKNOWN_INTERACTION = 10062
_COMMAND_NAME = re.compile(r"`(\w+)((?: \w+)*)`")


def as_slash_commands(text: str, names: set[str]) -> str:
    """Hints name commands as the CLI spells them (`topics`); on Discord they are typed `/topics`."""
    return _COMMAND_NAME.sub(lambda m: f"`/{m[1]}{m[2]}`" if m[1] in names else m[0], text)


class ErrorHandler(commands.Cog):
    def __init__(self, bot: StudyBot) -> None:
        self.bot = bot
        self._default = bot.tree.on_error

    async def cog_load(self) -> None:
        self.bot.tree.on_error = self.on_app_command_error

    async def cog_unload(self) -> None:
        self.bot.tree.on_error = self._default

    async def on_app_command_error(
        self, interaction: discord.Interaction[StudyBot], error: app_commands.AppCommandError
    ) -> None:
        if isinstance(error, app_commands.CheckFailure) and interaction.response.is_done():
            return  # a check that refused has already told the member why
        cause = error.original if isinstance(error, app_commands.CommandInvokeError) else error
        command = interaction.command.qualified_name if interaction.command else None
        if isinstance(cause, TooLate):
            log.warning("/%s not answered: its 3 seconds were over (the engine workers are behind)", command)
            if interaction.response.is_done():  # acknowledged ("thinking…") meanwhile: the member is waiting
                with contextlib.suppress(discord.HTTPException):
                    await send_problem(interaction, BUSY)
            return  # otherwise Discord has dropped the interaction: there is no one left to tell
        if isinstance(cause, discord.NotFound) and cause.code == UNKNOWN_INTERACTION:
            # Answered after Discord's 3 seconds. Said in a line, without a traceback: a bot that falls behind
            # fails many at once, and formatting each traceback held the gateway's loop up to 1.7 s at a time.
            log.warning("/%s answered too late: Discord had dropped the interaction", command)
            return
        try:
            if isinstance(cause, StudybotError):
                names = {command.name for command in self.bot.tree.get_commands()}
                await send_problem(interaction, cause.message, as_slash_commands(cause.hint, names))
                return
            log.error("Command %s failed: %s", command, cause, exc_info=cause)
            await send_problem(interaction, NOT_SAVED if isinstance(cause, RecordsError) else SORRY)
        except discord.HTTPException as failure:
            log.error("Could not tell the member either: %s", failure)


async def setup(bot: StudyBot) -> None:
    await bot.add_cog(ErrorHandler(bot))
