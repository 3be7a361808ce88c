"""One button paginator for every long answer: only the member who asked turns pages, until a timeout.

The buttons are dynamic items whose custom_id names the page set and the page to show, so a click
after a restart (when the pages are gone from memory) is answered plainly instead of failing.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import secrets
import time
from dataclasses import dataclass, field

import discord
from discord.utils import escape_markdown, escape_mentions

PAGE_TIMEOUT_S = 300.0
EXPIRED = "These pages have expired (the bot restarted, or five minutes passed). Run the command again."


@dataclass
class PageSet:
    owner_id: int
    pages: list[discord.Embed]
    expires: float
    message: discord.InteractionMessage | None = None
    closer: asyncio.TimerHandle | None = field(default=None, repr=False)


def page_sets(client: discord.Client) -> dict[str, PageSet]:
    """The bot's live page sets (`StudyBot.page_sets`), shared by every cog and button."""
    return client.page_sets  # type: ignore[attr-defined]


class PageButton(
    discord.ui.DynamicItem[discord.ui.Button], template=r"pages:(?P<token>\w+):(?P<page>\d+):(?P<label>prev|next)"
):
    def __init__(self, token: str, page: int, label: str, *, disabled: bool) -> None:
        text = "◀ Previous" if label == "prev" else "Next ▶"
        super().__init__(
            discord.ui.Button(
                label=text,
                style=discord.ButtonStyle.secondary,
                disabled=disabled,
                custom_id=f"pages:{token}:{max(page, 0)}:{label}",
            )
        )
        self.token, self.page = token, page

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str]
    ) -> PageButton:
        return cls(match["token"], int(match["page"]), match["label"], disabled=False)

    async def callback(self, interaction: discord.Interaction) -> None:
        pages = page_sets(interaction.client).get(self.token)
        if pages is None or pages.expires < time.monotonic():
            await interaction.response.send_message(EXPIRED, ephemeral=True)
            return
        if interaction.user.id != pages.owner_id:
            await interaction.response.send_message(
                "Only the member who asked can turn these pages. Run the command yourself to get your own.",
                ephemeral=True,
            )
            return
        index = max(0, min(self.page, len(pages.pages) - 1))
        await interaction.response.edit_message(
            embed=pages.pages[index], view=page_view(self.token, index, len(pages.pages))
        )


def page_view(token: str, index: int, count: int, *, closed: bool = False) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(PageButton(token, index - 1, "prev", disabled=closed or index == 0))
    view.add_item(PageButton(token, index + 1, "next", disabled=closed or index >= count - 1))
    return view


async def send_pages(interaction: discord.Interaction, pages: list[discord.Embed]) -> None:
    """Answer with the first page; with buttons to turn the others when there are more."""
    if len(pages) == 1:
        await interaction.response.send_message(embed=pages[0])
        return
    token = secrets.token_hex(8)
    live = page_sets(interaction.client)
    page_set = PageSet(interaction.user.id, pages, time.monotonic() + PAGE_TIMEOUT_S)
    live[token] = page_set
    await interaction.response.send_message(embed=pages[0], view=page_view(token, 0, len(pages)))
    page_set.message = await interaction.original_response()
    page_set.closer = asyncio.get_running_loop().call_later(
        PAGE_TIMEOUT_S, lambda: asyncio.ensure_future(_close(live, token))
    )


async def _close(live: dict[str, PageSet], token: str) -> None:
    """After the timeout the buttons are shown disabled rather than failing when pressed."""
    page_set = live.pop(token, None)
    if page_set is None or page_set.message is None:
        return
    # the message may be gone or its token expired: then there is nothing left to disable
    with contextlib.suppress(discord.HTTPException):
        await page_set.message.edit(view=page_view(token, 0, len(page_set.pages), closed=True))


async def send_problem(interaction: discord.Interaction, problem: str, hint: str) -> None:
    """What the member can fix, said only to them, with what to try instead."""
    await interaction.response.send_message(f"{escape_mentions(escape_markdown(problem))}\n{hint}", ephemeral=True)
