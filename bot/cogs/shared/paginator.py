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
from typing import TYPE_CHECKING, Literal

import discord

from bot.cogs.shared.replies import reply

if TYPE_CHECKING:
    from bot.app import StudyBot

PAGE_TIMEOUT_S = 300.0
# Enough for every member of a busy server to page at once; past it the oldest set's buttons expire,
# so memory stays bounded however many long answers are asked for.
MAX_PAGE_SETS = 2000
Direction = Literal["prev", "next"]
_LABELS: dict[Direction, str] = {"prev": "◀ Previous", "next": "Next ▶"}
EXPIRED = "These pages have expired (the bot restarted, or five minutes passed). Run the command again."


@dataclass
class PageSet:
    owner_id: int
    pages: list[discord.Embed]
    expires: float
    message: discord.InteractionMessage | discord.WebhookMessage | None = None
    closer: asyncio.TimerHandle | None = field(default=None, repr=False)


class PageSets:
    """The pages behind every live paging message, by token; at most `limit`, the oldest dropped first."""

    def __init__(self, limit: int = MAX_PAGE_SETS) -> None:
        self._sets: dict[str, PageSet] = {}
        self._limit = limit

    def add(self, token: str, page_set: PageSet) -> None:
        self._sets[token] = page_set
        while len(self._sets) > self._limit:
            oldest = next(iter(self._sets))
            dropped = self._sets.pop(oldest)
            if dropped.closer is not None:
                dropped.closer.cancel()

    def get(self, token: str) -> PageSet | None:
        return self._sets.get(token)

    def pop(self, token: str) -> PageSet | None:
        return self._sets.pop(token, None)

    def __len__(self) -> int:
        return len(self._sets)


class PageButton(
    discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]],
    template=r"pages:(?P<token>\w+):(?P<page>\d+):(?P<direction>prev|next)",
):
    """◀ or ▶: shows `page` of the page set `token`."""

    def __init__(self, token: str, page: int, direction: Direction, *, disabled: bool) -> None:
        super().__init__(
            discord.ui.Button(
                label=_LABELS[direction],
                style=discord.ButtonStyle.secondary,
                disabled=disabled,
                custom_id=f"pages:{token}:{max(page, 0)}:{direction}",
            )
        )
        self.token, self.page = token, page

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[StudyBot], item: discord.ui.Button, match: re.Match[str]
    ) -> PageButton:
        direction: Direction = "prev" if match["direction"] == "prev" else "next"
        return cls(match["token"], int(match["page"]), direction, disabled=False)

    async def callback(self, interaction: discord.Interaction[StudyBot]) -> None:
        pages = interaction.client.page_sets.get(self.token)
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


async def send_pages(interaction: discord.Interaction[StudyBot], pages: list[discord.Embed]) -> None:
    """Answer with the first page, or follow up a deferred answer with it; with buttons to turn the
    others when there are more."""
    if len(pages) == 1:
        await reply(interaction, embed=pages[0])
        return
    token = secrets.token_hex(8)
    live = interaction.client.page_sets
    # Kept before the message goes out, so a click that comes straight away finds its pages; taken back
    # if Discord refuses the message, so nothing is left behind.
    page_set = PageSet(interaction.user.id, pages, time.monotonic() + PAGE_TIMEOUT_S)
    live.add(token, page_set)
    try:
        page_set.message = await reply(interaction, embed=pages[0], view=page_view(token, 0, len(pages)))
    except BaseException:
        live.pop(token)
        raise
    page_set.closer = asyncio.get_running_loop().call_later(
        PAGE_TIMEOUT_S, lambda: asyncio.ensure_future(_close(live, token))
    )


async def _close(live: PageSets, token: str) -> None:
    """After the timeout the buttons are shown disabled rather than failing when pressed."""
    page_set = live.pop(token)
    if page_set is None or page_set.message is None:
        return
    # the message may be gone or its token expired: then there is nothing left to disable
    with contextlib.suppress(discord.HTTPException):
        await page_set.message.edit(view=page_view(token, 0, len(page_set.pages), closed=True))


async def setup(bot: StudyBot) -> None:
    """Not a cog: the page buttons, registered so that a click finds its pages even after a restart."""
    bot.add_dynamic_items(PageButton)
