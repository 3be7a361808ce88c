"""One button paginator for every long answer: only the member who asked turns pages, until a timeout."""

from __future__ import annotations

import contextlib

import discord
from discord.utils import escape_markdown, escape_mentions

PAGE_TIMEOUT_S = 300.0


class Paginator(discord.ui.View):
    def __init__(self, owner_id: int, pages: list[discord.Embed], *, timeout: float = PAGE_TIMEOUT_S) -> None:
        super().__init__(timeout=timeout)
        self.owner_id = owner_id
        self.pages = pages
        self.index = 0
        self.message: discord.InteractionMessage | None = None
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index >= len(self.pages) - 1

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            "Only the member who asked can turn these pages. Run the command yourself to get your own.",
            ephemeral=True,
        )
        return False

    async def _show(self, interaction: discord.Interaction, index: int) -> None:
        self.index = max(0, min(index, len(self.pages) - 1))
        self._sync_buttons()
        await interaction.response.edit_message(embed=self.pages[self.index], view=self)

    @discord.ui.button(label="◀ Previous", style=discord.ButtonStyle.secondary)
    async def previous(self, interaction: discord.Interaction, button: discord.ui.Button[Paginator]) -> None:
        await self._show(interaction, self.index - 1)

    @discord.ui.button(label="Next ▶", style=discord.ButtonStyle.secondary)
    async def next(self, interaction: discord.Interaction, button: discord.ui.Button[Paginator]) -> None:
        await self._show(interaction, self.index + 1)

    async def on_timeout(self) -> None:
        """Buttons that no longer work are shown disabled rather than failing when pressed."""
        for item in self.children:
            if isinstance(item, discord.ui.Button):
                item.disabled = True
        if self.message is not None:
            # the message may be gone or its token expired: then there is nothing left to disable
            with contextlib.suppress(discord.HTTPException):
                await self.message.edit(view=self)


async def send_pages(interaction: discord.Interaction, pages: list[discord.Embed]) -> None:
    """Answer with the first page; with buttons to turn the others when there are more."""
    if len(pages) == 1:
        await interaction.response.send_message(embed=pages[0])
        return
    view = Paginator(interaction.user.id, pages)
    await interaction.response.send_message(embed=pages[0], view=view)
    view.message = await interaction.original_response()


async def send_problem(interaction: discord.Interaction, problem: str, hint: str) -> None:
    """What the member can fix, said only to them, with what to try instead."""
    await interaction.response.send_message(f"{escape_mentions(escape_markdown(problem))}\n{hint}", ephemeral=True)
